// A runaway world in the worker (issue 15): the engine's budget error reaches the page as an
// error frame it can translate, and a reset (a new load) works afterwards.
import { describe, expect, it } from 'vitest';
import { WorkerHost } from '../../src/worker/host';
import type { FromWorker, ReplyMessage } from '../../src/worker/protocol';
import { runawayScenario } from '../engine/runawayScenario';

describe('WorkerHost: a runaway world', () => {
  it('reports the budget error as an error frame, and a reset recovers', () => {
    const outbox: FromWorker[] = [];
    const host = new WorkerHost((m) => outbox.push(m));
    const source = { kind: 'scenario', scenario: runawayScenario() };
    host.handle({ type: 'request', id: 1, request: { type: 'load', source } });
    expect(outbox.find((m): m is ReplyMessage => m.type === 'reply')?.value).toMatchObject({
      ok: true,
    });
    outbox.length = 0;
    host.handle({ type: 'advance', to: 5000, withView: true });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      type: 'error',
      fatal: false,
      error: { code: 'EVENT_BUDGET_EXCEEDED' },
    });
    expect((outbox[0] as { message: string }).message).toMatch(
      /^the simulation produced more than [\d,]+ events in one instant at t=\d+ ms; the last command was/,
    );
    // Reset: the default scenario loads and runs.
    outbox.length = 0;
    host.handle({ type: 'request', id: 2, request: { type: 'load', source: { kind: 'default' } } });
    expect(outbox[0]).toMatchObject({ type: 'reply', value: { ok: true } });
    outbox.length = 0;
    host.handle({ type: 'advance', to: 3000, withView: false });
    expect(outbox[0]).toMatchObject({ type: 'frame', now: 3000 });
  });

  it('answers a request that fails inside the worker with the error, not with silence', () => {
    // A seek can only replay what already ran, so no seek runs away today; the answer path is
    // the same for every request that throws (here: a seek before anything is loaded).
    const outbox: FromWorker[] = [];
    const host = new WorkerHost((m) => outbox.push(m));
    host.handle({
      type: 'request',
      id: 7,
      request: { type: 'seek', target: { kind: 'time', at: 1000 } },
    });
    expect(outbox).toEqual([
      expect.objectContaining({ type: 'error', fatal: false, requestId: 7 }),
    ]);
  });
});
