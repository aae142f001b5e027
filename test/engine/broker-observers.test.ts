// KRaft brokers follow `__cluster_metadata` as observers (kafka-spec 4.2): they fetch committed
// records from the active controller and replay them into their own image; the controller sends
// them no metadata of its own. A starting broker registers, its broker epoch is the offset of its
// RegisterBrokerRecord, and it is unfenced only once it has read the log that far
// (ClusterControlManager.registerBroker, BrokerHeartbeatManager).
import { describe, expect, it } from 'vitest';
import type { MetadataView, Scenario } from '../../src/engine';
import type { BrokerState, World } from '../../src/engine/sim/world';
import { ofType, Run, scenario } from './helpers';

function cluster(parts: Partial<Scenario> = {}): Scenario {
  return scenario({
    seed: 5,
    cluster: { brokers: 3, config: { 'min.insync.replicas': 2 } },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 5, config: { acks: 'all' } }],
    ...parts,
  });
}

/** The world inside a save: what a broker itself knows, which the view does not show. */
function worldOf(run: Run): World {
  return (run.engine.save().state as unknown as { world: World }).world;
}
const brokerState = (run: Run, id: number): BrokerState => worldOf(run).brokers[id - 1];
const metadataOffset = (run: Run, id: number) =>
  run.engine.view().brokers.find((b) => b.id === id)!.metadataOffset!;
const sent = (run: Run) => ofType(run.events, 'net.sent');

describe('KRaft brokers as observers of the metadata log', () => {
  it('fetch it from the active controller, which sends them answers only, and keep up through its NoOps', () => {
    const run = new Run(cluster());
    run.to(10_000);
    for (const id of [1, 2, 3]) {
      const fetches = sent(run).filter(
        (e) => e.kind === 'metadata-fetch' && e.from === `broker:${id}`,
      );
      expect(fetches.length).toBeGreaterThan(5);
      expect(new Set(fetches.map((e) => e.to))).toEqual(new Set(['controller:1001']));
    }
    const toBrokers = sent(run).filter(
      (e) => e.from.startsWith('controller:') && e.to.startsWith('broker:'),
    );
    expect(new Set(toBrokers.map((e) => e.kind))).toEqual(
      new Set(['metadata-fetch-response', 'broker-heartbeat-response']),
    );
    // The brokers are at most a fetch behind the committed log (NoOps every 500 ms).
    const leader = (run.engine.view().metadata as MetadataView).nodes[0];
    for (const id of [1, 2, 3])
      expect(leader.highWatermark - 1 - metadataOffset(run, id)).toBeLessThanOrEqual(3);
  });

  it('learn a committed change only when their fetch brings it', () => {
    const run = new Run(cluster());
    run.to(5_000);
    const led = run.engine.view().topics[0].partitions.find((p) => p.leader === 2)!;
    const key = `orders-${led.partition}`;
    run.do({ type: 'killBroker', brokerId: 2 });
    run.stepUntil((r) => r.all('partition.leader-elected').some((e) => e.t > 5_000), 15_000);
    const elected = run.all('partition.leader-elected').find((e) => e.t > 5_000)!;
    // Committed, but broker 1 has not read it yet: its image still has the old leader.
    expect(brokerState(run, 1).meta[key]).toMatchObject({ leader: 2 });
    run.to(elected.t + 1_500);
    expect(brokerState(run, 1).meta[key]).toMatchObject({
      leader: elected.leader,
      leaderEpoch: elected.leaderEpoch,
    });
    // What brought it: a fetch response from the controller to broker 1 after the commit.
    const answers = sent(run).filter(
      (e) =>
        e.kind === 'metadata-fetch-response' &&
        e.to === 'broker:1' &&
        e.sentAt >= elected.t &&
        e.deliverAt <= run.engine.now,
    );
    expect(answers.length).toBeGreaterThan(0);
  });

  it('a restarted broker registers with its record offset as broker epoch and is unfenced once it has read that far', () => {
    const run = new Run(cluster());
    run.to(5_000);
    run.do({ type: 'killBroker', brokerId: 3 });
    run.to(12_000);
    expect(run.all('broker.fenced').map((e) => e.brokerId)).toEqual([3]);
    run.do({ type: 'restartBroker', brokerId: 3 });
    run.stepUntil((r) => r.all('broker.registered').length > 0, 20_000);
    const registered = run.all('broker.registered')[0];
    expect(registered.brokerId).toBe(3);
    // The epoch is where the controller wrote the registration in __cluster_metadata.
    const record = (run.engine.view().metadata as MetadataView).nodes[0].recent.find(
      (r) => r.offset === registered.brokerEpoch,
    );
    expect(record?.record).toMatchObject({ type: 'RegisterBrokerRecord', brokerId: 3 });
    const view3 = () => run.engine.view().brokers.find((b) => b.id === 3)!;
    expect(view3()).toMatchObject({ brokerEpoch: registered.brokerEpoch, fenced: true });
    run.stepUntil((r) => r.all('broker.unfenced').length > 0, 20_000);
    const unfenced = run.all('broker.unfenced')[0];
    expect(unfenced.brokerId).toBe(3);
    expect(unfenced.t).toBeGreaterThan(registered.t);
    expect(view3().metadataOffset).toBeGreaterThanOrEqual(registered.brokerEpoch);
    // It started empty and was sent the committed image: it holds every partition again.
    expect(
      Object.keys(brokerState(run, 3).meta).filter((k) => k.startsWith('orders')),
    ).toHaveLength(3);
  });

  it('fetch from the next active controller when the active one dies', () => {
    const run = new Run(cluster());
    run.to(5_000);
    run.do({ type: 'killController', controllerId: 1001 });
    run.to(25_000);
    const next = run.all('controller.changed').find((e) => e.t > 5_000)!;
    expect(next).toBeDefined();
    for (const id of [1, 2, 3]) {
      const first = sent(run).find(
        (e) =>
          e.kind === 'metadata-fetch' &&
          e.from === `broker:${id}` &&
          e.to === `controller:${next.controllerId}`,
      );
      // At the latest at the next heartbeat tick (1 s in classroom) plus a refused try.
      expect(first!.t - next.t).toBeLessThan(2_000);
    }
    const hw = (run.engine.view().metadata as MetadataView).nodes.find(
      (n) => n.id === next.controllerId,
    )!.highWatermark;
    for (const id of [1, 2, 3]) expect(hw - 1 - metadataOffset(run, id)).toBeLessThanOrEqual(3);
  });

  it('stop moving with the quorum lost', () => {
    const run = new Run(cluster());
    run.to(5_000);
    run.do({ type: 'killController', controllerId: 1001 });
    run.do({ type: 'killController', controllerId: 1002 });
    run.to(8_000);
    const frozen = [1, 2, 3].map((id) => metadataOffset(run, id));
    run.to(20_000);
    expect([1, 2, 3].map((id) => metadataOffset(run, id))).toEqual(frozen);
  });

  it('in combined placement read the log of the controller in their own process', () => {
    const run = new Run(
      cluster({
        cluster: {
          brokers: 3,
          metadata: { mode: 'kraft', placement: 'combined' },
          config: { 'min.insync.replicas': 2 },
        },
      }),
    );
    run.to(5_000);
    const before = [1, 2, 3].map((id) => metadataOffset(run, id));
    run.to(8_000);
    [1, 2, 3].forEach((id, i) => expect(metadataOffset(run, id)).toBeGreaterThan(before[i]));
    // No broker fetch over the network: the metadata fetches are the quorum's own.
    const brokerFetches = sent(run).filter((e) => e.kind === 'metadata-fetch');
    expect(brokerFetches.every((e) => e.from !== e.to)).toBe(true);
    run.do({ type: 'killBroker', brokerId: 3 });
    run.to(12_000);
    run.do({ type: 'restartBroker', brokerId: 3 });
    run.to(25_000);
    const registered = run.all('broker.registered');
    expect(registered.map((e) => e.brokerId)).toEqual([3]);
    const unfenced = run.all('broker.unfenced').filter((e) => e.t > 12_000);
    expect(unfenced.map((e) => e.brokerId)).toEqual([3]);
    expect(metadataOffset(run, 3)).toBeGreaterThanOrEqual(registered[0].brokerEpoch);
  });
});
