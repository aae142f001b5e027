// The leader's side of Produce (kafka-spec.md 1.3, 1.5, 3.5): the min.insync.replicas check,
// idempotent duplicate and sequence checks, the append, then the answer: none (acks=0), at once
// (acks=1), or once the high watermark passes the records (acks=all, in produce purgatory).
import { nextOffset } from '../records/batch';
import { tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { BrokerState, Message, PendingProduce } from '../sim/world';
import { appendAsLeader } from './appends';
import { wakeParked } from './fetchPurgatory';
import { maybeAdvanceHw } from './highWatermark';
import { markAcked } from './log';
import { checkSequence } from './producerState';
import { awaitReplication, minIsrFor, respondProduce } from './producePurgatory';

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
      const check = checkSequence(log, pb);
      if (!check.ok) {
        if ('duplicateOf' in check) {
          part.baseOffset = check.duplicateOf.firstOffset;
          part.requiredOffset = check.duplicateOf.lastOffset + 1;
        } else {
          part.error = check.error;
        }
        continue;
      }
    }
    const batch = appendAsLeader(sim, b, log, lead.leaderEpoch, pb);
    part.baseOffset = batch.baseOffset;
    part.requiredOffset = nextOffset(batch);
    if (body.acks === 0) markAcked(log, batch.baseOffset, part.requiredOffset);
    wakeParked(sim, b, key, 'replica-fetch');
    maybeAdvanceHw(sim, b, key);
  }
  if (body.acks === 0) {
    // No answer is expected, so an error is told by closing the connection: the producer then
    // refreshes its metadata (KafkaApis.handleProduceRequest).
    if (parts.some((part) => part.error !== null)) sim.resetConnection(msg);
    return;
  }
  if (body.acks === 1) {
    for (const part of parts) {
      part.done = true;
      const log = b.logs[tpKey(part.topic, part.partition)];
      if (!part.error && log) markAcked(log, part.baseOffset, part.requiredOffset);
    }
    respondProduce(sim, b, msg, parts);
    return;
  }
  awaitReplication(sim, b, msg, parts);
}
