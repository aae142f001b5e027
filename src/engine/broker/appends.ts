// The one place records enter or leave a replica's log on the broker's behalf: the leader's
// append of a produce batch, the follower's append of batches copied from its leader, and the
// follower's truncation to its leader's history. Each keeps the producer state and the events
// (record.appended, log.segment-rolled, log.truncated) in step with the log.
import * as cfg from '../config/access';
import { truncationOffsetFor } from '../kernels';
import { packBatch } from '../records/batch';
import { stampRaw } from '../records/rawBatch';
import type { Sim } from '../sim/sim';
import type { ProduceBatch } from '../sim/messages';
import type { Batch, BrokerState, LogState } from '../sim/world';
import {
  appendBatch,
  placeOf,
  resetLogTo,
  segmentCount,
  truncateTo,
  type SegmentLimits,
  type TruncatedRecord,
} from './log';
import { rebuildProducerState, recordProducerBatch } from './producerState';
import { noteLostRecords } from './dataLoss';

function segmentLimits(sim: Sim, topic: string): SegmentLimits {
  // A deleted topic's replica may still take a fetched batch before the update arrives.
  const config = sim.world.topics[topic]?.config;
  if (!config) return { segmentBytes: Number.MAX_SAFE_INTEGER, segmentMs: Number.MAX_SAFE_INTEGER };
  return {
    segmentBytes: cfg.int(config, 'segment.bytes'),
    segmentMs: cfg.int(config, 'segment.ms'),
  };
}

/** The leader appends a producer's batch at its log end, in its leader epoch. */
export function appendAsLeader(
  sim: Sim,
  b: BrokerState,
  log: LogState,
  leaderEpoch: number,
  pb: ProduceBatch,
): Batch {
  // Packed as the log keeps it (the producer's record objects stay the producer's).
  const batch = packBatch(
    {
      bid: sim.world.nextBatchId++,
      baseOffset: log.leo,
      epoch: leaderEpoch,
      bytes: pb.bytes,
      pid: pb.pid,
      producerEpoch: pb.producerEpoch,
      baseSeq: pb.baseSeq,
      acked: false,
      raw: pb.raw === undefined ? null : stampRaw(pb.raw, log.leo, leaderEpoch),
    },
    pb.records,
  );
  store(sim, b, log, batch, segmentLimits(sim, log.topic));
  return batch;
}

/** A follower appends the batches its leader sent that continue its log (shared, not copied). */
export function appendAsFollower(sim: Sim, b: BrokerState, log: LogState, batches: Batch[]): void {
  if (batches.length === 0) return;
  const limits = segmentLimits(sim, log.topic);
  for (const batch of batches) {
    const place = placeOf(log, batch);
    // A gap or overlap means our log and the leader's disagree; the next fetch sorts it out.
    if (place === 'gap') break;
    if (place === 'next') store(sim, b, log, batch, limits);
  }
}

function store(sim: Sim, b: BrokerState, log: LogState, batch: Batch, limits: SegmentLimits): void {
  const rolled = appendBatch(log, batch, limits);
  if (rolled && segmentCount(log) > 1) {
    sim.emit({
      type: 'log.segment-rolled',
      topic: log.topic,
      partition: log.partition,
      brokerId: b.id,
      baseOffset: batch.baseOffset,
      t: sim.now,
    });
  }
  recordProducerBatch(log, batch);
  sim.emit({
    type: 'record.appended',
    topic: log.topic,
    partition: log.partition,
    offset: batch.baseOffset,
    count: batch.count,
    brokerId: b.id,
    leaderEpoch: batch.epoch,
    t: sim.now,
  });
}

/**
 * The leader said where the follower's log leaves its history (KIP-279): truncate where the
 * truncation kernel says (one round; the next fetch validates again, epoch by epoch), and
 * report any acknowledged records that vanish with it.
 */
export function truncateToDivergence(
  sim: Sim,
  b: BrokerState,
  log: LogState,
  diverging: { epoch: number; endOffset: number },
): void {
  const before = log.leo;
  const target = truncationOffsetFor(log.epochCache, log.leo, diverging);
  let removed;
  if (target < log.logStartOffset) {
    // Below our own log start (an unclean leader with a shorter history): like Kafka's
    // truncateFullyAndStartAt, drop everything and start an empty log at the target.
    removed = truncateTo(log, log.logStartOffset, sim.world);
    resetLogTo(log, target);
  } else {
    removed = truncateTo(log, target, sim.world);
  }
  rebuildProducerState(log);
  reportTruncation(sim, b, log, removed, before);
}

function reportTruncation(
  sim: Sim,
  b: BrokerState,
  log: LogState,
  removed: TruncatedRecord[],
  before: number,
): void {
  if (removed.length === 0) return;
  const lost = removed.filter((r) => r.acked);
  noteLostRecords(sim, log.topic, log.partition, lost);
  sim.emit({
    type: 'log.truncated',
    topic: log.topic,
    partition: log.partition,
    brokerId: b.id,
    fromOffset: removed[0].offset,
    toOffset: before,
    lostAcked: lost.map((r) => ({
      offset: r.offset,
      key: r.record.key,
      producerId: r.record.producer,
    })),
    t: sim.now,
  });
}
