// The metrics the engine samples (design.md 3.9), by Kafka's own names. A series is named
// `scope|entity|metric`: `cluster||UnderReplicatedPartitions`, `broker|2|MessagesInPerSec`,
// `producer|checkout|record-send-rate`, `consumer|billing-1|records-lag-max`,
// `group|billing|records-lag`, `partition|billing/orders-0|records-lag`,
// `error|NOT_ENOUGH_REPLICAS|produce-errors`.

export type MetricScope =
  'cluster' | 'broker' | 'producer' | 'consumer' | 'group' | 'partition' | 'error';

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

// Also sampled (sample.ts): cluster-wide InSyncReplicasCount and ReplicasCount (Kafka's
// per-partition gauges, summed); per producer record-send-rate, record-error-rate,
// record-retry-rate, request-latency-avg, batch-size-avg, buffered-records; per consumer
// records-lag-max, records-consumed-rate; per group records-lag (committed-offset lag),
// rebalance-total, rebalance-latency-avg; per group partition records-lag; per error name
// produce-errors.

export function seriesId(scope: MetricScope, entity: string | number, metric: string): string {
  return `${scope}|${entity}|${metric}`;
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
