// Member order of Range and RoundRobin (AbstractPartitionAssignor.MemberInfo): static members
// (with group.instance.id) first, by instance id; then dynamic ones by member id.
import { compareStrings } from './topicPartition';

export function compareMemberInfo(
  a: { memberId: string; groupInstanceId?: string | undefined },
  b: { memberId: string; groupInstanceId?: string | undefined },
): number {
  const aStatic = a.groupInstanceId !== undefined;
  const bStatic = b.groupInstanceId !== undefined;
  if (aStatic && bStatic)
    return compareStrings(a.groupInstanceId as string, b.groupInstanceId as string);
  if (aStatic) return -1;
  if (bStatic) return 1;
  return compareStrings(a.memberId, b.memberId);
}
