// A broker that restarts (kafka-spec 4.2; Kafka's ClusterControlManager.registerBroker and
// BrokerHeartbeatManager): a new incarnation cannot register while the previous one's session
// is alive. After a crash the old session has to expire first: the controller fences the old
// incarnation, its leaderships fail over with leader epoch + 1, and the broker comes back as a
// follower. Only a controlled shutdown (the broker already fenced) comes back at once.
import { describe, expect, it } from 'vitest';
import { partitionOf, Run, scenario } from './helpers';

const SESSION_TIMEOUT_MS = 4000; // classroom preset broker.session.timeout.ms
const LATENCY_MAX_MS = 360; // classroom network: 300 ms +- 60
// A fence takes effect once a majority of the 3 controllers has its record: the leader's answer
// to a follower's fetch, and the follower's next fetch (plus a fetch already on its way).
const COMMIT_MAX_MS = 3 * LATENCY_MAX_MS;

function run(): Run {
  return new Run(
    scenario({
      seed: 2,
      cluster: { brokers: 3 },
      // Broker 2 leads.
      topics: [{ name: 't', partitions: 1, replicationFactor: 3, assignment: [[2, 3, 1]] }],
      producers: [{ id: 'p', topic: 't', ratePerSec: 5, keys: null }],
    }),
  );
}

describe('a leader that crashes and restarts before broker.session.timeout.ms', () => {
  it('still loses leadership: fenced when the old session expires, epoch + 1, back as a follower', () => {
    const r = run();
    r.to(10_000);
    const before = partitionOf(r.engine, 't', 0);
    expect(before.leader).toBe(2);
    r.do({ type: 'killBroker', brokerId: 2 });
    r.to(10_500);
    r.do({ type: 'restartBroker', brokerId: 2 });
    r.to(20_000);

    // The restarted broker may not register while the crashed one's session lives.
    const refused = r.all('broker.registration-refused').filter((e) => e.brokerId === 2);
    expect(refused).toHaveLength(1);
    expect(refused[0].error).toBe('DUPLICATE_BROKER_REGISTRATION');
    expect(refused[0].t).toBeLessThan(10_000 + SESSION_TIMEOUT_MS);

    // The old session expires: fenced, and the partition fails over with epoch + 1.
    const fenced = r.all('broker.fenced').filter((e) => e.brokerId === 2);
    expect(fenced).toHaveLength(1);
    expect(fenced[0].reason).toEqual({ code: 'broker-session-timeout' });
    expect(fenced[0].t).toBeGreaterThan(10_000);
    // (A heartbeat sent just before the crash still arrives a network trip later.)
    expect(fenced[0].t).toBeLessThanOrEqual(
      10_000 + LATENCY_MAX_MS + SESSION_TIMEOUT_MS + COMMIT_MAX_MS,
    );
    const elected = r.all('partition.leader-elected').filter((e) => e.topic === 't' && e.t > 0);
    expect(elected).toHaveLength(1);
    expect(elected[0]).toMatchObject({
      leader: 3,
      previousLeader: 2,
      leaderEpoch: before.leaderEpoch + 1,
      reason: { code: 'leader-failed', brokerId: 2 },
      t: fenced[0].t,
    });

    // Only then is the new incarnation registered and unfenced; it follows the new leader.
    const unfenced = r.all('broker.unfenced').filter((e) => e.brokerId === 2);
    expect(unfenced).toHaveLength(1);
    expect(unfenced[0].t).toBeGreaterThanOrEqual(fenced[0].t);
    const after = partitionOf(r.engine, 't', 0);
    expect(after.leader).toBe(3);
    expect(after.leaderEpoch).toBe(before.leaderEpoch + 1);
    expect(after.replicaStates.find((x) => x.brokerId === 2)?.role).toBe('follower');
    expect(r.engine.view().brokers.find((b) => b.id === 2)?.status).toBe('running');
  });
});

describe('a broker stopped gracefully (controlled shutdown) and restarted at once', () => {
  it('registers again without waiting: its leaderships moved at shutdown and it was fenced', () => {
    const r = run();
    r.to(10_000);
    r.do({ type: 'stopBroker', brokerId: 2 });
    r.stepUntil(
      (x) => x.engine.view().brokers.find((b) => b.id === 2)?.status === 'stopped',
      20_000,
    );
    const stoppedAt = r.engine.now;
    r.do({ type: 'restartBroker', brokerId: 2 });
    r.to(stoppedAt + SESSION_TIMEOUT_MS);

    expect(r.all('broker.registration-refused')).toEqual([]);
    const fenced = r.all('broker.fenced').filter((e) => e.brokerId === 2);
    expect(fenced.map((e) => e.reason.code)).toEqual(['controlled-shutdown']);
    const unfenced = r.all('broker.unfenced').filter((e) => e.brokerId === 2);
    expect(unfenced).toHaveLength(1);
    // Registration, reading the log up to its record, a heartbeat: not a session.
    expect(unfenced[0].t - stoppedAt).toBeLessThan(SESSION_TIMEOUT_MS);
  });
});
