// RangeAssignor ("range", eager), kafka-spec §6.1: per topic, the subscribers in member order get
// consecutive ranges; the first (n mod |C|) of them one partition more. Rack-unaware.
import { compareMemberInfo } from './memberOrder';
import { emptyAssignment, normalizeInput } from './normalize';
import { compareStrings } from './topicPartition';
import type { AssignorMember, Assignment } from './types';

export function rangeAssign(
  members: readonly AssignorMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): Assignment {
  const input = normalizeInput(members, partitionsPerTopic);
  const result = emptyAssignment(members);
  const ordered = [...input.members].sort(compareMemberInfo);
  const topics = [...input.partitionsPerTopic.keys()].sort(compareStrings);
  for (const topic of topics) {
    const numPartitions = input.partitionsPerTopic.get(topic) as number;
    const consumers = ordered.filter((m) => m.topicSet.has(topic));
    const perConsumer = Math.floor(numPartitions / consumers.length);
    const withExtra = numPartitions % consumers.length;
    consumers.forEach((consumer, i) => {
      const start = perConsumer * i + Math.min(i, withExtra);
      const length = perConsumer + (i < withExtra ? 1 : 0);
      for (let p = start; p < start + length; p++) result[consumer.memberId].push(`${topic}-${p}`);
    });
  }
  return result;
}
