// Build a running world from a scenario: a cluster that has been up for a while (brokers
// registered, a controller, topics with leaders) at t = 0, then the clients, then the timed actions.
import { dict } from './dict';
import { PRESETS } from '../config/presets';
import { checkConfigValue } from '../config/validate';
import { addBroker, addGroup, addProducer } from '../commands/apply';
import { createTopic } from '../commands/createTopic';
import { fail } from '../commands/results';
import { activeHost, becomeActiveController } from '../controller/controller';
import { createKraftQuorum, startKraftQuorum } from '../quorum/nodes';
import { createZooKeeperEnsemble, startZooKeeperEnsemble } from '../zookeeper/ensemble';
import { seedZooKeeper } from '../zookeeper/kafka';
import { ensureOffsetsTopic } from '../controller/topics';
import { becomeFollowerOrLeader } from '../broker/leadership';
import { startReplicaFetchers } from '../broker/replicaFetcher';
import { loadGroupsForPartition } from '../broker/group/coordinator';
import { fetchMetadata } from '../broker/metadataFetcher';
import type { EngineError, Scenario } from '../types';
import { createQueue, push } from './queue';
import { isInternalTopic } from './internalTopics';
import { Rng } from './rng';
import { tpKey } from './ids';
import { Sim } from './sim';
import type { World } from './world';
import { partitionMeta } from '../controller/records';

export function emptyWorld(scenario: Scenario): World {
  const preset = scenario.preset ?? 'classroom';
  const network = PRESETS[preset].network;
  const clusterConfig: World['clusterConfig'] = {};
  for (const [key, value] of Object.entries(scenario.cluster.config ?? {})) {
    const check = checkConfigValue('broker', key, value);
    if (check.ok) clusterConfig[key] = { value: check.value, source: 'scenario' };
  }
  // Kafka refuses to create __consumer_offsets on fewer brokers than its replication factor;
  // small demo clusters set it lower, as Kafka's own single-broker quickstart does.
  if (!('offsets.topic.replication.factor' in clusterConfig) && scenario.cluster.brokers < 3) {
    clusterConfig['offsets.topic.replication.factor'] = {
      value: scenario.cluster.brokers,
      source: 'scenario',
    };
  }
  return {
    seed: scenario.seed,
    preset,
    now: 0,
    queue: createQueue(),
    rng: Rng.fromSeed(scenario.seed).state(),
    nextMessageId: 1,
    nextBatchId: 1,
    nextInc: 1,
    network: {
      latencyMs: scenario.network?.latencyMs ?? network.latencyMs,
      jitterMs: scenario.network?.jitterMs ?? network.jitterMs,
      linkClock: dict(),
      isolated: dict(),
    },
    presetValues: PRESETS[preset].values,
    clusterConfig,
    brokers: [],
    controller: {
      activeId: null,
      epoch: 0,
      brokers: {},
      partitions: {},
      nextProducerId: 1000,
      metadataVersion: 1,
    },
    topics: dict(),
    producers: dict(),
    groups: dict(),
    consumers: dict(),
    events: [],
    ...(scenario.simulator?.maxEventsPerInstant !== undefined
      ? { maxEventsPerInstant: scenario.simulator.maxEventsPerInstant }
      : {}),
  };
}

/** Populate the world; returns the first error of each part that failed (nothing is thrown). */
export function buildWorld(sim: Sim, scenario: Scenario): EngineError[] {
  const w = sim.world;
  const errors: EngineError[] = [];
  // The cluster has been running: its active controller (controller 1001 of the KRaft quorum,
  // or in ZooKeeper mode broker 1, which created /controller at controller_epoch 1) is in place
  // and every broker is registered. A scenario that does not say who keeps the metadata runs
  // KRaft with 3 dedicated controllers, as a Kafka 4 cluster does (design.md 3.10).
  const metadata = scenario.cluster.metadata ?? { mode: 'kraft' };
  const quorum =
    metadata.mode === 'kraft'
      ? createKraftQuorum(metadata.controllers ?? 3, metadata.placement ?? 'dedicated')
      : undefined;
  if (metadata.mode === 'zookeeper') w.zookeeper = createZooKeeperEnsemble(metadata.ensemble ?? 3);
  w.controller.activeId = quorum ? quorum.controllers[0].id : 1;
  w.controller.epoch = 1;
  if (quorum) w.quorum = quorum;
  for (let i = 0; i < scenario.cluster.brokers; i++) {
    const id = i + 1;
    w.controller.brokers[id] = {
      registered: true,
      fenced: false,
      brokerEpoch: 1,
      incarnation: 1,
      lastHeartbeat: 0,
      shuttingDown: false,
    };
    addBroker(sim, scenario.cluster.racks?.[i] ?? null);
  }
  sim.emit({
    type: 'controller.changed',
    controllerId: w.controller.activeId,
    previousControllerId: null,
    epoch: 1,
    t: sim.now,
  });
  (scenario.topics ?? []).forEach((t, i) => {
    const r = createTopic(sim, t, 'scenario', `topics[${i}]`);
    if (!r.ok) errors.push(r.error);
  });
  if ((scenario.groups ?? []).length > 0) ensureOffsetsTopic(sim);
  syncBrokerMetadata(sim);
  // Metadata written so far is the log's past (a snapshot): from here on writes go to the quorum.
  if (quorum) startKraftQuorum(sim);
  if (w.zookeeper) {
    seedZooKeeper(sim);
    startZooKeeperEnsemble(sim);
  }
  becomeActiveController(sim, activeHost(sim)!);
  (scenario.producers ?? []).forEach((p, i) => {
    // The scenario's own producers write to the topics it declares: another name is most
    // likely a typo. (A producer added later may name any topic: auto.create.topics.enable.)
    const r = w.topics[p.topic]
      ? addProducer(sim, p, 'scenario', `producers[${i}]`)
      : fail(
          'UNKNOWN_TOPIC_OR_PARTITION',
          `producers[${i}].topic: no topic "${p.topic}"`,
          `producers[${i}].topic`,
          { topic: p.topic },
        );
    if (!r.ok) errors.push(r.error);
  });
  (scenario.groups ?? []).forEach((g, i) => {
    const r = addGroup(sim, g, 'scenario', `groups[${i}]`);
    if (!r.ok) errors.push(r.error);
  });
  for (const action of scenario.actions ?? []) {
    const { at, ...command } = action;
    push(w.queue, at, { k: 'action', command });
  }
  return errors;
}

/** Give every broker the controller's current metadata at once (the cluster was already up). */
function syncBrokerMetadata(sim: Sim): void {
  const c = sim.world.controller;
  const live = sim.world.brokers.map((b) => b.id);
  for (const b of sim.world.brokers) {
    b.metaVersion = c.metadataVersion;
    b.controllerId = c.activeId;
    b.liveBrokers = live;
    // KRaft: the broker has read the log up to where the quorum starts.
    const q = sim.world.quorum;
    if (q) {
      b.metadataLog.offset = q.committedOffset;
      b.metadataLog.epoch = 1;
      for (const id of live) b.metadataLog.brokers[id] = { fenced: false, shuttingDown: false };
      fetchMetadata(sim, b);
    }
    for (const p of Object.values(c.partitions)) {
      const meta = partitionMeta(p);
      b.meta[tpKey(p.topic, p.partition)] = meta;
      if (meta.replicas.includes(b.id)) becomeFollowerOrLeader(sim, b, meta);
      if (meta.leader === b.id && isInternalTopic(p.topic))
        loadGroupsForPartition(sim, b, tpKey(p.topic, p.partition));
    }
    startReplicaFetchers(sim, b);
  }
}
