// Two simulators on one page (a lesson that shows two clusters side by side): each has its own
// WorkerHost, store, frame buffer, event log and listeners, and they share only the animation
// frames. What one is told to do never shows in the other.
import { describe, expect, it } from 'vitest';
import type { FrameMessage } from '../../src/worker/protocol';
import { FakeFrames, nodeSimulator } from './nodeSimulator';

/** Five brokers and a topic the default scene does not have. */
const WIDE = {
  version: 1,
  seed: 11,
  preset: 'classroom',
  cluster: { brokers: 5 },
  topics: [{ name: 'payments', partitions: 2, replicationFactor: 3 }],
};

async function sideBySide() {
  const frames = new FakeFrames();
  const left = nodeSimulator(frames);
  const right = nodeSimulator(frames);
  const pumpBoth = async () => {
    await left.pump();
    await right.pump();
  };
  const loadedLeft = left.simulator.client.start({ kind: 'default' });
  const loadedRight = right.simulator.client.start({ kind: 'scenario', scenario: WIDE });
  await pumpBoth();
  expect(await loadedLeft).toMatchObject({ ok: true });
  expect(await loadedRight).toMatchObject({ ok: true });
  const frame = async (dt: number) => {
    frames.frame(dt);
    await pumpBoth();
  };
  return { left: left.simulator, right: right.simulator, frame, pumpBoth };
}

describe('two simulators side by side', () => {
  it('load different scenarios into their own stores', async () => {
    const { left, right } = await sideBySide();
    expect(left.store.getState()).toMatchObject({ status: 'ready', brokerIds: [1, 2, 3] });
    expect(right.store.getState()).toMatchObject({ status: 'ready', brokerIds: [1, 2, 3, 4, 5] });
    expect(left.store.getState().topicNames).toContain('orders');
    expect(left.store.getState().topicNames).not.toContain('payments');
    expect(right.store.getState().topicNames).toContain('payments');
    expect(right.store.getState().topicNames).not.toContain('orders');
    expect(right.store.getState().cluster?.seed).toBe(11);
    expect(left.store.getState().cluster?.seed).not.toBe(11);
  });

  it('both receive frames from one animation clock, each into its own buffer and log', async () => {
    const { left, right, frame } = await sideBySide();
    const received = { left: [] as FrameMessage[], right: [] as FrameMessage[] };
    left.client.onFrame((f) => received.left.push(f));
    right.client.onFrame((f) => received.right.push(f));
    for (let i = 0; i < 30; i++) await frame(100);
    expect(received.left.length).toBeGreaterThan(0);
    expect(received.right.length).toBeGreaterThan(0);
    expect(left.client.now).toBeGreaterThan(0);
    expect(right.client.now).toBeGreaterThan(0);
    // The default scene has a producer: its records are in its buffer only.
    expect([...left.buffer.partitions.keys()]).toContain('orders-0');
    expect([...right.buffer.partitions.keys()]).not.toContain('orders-0');
    expect([...right.buffer.partitions.keys()]).toContain('payments-0');
    const produced = (events: { type: string }[]) =>
      events.filter((e) => e.type === 'record.acked').length;
    expect(produced(left.history.events())).toBeGreaterThan(0);
    expect(produced(right.history.events())).toBe(0);
    const topicsLogged = (sim: typeof left) =>
      new Set(sim.log.getState().entries.map((e) => ('topic' in e.event ? e.event.topic : null)));
    expect(topicsLogged(left)).toContain('orders');
    expect(topicsLogged(left)).not.toContain('payments');
    expect(topicsLogged(right)).toContain('payments');
    expect(topicsLogged(right)).not.toContain('orders');
  });

  it('apply a command to the simulator it was given to, and only to that one', async () => {
    const { left, right, pumpBoth } = await sideBySide();
    const rightFrames: FrameMessage[] = [];
    right.client.onFrame((f) => rightFrames.push(f));
    const added = left.client.dispatch({ type: 'addBroker' });
    await pumpBoth();
    expect(await added).toEqual({ ok: true });
    expect(left.store.getState().brokerIds).toEqual([1, 2, 3, 4]);
    expect(right.store.getState().brokerIds).toEqual([1, 2, 3, 4, 5]);
    expect(rightFrames.filter((f) => f.cause === 'dispatch')).toEqual([]);

    const killed = right.client.dispatch({ type: 'killBroker', brokerId: 5 });
    await pumpBoth();
    expect(await killed).toEqual({ ok: true });
    expect(right.store.getState().brokers[5].status).not.toBe('running');
    expect(left.store.getState().brokers[3].status).toBe('running');
  });

  it('keep their own playback and UI state', async () => {
    const { left, right, frame } = await sideBySide();
    await frame(16);
    left.client.setPlaying(false);
    left.store.setState({ selection: { kind: 'broker', id: 2 }, dialog: { kind: 'about' } });
    right.client.setSpeed(10);
    const leftNow = left.client.now;
    const rightNow = right.client.now;
    for (let i = 0; i < 10; i++) await frame(50);
    expect(left.client.now).toBe(leftNow);
    expect(right.client.now).toBeGreaterThan(rightNow + 1000);
    expect(right.store.getState()).toMatchObject({
      playing: true,
      speed: 10,
      selection: null,
      dialog: null,
    });
    expect(left.store.getState()).toMatchObject({ playing: false, speed: 1 });
  });
});
