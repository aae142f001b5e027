// The metrics the engine samples (design.md 3.9), by Kafka's own names. A series is named
// `scope|entity|metric`: `cluster||UnderReplicatedPartitions`, `broker|2|MessagesInPerSec`,
// `controller|1001|ActiveControllerCount`, `producer|checkout|record-send-rate`, `consumer|billing-1|records-lag-max`,
// `group|billing|records-lag`, `partition|billing/orders-0|records-lag`,
// `error|NOT_ENOUGH_REPLICAS|produce-errors`.

export type MetricScope =
  'cluster' | 'broker' | 'controller' | 'producer' | 'consumer' | 'group' | 'partition' | 'error';

/** Broker metrics (kafka.server / kafka.controller MBeans); the cluster row sums them. */
export const BROKER_METRICS = [
  'UnderReplicatedPartitions',
  'OfflinePartitionsCount',
  'ActiveControllerCount',
  'IsrShrinksPerSec',
  'IsrExpandsPerSec',
  'LeaderElectionRateAndTimeMs',
  'UncleanLeaderElectionsPerSec',
  'FailedProduceRequestsPerSec',
  'MessagesInPerSec',
] as const;

/**
 * KRaft controller node metrics (kafka.controller MBeans and the raft-metrics group): whether it
 * is the active controller, the partitions without a leader (on the active one), its Raft epoch
 * and the high watermark of its copy of `__cluster_metadata`. A node that is down reports none.
 */
export const CONTROLLER_METRICS = [
  'ActiveControllerCount',
  'OfflinePartitionsCount',
  'current-epoch',
  'high-watermark',
] as const;

// Also sampled (sample.ts): cluster-wide InSyncReplicasCount and ReplicasCount (Kafka's
// per-partition gauges, summed); per producer record-send-rate, record-error-rate,
// record-retry-rate, request-latency-avg, batch-size-avg, buffered-records; per consumer
// records-lag-max, records-consumed-rate; per group records-lag (committed-offset lag),
// rebalance-total, rebalance-latency-avg; per group partition records-lag; per error name
// produce-errors.

/** Series ids made so far, by scope, metric and entity: each id string is built (and hashed) once. */
const ids = new Map<string, Map<string, Map<string | number, string>>>();

/** The id of a series, "scope|entity|metric" (the same string object each time it is asked for). */
export function seriesId(scope: MetricScope, entity: string | number, metric: string): string {
  let byMetric = ids.get(scope);
  if (byMetric === undefined) ids.set(scope, (byMetric = new Map()));
  let byEntity = byMetric.get(metric);
  if (byEntity === undefined) byMetric.set(metric, (byEntity = new Map()));
  let id = byEntity.get(entity);
  if (id === undefined) byEntity.set(entity, (id = `${scope}|${entity}|${metric}`));
  return id;
}

export function parseSeriesId(
  id: string,
): { scope: MetricScope; entity: string; metric: string } | null {
  const a = id.indexOf('|');
  const b = id.lastIndexOf('|');
  if (a < 0 || b <= a) return null;
  return {
    scope: id.slice(0, a) as MetricScope,
    entity: id.slice(a + 1, b),
    metric: id.slice(b + 1),
  };
}
