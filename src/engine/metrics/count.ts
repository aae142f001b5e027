// Counting at the source: every event the engine emits passes through here (Sim.emit), and the
// producer reports what only it knows (records and bytes per request, request latency).
import type { SimEvent } from '../types';
import type { World } from '../sim/world';
import { seriesId } from './catalog';
import { newMetricsState, type MetricsState } from './state';

export function metricsOf(world: World): MetricsState {
  return (world.metrics ??= newMetricsState(world.now));
}

function add(m: MetricsState, id: string, n = 1): void {
  m.counts[id] = (m.counts[id] ?? 0) + n;
}

const BROKER_PREFIX = 'broker:';

/** Count one emitted event into the second being sampled. */
export function countEvent(world: World, e: SimEvent): void {
  switch (e.type) {
    case 'net.sent':
      // The broker answered a produce request with an error (BrokerTopicMetrics).
      if (e.kind === 'produce-response' && e.error && e.from.startsWith(BROKER_PREFIX))
        add(
          metricsOf(world),
          seriesId('broker', e.from.slice(BROKER_PREFIX.length), 'FailedProduceRequestsPerSec'),
        );
      return;
    case 'record.appended': {
      // Only appends as leader count as messages in (follower appends are replication).
      const broker = world.brokers[e.brokerId - 1];
      if (broker && broker.lead[`${e.topic}-${e.partition}`])
        add(metricsOf(world), seriesId('broker', e.brokerId, 'MessagesInPerSec'), e.count);
      return;
    }
    case 'isr.shrunk':
    case 'isr.expanded': {
      const m = metricsOf(world);
      const leader = world.controller.partitions[`${e.topic}-${e.partition}`]?.leader ?? -1;
      const name = e.type === 'isr.shrunk' ? 'IsrShrinksPerSec' : 'IsrExpandsPerSec';
      if (leader >= 0) add(m, seriesId('broker', leader, name));
      else add(m, seriesId('cluster', '', name));
      return;
    }
    case 'partition.leader-elected': {
      const m = metricsOf(world);
      add(m, seriesId('cluster', '', 'LeaderElectionRateAndTimeMs'));
      if (e.unclean) add(m, seriesId('cluster', '', 'UncleanLeaderElectionsPerSec'));
      return;
    }
    case 'record.failed': {
      const m = metricsOf(world);
      add(
        m,
        seriesId('producer', e.producerId, e.retriable ? 'record-retry-rate' : 'record-error-rate'),
      );
      add(m, seriesId('error', e.error, 'produce-errors'));
      return;
    }
    case 'record.consumed':
      add(metricsOf(world), seriesId('consumer', e.consumerId, 'records-consumed-rate'));
      return;
    case 'group.rebalance-started': {
      const r = rebalanceOf(metricsOf(world), e.groupId);
      if (r.startedAt === null) r.startedAt = e.t;
      return;
    }
    case 'group.rebalance-completed': {
      const r = rebalanceOf(metricsOf(world), e.groupId);
      r.total++;
      if (r.startedAt !== null) r.totalMs += e.t - r.startedAt;
      r.startedAt = null;
      return;
    }
    default:
      return;
  }
}

function rebalanceOf(m: MetricsState, groupId: string) {
  return (m.rebalances[groupId] ??= { startedAt: null, total: 0, totalMs: 0 });
}

/** The producer sent a produce request: `records` records in `batches` batches of `bytes`. */
export function countProduceSent(
  world: World,
  producerId: string,
  records: number,
  batches: number,
  bytes: number,
): void {
  const m = metricsOf(world);
  add(m, seriesId('producer', producerId, 'record-send-rate'), records);
  add(m, seriesId('producer', producerId, 'batch-count'), batches);
  add(m, seriesId('producer', producerId, 'batch-bytes'), bytes);
}

/** The producer got the answer to a produce request sent `latencyMs` ago. */
export function countProduceLatency(world: World, producerId: string, latencyMs: number): void {
  const m = metricsOf(world);
  add(m, seriesId('producer', producerId, 'request-count'));
  add(m, seriesId('producer', producerId, 'latency-sum'), latencyMs);
}
