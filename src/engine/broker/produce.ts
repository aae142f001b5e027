// The leader's side of Produce (kafka-spec.md 1.3, 1.5, 3.5): the min.insync.replicas check,
// idempotent duplicate and sequence checks, the append, and "produce purgatory" where acks=all
// requests wait until the high watermark passes their records.
import { effectiveMinIsr } from '../kernels';
import { brokerNode, tpKey, type Sim } from '../sim/sim';
import type { Batch, BrokerState, LogState, Message, PendingProduce } from '../sim/world';
import { batchIndexAt } from './log';
import { wakeParked } from './parking';
import { maybeAdvanceHw, segmentLimits, storeBatch } from './replication';

const PRODUCER_BATCH_MEMORY = 5;

function minIsrFor(sim: Sim, b: BrokerState, key: string, topic: string): number {
  const rf = b.meta[key]?.replicas.length ?? sim.world.topics[topic].replicationFactor;
  return effectiveMinIsr(Number(sim.world.topics[topic].config.eff['min.insync.replicas']), rf);
}

export function handleProduce(sim: Sim, b: BrokerState, msg: Message<'produce'>): void {
  const body = msg.body;
  const parts: PendingProduce['parts'] = [];
  for (const pb of body.batches) {
    const key = tpKey(pb.topic, pb.partition);
    const part = {
      topic: pb.topic,
      partition: pb.partition,
      requiredOffset: 0,
      baseOffset: -1,
      error: null as string | null,
      done: false,
    };
    parts.push(part);
    const lead = b.lead[key];
    const log = b.logs[key];
    if (!sim.world.topics[pb.topic]) {
      part.error = 'UNKNOWN_TOPIC_OR_PARTITION';
      continue;
    }
    if (!lead || !log) {
      part.error = 'NOT_LEADER_OR_FOLLOWER';
      continue;
    }
    if (body.acks === -1 && lead.isr.length < minIsrFor(sim, b, key, pb.topic)) {
      part.error = 'NOT_ENOUGH_REPLICAS';
      continue;
    }
    if (pb.pid >= 0) {
      const error = checkSequence(log.producers[pb.pid], pb, part);
      if (error === 'duplicate') continue;
      if (error) {
        part.error = error;
        continue;
      }
    }
    const batch = appendAsLeader(sim, b, log, lead.leaderEpoch, pb);
    part.baseOffset = batch.baseOffset;
    part.requiredOffset = batch.baseOffset + batch.records.length;
    if (body.acks === 0) markAcked(log, batch.baseOffset, part.requiredOffset);
    wakeParked(sim, b, key, 'replica-fetch');
    maybeAdvanceHw(sim, b, key);
  }
  if (body.acks === 0) return;
  if (body.acks === 1) {
    for (const part of parts) {
      part.done = true;
      if (!part.error)
        markAcked(b.logs[tpKey(part.topic, part.partition)], part.baseOffset, part.requiredOffset);
    }
    respond(sim, b, msg, parts);
    return;
  }
  const entry: PendingProduce = { token: ++b.nextToken, msg, parts };
  for (const part of parts) settle(sim, b, part);
  if (parts.every((p) => p.done)) {
    respond(sim, b, msg, parts);
    return;
  }
  b.purgatory.push(entry);
  sim.timer(brokerNode(b.id), b.inc, 'broker.produce-timeout', body.timeoutMs, entry.token);
}

function appendAsLeader(
  sim: Sim,
  b: BrokerState,
  log: LogState,
  epoch: number,
  pb: Message<'produce'>['body']['batches'][number],
): Batch {
  // The producer's record objects become the log's: no copy, as if the bytes were written.
  const records = pb.records;
  let maxTs = 0;
  for (let i = 0; i < records.length; i++) if (records[i].ts > maxTs) maxTs = records[i].ts;
  const bytes = pb.bytes;
  const batch: Batch = {
    bid: sim.world.nextBatchId++,
    baseOffset: log.leo,
    epoch,
    records,
    bytes,
    maxTs,
    pid: pb.pid,
    producerEpoch: pb.producerEpoch,
    baseSeq: pb.baseSeq,
    acked: false,
  };
  storeBatch(sim, b, log, batch, segmentLimits(sim, log.topic));
  return batch;
}

/** Remember an idempotent producer's last batches (duplicate detection after retries). */
/**
 * The broker's idempotence checks (kafka-spec 1.5), in order: an older producer epoch is fenced;
 * a duplicate of one of the last 5 batches is answered with its original offsets; a new epoch
 * must start at sequence 0; otherwise the sequence must follow the last one.
 */
function checkSequence(
  entry: LogState['producers'][string] | undefined,
  pb: Message<'produce'>['body']['batches'][number],
  part: PendingProduce['parts'][number],
): string | null {
  if (!entry) return null; // no state for this producer id: any sequence is accepted
  if (pb.producerEpoch < entry.producerEpoch) return 'INVALID_PRODUCER_EPOCH';
  if (pb.producerEpoch > entry.producerEpoch)
    return pb.baseSeq === 0 ? null : 'OUT_OF_ORDER_SEQUENCE_NUMBER';
  const lastSeq = pb.baseSeq + pb.records.length - 1;
  const dup = entry.batches.find((x) => x.firstSeq === pb.baseSeq && x.lastSeq === lastSeq);
  if (dup) {
    part.baseOffset = dup.firstOffset;
    part.requiredOffset = dup.lastOffset + 1;
    return 'duplicate';
  }
  const last = entry.batches[entry.batches.length - 1];
  return last && pb.baseSeq !== last.lastSeq + 1 ? 'OUT_OF_ORDER_SEQUENCE_NUMBER' : null;
}

export function recordProducerBatch(log: LogState, batch: Batch): void {
  if (batch.pid < 0) return;
  let entry = log.producers[batch.pid];
  if (!entry || batch.producerEpoch > entry.producerEpoch) {
    entry = log.producers[batch.pid] = { producerEpoch: batch.producerEpoch, batches: [] };
  }
  entry.batches.push({
    firstSeq: batch.baseSeq,
    lastSeq: batch.baseSeq + batch.records.length - 1,
    firstOffset: batch.baseOffset,
    lastOffset: batch.baseOffset + batch.records.length - 1,
  });
  if (entry.batches.length > PRODUCER_BATCH_MEMORY) entry.batches.shift();
}

/** After truncation the producer state is rebuilt from what the log still holds. */
export function rebuildProducerState(log: LogState): void {
  log.producers = {};
  for (const batch of log.batches) recordProducerBatch(log, batch);
}

function markAcked(log: LogState | undefined, from: number, to: number): void {
  if (!log) return;
  for (let i = batchIndexAt(log, from); i >= 0 && i < log.batches.length; i++) {
    const batch = log.batches[i];
    if (batch.baseOffset >= to) break;
    batch.acked = true;
  }
}

/** Decide a waiting acks=all part if the HW has passed it. */
function settle(sim: Sim, b: BrokerState, part: PendingProduce['parts'][number]): void {
  if (part.done) return;
  if (part.error) {
    part.done = true;
    return;
  }
  const key = tpKey(part.topic, part.partition);
  const log = b.logs[key];
  const lead = b.lead[key];
  if (!log || !lead) return;
  if (log.hw < part.requiredOffset) return;
  part.done = true;
  const maximal = lead.pendingIsr
    ? new Set([...lead.isr, ...lead.pendingIsr]).size
    : lead.isr.length;
  if (maximal < minIsrFor(sim, b, key, part.topic)) {
    part.error = 'NOT_ENOUGH_REPLICAS_AFTER_APPEND';
  } else {
    markAcked(log, part.baseOffset, part.requiredOffset);
  }
}

export function completePurgatory(sim: Sim, b: BrokerState, key: string): void {
  if (b.purgatory.length === 0) return;
  const keep: PendingProduce[] = [];
  for (const entry of b.purgatory) {
    for (const part of entry.parts)
      if (tpKey(part.topic, part.partition) === key) settle(sim, b, part);
    if (entry.parts.every((p) => p.done)) respond(sim, b, entry.msg, entry.parts);
    else keep.push(entry);
  }
  b.purgatory = keep;
}

/** Leadership moved away: waiting requests for the partition fail with `error`. */
export function failPurgatoryFor(sim: Sim, b: BrokerState, key: string, error: string): void {
  const keep: PendingProduce[] = [];
  for (const entry of b.purgatory) {
    for (const part of entry.parts) {
      if (!part.done && tpKey(part.topic, part.partition) === key) {
        part.error = error;
        part.done = true;
      }
    }
    if (entry.parts.every((p) => p.done)) respond(sim, b, entry.msg, entry.parts);
    else keep.push(entry);
  }
  b.purgatory = keep;
}

export function onProduceTimeout(sim: Sim, b: BrokerState, token: number): void {
  const i = b.purgatory.findIndex((e) => e.token === token);
  if (i < 0) return;
  const [entry] = b.purgatory.splice(i, 1);
  for (const part of entry.parts) {
    if (!part.done) {
      part.error = 'REQUEST_TIMED_OUT';
      part.done = true;
    }
  }
  respond(sim, b, entry.msg, entry.parts);
}

function respond(
  sim: Sim,
  b: BrokerState,
  msg: Message<'produce'>,
  parts: PendingProduce['parts'],
): void {
  const results = parts.map((p) => ({
    topic: p.topic,
    partition: p.partition,
    error: p.error,
    baseOffset: p.error ? -1 : p.baseOffset,
  }));
  const single = parts.length === 1 ? parts[0] : undefined;
  const firstError = parts.find((p) => p.error)?.error;
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'produce-response',
    { reqId: msg.body.reqId, results },
    {
      toInc: msg.fromInc,
      ...(single ? { topic: single.topic, partition: single.partition } : {}),
      ...(firstError ? { error: firstError } : {}),
    },
  );
}
