// CooperativeStickyAssignor ("cooperative-sticky"), kafka-spec §5.3/§6.5: the sticky target minus
// every partition that moves from one owner to another. The previous owner revokes those after
// SyncGroup and rejoins; the follow-up round (where nobody reports them any more) assigns them.
import { stickyCore, toAssignmentDetails } from './sticky';
import type { AssignmentDetails, AssignorMember } from './types';

export function cooperativeStickyAssignWithDetails(
  members: readonly AssignorMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): AssignmentDetails {
  return toAssignmentDetails(members, stickyCore(members, partitionsPerTopic), true);
}
