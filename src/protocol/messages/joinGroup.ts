// JoinGroup (key 11), version 5. Protocol metadata is the consumer-protocol Subscription
// (consumerProtocol.ts), opaque to the coordinator.
import { array, bytes, int16, int32, nullableString, string, struct, type Infer } from '../codec';

export const JoinGroupRequestV5 = struct({
  groupId: string,
  sessionTimeoutMs: int32,
  rebalanceTimeoutMs: int32,
  /** Empty on the first join: the coordinator answers MEMBER_ID_REQUIRED with a new id (KIP-394). */
  memberId: string,
  groupInstanceId: nullableString,
  protocolType: string,
  protocols: array(struct({ name: string, metadata: bytes })),
});
export type JoinGroupRequest = Infer<typeof JoinGroupRequestV5>;

export const JoinGroupResponseV5 = struct({
  throttleTimeMs: int32,
  errorCode: int16,
  generationId: int32,
  protocolName: string,
  leader: string,
  memberId: string,
  /** Filled for the leader only; followers get an empty list. */
  members: array(struct({ memberId: string, groupInstanceId: nullableString, metadata: bytes })),
});
export type JoinGroupResponse = Infer<typeof JoinGroupResponseV5>;
