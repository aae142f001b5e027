// Answering a fetch with what the leader's log holds now: a consumer's (records below the high
// watermark, read_uncommitted) or a follower's (records up to the log end, or where its log
// diverges). Used when a fetch arrives with data waiting and when a parked one is woken.
import { sampleRecords } from '../records/batch';
import { brokerNode, tpKey } from '../sim/ids';
import type { Sim, TrafficInfo } from '../sim/sim';
import type { Bodies } from '../sim/messages';
import type { BrokerState, Message } from '../sim/world';
import type { RecordRef } from '../types';
import { divergingEpoch, NO_BATCHES, readBatches } from './log';

/** max.partition.fetch.bytes */
const PARTITION_FETCH_MAX_BYTES = 1048576;
/** replica.fetch.max.bytes */
const REPLICA_FETCH_MAX_BYTES = 1048576;

type FetchPartition = Bodies['fetch-response']['partitions'][number];
type ReplicaFetchPartition = Bodies['replica-fetch-response']['partitions'][number];

/** Why this broker cannot serve a consumer's fetch of partition `key`, or null if it can. */
export function consumerFetchError(
  b: BrokerState,
  part: Bodies['fetch']['partitions'][number],
  key: string,
): string | null {
  const lead = b.lead[key];
  const log = b.logs[key];
  if (lead === undefined || log === undefined) return 'NOT_LEADER_OR_FOLLOWER';
  if (part.currentLeaderEpoch >= 0 && part.currentLeaderEpoch < lead.leaderEpoch)
    return 'FENCED_LEADER_EPOCH';
  if (part.currentLeaderEpoch > lead.leaderEpoch) return 'UNKNOWN_LEADER_EPOCH';
  if (part.fetchOffset < log.logStartOffset || part.fetchOffset > log.leo)
    return 'OFFSET_OUT_OF_RANGE';
  return null;
}

/** What a fetch answer shows in traffic: its partition if only one, its records, its error. */
function trafficOf(
  msg: Message<'fetch'> | Message<'replica-fetch'>,
  partitions: readonly { topic: string; partition: number; error: string | null }[],
  refs: RecordRef[] | null,
  recordCount: number,
): TrafficInfo {
  const info: TrafficInfo = { toInc: msg.fromInc };
  if (partitions.length === 1) {
    info.topic = partitions[0].topic;
    info.partition = partitions[0].partition;
    if (partitions[0].error && msg.kind === 'fetch') info.error = partitions[0].error;
  }
  if (recordCount > 0 && refs !== null) {
    info.records = refs;
    info.recordCount = recordCount;
  }
  return info;
}

/** Answer a consumer fetch with records below the high watermark (read_uncommitted). */
export function respondConsumerFetch(sim: Sim, b: BrokerState, msg: Message<'fetch'>): void {
  let recordCount = 0;
  // Made when there are records to show (most answers, after a long poll, carry none).
  let refs: RecordRef[] | null = null;
  const asked = msg.body.partitions;
  const partitions: FetchPartition[] = new Array(asked.length);
  for (let i = 0; i < asked.length; i++) {
    const part = asked[i];
    const key = tpKey(part.topic, part.partition);
    const log = b.logs[key];
    const error = consumerFetchError(b, part, key);
    const answer: FetchPartition = {
      topic: part.topic,
      partition: part.partition,
      error,
      highWatermark: log?.hw ?? -1,
      logStartOffset: log?.logStartOffset ?? -1,
      batches: NO_BATCHES,
    };
    if (error === null) {
      answer.batches = readBatches(
        log,
        part.fetchOffset,
        log.hw,
        PARTITION_FETCH_MAX_BYTES,
        sim.world,
      );
      if (answer.batches.length > 0)
        recordCount += sampleRecords(answer.batches, (refs ??= []), part.fetchOffset);
    }
    partitions[i] = answer;
  }
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'fetch-response',
    { reqId: msg.body.reqId, partitions },
    trafficOf(msg, partitions, refs, recordCount),
  );
}

/** Build and send the answer to a follower fetch with what the log holds now. */
export function respondReplicaFetch(sim: Sim, b: BrokerState, msg: Message<'replica-fetch'>): void {
  let bytes = 0;
  let recordCount = 0;
  let refs: RecordRef[] | null = null;
  const asked = msg.body.partitions;
  const partitions: ReplicaFetchPartition[] = new Array(asked.length);
  for (let i = 0; i < asked.length; i++) {
    const part = asked[i];
    const key = tpKey(part.topic, part.partition);
    const lead = b.lead[key];
    const log = b.logs[key];
    const answer: ReplicaFetchPartition = {
      topic: part.topic,
      partition: part.partition,
      error: null,
      highWatermark: log?.hw ?? 0,
      logStartOffset: log?.logStartOffset ?? 0,
      batches: NO_BATCHES,
      divergingEpoch: null,
    };
    partitions[i] = answer;
    if (lead === undefined || log === undefined) answer.error = 'NOT_LEADER_OR_FOLLOWER';
    else if (part.currentLeaderEpoch < lead.leaderEpoch) answer.error = 'FENCED_LEADER_EPOCH';
    else if (part.currentLeaderEpoch > lead.leaderEpoch) answer.error = 'UNKNOWN_LEADER_EPOCH';
    else {
      answer.divergingEpoch = divergingEpoch(log, part.lastFetchedEpoch, part.fetchOffset);
      if (answer.divergingEpoch !== null) continue;
      if (part.fetchOffset < log.logStartOffset) {
        answer.error = 'OFFSET_OUT_OF_RANGE';
        continue;
      }
      const batches = readBatches(
        log,
        part.fetchOffset,
        log.leo,
        REPLICA_FETCH_MAX_BYTES - bytes,
        sim.world,
      );
      if (batches.length === 0) continue;
      for (const batch of batches) bytes += batch.bytes;
      // Whole batches travel, so the message carries every record of each.
      recordCount += sampleRecords(batches, (refs ??= []));
      answer.batches = batches;
    }
  }
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'replica-fetch-response',
    { reqId: msg.body.reqId, partitions },
    trafficOf(msg, partitions, refs, recordCount),
  );
}
