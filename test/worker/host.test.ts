// The worker host, driven directly in Node: the same code runs in the Web Worker.
import { describe, expect, it } from 'vitest';
import { TAIL_RECORDS, WorkerHost } from '../../src/worker/host';
import {
  PROTOCOL_VERSION,
  type FrameMessage,
  type FromWorker,
  type ReplyMessage,
} from '../../src/worker/protocol';
import { createEngine, ENGINE_VERSION } from '../../src/engine';
import { DEFAULT_SCENARIO } from '../../src/scenario';

function setup() {
  const outbox: FromWorker[] = [];
  const host = new WorkerHost((m) => outbox.push(m));
  let nextId = 1;
  const request = (request: object) => {
    const id = nextId++;
    outbox.length = 0;
    host.handle({ type: 'request', id, request });
    const reply = outbox.find((m): m is ReplyMessage => m.type === 'reply' && m.id === id);
    const frame = outbox.find((m): m is FrameMessage => m.type === 'frame');
    return { reply, frame };
  };
  const advance = (to: number, withView = true) => {
    outbox.length = 0;
    host.handle({ type: 'advance', to, withView });
    return outbox[0] as FrameMessage;
  };
  return { host, outbox, request, advance };
}

function loaded() {
  const s = setup();
  const { reply, frame } = s.request({ type: 'load', source: { kind: 'default' } });
  expect(reply?.value).toMatchObject({ ok: true });
  return { ...s, first: frame! };
}

describe('WorkerHost: hello and protocol', () => {
  it('answers hello with the engine version and the sim clock', () => {
    const { host, outbox } = setup();
    host.handle({ type: 'hello', protocol: PROTOCOL_VERSION });
    expect(outbox).toEqual([
      {
        type: 'ready',
        protocol: PROTOCOL_VERSION,
        engineVersion: ENGINE_VERSION,
        now: 0,
        brokerBasePort: 9092,
      },
    ]);
  });

  it('refuses a page that speaks another protocol version, fatally', () => {
    const { host, outbox } = setup();
    host.handle({ type: 'hello', protocol: PROTOCOL_VERSION + 1 });
    expect(outbox[0]).toMatchObject({ type: 'error', fatal: true });
    expect((outbox[0] as { message: string }).message).toMatch(/Protocol mismatch/);
  });

  it('reports a garbled message without dying', () => {
    const { host, outbox } = setup();
    host.handle('not a message');
    host.handle({ type: 'advance', to: 'soon' });
    host.handle({ type: 'request', id: 1, request: { type: 'format-disk' } });
    expect(outbox).toHaveLength(3);
    for (const m of outbox) expect(m).toMatchObject({ type: 'error', fatal: false });
  });

  it('answers an advance before any load with an empty frame', () => {
    const { advance } = setup();
    expect(advance(100)).toMatchObject({ type: 'frame', now: 0, changes: null, events: [] });
  });
});

describe('WorkerHost: load', () => {
  it('loads the default scene and sends a full snapshot', () => {
    const { first } = loaded();
    expect(first.cause).toBe('load');
    const changes = first.changes!;
    expect(changes.full).toBe(true);
    expect(changes.brokers.ids).toEqual([1, 2, 3]);
    expect(changes.topics.ids).toContain('orders');
    expect(changes.producers.ids).toEqual(['checkout']);
    expect(changes.groups.ids).toEqual(expect.arrayContaining(['billing', 'analytics']));
    expect(changes.cluster?.engineVersion).toBe(ENGINE_VERSION);
    // The fast part carries the offsets of every partition.
    expect(Object.keys(first.fast!.partitions)).toEqual(
      expect.arrayContaining(['orders-0', 'orders-1', 'orders-2']),
    );
  });

  it('validates a scenario and reports every error without replacing the engine', () => {
    const { request } = loaded();
    const { reply, frame } = request({
      type: 'load',
      source: { kind: 'scenario', scenario: { version: 1, seed: 1, cluster: { brokers: 0 } } },
    });
    expect(reply?.value).toMatchObject({ ok: false });
    expect((reply!.value as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    expect(frame).toBeUndefined();
  });

  it('loads a built-in by id and refuses an unknown one', () => {
    const { request } = setup();
    expect(
      request({ type: 'load', source: { kind: 'builtin', id: 'default' } }).reply?.value,
    ).toMatchObject({
      ok: true,
    });
    expect(
      request({ type: 'load', source: { kind: 'builtin', id: 'nope' } }).reply?.value,
    ).toMatchObject({
      ok: false,
      errors: [{ code: 'UNKNOWN_SCENARIO' }],
    });
  });

  it('lists the built-in scenarios, each with a title', () => {
    const { request } = setup();
    const list = request({ type: 'scenarios' }).reply?.value as { id: string; title: string }[];
    expect(list.map((s) => s.id)).toContain('default');
    for (const s of list) expect(s.title.length).toBeGreaterThan(0);
  });

  it('says so when a link carries no scenario', () => {
    const { request } = setup();
    const { reply } = request({ type: 'load', source: { kind: 'url', fragment: 'nothing=here' } });
    expect(reply?.value).toMatchObject({ ok: false });
  });
});

describe('WorkerHost: advance, diffs and events', () => {
  it('advances the sim clock and drains events, traffic as flights', () => {
    const { advance } = loaded();
    const frame = advance(3000);
    expect(frame.cause).toBe('advance');
    expect(frame.now).toBe(3000);
    expect(frame.events.length).toBeGreaterThan(0);
    expect(frame.events.every((e) => e.type !== 'net.sent' && e.type !== 'net.dropped')).toBe(true);
    expect(frame.flights.length).toBeGreaterThan(0);
    for (const f of frame.flights) expect(f.deliverAt).toBeGreaterThanOrEqual(f.sentAt);
  });

  it('sends only the records that changed', () => {
    const { advance, request } = loaded();
    advance(5000);
    const quiet = advance(5001);
    // One millisecond later the brokers have not changed: no broker record is resent (null
    // changes: nothing at all changed).
    expect(quiet.changes?.brokers.changed ?? []).toEqual([]);
    expect(quiet.changes?.brokers.ids ?? null).toBeNull();
    // Killing broker 2 changes its record, which is sent (a diff that sends nothing fails here);
    // the broker list itself is the same, so it is not resent.
    const { frame } = request({ type: 'dispatch', command: { type: 'killBroker', brokerId: 2 } });
    const changed = frame!.changes!.brokers.changed as { id: number; status: string }[];
    expect(changed.find((b) => b.id === 2)).toMatchObject({ status: 'crashed' });
    expect(changed.length).toBeLessThan(3);
    expect(frame!.changes!.brokers.ids).toBeNull();
  });

  it('sends the newest records of each partition, with their keys, for the offset strips', () => {
    const { advance } = loaded();
    const frame = advance(20000);
    const tail = frame.fast!.partitions['orders-0'].tail!;
    expect(tail.length).toBeGreaterThan(0);
    expect(tail.length).toBeLessThanOrEqual(TAIL_RECORDS);
    expect(tail.at(-1)!.offset).toBe(frame.fast!.partitions['orders-0'].logEndOffset - 1);
    expect(tail.every((r) => typeof r.key === 'string')).toBe(true);
  });

  it('leaves the view out when the page does not ask for it', () => {
    const { advance } = loaded();
    const frame = advance(2000, false);
    expect(frame.changes).toBeNull();
    expect(frame.fast).toBeNull();
  });

  it('moves to the next event on step', () => {
    const { host, outbox, advance } = loaded();
    advance(1000);
    // Where the same world's next event is due (a step lands exactly there, not merely later).
    const reference = createEngine(DEFAULT_SCENARIO);
    reference.advanceTo(1000);
    const next = reference.nextEventTime()!;
    expect(next).toBeGreaterThan(1000);
    outbox.length = 0;
    host.handle({ type: 'step' });
    const frame = outbox[0] as FrameMessage;
    expect(frame.cause).toBe('step');
    expect(frame.now).toBe(next);
  });
});

describe('WorkerHost: dispatch and queries', () => {
  it('applies a command and follows the reply with a frame of the change', () => {
    const { request, advance } = loaded();
    advance(1000);
    const { reply, frame } = request({ type: 'dispatch', command: { type: 'addBroker' } });
    expect(reply?.value).toEqual({ ok: true });
    expect(frame?.cause).toBe('dispatch');
    expect(frame?.changes?.brokers.ids).toEqual([1, 2, 3, 4]);
  });

  it('returns the engine error for an invalid command and sends no frame', () => {
    const { request } = loaded();
    const { reply, frame } = request({
      type: 'dispatch',
      command: { type: 'killBroker', brokerId: 99 },
    });
    expect(reply?.value).toMatchObject({ ok: false, error: { code: expect.any(String) } });
    expect(frame).toBeUndefined();
  });

  it('answers view and partitionLog requests', () => {
    const { request, advance } = loaded();
    advance(8000);
    const view = request({ type: 'view' }).reply?.value as { now: number; brokers: unknown[] };
    expect(view.now).toBe(8000);
    expect(view.brokers).toHaveLength(3);
    const log = request({ type: 'partitionLog', topic: 'orders', partition: 0, limit: 3 }).reply
      ?.value as { offset: number; key: string | null }[];
    // The newest three records of the leader's log, in offset order, as the engine holds them.
    const reference = createEngine(DEFAULT_SCENARIO);
    reference.advanceTo(8000);
    const expected = reference.partitionLog('orders', 0, { limit: 3 });
    expect(expected).toHaveLength(3);
    expect(log).toEqual(expected);
    expect(log.map((r) => r.offset)).toEqual([0, 1, 2].map((i) => log[0].offset + i));
  });
});
