// The timeline's markers: what a learner should notice, each with its place, time and event
// (for describeEvent), bursts made one, few enough for a long session; and Previous / Next event
// walking them.
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/engine';
import { findBuiltinScenario, DEFAULT_SCENARIO } from '../../src/scenario';
import { MarkerList, markerKind } from '../../src/worker/markers';
import type { SessionMoment } from '../../src/worker/moment';
import type { MarkerKind } from '../../src/worker/protocol';
import { Session } from '../../src/worker/session';

const moment = (position: number, at: number): SessionMoment => ({ position, at, applied: 0 });

const shrunk = (t: number, partition: number): SimEvent => ({
  t,
  type: 'isr.shrunk',
  topic: 'orders',
  partition,
  brokerId: 2,
  isr: [1, 3],
  reason: { code: 'follower-lagging', brokerId: 2, lagMs: 10_000, maxLagMs: 10_000 },
});

const elected = (t: number): SimEvent => ({
  t,
  type: 'partition.leader-elected',
  topic: 'orders',
  partition: 0,
  leader: 1,
  previousLeader: 2,
  leaderEpoch: 3,
  isr: [1, 3],
  unclean: false,
  reason: { code: 'leader-failed', brokerId: 2 },
});

describe('marker kinds', () => {
  it('marks what a learner should notice, and not the routine', () => {
    const failed = (retriable: boolean): SimEvent => ({
      t: 1,
      type: 'record.failed',
      producerId: 'p',
      topic: 'orders',
      partition: 0,
      key: null,
      value: 'v',
      error: 'NOT_ENOUGH_REPLICAS',
      retriable,
      sentAt: 0,
    });
    const truncated = (lost: number): SimEvent => ({
      t: 1,
      type: 'log.truncated',
      topic: 'orders',
      partition: 0,
      brokerId: 2,
      fromOffset: 5,
      toOffset: 8,
      lostAcked: Array.from({ length: lost }, (_, i) => ({
        offset: 5 + i,
        key: null,
        producerId: 'p',
      })),
    });
    const applied: SimEvent = {
      t: 1,
      type: 'command.applied',
      command: { type: 'killBroker', brokerId: 2 },
    };
    expect(markerKind(elected(1), false)).toBe('election');
    expect(markerKind(shrunk(1, 0), false)).toBe('isr');
    expect(markerKind(failed(false), false)).toBe('produce-failed');
    expect(markerKind(failed(true), false)).toBeNull();
    expect(markerKind(truncated(2), false)).toBe('data-lost');
    expect(markerKind(truncated(0), false)).toBeNull();
    expect(markerKind(applied, true)).toBe('command');
    expect(markerKind(applied, false)).toBe('action');
    expect(
      markerKind(
        { t: 1, type: 'hw.advanced', topic: 'o', partition: 0, brokerId: 1, highWatermark: 3 },
        false,
      ),
    ).toBeNull();
  });
});

describe('marker list', () => {
  it('makes one marker of a burst of like events, with its count and its last moment', () => {
    const list = new MarkerList();
    list.add(shrunk(5000, 0), moment(100, 5000), false);
    list.add(elected(5000), moment(101, 5000), false);
    list.add(shrunk(5000, 1), moment(102, 5000), false);
    list.add(shrunk(5600, 2), moment(110, 5600), false);
    list.add(shrunk(9000, 0), moment(200, 9000), false);
    expect(list.list().map((m) => [m.kind, m.count, m.position, m.lastPosition])).toEqual([
      ['isr', 3, 100, 110],
      ['election', 1, 101, 101],
      ['isr', 1, 200, 200],
    ]);
    expect(list.list()[0].event).toEqual(shrunk(5000, 0));
  });

  it('stays within its limit over a long session, losing no event from the counts', () => {
    const list = new MarkerList({ burstMs: 1000, maxMarkers: 50 });
    for (let i = 0; i < 2000; i++) {
      const t = i * 5000 + (i % 7) * 300;
      list.add(i % 3 === 0 ? elected(t) : shrunk(t, i % 3), moment(i * 10 + 1, t), false);
    }
    const markers = list.list();
    expect(markers.length).toBeLessThanOrEqual(50);
    expect(markers.reduce((sum, m) => sum + m.count, 0)).toBe(2000);
    // Still in the order of their first event.
    const firsts = markers.map((m) => m.position);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });

  it('walks to the next and previous marker from a moment', () => {
    const list = new MarkerList();
    list.add(shrunk(1000, 0), moment(10, 1000), false);
    list.add(elected(5000), moment(50, 5000), false);
    list.add(elected(9000), moment(90, 9000), false);
    list.add(shrunk(9000, 1), moment(90, 9000), false);
    expect(list.next(moment(10, 1000))?.markers.map((m) => m.position)).toEqual([50]);
    expect(list.next(moment(9, 990))?.at).toEqual(moment(10, 1000));
    // Two markers made by one engine event are one stop.
    expect(list.next(moment(50, 5000))?.markers.map((m) => m.kind)).toEqual(['election', 'isr']);
    expect(list.next(moment(90, 9000))).toBeNull();
    expect(list.previous(moment(50, 5000))?.markers.map((m) => m.position)).toEqual([10]);
    expect(list.previous(moment(10, 1000))).toBeNull();
  });

  it('cuts at a fork and puts back what it cut', () => {
    const list = new MarkerList();
    list.add(shrunk(1000, 0), moment(10, 1000), false);
    list.add(shrunk(1200, 1), moment(12, 1200), false);
    list.add(elected(5000), moment(50, 5000), false);
    const before = list.list();
    const removed = list.removeAfter(moment(11, 1100));
    expect(list.list().map((m) => [m.position, m.count])).toEqual([[10, 1]]);
    list.putBack(removed);
    expect(list.list()).toEqual(before);
  });
});

describe('markers of a session', () => {
  const kinds = (session: Session): Set<MarkerKind> =>
    new Set(session.timeline().markers.map((m) => m.kind));

  it('kill a leader: the user command, then the election after it, and Next / Previous walk them', () => {
    const session = new Session(DEFAULT_SCENARIO);
    session.advanceTo(10_000);
    const leaderOf0 = session.current
      .view()
      .topics.find((t) => t.name === 'orders')!
      .partitions.find((p) => p.partition === 0)!.leader;
    session.dispatch({ type: 'killBroker', brokerId: leaderOf0 });
    session.advanceTo(40_000);
    const markers = session.timeline().markers;
    const command = markers.find((m) => m.kind === 'command')!;
    expect(command).toMatchObject({
      at: 10_000,
      event: { type: 'command.applied', command: { type: 'killBroker', brokerId: leaderOf0 } },
    });
    const election = markers.find(
      (m) => m.kind === 'election' && m.event.type === 'partition.leader-elected',
    )!;
    expect(election.at).toBeGreaterThan(10_000);

    // From just before the kill, Next lands on the kill, then on what followed it.
    session.seek({ kind: 'time', at: 9000 });
    const first = session.seek({ kind: 'marker', direction: 'next' });
    expect(first.markers.map((m) => m.kind)).toEqual(['command']);
    let landed = first;
    const isElection = (m: { event: SimEvent }) => m.event.type === 'partition.leader-elected';
    while (landed.ok && !landed.markers.some(isElection)) {
      landed = session.seek({ kind: 'marker', direction: 'next' });
    }
    expect(landed.markers).toContainEqual(election);
    expect(session.current.now).toBe(election.lastAt);
    const p0 = session.current.view().topics.find((t) => t.name === 'orders')!.partitions[0];
    expect(p0.leader).not.toBe(leaderOf0);
    // Previous goes back the way it came.
    const back = session.seek({ kind: 'marker', direction: 'previous' });
    expect(back.ok).toBe(true);
    expect(session.current.now).toBeLessThan(election.lastAt);
  });

  it('marks data lost, failed produces, fencing and scenario actions in the lesson scenarios', () => {
    const unclean = new Session(findBuiltinScenario('unclean-election')!);
    unclean.advanceTo(90_000);
    for (const kind of ['data-lost', 'fencing', 'action', 'election', 'isr'])
      expect(kinds(unclean)).toContain(kind);
    // The same story with a bank that gives up after 15 s: its records sent while ledger is
    // offline (32 s to 50 s) fail for good.
    const impatient = findBuiltinScenario('unclean-election')!;
    const session = new Session({
      ...impatient,
      producers: impatient.producers!.map((p) =>
        p.id === 'bank' ? { ...p, config: { ...p.config, 'delivery.timeout.ms': 15_000 } } : p,
      ),
    });
    session.advanceTo(90_000);
    expect(kinds(session)).toContain('produce-failed');
    const rebalance = new Session(findBuiltinScenario('consumer-rebalance')!);
    rebalance.advanceTo(60_000);
    expect(kinds(rebalance)).toContain('rebalance');
  });

  it('a replay of the past adds no markers; a fork drops the ones after it', () => {
    const session = new Session(findBuiltinScenario('leader-election')!);
    session.advanceTo(60_000);
    const recorded = session.timeline().markers;
    session.seek({ kind: 'time', at: 1000 });
    session.advanceTo(60_000);
    expect(session.timeline().markers).toEqual(recorded);
    session.seek({ kind: 'time', at: 5000 });
    session.dispatch({ type: 'addBroker' });
    const after = session.timeline().markers;
    expect(after.filter((m) => m.at >= 5000)).toEqual([after[after.length - 1]]);
    expect(after[after.length - 1].kind).toBe('command');
  });
});
