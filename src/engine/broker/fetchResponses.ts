// Answering a fetch with what the leader's log holds now: a consumer's (records below the high
// watermark, read_uncommitted) or a follower's (records up to the log end, or where its log
// diverges). Used when a fetch arrives with data waiting and when a parked one is woken.
import { sampleRecords } from '../records/batch';
import { brokerNode, tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { Bodies } from '../sim/messages';
import type { BrokerState, Message } from '../sim/world';
import type { RecordRef } from '../types';
import { divergingEpoch, readBatches } from './log';

/** max.partition.fetch.bytes */
const PARTITION_FETCH_MAX_BYTES = 1048576;
/** replica.fetch.max.bytes */
const REPLICA_FETCH_MAX_BYTES = 1048576;

/** Why this broker cannot serve a consumer's fetch of one partition, or null if it can. */
export function consumerFetchError(
  b: BrokerState,
  part: Bodies['fetch']['partitions'][number],
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

/** Answer a consumer fetch with records below the high watermark (read_uncommitted). */
export function respondConsumerFetch(sim: Sim, b: BrokerState, msg: Message<'fetch'>): void {
  let recordCount = 0;
  const refs: RecordRef[] = [];
  const partitions = msg.body.partitions.map((part) => {
    const log = b.logs[tpKey(part.topic, part.partition)];
    const error = consumerFetchError(b, part);
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
    recordCount += sampleRecords(batches, refs, part.fetchOffset);
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

/** Build and send the answer to a follower fetch with what the log holds now. */
export function respondReplicaFetch(sim: Sim, b: BrokerState, msg: Message<'replica-fetch'>): void {
  let bytes = 0;
  let recordCount = 0;
  const refs: RecordRef[] = [];
  const partitions = msg.body.partitions.map((part) => {
    const key = tpKey(part.topic, part.partition);
    const lead = b.lead[key];
    const log = b.logs[key];
    const base = {
      topic: part.topic,
      partition: part.partition,
      highWatermark: log?.hw ?? 0,
      logStartOffset: log?.logStartOffset ?? 0,
    };
    if (!lead || !log)
      return { ...base, error: 'NOT_LEADER_OR_FOLLOWER', batches: [], divergingEpoch: null };
    if (part.currentLeaderEpoch < lead.leaderEpoch)
      return { ...base, error: 'FENCED_LEADER_EPOCH', batches: [], divergingEpoch: null };
    if (part.currentLeaderEpoch > lead.leaderEpoch)
      return { ...base, error: 'UNKNOWN_LEADER_EPOCH', batches: [], divergingEpoch: null };
    const diverging = divergingEpoch(log, part.lastFetchedEpoch, part.fetchOffset);
    if (diverging) return { ...base, error: null, batches: [], divergingEpoch: diverging };
    if (part.fetchOffset < log.logStartOffset)
      return { ...base, error: 'OFFSET_OUT_OF_RANGE', batches: [], divergingEpoch: null };
    const batches = readBatches(
      log,
      part.fetchOffset,
      log.leo,
      REPLICA_FETCH_MAX_BYTES - bytes,
      () => sim.world.nextBatchId++,
    );
    for (const batch of batches) bytes += batch.bytes;
    // Whole batches travel, so the message carries every record of each.
    recordCount += sampleRecords(batches, refs);
    return { ...base, error: null, batches, divergingEpoch: null };
  });
  const single = partitions.length === 1 ? partitions[0] : undefined;
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'replica-fetch-response',
    { reqId: msg.body.reqId, partitions },
    {
      toInc: msg.fromInc,
      ...(single ? { topic: single.topic, partition: single.partition } : {}),
      ...(recordCount > 0 ? { records: refs, recordCount } : {}),
    },
  );
}
