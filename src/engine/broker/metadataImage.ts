// A broker's metadata image: the partitions it knows (leader, ISR, epochs), the live brokers and
// the controller. Changes to it make the broker lead, follow or drop replicas. The image comes
// from the metadata log under KRaft (./metadataFetcher.ts) and from the controller's
// UpdateMetadata and LeaderAndIsr requests in ZooKeeper mode (./broker.ts).
import { tpKey } from '../sim/ids';
import { isInternalTopic } from '../sim/internalTopics';
import type { Sim } from '../sim/sim';
import type { BrokerState, PartitionMeta } from '../sim/world';
import { loadGroupsForPartition } from './group/coordinator';
import { becomeFollowerOrLeader } from './leadership';
import { startReplicaFetchers } from './replicaFetcher';
import { removeReplica, removeStrayReplicas, removeTopicReplicas } from './replicaRemoval';

/** What changed in the image: partitions with their new state, topics deleted. */
export interface ImageChange {
  partitions: readonly PartitionMeta[];
  deletedTopics?: readonly string[];
  /** The whole image: a partition it does not name is gone (its replica and log are deleted). */
  full?: boolean;
}

/** Apply `change` to the broker's image and act on it; then fetch for the partitions it follows. */
export function applyImageChange(sim: Sim, b: BrokerState, change: ImageChange): void {
  for (const topic of change.deletedTopics ?? []) removeTopicReplicas(sim, b, topic);
  // Kafka finds the logs of partitions deleted while the broker was away at startup and deletes them.
  if (change.full) removeStrayReplicas(sim, b, change.partitions);
  for (const meta of change.partitions) applyPartition(sim, b, meta);
  startReplicaFetchers(sim, b);
}

/** One partition's new leader and ISR: lead, follow, or drop a replica that moved away. */
export function applyPartition(sim: Sim, b: BrokerState, meta: PartitionMeta): void {
  const key = tpKey(meta.topic, meta.partition);
  const previous = b.meta[key];
  b.meta[key] = meta;
  if (meta.replicas.includes(b.id)) becomeFollowerOrLeader(sim, b, meta);
  else if (b.logs[key] || b.lead[key] || key in b.follow) {
    // A reassignment moved this replica away: stop serving it and delete the log.
    removeReplica(sim, b, key);
    b.meta[key] = meta;
  }
  // Leading a __consumer_offsets partition makes this broker the coordinator of its groups
  // (again, in a new leader epoch: it may have lost the partition while cut off).
  if (
    meta.leader === b.id &&
    (previous?.leader !== b.id || previous.leaderEpoch !== meta.leaderEpoch) &&
    isInternalTopic(meta.topic)
  ) {
    loadGroupsForPartition(sim, b, key);
  }
}
