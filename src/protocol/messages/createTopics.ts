// CreateTopics (key 19), version 3. numPartitions / replicationFactor -1 mean the broker default.
import { array, bool, int16, int32, nullableString, string, struct, type Infer } from '../codec';

export const CreateTopicsRequestV3 = struct({
  topics: array(
    struct({
      name: string,
      numPartitions: int32,
      replicationFactor: int16,
      assignments: array(struct({ partitionIndex: int32, brokerIds: array(int32) })),
      configs: array(struct({ name: string, value: nullableString })),
    }),
  ),
  timeoutMs: int32,
  validateOnly: bool,
});
export type CreateTopicsRequest = Infer<typeof CreateTopicsRequestV3>;

export const CreateTopicsResponseV3 = struct({
  throttleTimeMs: int32,
  topics: array(struct({ name: string, errorCode: int16, errorMessage: nullableString })),
});
export type CreateTopicsResponse = Infer<typeof CreateTopicsResponseV3>;
