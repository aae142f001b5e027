// The protocol's shape checks, partition keys, flight merging and the view diff.
import { describe, expect, it } from 'vitest';
import {
  checkToWorker,
  parsePartitionKey,
  partitionKey,
  PROTOCOL_VERSION,
  type Flight,
} from '../../src/worker/protocol';
import {
  MAX_FLIGHTS_PER_FRAME,
  MERGE_ABOVE,
  mergeFlights,
  splitTraffic,
} from '../../src/worker/flights';
import { ViewDiffer } from '../../src/worker/viewDiff';
import { createEngine, type SimEvent } from '../../src/engine';
import { DEFAULT_SCENARIO } from '../../src/scenario';

describe('protocol messages', () => {
  it('has a version number', () => {
    expect(PROTOCOL_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('accepts the four message types', () => {
    for (const m of [
      { type: 'hello', protocol: 2 },
      { type: 'advance', to: 10, withView: true },
      { type: 'step' },
      { type: 'request', id: 1, request: { type: 'view' } },
    ]) {
      expect(checkToWorker(m)).toBe(m);
    }
  });

  it('names what is wrong with a bad message', () => {
    expect(checkToWorker(null)).toMatch(/not an object/);
    expect(checkToWorker({ type: 'advance', to: Number.NaN })).toMatch(/finite/);
    expect(checkToWorker({ type: 'hello' })).toMatch(/protocol/);
    expect(checkToWorker({ type: 'request', id: 1, request: { type: 'nope' } })).toMatch(
      /unknown request/,
    );
    expect(checkToWorker({ type: 'launch' })).toMatch(/unknown message/);
  });
});

describe('partition keys', () => {
  it('round-trips topic names that contain dashes', () => {
    for (const [topic, p] of [
      ['orders', 0],
      ['click-stream', 12],
      ['a-b-c', 3],
    ] as const) {
      expect(parsePartitionKey(partitionKey(topic, p))).toEqual({ topic, partition: p });
    }
    expect(parsePartitionKey('orders')).toBeNull();
    expect(parsePartitionKey('orders-x')).toBeNull();
  });
});

function flight(i: number, over: Partial<Flight> = {}): Flight {
  return {
    id: i,
    from: 'producer:p',
    to: 'broker:1',
    kind: 'produce',
    sentAt: i,
    deliverAt: i + 300,
    dropped: false,
    keys: ['k'],
    recordCount: 1,
    merged: 1,
    ...over,
  };
}

describe('flights', () => {
  it('turns net.sent into flights and keeps the other events', () => {
    const events: SimEvent[] = [
      {
        t: 5,
        type: 'net.sent',
        id: 7,
        from: 'broker:1',
        to: 'consumer:c',
        kind: 'fetch-response',
        sentAt: 5,
        deliverAt: 300,
        dropped: false,
        topic: 'orders',
        partition: 1,
        records: [
          { offset: 3, key: 'alice' },
          { offset: 4, key: null },
        ],
        recordCount: 2,
      },
      { t: 6, type: 'net.dropped', id: 7, reason: { code: 'node-down' } },
      { t: 6, type: 'broker.healed', brokerId: 1 },
    ];
    const { events: rest, flights, lostFlights } = splitTraffic(events);
    expect(rest).toEqual([events[2]]);
    expect(flights).toEqual([
      expect.objectContaining({
        id: 7,
        keys: ['alice', null],
        recordCount: 2,
        topic: 'orders',
        partition: 1,
      }),
    ]);
    expect(lostFlights).toEqual([{ id: 7, at: 6 }]);
  });

  it('leaves a calm frame alone', () => {
    const few = Array.from({ length: MERGE_ABOVE }, (_, i) => flight(i));
    expect(mergeFlights(few)).toBe(few);
  });

  it('merges a busy frame into batches per route, counting what they stand for', () => {
    const many = [
      ...Array.from({ length: 300 }, (_, i) => flight(i)),
      ...Array.from({ length: 100 }, (_, i) => flight(1000 + i, { to: 'broker:2' })),
      ...Array.from({ length: 50 }, (_, i) =>
        flight(2000 + i, { kind: 'heartbeat', recordCount: 0, keys: [] }),
      ),
    ];
    const merged = mergeFlights(many);
    expect(merged).toHaveLength(3);
    const toOne = merged.find((f) => f.to === 'broker:1' && f.recordCount > 0)!;
    expect(toOne.merged).toBe(300);
    expect(toOne.recordCount).toBe(300);
    expect(toOne.keys.length).toBeLessThanOrEqual(4);
    expect(merged.reduce((n, f) => n + f.merged, 0)).toBe(450);
  });

  it('never sends more than the cap, keeping record carriers first', () => {
    const routes = Array.from({ length: MAX_FLIGHTS_PER_FRAME + 200 }, (_, i) =>
      flight(i, {
        from: `consumer:c${i}`,
        recordCount: i % 2,
        kind: i % 2 ? 'fetch-response' : 'heartbeat',
      }),
    );
    const merged = mergeFlights(routes);
    expect(merged.length).toBe(MAX_FLIGHTS_PER_FRAME);
    expect(merged.filter((f) => f.recordCount > 0).length).toBe(
      routes.filter((f) => f.recordCount > 0).length,
    );
  });
});

describe('ViewDiffer', () => {
  it('sends everything once, then only what changed', () => {
    const engine = createEngine(DEFAULT_SCENARIO);
    const differ = new ViewDiffer();
    const first = differ.diff(engine.view(), true);
    expect(first.changes.full).toBe(true);
    expect(first.changes.brokers.changed).toHaveLength(3);

    const again = differ.diff(engine.view(), false);
    expect(again.changes.brokers.changed).toHaveLength(0);
    expect(again.changes.brokers.ids).toBeNull();
    expect(again.changes.cluster).toBeNull();
    expect(Object.keys(again.fast.partitions)).toHaveLength(0);

    expect(engine.dispatch({ type: 'addBroker' })).toEqual({ ok: true });
    const added = differ.diff(engine.view(), false);
    expect(added.changes.brokers.ids).toEqual([1, 2, 3, 4]);
    expect(added.changes.brokers.changed.map((b) => b.id)).toContain(4);
  });

  it('puts offsets in the fast part and leaves them out of the structure', () => {
    const engine = createEngine(DEFAULT_SCENARIO);
    const differ = new ViewDiffer();
    differ.diff(engine.view(), true);
    engine.advanceTo(20000);
    const { changes, fast } = differ.diff(engine.view(), false);
    for (const p of changes.partitions.changed) {
      expect(p).not.toHaveProperty('highWatermark');
      expect(p).not.toHaveProperty('logEndOffset');
    }
    const orders0 = fast.partitions['orders-0'];
    expect(orders0.logEndOffset).toBeGreaterThan(0);
    expect(orders0.replicas).toHaveLength(3);
  });
});
