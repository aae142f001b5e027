// A frame can carry a whole stretch of a big scene: at 100x the page asks for ten simulated
// seconds or more at a time, tens of thousands of events. Appending them with a spread
// (`push(...events)`) overflowed the stack (Chromium's worker gave up near 75,000 arguments, Node
// near 150,000), and the big scene stopped with "Maximum call stack size exceeded".
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/engine';
import { RecentHistory, RECENT_EVENTS } from '../../src/app/recentHistory';
import { bigScenario } from '../../src/scenario/big';
import { WorkerHost } from '../../src/worker/host';
import type { FrameMessage, FromWorker } from '../../src/worker/protocol';

describe('frames as big as a big scene at 100x', () => {
  it('the worker sends one frame for 30 simulated seconds of the big scene', () => {
    const outbox: FromWorker[] = [];
    const host = new WorkerHost((m) => outbox.push(m));
    const source = { kind: 'scenario' as const, scenario: bigScenario() };
    host.handle({ type: 'request', id: 1, request: { type: 'load', source } });
    outbox.length = 0;
    host.handle({ type: 'advance', to: 30_000, withView: false });
    expect(outbox).toHaveLength(1);
    const frame = outbox[0] as FrameMessage;
    expect(frame).toMatchObject({ type: 'frame', now: 30_000 });
    expect(frame.events.length).toBeGreaterThan(20_000);
  });

  it('the page keeps the last events of a frame with 200,000 of them', () => {
    const history = new RecentHistory();
    const events = Array.from({ length: 200_000 }, (_, i): SimEvent => ({
      type: 'net.dropped',
      id: i,
      reason: { code: 'node-down' },
      t: i,
    }));
    const frame = { type: 'frame', cause: 'advance', now: 200_000, events, flights: [] };
    history.onFrame(frame as unknown as FrameMessage, { wall: 0, confirmedNow: 200_000 });
    const kept = history.events();
    expect(kept).toHaveLength(RECENT_EVENTS);
    expect(kept[0]).toBe(events[200_000 - RECENT_EVENTS]);
    expect(kept.at(-1)).toBe(events.at(-1));
  });
});
