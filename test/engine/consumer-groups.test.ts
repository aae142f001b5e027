// Consumer group membership (kafka-spec 5.2, 5.3, 6): joining, leaving and crashing each cause a
// rebalance that completes with generation + 1; a crashed member is only noticed after
// session.timeout.ms; eager assignors revoke everything, cooperative-sticky only what moves; a
// group with more members than partitions leaves some idle.
import { describe, expect, it } from 'vitest';
import type { AssignorName, ConfigValue, SimEvent } from '../../src/engine';
import { keysFor, ofType, Run, scenario } from './helpers';

const SESSION_TIMEOUT_MS = 6000; // classroom preset
const HEARTBEAT_INTERVAL_MS = 1500; // classroom preset

/** Keys that cover every partition of a topic with `n` partitions. */
const everyPartition = (n: number) => Array.from({ length: n }, (_, p) => keysFor(p, n)[0]);

function groupRun(opts: {
  assignor: AssignorName;
  consumers: number;
  partitions?: number;
  seed?: number;
  config?: Record<string, ConfigValue>;
}): Run {
  const partitions = opts.partitions ?? 4;
  return new Run(
    scenario({
      seed: opts.seed ?? 5,
      cluster: { brokers: 3 },
      topics: [{ name: 't', partitions, replicationFactor: 2 }],
      producers: [{ id: 'p', topic: 't', ratePerSec: 20, keys: everyPartition(partitions) }],
      groups: [
        {
          id: 'g',
          topics: ['t'],
          consumers: opts.consumers,
          config: { 'partition.assignment.strategy': opts.assignor, ...opts.config },
        },
      ],
    }),
  );
}

const completed = (events: SimEvent[]) =>
  ofType(events, 'group.rebalance-completed').filter((e) => e.groupId === 'g');
const started = (events: SimEvent[]) =>
  ofType(events, 'group.rebalance-started').filter((e) => e.groupId === 'g');

/** The assignment of the group's last completed rebalance so far. */
function lastAssignment(run: Run) {
  const all = completed(run.events);
  return all[all.length - 1];
}

describe('a consumer group rebalances', () => {
  it('when a consumer joins: generation + 1 and the newcomer gets a partition', () => {
    const run = groupRun({ assignor: 'range', consumers: 2 });
    run.to(10_000);
    const before = lastAssignment(run);
    expect(Object.keys(before.assignment).sort()).toEqual(['g-1', 'g-2']);

    run.do({ type: 'addConsumer', groupId: 'g' });
    const events = run.to(20_000);
    const joined = ofType(events, 'consumer.joined').find((e) => e.consumerId === 'g-3');
    expect(joined).toBeDefined();
    const start = started(events)[0];
    expect(start).toMatchObject({ generation: before.generation });
    expect(start.t).toBeGreaterThanOrEqual(joined!.t);
    const done = completed(events);
    expect(done).toHaveLength(1);
    expect(done[0].generation).toBe(before.generation + 1);
    // Range over 4 partitions and 3 members: 2, 1, 1.
    expect(done[0].assignment).toEqual({ 'g-1': ['t-0', 't-1'], 'g-2': ['t-2'], 'g-3': ['t-3'] });
    expect(run.engine.view().groups[0]).toMatchObject({
      state: 'Stable',
      generation: before.generation + 1,
    });
  });

  it('when a consumer closes (LeaveGroup): at once, and its partitions move to the others', () => {
    const run = groupRun({ assignor: 'range', consumers: 3 });
    run.to(12_000);
    const before = lastAssignment(run);
    const closedAt = 12_000;
    run.do({ type: 'closeConsumer', consumerId: 'g-1' });
    const events = run.to(22_000);
    const left = ofType(events, 'consumer.left').find((e) => e.consumerId === 'g-1');
    expect(left).toBeDefined();
    const start = started(events)[0];
    // A LeaveGroup does not wait for the session timeout.
    expect(start.t - closedAt).toBeLessThan(1000);
    expect(start.t).toBe(left!.t);
    const done = completed(events)[0];
    expect(done.generation).toBe(before.generation + 1);
    expect(Object.keys(done.assignment).sort()).toEqual(['g-2', 'g-3']);
    expect(Object.values(done.assignment).flat().sort()).toEqual(['t-0', 't-1', 't-2', 't-3']);
    const view = run.engine.view().consumers.find((c) => c.id === 'g-1')!;
    expect(view).toMatchObject({ status: 'closed', assignment: [] });
  });

  it('when a consumer crashes: only after session.timeout.ms without heartbeats', () => {
    const run = groupRun({ assignor: 'range', consumers: 3 });
    run.to(12_000);
    const before = lastAssignment(run);
    const killedAt = 12_000;
    run.do({ type: 'killConsumer', consumerId: 'g-2' });
    const events = run.to(25_000);
    expect(ofType(events, 'consumer.failed')[0]).toMatchObject({
      consumerId: 'g-2',
      reason: { code: 'process-crashed' },
      t: killedAt,
    });
    // The last heartbeat the coordinator received from g-2 (it may still be on the wire).
    const lastHeartbeat = Math.max(
      ...ofType(run.events, 'net.sent')
        .filter((e) => e.from === 'consumer:g-2' && e.kind === 'heartbeat' && e.sentAt <= killedAt)
        .map((e) => e.deliverAt),
    );
    expect(lastHeartbeat).toBeGreaterThan(killedAt - HEARTBEAT_INTERVAL_MS - 1000);
    const start = started(events)[0];
    expect(start.t).toBeGreaterThanOrEqual(lastHeartbeat + SESSION_TIMEOUT_MS);
    expect(start.t).toBeLessThanOrEqual(killedAt + SESSION_TIMEOUT_MS + 1000);
    const timedOut = ofType(events, 'consumer.failed').find(
      (e) => e.reason.code === 'member-session-timeout',
    );
    expect(timedOut).toMatchObject({ consumerId: 'g-2', t: start.t });
    const done = completed(events)[0];
    expect(done.generation).toBe(before.generation + 1);
    expect(Object.keys(done.assignment).sort()).toEqual(['g-1', 'g-3']);
    expect(Object.values(done.assignment).flat().sort()).toEqual(['t-0', 't-1', 't-2', 't-3']);
  });
});

describe('eager and cooperative rebalancing when a third consumer joins', () => {
  function addThird(assignor: AssignorName) {
    const run = groupRun({ assignor, consumers: 2 });
    run.to(10_000);
    const before = lastAssignment(run);
    run.do({ type: 'addConsumer', groupId: 'g' });
    run.to(25_000);
    const assigned = run.all('consumer.assigned').filter((e) => e.t > 10_000);
    return { run, before, assigned };
  }

  it('eager (range) revokes every partition of every member before rejoining', () => {
    const { run, before, assigned } = addThird('range');
    for (const member of ['g-1', 'g-2']) {
      const own = assigned.filter((e) => e.consumerId === member);
      // First the revocation of everything it owned, then the new assignment.
      expect(own[0]).toMatchObject({ partitions: [], generation: before.generation });
      expect([...own[0].revoked].sort()).toEqual([...before.assignment[member]].sort());
      expect(own[1].generation).toBe(before.generation + 1);
      // Stop-the-world: nothing consumed by it between the revocation and the new assignment.
      const paused = run
        .all('record.consumed')
        .filter((e) => e.consumerId === member && e.t > own[0].t && e.t < own[1].t);
      expect(paused).toEqual([]);
    }
    expect(completed(run.events).filter((e) => e.t > 10_000)).toHaveLength(1);
  });

  it('cooperative-sticky revokes only the partition that moves and keeps consuming the rest', () => {
    const { run, before, assigned } = addThird('cooperative-sticky');
    const rounds = completed(run.events).filter((e) => e.t > 10_000);
    // KIP-429: one rebalance withholds the moving partition, a follow-up one assigns it.
    expect(rounds).toHaveLength(2);
    expect(rounds[0].assignment['g-3']).toEqual([]);
    const moving = Object.values(rounds[0].revoked).flat();
    expect(moving).toHaveLength(1);
    expect(rounds[1].assignment['g-3']).toEqual(moving);

    for (const member of ['g-1', 'g-2']) {
      const first = assigned.find((e) => e.consumerId === member)!;
      const owned = before.assignment[member];
      // Kept plus revoked is what it owned; nothing else was taken from it.
      expect([...first.partitions, ...first.revoked].sort()).toEqual([...owned].sort());
      expect(first.revoked.every((tp) => moving.includes(tp))).toBe(true);
      // Its unmoved partitions were consumed all through both rebalances.
      const kept = first.partitions;
      expect(kept.length).toBeGreaterThan(0);
      for (const tp of kept) {
        const partition = Number(tp.slice('t-'.length));
        const during = run
          .all('record.consumed')
          .filter(
            (e) =>
              e.consumerId === member &&
              e.partition === partition &&
              e.t > rounds[0].t - 1000 &&
              e.t < rounds[1].t,
          );
        expect(during.length, `${member} consumes ${tp} during the rebalance`).toBeGreaterThan(0);
      }
    }
  });
});

describe('more consumers than partitions', () => {
  it('4 consumers on 3 partitions leave one idle with an empty assignment', () => {
    const run = groupRun({ assignor: 'range', consumers: 4, partitions: 3 });
    run.to(20_000);
    const done = lastAssignment(run);
    const sizes = Object.values(done.assignment).map((tps) => tps.length);
    expect(sizes.sort()).toEqual([0, 1, 1, 1]);
    const idle = Object.keys(done.assignment).find((id) => done.assignment[id].length === 0)!;

    const view = run.engine.view().consumers.find((c) => c.id === idle)!;
    expect(view).toMatchObject({ status: 'stable', assignment: [] });
    const consumed = run.all('record.consumed');
    expect(consumed.filter((e) => e.consumerId === idle)).toEqual([]);
    // The three busy ones share all three partitions.
    expect(new Set(consumed.map((e) => e.partition))).toEqual(new Set([0, 1, 2]));
  });
});

// kafka-spec 5.1, 5.2: group state lives in __consumer_offsets; a broker that becomes (again)
// the coordinator loads it and arms every member's session timer (Kafka's
// GroupCoordinator.onGroupLoaded schedules heartbeat expiration for all members). So a member
// that crashed is removed after session.timeout.ms even if the coordinator restarted meanwhile.
describe('a coordinator that crashes and restarts', () => {
  it('still expires a member that crashed before it restarted', () => {
    const run = groupRun({ assignor: 'range', consumers: 2, partitions: 2, seed: 3 });
    run.to(8000);
    const coordinator = run.engine.view().groups[0].coordinator!;
    run.do({ type: 'killConsumer', consumerId: 'g-2' }).to(9000);
    // Back before the controller fences it (broker.session.timeout.ms 4 s).
    run.do({ type: 'killBroker', brokerId: coordinator }).to(10_000);
    run.do({ type: 'restartBroker', brokerId: coordinator });
    const events = run.to(40_000);
    const timedOut = ofType(events, 'consumer.failed').find(
      (e) => e.reason.code === 'member-session-timeout',
    );
    expect(timedOut, 'g-2 is expired by its session timeout').toMatchObject({ consumerId: 'g-2' });
    expect(lastAssignment(run).assignment).toEqual({ 'g-1': ['t-0', 't-1'] });
    expect(run.engine.view().groups[0].state).toBe('Stable');
  });
});

// kafka-spec 5.2 item 5 and 5.3, KIP-429: a member whose session expired has lost its
// partitions; they belong to others now. When it finds out (UNKNOWN_MEMBER_ID) the Java
// consumer calls onPartitionsLost, commits nothing for them and rejoins owning nothing, so its
// stale positions can neither move the group's committed offsets nor be resumed from.
describe('a consumer expired while cut off from the network', () => {
  it('rejoins owning nothing and commits only for partitions assigned to it again', () => {
    const run = groupRun({
      assignor: 'cooperative-sticky',
      consumers: 2,
      partitions: 2,
      config: { 'auto.offset.reset': 'earliest' },
    });
    run.to(10_000);
    run.do({ type: 'isolateClient', clientId: 'g-1' }).to(30_000);
    const expired = run.all('consumer.failed').find((e) => e.consumerId === 'g-1');
    expect(expired?.reason.code).toBe('member-session-timeout');
    run.do({ type: 'healClient', clientId: 'g-1' }).to(50_000);

    // What g-1 was given after it rejoined, and when.
    const given = run
      .all('consumer.assigned')
      .filter((e) => e.consumerId === 'g-1' && e.t > expired!.t);
    expect(given.length).toBeGreaterThan(0);
    const rejoined = run.all('group.rebalance-completed').filter((e) => e.t > 30_000);
    for (const r of rejoined)
      expect(r.revoked['g-1'] ?? [], 'g-1 claims nothing it lost').toEqual([]);
    for (const c of run
      .all('offset.committed')
      .filter((e) => e.consumerId === 'g-1' && e.t > expired!.t)) {
      const tp = `${c.topic}-${c.partition}`;
      const owner = given.filter(
        (a) => a.t <= c.t && (a.partitions.includes(tp) || a.revoked.includes(tp)),
      );
      expect(owner, `g-1 committed ${tp}@${c.offset} at t=${c.t}`).not.toEqual([]);
    }
  });
});
