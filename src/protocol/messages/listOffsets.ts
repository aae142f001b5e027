// ListOffsets (key 2), version 3. timestamp -1 asks for the latest offset, -2 the earliest.
import { array, int16, int32, int64, int8, string, struct, type Infer } from '../codec';

export const ListOffsetsRequestV3 = struct({
  replicaId: int32,
  isolationLevel: int8,
  topics: array(
    struct({
      name: string,
      partitions: array(struct({ partitionIndex: int32, timestamp: int64 })),
    }),
  ),
});
export type ListOffsetsRequest = Infer<typeof ListOffsetsRequestV3>;

export const ListOffsetsResponseV3 = struct({
  throttleTimeMs: int32,
  topics: array(
    struct({
      name: string,
      partitions: array(
        struct({ partitionIndex: int32, errorCode: int16, timestamp: int64, offset: int64 }),
      ),
    }),
  ),
});
export type ListOffsetsResponse = Infer<typeof ListOffsetsResponseV3>;
