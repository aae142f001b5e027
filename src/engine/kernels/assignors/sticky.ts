// StickyAssignor ("sticky", eager) and the sticky core it shares with the cooperative variant
// (kafka-spec §6.4): reconstruct ownership, then the constrained algorithm when every member has
// the same subscription, else the general one.
import { emptyAssignment, normalizeInput, type NormalizedMember } from './normalize';
import { constrainedAssign, type StickyResult } from './stickyConstrained';
import { generalAssign } from './stickyGeneral';
import { reconstructOwnership } from './stickyOwnership';
import type { TopicPartition } from './topicPartition';
import type { AssignmentDetails, AssignorMember } from './types';

export interface StickyCoreResult {
  members: NormalizedMember[];
  assignment: Map<string, TopicPartition[]>;
  /** partition key -> new owner (see AssignmentDetails). */
  transferring: Map<string, string>;
}

export function stickyCore(
  members: readonly AssignorMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): StickyCoreResult {
  const input = normalizeInput(members, partitionsPerTopic);
  if (input.members.length === 0) {
    return { members: [], assignment: new Map(), transferring: new Map() };
  }
  const ownership = reconstructOwnership(input);
  const result: StickyResult = ownership.allSubscriptionsEqual
    ? constrainedAssign(input, ownership)
    : generalAssign(input, ownership);
  const transferring = result.transferring ?? transfersFromDiff(input.members, result.assignment);
  return { members: input.members, assignment: result.assignment, transferring };
}

/**
 * CooperativeStickyAssignor.computePartitionsTransferringOwnership (used after the general
 * algorithm): partitions newly given to one member that some member reported owning and lost.
 */
function transfersFromDiff(
  members: readonly NormalizedMember[],
  assignment: Map<string, TopicPartition[]>,
): Map<string, string> {
  const added = new Map<string, string>();
  const revoked = new Set<string>();
  for (const member of members) {
    const assigned = assignment.get(member.memberId) ?? [];
    const ownedKeys = new Set(member.owned.map((tp) => tp.key));
    const assignedKeys = new Set(assigned.map((tp) => tp.key));
    for (const tp of assigned) if (!ownedKeys.has(tp.key)) added.set(tp.key, member.memberId);
    for (const tp of member.owned) if (!assignedKeys.has(tp.key)) revoked.add(tp.key);
  }
  for (const key of [...added.keys()]) if (!revoked.has(key)) added.delete(key);
  return added;
}

export function toAssignmentDetails(
  members: readonly AssignorMember[],
  core: StickyCoreResult,
  withhold: boolean,
): AssignmentDetails {
  const assignment = emptyAssignment(members);
  for (const [memberId, list] of core.assignment) {
    assignment[memberId] = list
      .filter((tp) => !(withhold && core.transferring.get(tp.key) === memberId))
      .map((tp) => tp.key);
  }
  return { assignment, partitionsTransferringOwnership: Object.fromEntries(core.transferring) };
}

/** StickyAssignor: the full sticky target; partitionsTransferringOwnership is informational. */
export function stickyAssignWithDetails(
  members: readonly AssignorMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): AssignmentDetails {
  return toAssignmentDetails(members, stickyCore(members, partitionsPerTopic), false);
}
