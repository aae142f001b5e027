// The structural store: changed records only, stable identity for the rest, clean removals.
import { describe, expect, it } from 'vitest';
import { splitChanges } from '../../src/app/simulationSlice';
import {
  applyViewChanges,
  createSimStore,
  initialSimState,
  stateOnLoad,
  type SimState,
} from '../../src/app/store';
import { WorkerHost } from '../../src/worker/host';
import type { FrameMessage, FromWorker, ViewChanges } from '../../src/worker/protocol';

function frames() {
  const out: FromWorker[] = [];
  const host = new WorkerHost((m) => out.push(m));
  host.handle({ type: 'request', id: 1, request: { type: 'load', source: { kind: 'default' } } });
  const first = out.find((m): m is FrameMessage => m.type === 'frame')!;
  const next = (message: object) => {
    out.length = 0;
    host.handle(message);
    return out.find((m): m is FrameMessage => m.type === 'frame')!;
  };
  return { first, next };
}

function apply(state: SimState, changes: ViewChanges | null): SimState {
  return changes ? { ...state, ...applyViewChanges(state, changes) } : state;
}

describe('applyViewChanges', () => {
  it('fills an empty store from a full snapshot', () => {
    const { first } = frames();
    const s = apply(initialSimState(), first.changes);
    expect(s.brokerIds).toEqual([1, 2, 3]);
    expect(Object.keys(s.brokers)).toHaveLength(3);
    expect(s.partitions['orders-0']).toMatchObject({ topic: 'orders', partition: 0 });
    expect(s.producers.checkout.topic).toBe('orders');
    expect(s.deliveryTopic).toBe('orders');
    expect(s.cluster?.preset).toBe('classroom');
  });

  it('keeps the identity of records that did not change', () => {
    const { first, next } = frames();
    const s1 = apply(initialSimState(), first.changes);
    const frame = next({
      type: 'request',
      id: 2,
      request: { type: 'dispatch', command: { type: 'addBroker' } },
    });
    const s2 = apply(s1, frame.changes);
    expect(s2.brokerIds).toEqual([1, 2, 3, 4]);
    expect(s2.brokers[4]).toBeDefined();
    // Untouched records are the very same objects: their components do not re-render.
    expect(s2.producers.checkout).toBe(s1.producers.checkout);
    expect(s2.groups.billing).toBe(s1.groups.billing);
  });

  it('drops records whose ids disappeared, and a selection that pointed at them', () => {
    const { first } = frames();
    let s = apply(initialSimState(), first.changes);
    s = { ...s, selection: { kind: 'producer', id: 'checkout' } };
    const removal: ViewChanges = {
      full: false,
      cluster: null,
      brokers: { changed: [], ids: null },
      topics: { changed: [], ids: null },
      partitions: { changed: [], ids: null },
      producers: { changed: [], ids: [] },
      groups: { changed: [], ids: null },
      consumers: { changed: [], ids: null },
    };
    s = apply(s, removal);
    expect(s.producerIds).toEqual([]);
    expect(s.producers).toEqual({});
    expect(s.selection).toBeNull();
  });

  it('replaces everything on a new full snapshot', () => {
    const { first } = frames();
    let s = apply(initialSimState(), first.changes);
    const stale = {
      ...s,
      brokers: { ...s.brokers, 9: s.brokers[1] },
      brokerIds: [...s.brokerIds, 9],
    };
    s = apply(stale, first.changes);
    expect(s.brokerIds).toEqual([1, 2, 3]);
    expect(s.brokers[9]).toBeUndefined();
  });
});

describe('splitChanges', () => {
  it('cuts a big snapshot into pieces that together give the same state', () => {
    const { first } = frames();
    const whole = apply(initialSimState(), first.changes);
    const pieces = splitChanges(first.changes!, 10);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.slice(1).every((p) => !p.full && p.brokers.ids === null)).toBe(true);
    let s = initialSimState();
    for (const piece of pieces) s = apply(s, piece);
    expect(s.brokers).toEqual(whole.brokers);
    expect(s.partitions).toEqual(whole.partitions);
    expect(s.consumerIds).toEqual(whole.consumerIds);
  });

  it('leaves a small change whole', () => {
    const { first } = frames();
    expect(splitChanges(first.changes!, 10_000)).toEqual([first.changes]);
  });
});

describe('the store', () => {
  it('starts playing at 1x with nothing loaded and nothing chosen', () => {
    const store = createSimStore();
    expect(store.getState()).toMatchObject({
      status: 'starting',
      playing: true,
      speed: 1,
      brokerIds: [],
      selection: null,
      dialog: null,
      sidePanelOpen: true,
    });
  });

  it('is one per call: two stores never share state', () => {
    const a = createSimStore();
    const b = createSimStore();
    a.setState({ selection: { kind: 'broker', id: 1 }, speed: 5 });
    expect(b.getState()).toMatchObject({ selection: null, speed: 1 });
  });

  it('resets, on a new scenario, the status, the selection and the timeline but not the page layout', () => {
    expect(stateOnLoad()).toEqual({
      status: 'ready',
      error: null,
      engineError: null,
      selection: null,
      markers: [],
      canUndoFork: false,
      dismissedLoss: {},
      workerTrouble: null,
      // The Metrics mark belongs to the old scenario; whether Charts is open is page layout.
      metricsMark: null,
    });
  });
});
