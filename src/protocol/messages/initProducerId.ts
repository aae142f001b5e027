// InitProducerId (key 22), version 1: idempotent (transactionalId null) or transactional producers.
import { int16, int32, int64, nullableString, struct, type Infer } from '../codec';

export const InitProducerIdRequestV1 = struct({
  transactionalId: nullableString,
  transactionTimeoutMs: int32,
});
export type InitProducerIdRequest = Infer<typeof InitProducerIdRequestV1>;

export const InitProducerIdResponseV1 = struct({
  throttleTimeMs: int32,
  errorCode: int16,
  producerId: int64,
  producerEpoch: int16,
});
export type InitProducerIdResponse = Infer<typeof InitProducerIdResponseV1>;
