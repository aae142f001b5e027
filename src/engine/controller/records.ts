// The records of KRaft's metadata log (`__cluster_metadata`), named as Kafka's metadata schema
// names them, and `replay`, the only code that changes the controller's metadata image. The
// controller decides a change, writes it as records (controller/write.ts), and the image follows
// from replaying them, as in Kafka's QuorumController: brokers and a future standby controller
// can then rebuild the same image from the same log.
//
// Differences from Kafka's schema, on purpose: topics and brokers are named, not given UUIDs and
// incarnation ids; a partition record carries the controller's reason only in the events it
// causes; `PartitionChangeRecord.leaderEpochBump` stands for Kafka's "leader field set to the
// current leader" (a reassignment that removes replicas bumps the epoch without a new leader).
import type { ConfigMap, ConfigValue } from '../types';
import type { ControllerBroker, ControllerPartition, PartitionMeta, World } from '../sim/world';
import { tpKey } from '../sim/ids';
import { newSlot, refreshSlot, setExplicit } from '../config/resolve';

/** Leader changes remembered per partition (the inspector's history). */
const HISTORY_LIMIT = 20;

export interface RegisterBrokerRecord {
  type: 'RegisterBrokerRecord';
  brokerId: number;
  /** KRaft: the offset of this record in the metadata log; ZooKeeper mode: the znode's czxid. */
  brokerEpoch: number;
  /** The process that registered (Kafka's incarnation id: a new one at every start). */
  incarnation?: number;
}

/** Fencing, unfencing and controlled shutdown of a registered broker. */
export interface BrokerRegistrationChangeRecord {
  type: 'BrokerRegistrationChangeRecord';
  brokerId: number;
  fenced?: boolean;
  inControlledShutdown?: boolean;
}

export interface UnregisterBrokerRecord {
  type: 'UnregisterBrokerRecord';
  brokerId: number;
}

export interface TopicRecord {
  type: 'TopicRecord';
  name: string;
  /** The topic's explicit configs (Kafka writes them as ConfigRecords after the TopicRecord). */
  config?: ConfigMap;
  source: 'scenario' | 'user';
}

export interface PartitionRecord {
  type: 'PartitionRecord';
  topic: string;
  partition: number;
  replicas: number[];
  isr: number[];
  /** -1: no replica could lead when the partition was created. */
  leader: number;
}

/** Only the fields present change; every record bumps the partition epoch. */
export interface PartitionChangeRecord {
  type: 'PartitionChangeRecord';
  topic: string;
  partition: number;
  isr?: number[];
  /** A new leader (-1: none), which bumps the leader epoch. */
  leader?: number;
  /** The epoch goes up although the leader stays (replicas were removed: fence them). */
  leaderEpochBump?: boolean;
  /** The leader was chosen outside the ISR (kept for the inspector's history). */
  unclean?: boolean;
  replicas?: number[];
  /** An ongoing reassignment's replicas being added and removed; [] ends it. */
  addingReplicas?: number[];
  removingReplicas?: number[];
}

export interface RemoveTopicRecord {
  type: 'RemoveTopicRecord';
  name: string;
}

/**
 * A dynamic config of a broker (resourceName its id, or "" for the cluster-wide default, as
 * kafka-configs --entity-default writes it) or of a topic (kafka-configs --alter).
 */
export interface ConfigRecord {
  type: 'ConfigRecord';
  resourceType: 'BROKER' | 'TOPIC';
  resourceName: string;
  name: string;
  value: ConfigValue;
}

/** The next producer id the controller hands out (Kafka allocates blocks; one id here). */
export interface ProducerIdsRecord {
  type: 'ProducerIdsRecord';
  nextProducerId: number;
}

export type MetadataRecord =
  | RegisterBrokerRecord
  | BrokerRegistrationChangeRecord
  | UnregisterBrokerRecord
  | TopicRecord
  | PartitionRecord
  | PartitionChangeRecord
  | RemoveTopicRecord
  | ConfigRecord
  | ProducerIdsRecord;

/** Apply one record to the world's metadata image (`world.controller`, `world.topics`). */
export function replay(world: World, record: MetadataRecord, now: number): void {
  const image = world.controller;
  switch (record.type) {
    case 'RegisterBrokerRecord':
      // A new incarnation starts fenced; it is unfenced once it has caught up with the metadata.
      image.brokers[record.brokerId] = {
        registered: true,
        fenced: true,
        brokerEpoch: record.brokerEpoch,
        ...(record.incarnation !== undefined ? { incarnation: record.incarnation } : {}),
        lastHeartbeat: now,
        shuttingDown: false,
      } satisfies ControllerBroker;
      return;
    case 'BrokerRegistrationChangeRecord': {
      const reg = image.brokers[record.brokerId];
      if (record.fenced !== undefined) reg.fenced = record.fenced;
      if (record.inControlledShutdown !== undefined) reg.shuttingDown = record.inControlledShutdown;
      return;
    }
    case 'UnregisterBrokerRecord':
      delete image.brokers[record.brokerId];
      return;
    case 'TopicRecord': {
      const slot = newSlot('topic');
      setExplicit(slot.explicit, record.config, record.source);
      world.topics[record.name] = {
        name: record.name,
        numPartitions: 0,
        replicationFactor: 0,
        config: slot,
      };
      refreshSlot(world, slot);
      return;
    }
    case 'PartitionRecord':
      return replayPartition(world, record, now);
    case 'PartitionChangeRecord':
      return replayPartitionChange(world, record, now);
    case 'ConfigRecord':
      return replayConfig(world, record);
    case 'RemoveTopicRecord': {
      const topic = world.topics[record.name];
      for (let i = 0; i < topic.numPartitions; i++) delete image.partitions[tpKey(record.name, i)];
      delete world.topics[record.name];
      return;
    }
    case 'ProducerIdsRecord':
      image.nextProducerId = record.nextProducerId;
      return;
  }
}

function replayPartition(world: World, r: PartitionRecord, now: number): void {
  const topic = world.topics[r.topic];
  world.controller.partitions[tpKey(r.topic, r.partition)] = {
    ...partitionCreated(r),
    history: r.leader >= 0 ? [{ t: now, leader: r.leader, leaderEpoch: 0, unclean: false }] : [],
  } satisfies ControllerPartition;
  // The topic's size follows its partitions (the first one gives the replication factor).
  if (r.partition === 0) topic.replicationFactor = r.replicas.length;
  topic.numPartitions = Math.max(topic.numPartitions, r.partition + 1);
}

function replayPartitionChange(world: World, r: PartitionChangeRecord, now: number): void {
  const key = tpKey(r.topic, r.partition);
  const p = world.controller.partitions[key];
  const leaderEpoch = p.leaderEpoch;
  Object.assign(p, partitionAfter(p, r));
  if (p.leaderEpoch !== leaderEpoch) {
    p.history.push({ t: now, leader: p.leader, leaderEpoch: p.leaderEpoch, unclean: !!r.unclean });
    if (p.history.length > HISTORY_LIMIT) p.history.shift();
  }
  if (r.addingReplicas !== undefined || r.removingReplicas !== undefined) {
    const adding = r.addingReplicas ?? [];
    const removing = r.removingReplicas ?? [];
    const reassignments = (world.controller.reassignments ??= {});
    if (adding.length === 0 && removing.length === 0) delete reassignments[key];
    else
      reassignments[key] = {
        target: p.replicas.filter((id) => !removing.includes(id)),
        adding,
        removing,
      };
  }
}

/**
 * A partition's metadata after a PartitionChangeRecord: the fields present change, the partition
 * epoch always goes up, the leader epoch with a new leader (or a bump). The controller's image
 * and every broker's image replay records through this one function.
 */
export function partitionAfter(p: PartitionMeta, r: PartitionChangeRecord): PartitionMeta {
  const newLeader = r.leader !== undefined || r.leaderEpochBump === true;
  return {
    topic: p.topic,
    partition: p.partition,
    replicas: r.replicas ?? p.replicas,
    leader: r.leader ?? p.leader,
    leaderEpoch: newLeader ? p.leaderEpoch + 1 : p.leaderEpoch,
    isr: r.isr ?? p.isr,
    partitionEpoch: p.partitionEpoch + 1,
  };
}

/** A partition's metadata without the controller's history of it. */
export function partitionMeta(p: PartitionMeta): PartitionMeta {
  return {
    topic: p.topic,
    partition: p.partition,
    replicas: p.replicas,
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    isr: p.isr,
    partitionEpoch: p.partitionEpoch,
  };
}

/** A new partition's metadata, as a PartitionRecord creates it. */
export function partitionCreated(r: PartitionRecord): PartitionMeta {
  return {
    topic: r.topic,
    partition: r.partition,
    replicas: r.replicas,
    leader: r.leader,
    leaderEpoch: 0,
    isr: r.isr,
    partitionEpoch: 0,
  };
}

/** The explicit config entries a ConfigRecord's resource keeps (undefined: no such resource). */
export function configEntriesOf(
  world: World,
  resourceType: ConfigRecord['resourceType'],
  resourceName: string,
): World['clusterConfig'] | undefined {
  if (resourceType === 'TOPIC') return world.topics[resourceName]?.config.explicit;
  if (resourceName === '') return world.clusterConfig;
  return world.brokers[Number(resourceName) - 1]?.config.explicit;
}

/** Refresh the effective configs a change of `record`'s resource reaches. */
export function refreshConfigsOf(
  world: World,
  resourceType: ConfigRecord['resourceType'],
  resourceName: string,
): void {
  if (resourceType === 'TOPIC') {
    const topic = world.topics[resourceName];
    if (topic) refreshSlot(world, topic.config);
    return;
  }
  if (resourceName !== '') {
    const b = world.brokers[Number(resourceName) - 1];
    if (b) refreshSlot(world, b.config);
    return;
  }
  // The cluster-wide default reaches every broker and every topic.
  for (const b of world.brokers) refreshSlot(world, b.config);
  for (const t of Object.values(world.topics)) refreshSlot(world, t.config);
}

function replayConfig(world: World, r: ConfigRecord): void {
  const entries = configEntriesOf(world, r.resourceType, r.resourceName);
  if (entries === undefined) return;
  entries[r.name] = { value: r.value, source: 'user' };
  refreshConfigsOf(world, r.resourceType, r.resourceName);
}
