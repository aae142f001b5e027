// OffsetCommit (key 8), version 5 (no retention time since v5). The committed offset is the next
// offset to consume.
import { array, int16, int32, int64, nullableString, string, struct, type Infer } from '../codec';

export const OffsetCommitRequestV5 = struct({
  groupId: string,
  /** Kafka's current message JSON calls it GenerationIdOrMemberEpoch; classic groups send the generation. */
  generationId: int32,
  memberId: string,
  topics: array(
    struct({
      name: string,
      partitions: array(
        struct({
          partitionIndex: int32,
          committedOffset: int64,
          committedMetadata: nullableString,
        }),
      ),
    }),
  ),
});
export type OffsetCommitRequest = Infer<typeof OffsetCommitRequestV5>;

export const OffsetCommitResponseV5 = struct({
  throttleTimeMs: int32,
  topics: array(
    struct({
      name: string,
      partitions: array(struct({ partitionIndex: int32, errorCode: int16 })),
    }),
  ),
});
export type OffsetCommitResponse = Infer<typeof OffsetCommitResponseV5>;
