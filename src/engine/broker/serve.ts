// Requests any broker answers for clients: Metadata, consumer Fetch, ListOffsets,
// FindCoordinator and InitProducerId.
import { partitionForGroup } from '../kernels';
import { ensureOffsetsTopic, OFFSETS_TOPIC } from '../controller/topics';
import { controllerCanAct } from '../controller/controller';
import { brokerNode, tpKey, type Sim } from '../sim/sim';
import type { BrokerState, Message, PartitionMeta } from '../sim/world';
import { readBatches } from './log';
import { park } from './parking';

/** max.partition.fetch.bytes */
const PARTITION_FETCH_MAX_BYTES = 1048576;

export function handleMetadata(sim: Sim, b: BrokerState, msg: Message<'metadata'>): void {
  const byTopic = new Map<string, PartitionMeta[]>();
  for (const meta of Object.values(b.meta)) {
    if (!msg.body.topics.includes(meta.topic)) continue;
    const list = byTopic.get(meta.topic);
    if (list) list.push(meta);
    else byTopic.set(meta.topic, [meta]);
  }
  const topics = msg.body.topics.map((name) => {
    const partitions = (byTopic.get(name) ?? []).sort((x, y) => x.partition - y.partition);
    return {
      name,
      error: partitions.length === 0 ? 'UNKNOWN_TOPIC_OR_PARTITION' : null,
      partitions,
    };
  });
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'metadata-response',
    {
      reqId: msg.body.reqId,
      brokers: [...b.liveBrokers],
      controllerId: b.controllerId,
      topics,
    },
    { toInc: msg.fromInc },
  );
}

function fetchError(
  b: BrokerState,
  part: { topic: string; partition: number; fetchOffset: number; currentLeaderEpoch: number },
): string | null {
  const key = tpKey(part.topic, part.partition);
  const lead = b.lead[key];
  const log = b.logs[key];
  if (!lead || !log) return 'NOT_LEADER_OR_FOLLOWER';
  if (part.currentLeaderEpoch >= 0 && part.currentLeaderEpoch < lead.leaderEpoch)
    return 'FENCED_LEADER_EPOCH';
  if (part.currentLeaderEpoch > lead.leaderEpoch) return 'UNKNOWN_LEADER_EPOCH';
  if (part.fetchOffset < log.logStartOffset || part.fetchOffset > log.leo)
    return 'OFFSET_OUT_OF_RANGE';
  return null;
}

export function handleFetch(sim: Sim, b: BrokerState, msg: Message<'fetch'>): void {
  let ready = false;
  for (const part of msg.body.partitions) {
    if (fetchError(b, part)) {
      ready = true;
      break;
    }
    if (part.fetchOffset < b.logs[tpKey(part.topic, part.partition)].hw) ready = true;
  }
  if (!ready && msg.body.maxWaitMs > 0) park(sim, b, msg, msg.body.maxWaitMs);
  else respondConsumerFetch(sim, b, msg);
}

/** Answer a consumer fetch with records below the high watermark (read_uncommitted). */
export function respondConsumerFetch(sim: Sim, b: BrokerState, msg: Message<'fetch'>): void {
  let recordCount = 0;
  const refs: { offset: number; key: string | null }[] = [];
  const partitions = msg.body.partitions.map((part) => {
    const key = tpKey(part.topic, part.partition);
    const log = b.logs[key];
    const error = fetchError(b, part);
    const base = {
      topic: part.topic,
      partition: part.partition,
      highWatermark: log?.hw ?? -1,
      logStartOffset: log?.logStartOffset ?? -1,
    };
    if (error) return { ...base, error, batches: [] };
    const batches = readBatches(
      log,
      part.fetchOffset,
      log.hw,
      PARTITION_FETCH_MAX_BYTES,
      () => sim.world.nextBatchId++,
    );
    for (const batch of batches) {
      for (let i = 0; i < batch.records.length; i++) {
        const offset = batch.baseOffset + i;
        if (offset < part.fetchOffset) continue;
        recordCount++;
        if (refs.length < 16) refs.push({ offset, key: batch.records[i].key });
      }
    }
    return { ...base, error: null, batches };
  });
  const single = partitions.length === 1 ? partitions[0] : undefined;
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'fetch-response',
    { reqId: msg.body.reqId, partitions },
    {
      toInc: msg.fromInc,
      ...(single ? { topic: single.topic, partition: single.partition } : {}),
      ...(recordCount > 0 ? { records: refs, recordCount } : {}),
      ...(single?.error ? { error: single.error } : {}),
    },
  );
}

export function handleListOffsets(sim: Sim, b: BrokerState, msg: Message<'list-offsets'>): void {
  const results = msg.body.partitions.map((part) => {
    const key = tpKey(part.topic, part.partition);
    const log = b.logs[key];
    if (!b.lead[key] || !log)
      return {
        topic: part.topic,
        partition: part.partition,
        error: 'NOT_LEADER_OR_FOLLOWER',
        offset: -1,
      };
    // -2 = earliest (log start offset), -1 = latest (high watermark, read_uncommitted).
    const offset = part.timestamp === -2 ? log.logStartOffset : log.hw;
    return { topic: part.topic, partition: part.partition, error: null, offset };
  });
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'list-offsets-response',
    { reqId: msg.body.reqId, results },
    { toInc: msg.fromInc },
  );
}

/** The coordinator of a group is the leader of its __consumer_offsets partition. */
export function coordinatorPartitionKey(sim: Sim, groupId: string): string | null {
  const topic = sim.world.topics[OFFSETS_TOPIC];
  if (!topic) return null;
  return tpKey(OFFSETS_TOPIC, partitionForGroup(groupId, topic.numPartitions));
}

export function handleFindCoordinator(
  sim: Sim,
  b: BrokerState,
  msg: Message<'find-coordinator'>,
): void {
  const reply = (error: string | null, coordinator: number) =>
    sim.send(
      brokerNode(b.id),
      b.inc,
      msg.from,
      'find-coordinator-response',
      { reqId: msg.body.reqId, error, coordinator },
      { toInc: msg.fromInc },
    );
  // Kafka creates __consumer_offsets on the first FindCoordinator; this answer comes too early.
  if (!sim.world.topics[OFFSETS_TOPIC]) {
    if (controllerCanAct(sim)) ensureOffsetsTopic(sim);
    return reply('COORDINATOR_NOT_AVAILABLE', -1);
  }
  const key = coordinatorPartitionKey(sim, msg.body.groupId)!;
  const meta = b.meta[key];
  if (!meta || meta.leader < 0) return reply('COORDINATOR_NOT_AVAILABLE', -1);
  reply(null, meta.leader);
}

export function handleInitProducerId(
  sim: Sim,
  b: BrokerState,
  msg: Message<'init-producer-id'>,
): void {
  // Brokers hand out ids from blocks the controller allocates; one counter stands for that.
  const id = sim.world.controller.nextProducerId++;
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'init-producer-id-response',
    { reqId: msg.body.reqId, error: null, producerIdNumber: id, producerEpoch: 0 },
    { toInc: msg.fromInc },
  );
}
