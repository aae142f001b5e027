// Fetch (key 1), version 11. KafkaJS sends sessionId 0 / sessionEpoch -1 (no incremental fetch
// sessions) and currentLeaderEpoch -1. `records` in the response is concatenated batch bytes.
import {
  array,
  int16,
  int32,
  int64,
  int8,
  nullableArray,
  nullableBytes,
  string,
  struct,
  type Infer,
} from '../codec';

export const FetchRequestV11 = struct({
  replicaId: int32,
  maxWaitMs: int32,
  minBytes: int32,
  maxBytes: int32,
  /** 0 read_uncommitted, 1 read_committed (KafkaJS's default). */
  isolationLevel: int8,
  sessionId: int32,
  sessionEpoch: int32,
  topics: array(
    struct({
      topic: string,
      partitions: array(
        struct({
          partition: int32,
          currentLeaderEpoch: int32,
          fetchOffset: int64,
          logStartOffset: int64,
          partitionMaxBytes: int32,
        }),
      ),
    }),
  ),
  forgottenTopicsData: array(struct({ topic: string, partitions: array(int32) })),
  rackId: string,
});
export type FetchRequest = Infer<typeof FetchRequestV11>;

export const FetchResponseV11 = struct({
  throttleTimeMs: int32,
  errorCode: int16,
  sessionId: int32,
  responses: array(
    struct({
      topic: string,
      partitions: array(
        struct({
          partitionIndex: int32,
          errorCode: int16,
          highWatermark: int64,
          lastStableOffset: int64,
          logStartOffset: int64,
          abortedTransactions: nullableArray(struct({ producerId: int64, firstOffset: int64 })),
          /** -1: no follower fetching (KIP-392) in the sim. */
          preferredReadReplica: int32,
          records: nullableBytes,
        }),
      ),
    }),
  ),
});
export type FetchResponse = Infer<typeof FetchResponseV11>;
