// Client-side partition assignors (kafka-spec §6): one round of the named assignor, exactly as
// the Java client computes it, plus KafkaJS's RoundRobinAssigner.
import { cooperativeStickyAssignWithDetails } from './cooperativeSticky';
import { rangeAssign } from './range';
import { roundRobinAssign } from './roundRobin';
import { stickyAssignWithDetails } from './sticky';
import type { Assignment, AssignmentDetails, AssignorMember, AssignorName } from './types';

export type { Assignment, AssignmentDetails, AssignorMember, AssignorName } from './types';
export { kafkaJsRoundRobinAssign } from './kafkaJsRoundRobin';

export type RebalanceProtocol = 'eager' | 'cooperative';

/** EAGER revokes everything before rejoining; COOPERATIVE only what moves (§5.3). */
export function rebalanceProtocolOf(assignor: AssignorName): RebalanceProtocol {
  return assignor === 'cooperative-sticky' ? 'cooperative' : 'eager';
}

/** One round of the assignor with the partitions transferring ownership. */
export function assignWithDetails(
  assignor: AssignorName,
  members: readonly AssignorMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): AssignmentDetails {
  switch (assignor) {
    case 'range':
      return {
        assignment: rangeAssign(members, partitionsPerTopic),
        partitionsTransferringOwnership: {},
      };
    case 'roundrobin':
      return {
        assignment: roundRobinAssign(members, partitionsPerTopic),
        partitionsTransferringOwnership: {},
      };
    case 'sticky':
      return stickyAssignWithDetails(members, partitionsPerTopic);
    case 'cooperative-sticky':
      return cooperativeStickyAssignWithDetails(members, partitionsPerTopic);
  }
}

/**
 * One round of the named assignor: memberId -> `topic-N` list, every member present. For
 * cooperative-sticky the partitions transferring ownership are withheld (first round of §5.3).
 */
export function assign(
  assignor: AssignorName,
  members: readonly AssignorMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): Assignment {
  return assignWithDetails(assignor, members, partitionsPerTopic).assignment;
}

/** Partitions moving from a current owner to another member this round: partition -> new owner. */
export function partitionsTransferringOwnership(
  assignor: AssignorName,
  members: readonly AssignorMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): Record<string, string> {
  return assignWithDetails(assignor, members, partitionsPerTopic).partitionsTransferringOwnership;
}
