// LeaveGroup (key 13), version 3: a batch of members (KIP-345).
import { array, int16, int32, nullableString, string, struct, type Infer } from '../codec';

export const LeaveGroupRequestV3 = struct({
  groupId: string,
  members: array(struct({ memberId: string, groupInstanceId: nullableString })),
});
export type LeaveGroupRequest = Infer<typeof LeaveGroupRequestV3>;

export const LeaveGroupResponseV3 = struct({
  throttleTimeMs: int32,
  errorCode: int16,
  members: array(struct({ memberId: string, groupInstanceId: nullableString, errorCode: int16 })),
});
export type LeaveGroupResponse = Infer<typeof LeaveGroupResponseV3>;
