// Committed offsets (OffsetCommit, OffsetFetch, and the admin's reset): the group record keeps
// them, standing for what Kafka writes to the group's __consumer_offsets partition.
import { brokerNode, tpKey } from '../../sim/ids';
import type { Sim } from '../../sim/sim';
import type { BrokerState, GroupRecord, Message } from '../../sim/world';
import { replyError } from './replies';

export function onCommit(
  sim: Sim,
  b: BrokerState,
  group: GroupRecord,
  msg: Message<'offset-commit'>,
): void {
  const body = msg.body;
  const standalone = body.generation < 0 && body.memberId === '' && group.state === 'Empty';
  if (!standalone) {
    // Kafka's order: a group waiting for SyncGroup refuses every commit as "rebalancing".
    if (group.state === 'CompletingRebalance')
      return replyError(sim, b, msg, 'REBALANCE_IN_PROGRESS');
    const member = group.members[body.memberId];
    if (!member) return replyError(sim, b, msg, 'UNKNOWN_MEMBER_ID');
    if (body.generation !== group.generation) return replyError(sim, b, msg, 'ILLEGAL_GENERATION');
  }
  const consumerId = standalone ? null : group.members[body.memberId].consumerId;
  for (const o of body.offsets) {
    const key = tpKey(o.topic, o.partition);
    // KafkaApis answers UNKNOWN_TOPIC_OR_PARTITION for a partition its metadata lacks (a deleted
    // topic): nothing is stored for it.
    if (!b.meta[key]) continue;
    (group.committedEpochs ??= {})[key] = o.leaderEpoch;
    if (group.committed[key] === o.offset) continue;
    group.committed[key] = o.offset;
    sim.emit({
      type: 'offset.committed',
      groupId: group.id,
      consumerId,
      topic: o.topic,
      partition: o.partition,
      offset: o.offset,
      t: sim.now,
    });
  }
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'offset-commit-response',
    { reqId: body.reqId, error: null, offsets: body.offsets },
    { toInc: msg.fromInc },
  );
}

export function onOffsetFetch(
  sim: Sim,
  b: BrokerState,
  group: GroupRecord | null,
  msg: Message<'offset-fetch'>,
): void {
  const offsets: Record<string, number> = {};
  const leaderEpochs: Record<string, number> = {};
  // No list (a real client's admin asking for everything): every partition with a commit.
  for (const tp of msg.body.partitions ?? Object.keys(group?.committed ?? {})) {
    offsets[tp] = group?.committed[tp] ?? -1;
    leaderEpochs[tp] = group?.committedEpochs?.[tp] ?? -1;
  }
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'offset-fetch-response',
    { reqId: msg.body.reqId, error: null, offsets, leaderEpochs },
    { toInc: msg.fromInc },
  );
}

/** resetOffsets (kafka-consumer-groups --reset-offsets): only for a group with no active members. */
export function resetCommitted(
  sim: Sim,
  group: GroupRecord,
  topic: string,
  offsets: Record<number, number>,
): void {
  for (const [partition, offset] of Object.entries(offsets)) {
    group.committed[tpKey(topic, Number(partition))] = offset;
    if (group.committedEpochs) delete group.committedEpochs[tpKey(topic, Number(partition))];
    sim.emit({
      type: 'offset.committed',
      groupId: group.id,
      consumerId: null,
      topic,
      partition: Number(partition),
      offset,
      t: sim.now,
    });
  }
}
