// One seed -> one world: a random workload (brokers, topics, producers, groups) and a random
// fault plan (crashes, graceful stops, restarts, isolation of brokers and clients, consumer
// churn, slow consumers). Faults are intents ("crash some running broker"); the runner resolves
// each against the cluster as it is at that moment, with its own seeded generator.
import type {
  AssignorName,
  ConfigMap,
  GroupSpec,
  ProducerSpec,
  Scenario,
  TopicSpec,
} from '../../src/engine';
import { findConfigDefinition, PRESETS } from '../../src/engine';
import type { PresetName } from '../../src/engine';
import { TestRng } from './rng';

export type FaultKind =
  | 'crash-broker'
  | 'stop-broker'
  | 'restart-broker'
  | 'isolate-broker'
  | 'heal-broker'
  | 'isolate-client'
  | 'heal-client'
  | 'add-consumer'
  | 'kill-consumer'
  | 'close-consumer'
  | 'restart-consumer'
  | 'slow-consumer'
  | 'elect-preferred'
  | 'add-partitions'
  | 'add-broker'
  /** A config change at an extreme but valid value (`npm run fuzz` only). */
  | 'extreme-config'
  /** KRaft controller nodes (worlds with cluster.metadata): these may take the quorum down. */
  | 'crash-controller'
  | 'restart-controller'
  | 'isolate-controller'
  | 'heal-controller'
  | 'add-controller'
  /** ZooKeeper servers (worlds in ZooKeeper mode): these may take the ensemble's quorum down. */
  | 'crash-zookeeper'
  | 'restart-zookeeper'
  | 'isolate-zookeeper'
  | 'heal-zookeeper'
  | 'add-zookeeper';

export interface Fault {
  at: number;
  kind: FaultKind;
}

export interface PlanSize {
  /** Faults happen in [2 s, chaosMs]. */
  chaosMs: number;
  maxBrokers: number;
  maxRatePerSec: number;
  /** The liveness phase may last this long at most before liveness counts as violated. */
  livenessMaxMs: number;
  /** Also change configs to extreme but valid values (0 ms timers, the simulator's limits). */
  extremeConfigs?: boolean;
}

/** Small worlds for `npm test`. */
export const CI_SIZE: PlanSize = {
  chaosMs: 30_000,
  maxBrokers: 4,
  maxRatePerSec: 12,
  livenessMaxMs: 240_000,
};
/** Larger ones for `npm run fuzz`. */
export const FUZZ_SIZE: PlanSize = {
  chaosMs: 60_000,
  maxBrokers: 5,
  maxRatePerSec: 20,
  livenessMaxMs: 400_000,
  extremeConfigs: true,
};

export interface SimPlan {
  seed: number;
  scenario: Scenario;
  faults: Fault[];
  chaosUntil: number;
  livenessMaxMs: number;
  /** acks of each producer, for the durability invariant. */
  producerAcks: Record<string, string>;
  /** Each producer's delivery.timeout.ms and max.block.ms: no record fails later than these. */
  producerTimeouts: Record<string, { deliveryMs: number; maxBlockMs: number }>;
}

/** A producer config's effective value: its own, else the preset's, else Kafka's default. */
function producerSetting(preset: PresetName, config: ConfigMap, key: string): number {
  const presetValues: Record<string, unknown> = PRESETS[preset].values.producer ?? {};
  return Number(
    config[key] ?? presetValues[key] ?? findConfigDefinition('producer', key)!.kafkaDefault,
  );
}

const ASSIGNORS: AssignorName[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];

const FAULT_WEIGHTS: readonly (readonly [number, FaultKind])[] = [
  [3, 'crash-broker'],
  [2, 'stop-broker'],
  [4, 'restart-broker'],
  [2, 'isolate-broker'],
  [3, 'heal-broker'],
  [1.5, 'isolate-client'],
  [2, 'heal-client'],
  [1, 'add-consumer'],
  [1.5, 'kill-consumer'],
  [1, 'close-consumer'],
  [2, 'restart-consumer'],
  [1, 'slow-consumer'],
  [0.5, 'elect-preferred'],
  [0.3, 'add-partitions'],
  [0.2, 'add-broker'],
];

const CONTROLLER_FAULT_WEIGHTS: readonly (readonly [number, FaultKind])[] = [
  [3, 'crash-controller'],
  [3, 'restart-controller'],
  [2, 'isolate-controller'],
  [2, 'heal-controller'],
];

const ZOOKEEPER_FAULT_WEIGHTS: readonly (readonly [number, FaultKind])[] = [
  [3, 'crash-zookeeper'],
  [3, 'restart-zookeeper'],
  [2, 'isolate-zookeeper'],
  [2, 'heal-zookeeper'],
];

export function generatePlan(seed: number, size: PlanSize = CI_SIZE): SimPlan {
  const rng = new TestRng(seed);
  const brokers = rng.int(3, size.maxBrokers);
  // Mostly the classroom preset; sometimes Kafka's own defaults on a faster or slower network.
  const kafkaDefaults = rng.chance(0.25);
  const preset: PresetName = kafkaDefaults ? 'kafka-defaults' : 'classroom';
  const network = kafkaDefaults
    ? { latencyMs: rng.pick([1, 5, 20]), jitterMs: rng.pick([0, 0, 3]) }
    : undefined;

  const topics: TopicSpec[] = [];
  for (let i = 0, n = rng.int(1, 2); i < n; i++) {
    const durable = rng.chance(0.6);
    const config: ConfigMap = {};
    let replicationFactor: number;
    if (durable) {
      // The durable shape: no acknowledged acks=all record may ever be lost.
      replicationFactor = 3;
      config['min.insync.replicas'] = 2;
    } else {
      replicationFactor = rng.int(1, 3);
      config['min.insync.replicas'] = 1;
      if (rng.chance(0.4)) config['unclean.leader.election.enable'] = true;
    }
    if (rng.chance(0.2)) config['retention.ms'] = rng.int(15_000, 40_000);
    topics.push({ name: `topic-${i}`, partitions: rng.int(1, 4), replicationFactor, config });
  }

  const producers: ProducerSpec[] = [];
  const producerAcks: Record<string, string> = {};
  const producerTimeouts: SimPlan['producerTimeouts'] = {};
  for (let i = 0, n = Math.max(topics.length, rng.int(1, 3)); i < n; i++) {
    // Every topic gets a producer; further ones pick a topic at random.
    const topic = i < topics.length ? topics[i] : rng.pick(topics);
    const durableTopic = topic.config!['min.insync.replicas'] === 2;
    const acks = rng.chance(durableTopic ? 0.8 : 0.5) ? 'all' : rng.chance(0.85) ? '1' : '0';
    const config: ConfigMap = {
      acks,
      'enable.idempotence': acks === 'all' && rng.chance(0.5),
    };
    if (rng.chance(0.15)) config['partitioner'] = 'round-robin';
    if (rng.chance(0.3)) config['linger.ms'] = rng.pick([0, 5, 500]);
    if (rng.chance(0.3)) config['batch.size'] = rng.pick([200, 1000]);
    const keys = rng.chance(0.6)
      ? Array.from({ length: rng.int(1, 6) }, (_, k) => `key-${k}`)
      : null;
    const id = `producer-${i}`;
    producerAcks[id] = acks;
    producerTimeouts[id] = {
      deliveryMs: producerSetting(preset, config, 'delivery.timeout.ms'),
      maxBlockMs: producerSetting(preset, config, 'max.block.ms'),
    };
    producers.push({
      id,
      topic: topic.name,
      ratePerSec: rng.int(2, size.maxRatePerSec),
      keys,
      config,
    });
  }

  const groups: GroupSpec[] = [];
  for (let i = 0, n = rng.int(1, 3); i < n; i++) {
    const reads = topics.filter(() => rng.chance(0.7));
    const config: ConfigMap = {
      'partition.assignment.strategy': rng.pick(ASSIGNORS),
      // earliest: every group is expected to read every acknowledged record eventually.
      'auto.offset.reset': 'earliest',
    };
    if (rng.chance(0.25)) config['sim.processing.ms'] = rng.int(5, 40);
    groups.push({
      id: `group-${i}`,
      topics: (reads.length > 0 ? reads : [rng.pick(topics)]).map((t) => t.name),
      consumers: rng.int(1, 4),
      config,
    });
  }

  const faults: Fault[] = [];
  for (let at = rng.int(2000, 5000); at < size.chaosMs; at += rng.int(500, 4000)) {
    faults.push({ at, kind: rng.weighted(FAULT_WEIGHTS) });
  }
  if (size.extremeConfigs) {
    // A generator of its own, so the rest of each seed's world is the same as without them.
    const extreme = new TestRng(seed ^ 0x5eed);
    for (let at = extreme.int(2000, 8000); at < size.chaosMs; at += extreme.int(4000, 15_000))
      faults.push({ at, kind: 'extreme-config' });
    faults.sort((a, b) => a.at - b.at);
  }

  // A KRaft quorum in some worlds, with faults of its own: drawn from a generator of their own,
  // so every seed keeps the workload and broker faults it had before the quorum came in.
  const quorumRng = new TestRng(seed ^ 0xc0de);
  const controllers = quorumRng.chance(0.4) ? quorumRng.pick([1, 3, 3, 5]) : 0;
  if (controllers > 0) {
    for (let at = quorumRng.int(3000, 9000); at < size.chaosMs; at += quorumRng.int(2000, 9000))
      faults.push({ at, kind: quorumRng.weighted(CONTROLLER_FAULT_WEIGHTS) });
    faults.sort((a, b) => a.at - b.at);
  }
  // Some quorums run combined, inside brokers 1..N (again a generator of its own).
  const combined =
    controllers > 0 && controllers <= brokers && new TestRng(seed ^ 0xc0b1).chance(0.35);
  // ZooKeeper mode in some of the other worlds, again from a generator of its own.
  const zkRng = new TestRng(seed ^ 0x200c);
  const ensemble = controllers === 0 && zkRng.chance(0.35) ? zkRng.pick([1, 3, 3, 5]) : 0;
  if (ensemble > 0) {
    for (let at = zkRng.int(3000, 9000); at < size.chaosMs; at += zkRng.int(2000, 9000))
      faults.push({ at, kind: zkRng.weighted(ZOOKEEPER_FAULT_WEIGHTS) });
    faults.sort((a, b) => a.at - b.at);
  }

  // Some quorums and ensembles grow by one node (KIP-853, ZooKeeper reconfig), from a generator of
  // their own, so the seeds keep the faults they had before this fault existed.
  const growRng = new TestRng(seed ^ 0x6120);
  if ((controllers > 0 || ensemble > 0) && growRng.chance(0.3)) {
    faults.push({
      at: growRng.int(3000, size.chaosMs),
      kind: controllers > 0 ? 'add-controller' : 'add-zookeeper',
    });
    faults.sort((a, b) => a.at - b.at);
  }

  return {
    seed,
    scenario: {
      version: 1,
      seed,
      preset,
      ...(network ? { network } : {}),
      cluster: {
        brokers,
        ...(controllers > 0
          ? {
              metadata: {
                mode: 'kraft' as const,
                controllers,
                ...(combined ? { placement: 'combined' as const } : {}),
              },
            }
          : {}),
        ...(ensemble > 0 ? { metadata: { mode: 'zookeeper' as const, ensemble } } : {}),
      },
      topics,
      producers,
      groups,
    },
    faults,
    chaosUntil: size.chaosMs,
    // Kafka's defaults are slower to notice failures (broker session 9 s, consumer session 45 s).
    livenessMaxMs: kafkaDefaults ? size.livenessMaxMs * 1.5 : size.livenessMaxMs,
    producerAcks,
    producerTimeouts,
  };
}
