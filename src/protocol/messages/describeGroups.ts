// DescribeGroups (key 15), version 2 (KafkaJS admin only).
import { array, bytes, int16, int32, string, struct, type Infer } from '../codec';

export const DescribeGroupsRequestV2 = struct({ groups: array(string) });
export type DescribeGroupsRequest = Infer<typeof DescribeGroupsRequestV2>;

export const DescribeGroupsResponseV2 = struct({
  throttleTimeMs: int32,
  groups: array(
    struct({
      errorCode: int16,
      groupId: string,
      /** Kafka's state names: Empty, PreparingRebalance, CompletingRebalance, Stable, Dead. */
      groupState: string,
      protocolType: string,
      /** The chosen assignor; filled only when the group is Stable. */
      protocolData: string,
      members: array(
        struct({
          memberId: string,
          clientId: string,
          clientHost: string,
          memberMetadata: bytes,
          memberAssignment: bytes,
        }),
      ),
    }),
  ),
});
export type DescribeGroupsResponse = Infer<typeof DescribeGroupsResponseV2>;
