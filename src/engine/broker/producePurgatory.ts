// Produce purgatory (kafka-spec 1.3, 3.5): an acks=all request waits here until the high
// watermark passes its records, its partition loses leadership, or request.timeout.ms expires;
// then its producer gets one answer for every partition of the request.
import * as cfg from '../config/access';
import { effectiveMinIsr } from '../kernels';
import { brokerNode, tpKey } from '../sim/ids';
import type { Sim, TrafficInfo } from '../sim/sim';
import type { BrokerState, Message, PendingProduce } from '../sim/world';
import { removeAt } from '../sim/arrays';
import { markAcked } from './log';

type ProducePart = PendingProduce['parts'][number];

/** min.insync.replicas of the partition's topic, capped at its replication factor (Kafka 3.7+). */
export function minIsrFor(sim: Sim, b: BrokerState, key: string, topic: string): number {
  const rf = b.meta[key]?.replicas.length ?? sim.world.topics[topic].replicationFactor;
  return effectiveMinIsr(cfg.int(sim.world.topics[topic].config, 'min.insync.replicas'), rf);
}

/** Answer now if every part is decided, else wait for the high watermark (acks=all). */
export function awaitReplication(
  sim: Sim,
  b: BrokerState,
  msg: Message<'produce'>,
  parts: ProducePart[],
): void {
  const entry: PendingProduce = { token: ++b.nextToken, msg, parts, dueAt: -1 };
  for (const part of parts) settle(sim, b, part);
  if (parts.every((p) => p.done)) {
    respondProduce(sim, b, msg, parts);
    return;
  }
  b.purgatory.push(entry);
  entry.dueAt = sim.timer(
    brokerNode(b.id),
    b.inc,
    'broker.produce-timeout',
    msg.body.timeoutMs,
    entry.token,
  );
}

/** Every part is decided before request.timeout.ms: answer, and drop the timeout. */
function complete(sim: Sim, b: BrokerState, entry: PendingProduce): void {
  sim.cancelTimer(entry.dueAt, brokerNode(b.id), b.inc, 'broker.produce-timeout', entry.token);
  respondProduce(sim, b, entry.msg, entry.parts);
}

/** Decide a waiting acks=all part if the HW has passed it. */
function settle(sim: Sim, b: BrokerState, part: ProducePart): void {
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

/** The high watermark of partition `key` moved: answer the requests it completes. */
export function completePurgatory(sim: Sim, b: BrokerState, key: string): void {
  if (b.purgatory.length === 0) return;
  const keep: PendingProduce[] = [];
  for (const entry of b.purgatory) {
    for (const part of entry.parts)
      if (tpKey(part.topic, part.partition) === key) settle(sim, b, part);
    if (entry.parts.every((p) => p.done)) complete(sim, b, entry);
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
    if (entry.parts.every((p) => p.done)) complete(sim, b, entry);
    else keep.push(entry);
  }
  b.purgatory = keep;
}

export function onProduceTimeout(sim: Sim, b: BrokerState, token: number): void {
  const i = b.purgatory.findIndex((e) => e.token === token);
  if (i < 0) return;
  const entry = removeAt(b.purgatory, i);
  for (const part of entry.parts) {
    if (!part.done) {
      part.error = 'REQUEST_TIMED_OUT';
      part.done = true;
    }
  }
  respondProduce(sim, b, entry.msg, entry.parts);
}

export function respondProduce(
  sim: Sim,
  b: BrokerState,
  msg: Message<'produce'>,
  parts: ProducePart[],
): void {
  const results = parts.map((p) => ({
    topic: p.topic,
    partition: p.partition,
    error: p.error,
    baseOffset: p.error ? -1 : p.baseOffset,
  }));
  const info: TrafficInfo = { toInc: msg.fromInc };
  if (parts.length === 1) {
    info.topic = parts[0].topic;
    info.partition = parts[0].partition;
  }
  const firstError = parts.find((p) => p.error)?.error;
  if (firstError) info.error = firstError;
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'produce-response',
    { reqId: msg.body.reqId, results },
    info,
  );
}
