// The client's pacing, driven in Node against the real WorkerHost with a fake frame clock:
// one advance in flight, dt clamped, frozen when paused, Step runs one event.
import { describe, expect, it } from 'vitest';
import { SimClient, type FrameScheduler, type Transport } from '../../src/app/client';
import { createEventLogStore } from '../../src/app/eventLog';
import { FrameBuffer } from '../../src/app/frameBuffer';
import {
  MAX_FRAME_MS,
  nextSpeed,
  Pacer,
  roundSpeed,
  sliderFromSpeed,
  speedFromSlider,
} from '../../src/app/pacing';
import { createSimStore } from '../../src/app/store';
import { WorkerHost } from '../../src/worker/host';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

/** A transport whose messages wait in queues until the test delivers them. */
function harness() {
  const toWorker: ToWorker[] = [];
  const toPage: FromWorker[] = [];
  const host = new WorkerHost((m) => toPage.push(m));
  let onMessage: (m: FromWorker) => void = () => {};
  const transport: Transport = {
    post: (m) => toWorker.push(m),
    listen: (cb) => {
      onMessage = cb;
    },
    close: () => {},
  };
  let callback: ((wall: number) => void) | null = null;
  let wall = 0;
  const scheduler: FrameScheduler = {
    request: (cb) => {
      callback = cb;
      return 1;
    },
    cancel: () => {
      callback = null;
    },
    now: () => wall,
  };
  const store = createSimStore();
  const buffer = new FrameBuffer();
  const client = new SimClient(store, buffer, createEventLogStore(), transport, scheduler);
  /** Let the worker handle what was posted, then the page handle the answers. */
  const pump = async () => {
    while (toWorker.length) host.handle(toWorker.shift());
    while (toPage.length) onMessage(toPage.shift()!);
    await Promise.resolve();
  };
  const frame = async (dt: number, deliver = true) => {
    wall += dt;
    callback?.(wall);
    if (deliver) await pump();
  };
  return { client, store, buffer, toWorker, pump, frame };
}

async function started() {
  const h = harness();
  const loaded = h.client.start();
  await h.pump();
  expect(await loaded).toMatchObject({ ok: true });
  return h;
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

  it('runs one event on Step and pauses', async () => {
    const { client, store, frame, pump } = await started();
    await frame(16);
    await frame(16);
    const before = client.now;
    client.step();
    await pump();
    expect(store.getState().playing).toBe(false);
    expect(client.now).toBeGreaterThanOrEqual(before);
  });

  it('dispatches commands and shows the result in the store', async () => {
    const { client, store, pump } = await started();
    const result = client.dispatch({ type: 'addBroker' });
    await pump();
    expect(await result).toEqual({ ok: true });
    expect(store.getState().brokerIds).toEqual([1, 2, 3, 4]);
  });

  it('keeps recent events for the console API', async () => {
    const { client, frame } = await started();
    for (let i = 0; i < 30; i++) await frame(100);
    expect(client.events().length).toBeGreaterThan(0);
    expect(client.events().every((e) => e.type !== 'net.sent')).toBe(true);
    expect(client.flights().length).toBeGreaterThan(0);
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
