// FindCoordinator (key 10), version 2. keyType 0 = group, 1 = transaction.
import { int16, int32, int8, nullableString, string, struct, type Infer } from '../codec';

export const FindCoordinatorRequestV2 = struct({ key: string, keyType: int8 });
export type FindCoordinatorRequest = Infer<typeof FindCoordinatorRequestV2>;

export const FindCoordinatorResponseV2 = struct({
  throttleTimeMs: int32,
  errorCode: int16,
  errorMessage: nullableString,
  nodeId: int32,
  host: string,
  port: int32,
});
export type FindCoordinatorResponse = Infer<typeof FindCoordinatorResponseV2>;
