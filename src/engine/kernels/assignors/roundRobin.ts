// RoundRobinAssignor ("roundrobin", eager), kafka-spec §6.2: all subscribed partitions sorted by
// topic then number, dealt to members in member order, skipping members not subscribed to the
// partition's topic.
import { compareMemberInfo } from './memberOrder';
import { emptyAssignment, normalizeInput } from './normalize';
import { compareStrings } from './topicPartition';
import type { AssignorMember, Assignment } from './types';

export function roundRobinAssign(
  members: readonly AssignorMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): Assignment {
  const input = normalizeInput(members, partitionsPerTopic);
  const result = emptyAssignment(members);
  const ordered = [...input.members].sort(compareMemberInfo);
  const topics = [...input.partitionsPerTopic.keys()].sort(compareStrings);
  let cursor = 0;
  for (const topic of topics) {
    const numPartitions = input.partitionsPerTopic.get(topic) as number;
    for (let p = 0; p < numPartitions; p++) {
      // Some member subscribes to every listed topic, so this always stops.
      while (!ordered[cursor].topicSet.has(topic)) cursor = (cursor + 1) % ordered.length;
      result[ordered[cursor].memberId].push(`${topic}-${p}`);
      cursor = (cursor + 1) % ordered.length;
    }
  }
  return result;
}
