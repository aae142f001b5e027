// A stuck or crashed worker (issue 15): the page notices an advance left unanswered for
// STUCK_AFTER_MS and a worker error, says so in the store, and restart() brings a new worker up
// from the last good moment with the command log kept.
import { describe, expect, it } from 'vitest';
import { STUCK_AFTER_MS, type Transport } from '../../src/app/client';
import { createSimulator } from '../../src/app/simulator';
import { WorkerHost } from '../../src/worker/host';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';
import { FakeFrames } from './nodeSimulator';

/** A simulator whose workers can be told to stop answering or to fail. */
function setup() {
  const frames = new FakeFrames();
  const workers: { host: WorkerHost; inbox: ToWorker[]; outbox: FromWorker[]; deaf: boolean }[] =
    [];
  let fail: (message: string) => void = () => {};
  let deliver: (m: FromWorker) => void = () => {};
  const newTransport = (): Transport => {
    const worker = {
      inbox: [] as ToWorker[],
      outbox: [] as FromWorker[],
      deaf: false,
      host: null as unknown as WorkerHost,
    };
    worker.host = new WorkerHost((m) => worker.outbox.push(m));
    workers.push(worker);
    return {
      post: (m) => worker.inbox.push(m),
      listen: (onMessage, onFailure) => {
        deliver = onMessage;
        fail = onFailure;
      },
      close: () => {},
    };
  };
  const simulator = createSimulator({ transport: newTransport(), scheduler: frames, newTransport });
  const pump = async () => {
    const w = workers[workers.length - 1];
    if (!w.deaf) while (w.inbox.length) w.host.handle(w.inbox.shift());
    while (w.outbox.length) deliver(w.outbox.shift()!);
    await Promise.resolve();
    await Promise.resolve();
  };
  const frame = async (dt: number) => {
    frames.frame(dt);
    await pump();
  };
  return {
    simulator,
    workers,
    frames,
    frame,
    pump,
    deliverAll: () => {
      const w = workers[workers.length - 1];
      while (w.outbox.length) deliver(w.outbox.shift()!);
    },
    fail: (m: string) => fail(m),
  };
}

describe('a stuck or crashed worker', () => {
  it('is noticed when an advance goes unanswered, and restart() resumes with the commands', async () => {
    const { simulator, workers, frame, pump } = setup();
    const { client, store } = simulator;
    const started = client.start({ kind: 'default' });
    await pump();
    await started;
    for (let i = 0; i < 30; i++) await frame(16);
    const dispatched = client.dispatch({ type: 'addBroker' });
    await pump();
    expect((await dispatched).ok).toBe(true);
    // The keeper copies the session after the command: the last good moment.
    for (let i = 0; i < 5; i++) await frame(16);
    expect(simulator.keeper.lastGood?.actions?.some((a) => a.type === 'addBroker')).toBe(true);

    workers[0].deaf = true;
    for (let t = 0; t <= STUCK_AFTER_MS + 100; t += 100) await frame(100);
    expect(store.getState().workerTrouble).toEqual({
      kind: 'stuck',
      seconds: STUCK_AFTER_MS / 1000,
    });
    expect(store.getState().playing).toBe(false);

    const restarted = client.restart(simulator.keeper.lastGood);
    await pump();
    expect((await restarted).ok).toBe(true);
    expect(workers).toHaveLength(2);
    for (let i = 0; i < 3; i++) await frame(16);
    expect(store.getState().workerTrouble).toBeNull();
    expect(store.getState().brokerIds).toContain(4);
  });

  it('is noticed when the worker answers a request and then nothing, the advance behind it included', async () => {
    const { simulator, workers, frames, frame, pump, deliverAll } = setup();
    const { client, store } = simulator;
    const started = client.start({ kind: 'default' });
    await pump();
    await started;
    for (let i = 0; i < 10; i++) await frame(16);
    // A request, then an advance; the worker answers the request and gets stuck before the advance.
    void client.view();
    frames.frame(16);
    const worker = workers[0];
    expect(worker.inbox.map((m) => m.type)).toEqual(['request', 'advance']);
    worker.host.handle(worker.inbox.shift());
    worker.deaf = true;
    deliverAll();
    for (let t = 0; t <= STUCK_AFTER_MS + 100; t += 100) await frame(100);
    expect(store.getState().workerTrouble).toEqual({
      kind: 'stuck',
      seconds: STUCK_AFTER_MS / 1000,
    });
  });

  it('reports a worker that fails', async () => {
    const { simulator, pump, fail } = setup();
    const started = simulator.client.start({ kind: 'default' });
    await pump();
    await started;
    fail('boom');
    expect(simulator.store.getState().workerTrouble).toEqual({ kind: 'crashed', message: 'boom' });
  });
});
