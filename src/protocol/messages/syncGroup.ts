// SyncGroup (key 14), version 3. Assignments are consumer-protocol Assignment bytes; only the
// leader sends them.
import { array, bytes, int16, int32, nullableString, string, struct, type Infer } from '../codec';

export const SyncGroupRequestV3 = struct({
  groupId: string,
  generationId: int32,
  memberId: string,
  groupInstanceId: nullableString,
  assignments: array(struct({ memberId: string, assignment: bytes })),
});
export type SyncGroupRequest = Infer<typeof SyncGroupRequestV3>;

export const SyncGroupResponseV3 = struct({
  throttleTimeMs: int32,
  errorCode: int16,
  assignment: bytes,
});
export type SyncGroupResponse = Infer<typeof SyncGroupResponseV3>;
