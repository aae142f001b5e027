// Topic creation and partition addition on the controller: Kafka's StripedReplicaPlacer over the
// usable brokers, then the first replica in assignment order leads, with all replicas in ISR.
import * as cfg from '../config/access';
import { assignReplicasToBrokers, stripedPlace, type UsableBroker } from '../kernels';
import type { ConfigMap, EngineError } from '../types';
import type { Sim } from '../sim/sim';
import { tpKey } from '../sim/ids';
import { isInternalTopic, OFFSETS_TOPIC } from '../sim/internalTopics';
import type { BrokerState, ControllerPartition } from '../sim/world';
import type { TopicCreateReason } from '../reasons';
import { activeHost, controllerCanAct, isAcceptableLeader, publish } from './controller';
import { LIMITS } from '../limits';
import type { MetadataRecord, PartitionRecord } from './records';
import { write } from './write';
import { inControllerScope } from '../quorum/scope';
import { userPartitions } from '../commands/limitChecks';

/**
 * Brokers the placer may use (Kafka's ClusterControlManager.usableBrokers): registered and not
 * in controlled shutdown, in id order, fenced ones flagged (they get a follower replica only when
 * the unfenced ones are not enough, never the first replica).
 */
function usableBrokers(sim: Sim): UsableBroker[] {
  const regs = sim.world.controller.brokers;
  return sim.world.brokers
    .filter((b) => regs[b.id]?.registered && !regs[b.id].shuttingDown)
    .map((b) => ({ id: b.id, rack: b.rack ?? null, fenced: regs[b.id].fenced }));
}

/**
 * Place `count` new partitions (KRaft: StripedReplicaPlacer, for new topics and for partitions
 * added to one), or in ZooKeeper mode AdminUtils (kernels/replicaPlacement.ts); an error names
 * the problem.
 */
export function placeReplicas(
  sim: Sim,
  count: number,
  replicationFactor: number,
  adding?: { existingPartitions: number; firstReplicaOfPartition0: number },
): { ok: true; assignment: number[][] } | { ok: false; error: EngineError } {
  // ZooKeeper mode: AdminUtils over the live brokers (/brokers/ids), as kafka-topics did then.
  const brokers = sim.world.zookeeper
    ? usableBrokers(sim).filter((b) => !b.fenced)
    : usableBrokers(sim);
  if (replicationFactor > brokers.length) {
    return {
      ok: false,
      error: {
        code: 'INVALID_REPLICATION_FACTOR',
        message: `replicationFactor ${replicationFactor} exceeds live brokers ${brokers.length}`,
        field: 'replicationFactor',
        params: { replicationFactor, liveBrokers: brokers.length },
      },
    };
  }
  const random = (bound: number) => sim.rng.below(bound);
  const placed = sim.world.zookeeper
    ? assignReplicasToBrokers({
        brokers,
        numPartitions: count,
        replicationFactor,
        randomInt: random,
        // Adding partitions continues the topic's pattern (AdminZkClient.addPartitions).
        ...(adding
          ? {
              startPartitionId: adding.existingPartitions,
              fixedStartIndex: Math.max(
                0,
                brokers.findIndex((b) => b.id === adding.firstReplicaOfPartition0),
              ),
            }
          : {}),
      })
    : stripedPlace(brokers, count, replicationFactor, random);
  if (!placed.ok) {
    return {
      ok: false,
      error: {
        code: 'INVALID_REPLICATION_FACTOR',
        message: placed.error,
        field: 'replicationFactor',
      },
    };
  }
  return { ok: true, assignment: placed.assignment };
}

/** A new partition: its live replicas form the ISR, and the first of them leads. */
function newPartition(
  sim: Sim,
  topic: string,
  partition: number,
  replicas: number[],
): PartitionRecord {
  const isr = replicas.filter((id) => isAcceptableLeader(sim, id));
  const leader = isr.length > 0 ? isr[0] : -1;
  return { type: 'PartitionRecord', topic, partition, replicas, isr, leader };
}

/** Write the partitions' records; returns the partitions as the image now holds them. */
function writePartitions(
  sim: Sim,
  before: MetadataRecord[],
  partitions: PartitionRecord[],
): ControllerPartition[] {
  write(sim, [...before, ...partitions]);
  return partitions.map((r) => sim.world.controller.partitions[tpKey(r.topic, r.partition)]);
}

/** Create a topic whose placement is already decided (validation happens before this). */
export function createTopicWithAssignment(
  sim: Sim,
  name: string,
  assignment: number[][],
  config: ConfigMap | undefined,
  source: 'scenario' | 'user',
  reason?: TopicCreateReason,
): void {
  const w = sim.world;
  const created = writePartitions(
    sim,
    [{ type: 'TopicRecord', name, ...(config ? { config } : {}), source }],
    assignment.map((replicas, i) => newPartition(sim, name, i, replicas)),
  );
  sim.emit({
    type: 'topic.created',
    topic: name,
    partitions: assignment.length,
    replicationFactor: w.topics[name].replicationFactor,
    assignment,
    ...(reason ? { reason } : {}),
    t: sim.now,
  });
  for (const p of created) announceNewLeader(sim, p);
  publish(sim, created);
}

export function addPartitionsWithAssignment(sim: Sim, name: string, assignment: number[][]): void {
  const w = sim.world;
  const topic = w.topics[name];
  const from = topic.numPartitions;
  const created = writePartitions(
    sim,
    [],
    assignment.map((replicas, i) => newPartition(sim, name, from + i, replicas)),
  );
  sim.emit({ type: 'partitions.added', topic: name, from, to: topic.numPartitions, t: sim.now });
  for (const p of created) announceNewLeader(sim, p);
  publish(sim, created);
}

function announceNewLeader(sim: Sim, p: ControllerPartition): void {
  if (isInternalTopic(p.topic)) return;
  if (p.leader >= 0) {
    sim.emit({
      type: 'partition.leader-elected',
      topic: p.topic,
      partition: p.partition,
      leader: p.leader,
      previousLeader: -1,
      leaderEpoch: 0,
      isr: [...p.isr],
      unclean: false,
      reason: { code: 'new-partition' },
      t: sim.now,
    });
  } else {
    sim.emit({
      type: 'partition.offline',
      topic: p.topic,
      partition: p.partition,
      previousLeader: -1,
      leaderEpoch: 0,
      t: sim.now,
    });
  }
}

/**
 * Auto topic creation (KRaft's AutoTopicCreationManager): a client that allows it asked broker
 * `b` for metadata of a topic that does not exist, and auto.create.topics.enable is on, so the
 * broker has the controller create it with its own num.partitions and
 * default.replication.factor (a CreateTopics request in Kafka; a direct call here). The broker
 * answers UNKNOWN_TOPIC_OR_PARTITION meanwhile and the client asks again. If the controller
 * cannot place the replicas (fewer brokers than the replication factor) nothing is created and
 * the client keeps waiting, until max.block.ms for a producer.
 */
export function autoCreateTopic(sim: Sim, b: BrokerState, name: string, clientId: string): void {
  inControllerScope(sim, () => autoCreate(sim, b, name, clientId));
}

function autoCreate(sim: Sim, b: BrokerState, name: string, clientId: string): void {
  if (!controllerCanAct(sim)) return;
  const partitions = cfg.int(b.config, 'num.partitions');
  const replicationFactor = cfg.int(b.config, 'default.replication.factor');
  // Nor when the topic would take the cluster past the simulator's partition limit.
  if (userPartitions(sim) + partitions > LIMITS.partitions) return;
  const placed = placeReplicas(sim, partitions, replicationFactor);
  if (!placed.ok) return;
  createTopicWithAssignment(sim, name, placed.assignment, undefined, 'scenario', {
    code: 'auto-create-topics',
    clientId,
  });
}

/**
 * Create __consumer_offsets on first use, as Kafka does. Needs as many unfenced brokers as
 * offsets.topic.replication.factor; returns false (COORDINATOR_NOT_AVAILABLE) until then.
 */
export function ensureOffsetsTopic(sim: Sim): boolean {
  return inControllerScope(sim, () => createOffsetsTopic(sim));
}

function createOffsetsTopic(sim: Sim): boolean {
  const w = sim.world;
  if (w.topics[OFFSETS_TOPIC]) return true;
  const host = activeHost(sim);
  if (!host) return false;
  // In ZooKeeper mode the topic's znodes need a controller that holds /controller.
  if (w.zookeeper?.started && !controllerCanAct(sim)) return false;
  const partitions = cfg.int(host.config, 'offsets.topic.num.partitions');
  const rf = cfg.int(host.config, 'offsets.topic.replication.factor');
  const placed = placeReplicas(sim, partitions, rf);
  if (!placed.ok) return false;
  createTopicWithAssignment(sim, OFFSETS_TOPIC, placed.assignment, undefined, 'scenario');
  return true;
}
