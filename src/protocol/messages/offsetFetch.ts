// OffsetFetch (key 9), version 4. A null topic list asks for every committed partition.
import {
  array,
  int16,
  int32,
  int64,
  nullableArray,
  nullableString,
  string,
  struct,
  type Infer,
} from '../codec';

export const OffsetFetchRequestV4 = struct({
  groupId: string,
  topics: nullableArray(struct({ name: string, partitionIndexes: array(int32) })),
});
export type OffsetFetchRequest = Infer<typeof OffsetFetchRequestV4>;

export const OffsetFetchResponseV4 = struct({
  throttleTimeMs: int32,
  topics: array(
    struct({
      name: string,
      partitions: array(
        struct({
          partitionIndex: int32,
          /** -1 when nothing is committed. */
          committedOffset: int64,
          metadata: nullableString,
          errorCode: int16,
        }),
      ),
    }),
  ),
  errorCode: int16,
});
export type OffsetFetchResponse = Infer<typeof OffsetFetchResponseV4>;
