// ListGroups (key 16), version 2 (KafkaJS admin only). The request body is empty.
import { array, int16, int32, string, struct, type Infer } from '../codec';

export const ListGroupsRequestV2 = struct({});
export type ListGroupsRequest = Infer<typeof ListGroupsRequestV2>;

export const ListGroupsResponseV2 = struct({
  throttleTimeMs: int32,
  errorCode: int16,
  groups: array(struct({ groupId: string, protocolType: string })),
});
export type ListGroupsResponse = Infer<typeof ListGroupsResponseV2>;
