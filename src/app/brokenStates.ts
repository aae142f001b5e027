// Broken states the engine's view does not flag by itself (issue 10): a cluster with no broker
// alive, a partition whose last known leader is dead, a group whose coordinator is dead, a topic
// whose min.insync.replicas exceeds its replication factor. Pure functions over view data.
//
// Why derived here: with every broker dead nobody is left to elect or fence, so the controller's
// metadata (and the view built from it) keeps the last leaders and "Stable" groups. Kafka's own
// clients would see the same frozen metadata and fail to connect; the picture must say so.
import type { BrokerStatus } from '../engine';

interface BrokerLike {
  status: BrokerStatus;
}

/** Some brokers exist and none of them is running. */
export function clusterUnavailable(brokers: readonly BrokerLike[]): boolean {
  return brokers.length > 0 && brokers.every((b) => b.status !== 'running');
}

/** The partition's leader if it is a running broker, else null ("no leader"). */
export function liveLeader(
  partition: { leader: number; offline: boolean },
  statusOf: (brokerId: number) => BrokerStatus | undefined,
): number | null {
  if (partition.offline || partition.leader < 0) return null;
  return statusOf(partition.leader) === 'running' ? partition.leader : null;
}

/** The group's coordinator is unknown or not running: its state is stale, not Stable. */
export function coordinatorUnavailable(
  group: { coordinator: number | null },
  statusOf: (brokerId: number) => BrokerStatus | undefined,
): boolean {
  return group.coordinator === null || statusOf(group.coordinator) !== 'running';
}

export interface MinIsrProblem {
  minIsr: number;
  replicationFactor: number;
}

/**
 * min.insync.replicas above the replication factor. Kafka accepts it; since 3.7 (KAFKA-15583,
 * kafka-spec 1.3 / 3.5) the leader caps it at the replication factor, so acks=all writes then
 * need every replica in the ISR: one replica out and they fail with NOT_ENOUGH_REPLICAS.
 * `minIsr` is the topic's value (its config entry already falls back to the broker default).
 */
export function minIsrProblem(minIsr: unknown, replicationFactor: number): MinIsrProblem | null {
  const n = typeof minIsr === 'number' ? minIsr : Number(minIsr);
  if (!Number.isFinite(n) || replicationFactor <= 0 || n <= replicationFactor) return null;
  return { minIsr: n, replicationFactor };
}
