// The producer client (kafka-spec.md section 1): the application's send() at the scenario's
// rate, partition choice (murmur2 for keys, the built-in sticky partitioner for null keys, or
// round-robin), the record accumulator (batch.size, linger.ms), the sender (one request per
// leader, max.in.flight.requests.per.connection), acks, retries with backoff and
// delivery.timeout.ms, idempotence (producer id + sequence numbers), and metadata refresh.
import { metadataRefreshDelay } from './metadataAge';
import { retryBackoffDelay } from './retryBackoff';
import { countProduceLatency, countProduceSent } from '../metrics/count';
import * as cfg from '../config/access';
import {
  builtinAfterAppend,
  builtinNextPartition,
  partitionForKey,
  roundRobinPartition,
} from '../kernels';
import { newSlot, refreshSlot, setExplicit } from '../config/resolve';
import { appendedOffset, singleRecordBatchBytes, storedRecordSize } from '../records/batch';
import { removeAt } from '../sim/arrays';
import { pickBroker } from './pickBroker';
import {
  connected,
  disconnected,
  isConnecting,
  isCurrent,
  isReady,
  startConnecting,
  type ConnectionSettings,
} from './connections';
import {
  assignSequence,
  onSequenceError,
  SEQUENCE_ERRORS,
  sequenceAcked,
  sequenceUnresolved,
} from './producerSequences';
import { brokerIdOf, brokerNode, producerNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import { requestTimeoutDelay } from './requestTimeout';
import { clearStandingError, noteStandingError } from './standingErrors';
import type { ProduceBatch } from '../sim/messages';
import type {
  ConfigSlot,
  Message,
  PendingRecord,
  ProducerBatch,
  ProducerState,
  Task,
} from '../sim/world';
import type { ProducerSpec } from '../types';
import { REFRESH_ERRORS, RETRIABLE_ERRORS } from './produceErrors';

// ---------------------------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------------------------

export function createProducer(
  sim: Sim,
  spec: ProducerSpec,
  source: 'scenario' | 'user',
): ProducerState {
  const slot = newSlot('producer');
  setExplicit(slot.explicit, spec.config, source);
  refreshSlot(sim.world, slot);
  const p: ProducerState = {
    id: spec.id,
    node: producerNode(spec.id),
    topic: spec.topic,
    ratePerSec: spec.ratePerSec ?? 0,
    keys: spec.keys && spec.keys.length > 0 ? [...spec.keys] : null,
    paused: false,
    removed: false,
    inc: sim.world.nextInc++,
    config: slot,
    owed: 0,
    lastGenerateAt: sim.now,
    nextValue: 1,
    leaders: [],
    numPartitions: 0,
    keyPartitions: {},
    knownBrokers: sim.world.brokers.map((b) => b.id),
    brokerFailedAt: {},
    waiting: [],
    pending: {},
    metadataInFlight: false,
    metadataStale: true,
    queues: {},
    inFlight: {},
    connections: {},
    nextBatchId: 1,
    sticky: { partition: -1, producedBytes: 0 },
    roundRobin: 0,
    idempotent: isIdempotent(slot),
    pidNumber: -1,
    producerEpoch: 0,
    pidInFlight: false,
    sequences: {},
    generateToken: 0,
    expiryWakeAt: -1,
    nextReqId: 1,
    stats: { sent: 0, acked: 0, failed: 0, retried: 0 },
    lastError: null,
  };
  sim.world.producers[p.id] = p;
  sim.emit({ type: 'producer.added', producerId: p.id, topic: p.topic, t: sim.now });
  bootProducer(sim, p);
  return p;
}

/** What a producer process does when it starts (first time or after a crash). */
export function bootProducer(sim: Sim, p: ProducerState): void {
  requestMetadata(sim, p);
  if (p.idempotent) requestProducerId(sim, p);
  sim.timer(p.node, p.inc, 'producer.generate', generateInterval(p), p.generateToken);
  sim.timer(p.node, p.inc, 'producer.metadata-refresh', metadataRefreshDelay(p.config));
}

/**
 * Idempotence is on by default, but silently off when a conflicting setting is present (acks
 * other than all, retries 0) unless the user asked for it explicitly (kafka-spec 1.5).
 */
export function isIdempotent(config: ConfigSlot<'producer'>): boolean {
  if (!cfg.bool(config, 'enable.idempotence')) return false;
  return (
    cfg.choice(config, 'acks') === 'all' &&
    cfg.int(config, 'retries') > 0 &&
    cfg.int(config, 'max.in.flight.requests.per.connection') <= 5
  );
}

export function removeProducer(sim: Sim, p: ProducerState): void {
  p.removed = true;
  p.inc = sim.world.nextInc++;
  delete sim.world.producers[p.id];
  sim.emit({ type: 'producer.removed', producerId: p.id, t: sim.now });
}

function generateInterval(p: ProducerState): number {
  if (p.ratePerSec <= 0) return 1000;
  return Math.max(1, Math.floor(1000 / p.ratePerSec));
}

/** The application's send loop: owe ratePerSec records per second, send the whole ones. */
function onGenerate(sim: Sim, p: ProducerState): void {
  const elapsed = sim.now - p.lastGenerateAt;
  p.lastGenerateAt = sim.now;
  if (!p.paused && p.ratePerSec > 0) {
    p.owed += (p.ratePerSec * elapsed) / 1000;
    const n = Math.floor(p.owed + 1e-9);
    p.owed -= n;
    for (let i = 0; i < n; i++) {
      const key = p.keys ? p.keys[sim.rng.below(p.keys.length)] : null;
      send(sim, p, key, `${p.id}#${p.nextValue++}`);
    }
    drain(sim, p);
  }
  sim.timer(p.node, p.inc, 'producer.generate', generateInterval(p), p.generateToken);
}

export function setPaused(sim: Sim, p: ProducerState, paused: boolean): void {
  p.paused = paused;
  p.owed = 0;
  p.lastGenerateAt = sim.now;
}

export function updateRate(sim: Sim, p: ProducerState, ratePerSec: number): void {
  p.ratePerSec = ratePerSec;
  p.owed = 0;
  p.lastGenerateAt = sim.now;
  // Restart the generator at the new pace; the old timer sees a stale token and stops.
  p.generateToken++;
  sim.timer(p.node, p.inc, 'producer.generate', generateInterval(p), p.generateToken);
}

// ---------------------------------------------------------------------------------------------
// send(): partitioning and the accumulator
// ---------------------------------------------------------------------------------------------

export function send(sim: Sim, p: ProducerState, key: string | null, value: string): void {
  const record: PendingRecord = {
    key,
    value,
    ts: sim.now,
    producer: p.id,
    size: storedRecordSize(key, value),
  };
  p.stats.sent++;
  if (p.numPartitions === 0) {
    // send() blocks until the topic's metadata is known.
    p.waiting.push(record);
    return;
  }
  accumulate(sim, p, record);
}

function availablePartitions(p: ProducerState): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.numPartitions; i++) if (p.leaders[i] >= 0) out.push(i);
  return out;
}

function choosePartition(
  sim: Sim,
  p: ProducerState,
  key: string | null,
  batchSize: number,
): { partition: number; sticky: boolean } {
  if (cfg.choice(p.config, 'partitioner') === 'round-robin') {
    return {
      partition: roundRobinPartition(p.roundRobin++, availablePartitions(p), p.numPartitions),
      sticky: false,
    };
  }
  if (key !== null && !cfg.bool(p.config, 'partitioner.ignore.keys')) {
    // murmur2 of a key never changes while the partition count does not: remember it.
    let partition = p.keyPartitions[key];
    if (partition === undefined)
      partition = p.keyPartitions[key] = partitionForKey(key, p.numPartitions);
    return { partition, sticky: false };
  }
  if (p.sticky.partition < 0 || p.sticky.partition >= p.numPartitions) {
    p.sticky = { partition: nextStickyPartition(sim, p), producedBytes: 0 };
  }
  // RecordAccumulator.partitionChanged: a switch held back while the partition had an incomplete
  // batch happens as soon as all its batches are full or sent.
  if (allBatchesFull(p.queues[p.sticky.partition], batchSize))
    updateSticky(sim, p, 0, batchSize, true);
  return { partition: p.sticky.partition, sticky: true };
}

/**
 * RecordAccumulator.allBatchesFull over the batches still in the accumulator (a batch in flight
 * has left Kafka's deque): true when there is none, or the last is full or closed (a retry).
 */
function allBatchesFull(queue: ProducerBatch[] | undefined, batchSize: number): boolean {
  const last = queue?.[queue.length - 1];
  return !last || last.inFlight || last.attempts > 0 || last.bytes >= batchSize;
}

/** BuiltInPartitioner.updatePartitionInfo: count the bytes appended, maybe switch. */
function updateSticky(
  sim: Sim,
  p: ProducerState,
  appendedBytes: number,
  batchSize: number,
  enableSwitch: boolean,
): void {
  const next = builtinAfterAppend(p.sticky, appendedBytes, Math.max(1, batchSize), enableSwitch);
  p.sticky = next.switchNow
    ? { partition: nextStickyPartition(sim, p), producedBytes: 0 }
    : next.state;
}

function nextStickyPartition(sim: Sim, p: ProducerState): number {
  const available = availablePartitions(p);
  return builtinNextPartition(
    sim.rng.int32(),
    available,
    p.numPartitions,
    queueSizes(p, available),
  );
}

/**
 * Adaptive partitioning's load stats (RecordAccumulator.partitionReady): the batches waiting in
 * the accumulator (not in flight) per available partition, once every partition has had a queue.
 */
function queueSizes(p: ProducerState, available: number[]): number[] | undefined {
  if (!cfg.bool(p.config, 'partitioner.adaptive.partitioning.enable')) return undefined;
  if (Object.keys(p.queues).length < p.numPartitions) return undefined;
  return available.map((i) => {
    const queue = p.queues[i];
    if (!queue) return 0;
    return queue.length > 0 && queue[0].inFlight ? queue.length - 1 : queue.length;
  });
}

function accumulate(sim: Sim, p: ProducerState, record: PendingRecord): void {
  const batchSize = cfg.int(p.config, 'batch.size');
  const { partition, sticky } = choosePartition(sim, p, record.key, batchSize);
  const queue = (p.queues[partition] ??= []);
  const last = queue[queue.length - 1];
  // What the append adds to the partition's bytes: the record, plus the batch header when it
  // starts a new batch (Kafka counts the batch's estimated size, header included).
  let appendedBytes: number;
  if (
    last &&
    !last.inFlight &&
    last.attempts === 0 &&
    batchSize > 0 &&
    last.bytes + record.size <= batchSize
  ) {
    last.records.push(record);
    last.bytes += record.size;
    appendedBytes = record.size;
  } else {
    const bytes = singleRecordBatchBytes(record.size);
    queue.push({
      id: p.nextBatchId++,
      partition,
      records: [record],
      bytes,
      createdAt: sim.now,
      attempts: 0,
      retryAt: 0,
      baseSeq: -1,
      seqEpoch: -1,
      inFlight: false,
    });
    appendedBytes = bytes;
    const linger = cfg.int(p.config, 'linger.ms');
    if (linger > 0) sim.timer(p.node, p.inc, 'producer.linger', linger);
  }
  // While the partition's last batch is incomplete the switch waits (up to 2 x batch.size), so
  // the partition does not leave a small batch behind (KIP-794).
  if (sticky) updateSticky(sim, p, appendedBytes, batchSize, allBatchesFull(queue, batchSize));
}

// ---------------------------------------------------------------------------------------------
// The sender
// ---------------------------------------------------------------------------------------------

function sendable(sim: Sim, p: ProducerState, queue: ProducerBatch[]): ProducerBatch | null {
  const head = queue[0];
  if (!head || head.inFlight || sim.now < head.retryAt) return null;
  if (head.attempts > 0) return head;
  const full = queue.length > 1 || head.bytes >= cfg.int(p.config, 'batch.size');
  return full || sim.now - head.createdAt >= cfg.int(p.config, 'linger.ms') ? head : null;
}

/**
 * delivery.timeout.ms bounds the time from send() to the answer: a batch that has reached it
 * fails, whether it waits in the accumulator, backs off or is in flight (Sender's
 * getExpiredInflightBatches; an answer to its request that comes later finds nothing). Records
 * still waiting for the topic's metadata fail after max.block.ms, as a blocked send() would.
 * The producer wakes up when the next of these deadlines comes.
 */
function expireBatches(sim: Sim, p: ProducerState): void {
  const timeout = cfg.int(p.config, 'delivery.timeout.ms');
  let next = Infinity;
  for (const partition in p.queues) {
    const queue = p.queues[partition];
    while (queue.length > 0 && sim.now - queue[0].createdAt >= timeout) {
      const batch = queue.shift()!;
      batch.inFlight = false;
      failBatch(sim, p, Number(partition), batch, 'DELIVERY_TIMEOUT');
    }
    if (queue.length > 0) next = Math.min(next, queue[0].createdAt + timeout);
  }
  const maxBlock = cfg.int(p.config, 'max.block.ms');
  while (p.waiting.length > 0 && sim.now - p.waiting[0].ts >= maxBlock) {
    const r = p.waiting.shift()!;
    p.stats.failed++;
    noteStandingError(p, -1, 'TIMEOUT_WAITING_FOR_METADATA', false);
    sim.emit({
      type: 'record.failed',
      producerId: p.id,
      topic: p.topic,
      partition: -1,
      key: r.key,
      value: r.value,
      error: 'TIMEOUT_WAITING_FOR_METADATA',
      retriable: false,
      sentAt: r.ts,
      t: sim.now,
    });
  }
  if (p.waiting.length > 0) next = Math.min(next, p.waiting[0].ts + maxBlock);
  if (next < Infinity && (p.expiryWakeAt < sim.now || next < p.expiryWakeAt)) {
    p.expiryWakeAt = next;
    sim.timer(p.node, p.inc, 'producer.delivery-timeout', next - sim.now);
  }
}

/** Send every ready batch, one request per leader, within max.in.flight per connection. */
export function drain(sim: Sim, p: ProducerState): void {
  if (p.crashed) return;
  expireBatches(sim, p);
  if (p.numPartitions === 0) return;
  if (p.idempotent && p.pidNumber < 0) return;
  let byLeader: Map<number, ProducerBatch[]> | null = null;
  let leaderMissing = false;
  let nextWake = Infinity;
  for (const partition in p.queues) {
    const queue = p.queues[partition];
    const head = queue[0];
    if (head && !head.inFlight && head.retryAt > sim.now)
      nextWake = Math.min(nextWake, head.retryAt);
    const batch = sendable(sim, p, queue);
    if (!batch) continue;
    const leader = p.leaders[batch.partition];
    if (leader === undefined || leader < 0) {
      leaderMissing = true;
      continue;
    }
    byLeader ??= new Map();
    const list = byLeader.get(leader);
    if (list) list.push(batch);
    else byLeader.set(leader, [batch]);
  }
  if (leaderMissing) requestMetadata(sim, p);
  const acks = cfg.choice(p.config, 'acks') === 'all' ? -1 : Number(cfg.choice(p.config, 'acks'));
  const maxInFlight = cfg.int(p.config, 'max.in.flight.requests.per.connection');
  byLeader?.forEach((batches, leader) => {
    if (!isReady(p.connections, leader)) {
      // Batches for a broker without a connection wait for a new one (NetworkClient.ready).
      nextWake = Math.min(nextWake, reconnect(sim, p, leader));
      return;
    }
    const inFlight = (p.inFlight[leader] ??= []);
    if (acks === 0 || inFlight.length < maxInFlight)
      sendRequest(sim, p, leader, batches, acks as 0 | 1 | -1);
  });
  if (nextWake < Infinity) sim.timer(p.node, p.inc, 'producer.retry', nextWake - sim.now);
}

function sendRequest(
  sim: Sim,
  p: ProducerState,
  leader: number,
  batches: ProducerBatch[],
  acks: 0 | 1 | -1,
): void {
  const reqId = p.nextReqId++;
  const payload: ProduceBatch[] = batches.map((batch) => {
    if (p.idempotent) assignSequence(p, batch);
    batch.inFlight = true;
    return {
      topic: p.topic,
      partition: batch.partition,
      records: batch.records,
      bytes: batch.bytes,
      pid: p.idempotent ? p.pidNumber : -1,
      producerEpoch: p.idempotent ? batch.seqEpoch : -1,
      baseSeq: p.idempotent ? batch.baseSeq : -1,
    };
  });
  const refs = [];
  let count = 0;
  for (const batch of batches) {
    for (const r of batch.records) {
      if (refs.length < 16) refs.push({ offset: -1, key: r.key });
      count++;
    }
  }
  const timeoutMs = cfg.int(p.config, 'request.timeout.ms');
  countProduceSent(
    sim.world,
    p.id,
    count,
    batches.length,
    batches.reduce((sum, b) => sum + b.bytes, 0),
  );
  sim.send(
    p.node,
    p.inc,
    brokerNode(leader),
    'produce',
    { reqId, acks, timeoutMs, producer: p.id, batches: payload },
    batches.length === 1
      ? { topic: p.topic, partition: batches[0].partition, records: refs, recordCount: count }
      : { topic: p.topic, records: refs, recordCount: count },
  );
  if (acks === 0) {
    // Fire and forget: success as soon as it is written to the socket; no offset is known.
    for (const batch of batches) {
      removeBatch(p, batch);
      for (const r of batch.records) acked(sim, p, batch.partition, -1, r);
    }
    return;
  }
  p.inFlight[leader].push({
    reqId,
    batches: batches.map((b) => ({ partition: b.partition, id: b.id })),
    sentAt: sim.now,
  });
  p.pending[reqId] = { kind: 'produce', broker: leader, timeoutAt: -1 };
  p.pending[reqId].timeoutAt = sim.timer(
    p.node,
    p.inc,
    'producer.request-timeout',
    requestTimeoutDelay(timeoutMs),
    reqId,
  );
}

/** The answer to request `reqId` came (or it failed): forget it, and its timeout. */
function takePending(sim: Sim, p: ProducerState, reqId: number) {
  const pending = p.pending[reqId];
  if (pending === undefined) return undefined;
  delete p.pending[reqId];
  sim.cancelTimer(pending.timeoutAt, p.node, p.inc, 'producer.request-timeout', reqId);
  return pending;
}

function removeBatch(p: ProducerState, batch: ProducerBatch): void {
  const queue = p.queues[batch.partition];
  const i = queue ? queue.indexOf(batch) : -1;
  if (i >= 0) removeAt(queue, i);
}

function acked(
  sim: Sim,
  p: ProducerState,
  partition: number,
  offset: number,
  r: PendingRecord,
): void {
  p.stats.acked++;
  clearStandingError(p, partition);
  sim.emit({
    type: 'record.acked',
    producerId: p.id,
    topic: p.topic,
    partition,
    offset,
    key: r.key,
    value: r.value,
    t: sim.now,
  });
}

function failBatch(
  sim: Sim,
  p: ProducerState,
  partition: number,
  batch: ProducerBatch,
  error: string,
): void {
  p.lastError = error;
  if (p.idempotent) sequenceUnresolved(p, batch);
  if (batch.records.length > 0) noteStandingError(p, partition, error, false);
  for (const r of batch.records) {
    p.stats.failed++;
    sim.emit({
      type: 'record.failed',
      producerId: p.id,
      topic: p.topic,
      partition,
      key: r.key,
      value: r.value,
      error,
      retriable: false,
      sentAt: r.ts,
      t: sim.now,
    });
  }
}

function onProduceResponse(sim: Sim, p: ProducerState, msg: Message<'produce-response'>): void {
  const leader = brokerIdOf(msg.from);
  const entry = takeInFlight(sim, p, leader, msg.body.reqId);
  if (!entry) return;
  if (entry.sentAt !== undefined) countProduceLatency(sim.world, p.id, sim.now - entry.sentAt);
  msg.body.results.forEach((result, i) => {
    const batch = findBatch(p, entry.batches[i]);
    if (batch) handleResult(sim, p, batch, result.error, result.baseOffset);
  });
  drain(sim, p);
}

function findBatch(
  p: ProducerState,
  ref: { partition: number; id: number },
): ProducerBatch | undefined {
  return p.queues[ref.partition]?.find((b) => b.id === ref.id);
}

function takeInFlight(sim: Sim, p: ProducerState, leader: number, reqId: number) {
  takePending(sim, p, reqId);
  const list = p.inFlight[leader];
  const i = list ? list.findIndex((e) => e.reqId === reqId) : -1;
  return i >= 0 ? removeAt(list, i) : undefined;
}

function handleResult(
  sim: Sim,
  p: ProducerState,
  batch: ProducerBatch,
  error: string | null,
  baseOffset: number,
): void {
  batch.inFlight = false;
  if (!error) {
    removeBatch(p, batch);
    if (p.idempotent) sequenceAcked(p, batch);
    for (let i = 0; i < batch.records.length; i++)
      acked(sim, p, batch.partition, appendedOffset(baseOffset, i), batch.records[i]);
    return;
  }
  p.lastError = error;
  // KIP-360: the idempotent producer retries sequence errors, bumping its epoch first when the
  // broker's log really has a gap (TransactionManager.canRetry).
  const sequenceError = p.idempotent && SEQUENCE_ERRORS.has(error);
  if (sequenceError) onSequenceError(p, batch);
  if (REFRESH_ERRORS.has(error)) {
    p.metadataStale = true;
    requestMetadata(sim, p);
  }
  const expired = sim.now - batch.createdAt >= cfg.int(p.config, 'delivery.timeout.ms');
  const canRetry =
    (RETRIABLE_ERRORS.has(error) || sequenceError) &&
    batch.attempts < cfg.int(p.config, 'retries') &&
    !expired;
  if (!canRetry) {
    removeBatch(p, batch);
    failBatch(
      sim,
      p,
      batch.partition,
      batch,
      expired && RETRIABLE_ERRORS.has(error) ? 'DELIVERY_TIMEOUT' : error,
    );
    return;
  }
  batch.attempts++;
  p.stats.retried++;
  // Exponential backoff with +-20% jitter, capped (retry.backoff.ms, retry.backoff.max.ms).
  const base = Math.min(
    cfg.int(p.config, 'retry.backoff.ms') * 2 ** (batch.attempts - 1),
    cfg.int(p.config, 'retry.backoff.max.ms'),
  );
  const jitter = 0.8 + 0.4 * sim.rng.float();
  batch.retryAt = sim.now + Math.max(1, Math.round(base * jitter));
  if (batch.records.length > 0) noteStandingError(p, batch.partition, error, true);
  for (const r of batch.records) {
    sim.emit({
      type: 'record.failed',
      producerId: p.id,
      topic: p.topic,
      partition: batch.partition,
      key: r.key,
      value: r.value,
      error,
      retriable: true,
      sentAt: r.ts,
      t: sim.now,
    });
  }
}

/** Request `reqId` failed with `error` (its connection closed): its batches are retried or given up. */
function failRequest(sim: Sim, p: ProducerState, reqId: number, error: string): void {
  const pending = p.pending[reqId];
  if (!pending) return;
  if (pending.kind === 'produce') {
    const entry = takeInFlight(sim, p, pending.broker, reqId);
    for (const ref of entry?.batches ?? []) {
      const batch = findBatch(p, ref);
      if (batch) handleResult(sim, p, batch, error, -1);
    }
  } else {
    takePending(sim, p, reqId);
    if (pending.kind === 'metadata') {
      p.metadataInFlight = false;
      p.metadataStale = true;
    } else if (pending.kind === 'init-producer-id') {
      p.pidInFlight = false;
    }
    sim.timer(p.node, p.inc, 'producer.retry', retryBackoffDelay(p.config));
  }
}

// ---------------------------------------------------------------------------------------------
// Connections (NetworkClient)
// ---------------------------------------------------------------------------------------------

function connectionSettings(p: ProducerState): ConnectionSettings {
  return {
    reconnectBackoffMs: cfg.int(p.config, 'reconnect.backoff.ms'),
    reconnectBackoffMaxMs: cfg.int(p.config, 'reconnect.backoff.max.ms'),
    setupTimeoutMs: cfg.int(p.config, 'socket.connection.setup.timeout.ms'),
    setupTimeoutMaxMs: cfg.int(p.config, 'socket.connection.setup.timeout.max.ms'),
  };
}

/**
 * The connection to `broker` closed: a request on it timed out (NetworkClient disconnects the
 * node), the broker's process reset it, or a new one could not be opened. Every request in
 * flight on it fails with `error`, and the producer asks for metadata at once, since the
 * disconnect may mean the leader is gone (handleServerDisconnect).
 */
function connectionLost(sim: Sim, p: ProducerState, broker: number, error: string): void {
  disconnected(sim, p.connections, broker, connectionSettings(p));
  p.brokerFailedAt[broker] = sim.now;
  const onIt = Object.keys(p.pending).filter((reqId) => p.pending[reqId].broker === broker);
  for (const reqId of onIt) failRequest(sim, p, Number(reqId), error);
  p.metadataStale = true;
  requestMetadata(sim, p);
  drain(sim, p);
}

/** Open a new connection to `broker` when its backoff is over; returns when to look again. */
function reconnect(sim: Sim, p: ProducerState, broker: number): number {
  const next = startConnecting(sim, p.connections, broker, connectionSettings(p));
  if (next === null) return Infinity;
  if ('retryAt' in next) return next.retryAt;
  sim.connect(p.node, p.inc, brokerNode(broker), next.attempt);
  sim.timer(
    p.node,
    p.inc,
    'producer.connect-timeout',
    next.setupTimeoutMs,
    next.attempt,
    String(broker),
  );
  return Infinity;
}

/** The answer to a handshake: the connection is ready, or the broker refused it. */
export function onProducerConnect(
  sim: Sim,
  p: ProducerState,
  broker: number,
  attempt: number,
  accepted: boolean,
): void {
  if (!isConnecting(p.connections, broker, attempt)) return;
  if (!accepted) return connectionLost(sim, p, broker, 'NETWORK_EXCEPTION');
  connected(p.connections, broker, sim.now);
  drain(sim, p);
}

/**
 * A request to `broker` sent at `sentAt` met a dead process: the connection it used is reset.
 * The producer learns from this that the broker is gone, also for acks=0, which expects no
 * answer (NetworkClient.processDisconnection).
 */
export function onProducerDisconnect(
  sim: Sim,
  p: ProducerState,
  broker: number,
  reqId: number,
  sentAt: number,
): void {
  if (isCurrent(p.connections, broker, sentAt))
    return connectionLost(sim, p, broker, 'NETWORK_EXCEPTION');
  if (!p.pending[reqId]) return;
  failRequest(sim, p, reqId, 'NETWORK_EXCEPTION');
  drain(sim, p);
}

// ---------------------------------------------------------------------------------------------
// Metadata and producer id
// ---------------------------------------------------------------------------------------------

function requestMetadata(sim: Sim, p: ProducerState): void {
  if (p.metadataInFlight) return;
  p.metadataInFlight = true;
  const reqId = p.nextReqId++;
  const broker = pickBroker(p.knownBrokers, p.brokerFailedAt);
  p.pending[reqId] = { kind: 'metadata', broker, timeoutAt: -1 };
  // The producer always lets the broker create a topic it does not know (ProducerMetadata).
  sim.send(p.node, p.inc, brokerNode(broker), 'metadata', {
    reqId,
    topics: [p.topic],
    allowAutoTopicCreation: true,
  });
  p.pending[reqId].timeoutAt = sim.timer(
    p.node,
    p.inc,
    'producer.request-timeout',
    requestTimeoutDelay(cfg.int(p.config, 'request.timeout.ms')),
    reqId,
  );
}

function onMetadataResponse(sim: Sim, p: ProducerState, msg: Message<'metadata-response'>): void {
  if (!takePending(sim, p, msg.body.reqId)) return;
  p.metadataInFlight = false;
  if (msg.body.brokers.length > 0) p.knownBrokers = [...msg.body.brokers];
  const topic = msg.body.topics.find((t) => t.name === p.topic);
  if (!topic || topic.error || topic.partitions.length === 0) {
    p.brokerFailedAt[brokerIdOf(msg.from)] = sim.now;
    sim.timer(p.node, p.inc, 'producer.retry', retryBackoffDelay(p.config));
    return;
  }
  const changed = topic.partitions.some((m) => p.leaders[m.partition] !== m.leader);
  if (p.numPartitions !== topic.partitions.length) p.keyPartitions = {};
  p.numPartitions = topic.partitions.length;
  for (const m of topic.partitions) {
    p.leaders[m.partition] = m.leader;
  }
  p.metadataStale = topic.partitions.some((m) => m.leader < 0);
  if (changed)
    sim.emit({
      type: 'producer.metadata-refreshed',
      producerId: p.id,
      reason: { code: p.stats.sent === 0 ? 'startup' : 'leaders-changed' },
      t: sim.now,
    });
  const waiting = p.waiting;
  p.waiting = [];
  for (const r of waiting) {
    // send() returns only now that the metadata is known: that is the record's timestamp, and
    // where its delivery timeout starts (KafkaProducer.doSend).
    r.ts = sim.now;
    accumulate(sim, p, r);
  }
  if (p.metadataStale) sim.timer(p.node, p.inc, 'producer.retry', retryBackoffDelay(p.config));
  drain(sim, p);
}

function requestProducerId(sim: Sim, p: ProducerState): void {
  if (p.pidInFlight) return;
  p.pidInFlight = true;
  const reqId = p.nextReqId++;
  const broker = pickBroker(p.knownBrokers, p.brokerFailedAt);
  p.pending[reqId] = { kind: 'init-producer-id', broker, timeoutAt: -1 };
  sim.send(p.node, p.inc, brokerNode(broker), 'init-producer-id', { reqId });
  p.pending[reqId].timeoutAt = sim.timer(
    p.node,
    p.inc,
    'producer.request-timeout',
    requestTimeoutDelay(cfg.int(p.config, 'request.timeout.ms')),
    reqId,
  );
}

function onProducerIdResponse(
  sim: Sim,
  p: ProducerState,
  msg: Message<'init-producer-id-response'>,
): void {
  if (!takePending(sim, p, msg.body.reqId)) return;
  p.pidInFlight = false;
  p.pidNumber = msg.body.producerIdNumber;
  p.producerEpoch = msg.body.producerEpoch;
  drain(sim, p);
}

// ---------------------------------------------------------------------------------------------
// Routing
// ---------------------------------------------------------------------------------------------

export function onProducerMessage(sim: Sim, p: ProducerState, msg: Message): void {
  switch (msg.kind) {
    case 'produce-response':
      return onProduceResponse(sim, p, msg);
    case 'metadata-response':
      return onMetadataResponse(sim, p, msg);
    case 'init-producer-id-response':
      return onProducerIdResponse(sim, p, msg);
    default:
      return;
  }
}

export function onProducerTimer(
  sim: Sim,
  p: ProducerState,
  task: Extract<Task, { k: 'timer' }>,
): void {
  switch (task.name) {
    case 'producer.generate':
      if (task.token === p.generateToken) onGenerate(sim, p);
      return;
    case 'producer.linger':
    case 'producer.retry':
      if (p.metadataStale) requestMetadata(sim, p);
      if (p.idempotent && p.pidNumber < 0) requestProducerId(sim, p);
      return drain(sim, p);
    case 'producer.delivery-timeout':
      if (sim.now >= p.expiryWakeAt) p.expiryWakeAt = -1;
      return drain(sim, p);
    case 'producer.request-timeout': {
      // NetworkClient.handleTimedOutRequests: the node is disconnected, and every request in
      // flight to it fails as timed out.
      const pending = p.pending[task.token!];
      if (pending) connectionLost(sim, p, pending.broker, 'REQUEST_TIMED_OUT');
      return;
    }
    case 'producer.connect-timeout': {
      const broker = Number(task.arg);
      if (isConnecting(p.connections, broker, task.token!))
        connectionLost(sim, p, broker, 'NETWORK_EXCEPTION');
      return;
    }
    case 'producer.metadata-refresh':
      requestMetadata(sim, p);
      sim.timer(p.node, p.inc, 'producer.metadata-refresh', metadataRefreshDelay(p.config));
      return;
    default:
      return;
  }
}
