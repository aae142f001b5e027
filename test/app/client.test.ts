// The client's pacing, driven in Node against the real WorkerHost with a fake frame clock:
// one advance in flight, dt clamped, frozen when paused, Step runs one event.
import { describe, expect, it } from 'vitest';
import type { FrameMessage } from '../../src/worker/protocol';
import {
  MAX_FRAME_MS,
  nextSpeed,
  Pacer,
  roundSpeed,
  sliderFromSpeed,
  speedFromSlider,
} from '../../src/app/pacing';
import { nodeSimulator } from './nodeSimulator';

async function started() {
  const h = nodeSimulator();
  const { client, store, buffer, history } = h.simulator;
  const loaded = client.start();
  await h.pump();
  expect(await loaded).toMatchObject({ ok: true });
  return { ...h, client, store, buffer, history };
}

describe('SimClient', () => {
  it('says hello, loads the default scene and becomes ready', async () => {
    const { store } = await started();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.engineVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(s.brokerIds).toEqual([1, 2, 3]);
  });

  it('asks for dt * speed of sim time per frame, with one request in flight', async () => {
    const { client, frame, toWorker } = await started();
    await frame(16); // first frame: sets the frame clock
    await frame(16);
    const before = client.now;
    client.setSpeed(10);
    await frame(20);
    expect(client.now - before).toBeGreaterThanOrEqual(199);
    expect(client.now - before).toBeLessThanOrEqual(201);
    // While a request is unanswered, no second one is sent.
    await frame(16, false);
    const posted = toWorker.filter((m) => m.type === 'advance').length;
    await frame(16, false);
    expect(toWorker.filter((m) => m.type === 'advance').length).toBe(posted);
  });

  it('clamps a long gap (a background tab) to one short frame', async () => {
    const { client, frame } = await started();
    await frame(16);
    await frame(16);
    const before = client.now;
    await frame(60_000);
    expect(client.now - before).toBeLessThanOrEqual(MAX_FRAME_MS + 1);
  });

  it('freezes sim time and the display clock when paused', async () => {
    const { client, buffer, frame } = await started();
    await frame(16);
    await frame(16);
    client.setPlaying(false);
    await frame(16);
    const now = client.now;
    const shown = buffer.displayNow;
    for (let i = 0; i < 5; i++) await frame(16);
    expect(client.now).toBe(now);
    expect(buffer.displayNow).toBe(shown);
  });

  it('runs to the next event on Step and pauses', async () => {
    const { client, store, history, frame, pump, toWorker } = await started();
    await frame(16);
    await frame(16);
    const before = client.now;
    const seen = history.events().length;
    // Stop at the first frame with a logged event (the default also stops at traffic).
    client.stepStops = (f) => f.events.length > 0;
    client.step();
    // The client asks for engine events one at a time until one shows: answer each ask.
    await pump();
    for (let asks = 1; toWorker.length > 0 && asks < 1000; asks++) await pump();
    expect(store.getState().playing).toBe(false);
    // The clock moved on to exactly where that event happened, and no further.
    expect(client.now).toBeGreaterThan(before);
    const events = history.events();
    expect(events.length).toBeGreaterThan(seen);
    expect(events.at(-1)!.t).toBe(client.now);
  });

  it('dispatches commands and shows the result in the store', async () => {
    const { client, store, pump } = await started();
    const result = client.dispatch({ type: 'addBroker' });
    await pump();
    expect(await result).toEqual({ ok: true });
    expect(store.getState().brokerIds).toEqual([1, 2, 3, 4]);
  });

  it('keeps recent events for the console API', async () => {
    const { history, frame } = await started();
    for (let i = 0; i < 30; i++) await frame(100);
    expect(history.events().length).toBeGreaterThan(0);
    expect(history.events().every((e) => e.type !== 'net.sent')).toBe(true);
    expect(history.flights().length).toBeGreaterThan(0);
  });

  it('gives every frame to every listener, in the order they subscribed, until they leave', async () => {
    const { client, store, frame, pump } = await started();
    const seen: string[] = [];
    const stopFirst = client.onFrame((f) => seen.push(`first:${f.cause}`));
    // Listeners added later run after the store was updated: they see the frame's changes.
    client.onFrame((f) => seen.push(`second:${f.cause}:${store.getState().brokerIds.length}`));
    const added = client.dispatch({ type: 'addBroker' });
    await pump();
    await added;
    expect(seen).toEqual(['first:dispatch', 'second:dispatch:4']);
    stopFirst();
    seen.length = 0;
    await frame(16);
    await frame(16);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((line) => line.startsWith('second:advance'))).toBe(true);
  });

  it('starts the frame buffer, the log and the history afresh on a new load', async () => {
    const { client, buffer, history, simulator, frame, pump } = await started();
    for (let i = 0; i < 20; i++) await frame(100);
    expect(client.now).toBeGreaterThan(0);
    const loads: FrameMessage[] = [];
    client.onFrame((f) => {
      if (f.cause === 'load') loads.push(f);
    });
    const loaded = client.reset();
    await pump();
    await loaded;
    expect(loads).toHaveLength(1);
    expect(buffer.engineNow).toBe(loads[0].now);
    expect(client.now).toBe(loads[0].now);
    expect(history.events()).toEqual(loads[0].events);
    const logged = simulator.log.getState().entries.map((e) => e.event);
    expect(logged.every((e) => loads[0].events.includes(e))).toBe(true);
  });
});

describe('Pacer', () => {
  it('draws between answers, never ahead of what was asked', () => {
    const p = new Pacer();
    p.reset(0, 0);
    expect(p.nextTarget(0, 1)).toBe(0);
    p.confirm(0, 0);
    expect(p.nextTarget(16, 2)).toBe(32);
    expect(p.displayTime(8, 2, true)).toBe(16);
    expect(p.displayTime(100, 2, true)).toBe(32);
    p.confirm(32, 30);
    expect(p.displayTime(40, 2, true)).toBe(32);
    expect(p.displayTime(40, 2, false)).toBe(32);
  });

  it('keeps fractional time when the engine rounds down', () => {
    const p = new Pacer();
    p.reset(0, 0);
    p.nextTarget(0, 0.1);
    p.confirm(0, 0);
    for (let i = 1; i <= 10; i++) {
      const target = p.nextTarget(i * 16, 0.1)!;
      p.confirm(Math.floor(target), i * 16);
    }
    expect(p.confirmedNow).toBeCloseTo(16, 5);
  });
});

describe('speed', () => {
  it('maps the log slider to 0.1x..100x and back', () => {
    expect(speedFromSlider(-1)).toBe(0.1);
    expect(speedFromSlider(0)).toBe(1);
    expect(speedFromSlider(2)).toBe(100);
    expect(sliderFromSpeed(10)).toBeCloseTo(1);
    expect(roundSpeed(3.14159)).toBe(3.1);
    expect(roundSpeed(500)).toBe(100);
  });

  it('steps through readable speeds', () => {
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(1, -1)).toBe(0.5);
    expect(nextSpeed(100, 1)).toBe(100);
    expect(nextSpeed(0.1, -1)).toBe(0.1);
  });
});
