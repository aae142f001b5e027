// Heartbeat (key 12), version 3.
import { int16, int32, nullableString, string, struct, type Infer } from '../codec';

export const HeartbeatRequestV3 = struct({
  groupId: string,
  generationId: int32,
  memberId: string,
  groupInstanceId: nullableString,
});
export type HeartbeatRequest = Infer<typeof HeartbeatRequestV3>;

export const HeartbeatResponseV3 = struct({ throttleTimeMs: int32, errorCode: int16 });
export type HeartbeatResponse = Infer<typeof HeartbeatResponseV3>;
