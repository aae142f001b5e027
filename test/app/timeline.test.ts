// The client on the timeline, in Node against the real WorkerHost: a seek resets the pacer to the
// frame's time (not forward), replaces the flights with the messages in the air there, and the
// event log drops what lies after the play head (playing on writes it again, as it was); while
// scrubbing only the latest seek runs; a shared session opens paused; Step runs to something
// visible and Step back undoes exactly one Step; a fork is offered for undo.
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/engine';
import type { FrameMessage, ToWorker } from '../../src/worker/protocol';
import { resetUndoably, undoNotice } from '../../src/app/timelineActions';
import { nodeSimulator } from './nodeSimulator';

async function started() {
  const h = nodeSimulator();
  const { client, store, buffer, history, log } = h.simulator;
  const loaded = client.start();
  await h.pump();
  expect(await loaded).toMatchObject({ ok: true });
  const run = async (frames: number, dt = 100) => {
    for (let i = 0; i < frames; i++) await h.frame(dt);
  };
  /** Deliver until the client has nothing more to say (a Step asks event by event). */
  const settle = async () => {
    for (let i = 0; i < 1000 && h.toWorker.length > 0; i++) await h.pump();
    await h.pump();
  };
  return { ...h, client, store, buffer, history, log, run, settle };
}

const lines = (entries: { event: SimEvent; count: number }[]) =>
  entries.map((e) => `${JSON.stringify(e.event)} x${e.count}`);

const seeks = (messages: ToWorker[]) =>
  messages.filter((m) => m.type === 'request' && m.request.type === 'seek');

describe('the client on the timeline', () => {
  it('seeks back: the pacer stands at the frame time, the log and flights follow the play head', async () => {
    const { client, buffer, log, history, run, pump, frame } = await started();
    client.setSpeed(10);
    await run(40); // about 40 s of sim time
    const far = client.now;
    expect(far).toBeGreaterThan(20_000);

    const frames: FrameMessage[] = [];
    client.onFrame((f) => frames.push(f));
    const result = client.seek({ kind: 'time', at: 12_000 });
    await pump();
    expect(await result).toMatchObject({ ok: true, now: 12_000 });
    const seekFrame = frames.find((f) => f.cause === 'seek')!;
    expect(seekFrame).toBeDefined();
    // The clock starts over there: it does not stay at the far end.
    expect(client.now).toBe(12_000);
    expect(client.pacer.confirmedNow).toBe(12_000);
    expect(buffer.displayNow).toBe(12_000);
    // The messages drawn are the ones in the air at 12 s, nothing from later.
    expect(buffer.flights.map((f) => f.id).sort()).toEqual(
      seekFrame.flights.map((f) => f.id).sort(),
    );
    expect(buffer.flights.every((f) => f.sentAt <= 12_000 && f.deliverAt > 12_000)).toBe(true);
    // Nothing after the play head is left in the log or the console history.
    expect(log.getState().entries.every((e) => e.event.t <= 12_000)).toBe(true);
    expect(history.events().every((e) => e.t <= 12_000)).toBe(true);
    // Playing on: the next advance asks for a little more than 12 s, not for 40 s.
    await frame(16);
    await frame(16);
    expect(client.now).toBeLessThan(12_000 + 2 * 16 * 10 + 2);
    expect(client.now).toBeGreaterThanOrEqual(12_000);
  });

  it('plays on from the past and writes the same log as a run that never went back', async () => {
    const a = await started();
    const b = await started();
    for (const h of [a, b]) h.client.setSpeed(10);
    await a.run(30);
    const back = a.client.seek({ kind: 'time', at: 9_000 });
    await a.pump();
    expect(await back).toMatchObject({ ok: true });
    // Now both run to the same sim time (the seeked one replays its recorded future).
    await b.run(30);
    const target = b.client.now;
    await a.run(60);
    while (a.client.now < target) await a.frame(16);
    // Compare the log up to the earlier of the two, event by event.
    const until = Math.min(a.client.now, b.client.now);
    const upTo = (h: typeof a) => h.log.getState().entries.filter((e) => e.event.t <= until);
    expect(lines(upTo(a)).slice(-40)).toEqual(lines(upTo(b)).slice(-40));
  });

  it('runs only the latest seek while one is on its way (scrubbing)', async () => {
    const { client, toWorker, run, pump } = await started();
    client.setSpeed(10);
    await run(30);
    const first = client.seek({ kind: 'time', at: 5_000 });
    const second = client.seek({ kind: 'time', at: 6_000 });
    const third = client.seek({ kind: 'time', at: 7_000 });
    // Only the first went out; the second was replaced by the third.
    expect(seeks(toWorker)).toHaveLength(1);
    expect(await second).toBeNull();
    await pump(); // the first seek's reply and frame; the third goes out
    expect(await first).toMatchObject({ ok: true, now: 5_000 });
    expect(seeks(toWorker)).toHaveLength(1);
    await pump();
    expect(await third).toMatchObject({ ok: true, now: 7_000 });
    expect(client.now).toBe(7_000);
  });

  it('sends no advance while a seek is on its way or the timeline is dragged', async () => {
    const { client, toWorker, run, frame, pump } = await started();
    client.setSpeed(10);
    await run(10);
    toWorker.length = 0;
    void client.seek({ kind: 'time', at: 1_000 });
    await frame(16, false);
    await frame(16, false);
    expect(toWorker.filter((m) => m.type === 'advance')).toEqual([]);
    await pump();
    client.setScrubbing(true);
    await frame(16);
    await frame(16);
    expect(client.now).toBe(1_000);
    client.setScrubbing(false);
    await frame(16);
    await frame(16);
    expect(client.now).toBeGreaterThan(1_000);
  });

  it('opens a shared session paused at its moment', async () => {
    const a = await started();
    a.client.setSpeed(10);
    await a.run(20);
    const killed = a.client.dispatch({ type: 'killBroker', brokerId: 2 });
    await a.pump();
    expect(await killed).toEqual({ ok: true });
    await a.run(10);
    const exported = a.client.exportSession();
    await a.pump();
    const { fragment } = await exported;

    const b = await started();
    expect(b.store.getState().playing).toBe(true);
    const loaded = b.client.load({ kind: 'url', fragment });
    await b.pump();
    const result = await loaded;
    expect(result).toMatchObject({ ok: true, playhead: a.client.now });
    expect(b.store.getState().playing).toBe(false);
    expect(b.client.now).toBe(a.client.now);
    expect(b.store.getState().brokers[2].status).toBe('crashed');
  });

  it('Step runs to a visible change, and Step back undoes exactly that Step', async () => {
    const { client, store, buffer, run, settle } = await started();
    client.setSpeed(5);
    await run(20);
    client.setPlaying(false);
    await settle();
    const frames: FrameMessage[] = [];
    client.onFrame((f) => frames.push(f));
    const start = client.playhead;
    const before = JSON.stringify(store.getState().partitions);
    client.step();
    await settle();
    expect(store.getState().playing).toBe(false);
    const steps = frames.filter((f) => f.cause === 'step');
    expect(steps.length).toBeGreaterThanOrEqual(1);
    // Every step frame but the last showed nothing; the last shows something.
    expect(client.stepStops(steps.at(-1)!)).toBe(true);
    for (const f of steps.slice(0, -1)) expect(client.stepStops(f)).toBe(false);
    const after = client.playhead;
    expect(after.position).toBeGreaterThan(start.position);

    client.step();
    await settle();
    const twice = client.playhead;
    expect(twice.position).toBeGreaterThan(after.position);

    // Step back twice: first to where the second Step began, then to where the first began.
    void client.stepBack();
    await settle();
    expect(client.playhead).toEqual(after);
    void client.stepBack();
    await settle();
    expect(client.playhead).toEqual(start);
    expect(client.now).toBe(start.at);
    expect(buffer.displayNow).toBe(start.at);
    expect(JSON.stringify(store.getState().partitions)).toBe(before);
  });

  it('offers to undo a fork, and the undo brings the dropped future back', async () => {
    const { client, store, run, pump, settle } = await started();
    client.setSpeed(10);
    await run(20);
    const killed = client.dispatch({ type: 'killBroker', brokerId: 1 });
    await pump();
    await killed;
    await run(15);
    await settle();
    const end = client.now;
    const withKill = store.getState().markers.length;
    expect(store.getState().markers.some((m) => m.kind === 'election' && m.at > 0)).toBe(true);

    void client.seek({ kind: 'time', at: 3_000 });
    await settle();
    const forked = client.dispatch({ type: 'addBroker' });
    await settle();
    expect(await forked).toEqual({ ok: true, forked: true });
    expect(store.getState()).toMatchObject({
      canUndoFork: true,
      timelineNotice: { kind: 'fork', at: 3_000 },
    });
    // The kill and what followed it are gone from the markers.
    expect(store.getState().markers.every((m) => m.at <= 3_000)).toBe(true);

    const undone = client.undoFork();
    await settle();
    expect(await undone).toBe(true);
    expect(store.getState()).toMatchObject({ canUndoFork: false, timelineNotice: null });
    expect(store.getState().markers.length).toBe(withKill);
    expect(client.now).toBe(3_000);
    expect(store.getState().brokerIds).toEqual([1, 2, 3]);
    const timeline = client.timeline();
    await pump();
    expect((await timeline).end).toBe(end);
  });

  it('Next event lands on the election; the log ends with it and holds nothing later', async () => {
    const { client, log, run, pump, settle } = await started();
    client.setSpeed(10);
    await run(20);
    const killed = client.dispatch({ type: 'killBroker', brokerId: 1 });
    await pump();
    await killed;
    const killedAt = client.now;
    await run(20);
    await settle();
    void client.seek({ kind: 'time', at: killedAt });
    await settle();
    let landed = null;
    for (let i = 0; i < 5; i++) {
      const result = client.seek({ kind: 'marker', direction: 'next' });
      await settle();
      const r = await result;
      if (r?.markers.some((m) => m.event.type === 'partition.leader-elected')) {
        landed = r;
        break;
      }
    }
    expect(landed).not.toBeNull();
    const entries = log.getState().entries;
    const place = { position: landed!.position };
    expect(entries.every((e) => !e.place || e.place.position <= place.position)).toBe(true);
    expect(
      entries.some((e) => e.event.type === 'partition.leader-elected' && e.event.t > killedAt),
    ).toBe(true);
  });

  it('Reset can be undone: the session it left comes back, paused where it was', async () => {
    const { client, store, run, settle } = await started();
    client.setSpeed(10);
    await run(10);
    const added = client.dispatch({ type: 'addBroker' });
    await settle();
    await added;
    await run(10);
    await settle();
    const leftAt = client.now;
    const ctx = { client, store, zoom: () => {} };
    const reset = resetUndoably(ctx);
    await settle();
    await reset;
    await settle();
    expect(store.getState().brokerIds).toEqual([1, 2, 3]);
    expect(store.getState().timelineNotice).toMatchObject({ kind: 'reset', at: leftAt });

    const undone = undoNotice(client, store);
    await settle();
    await undone;
    await settle();
    expect(store.getState().brokerIds).toEqual([1, 2, 3, 4]);
    expect(store.getState().playing).toBe(false);
    expect(client.now).toBe(leftAt);
    expect(store.getState().timelineNotice).toBeNull();

    // Reset still means the scenario from its start, not the session the undo loaded.
    const again = client.reset();
    await settle();
    await again;
    await settle();
    expect(store.getState().brokerIds).toEqual([1, 2, 3]);
  });
});
