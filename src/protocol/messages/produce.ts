// Produce (key 0), version 7. `records` holds the client's record batch bytes exactly as sent
// (see recordBatches.ts). A request with acks = 0 gets no response at all (see expectsResponse).
import {
  array,
  int16,
  int32,
  int64,
  nullableBytes,
  nullableString,
  string,
  struct,
  type Infer,
} from '../codec';

export const ProduceRequestV7 = struct({
  transactionalId: nullableString,
  acks: int16,
  timeoutMs: int32,
  topicData: array(
    struct({
      name: string,
      partitionData: array(struct({ index: int32, records: nullableBytes })),
    }),
  ),
});
export type ProduceRequest = Infer<typeof ProduceRequestV7>;

export const ProduceResponseV7 = struct({
  responses: array(
    struct({
      name: string,
      partitionResponses: array(
        struct({
          index: int32,
          errorCode: int16,
          baseOffset: int64,
          /** -1 unless the topic uses LogAppendTime. */
          logAppendTimeMs: int64,
          logStartOffset: int64,
        }),
      ),
    }),
  ),
  throttleTimeMs: int32,
});
export type ProduceResponse = Infer<typeof ProduceResponseV7>;
