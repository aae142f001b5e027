// The sticky core's constrained algorithm (identical subscriptions), kafka-spec §6.4, following
// AbstractStickyAssignor.ConstrainedAssignmentBuilder without its rack-aware step.
import type { NormalizedInput } from './normalize';
import type { StickyOwnership } from './stickyOwnership';
import {
  compareByPartitionThenTopic,
  compareStrings,
  topicPartition,
  type TopicPartition,
} from './topicPartition';

export interface StickyResult {
  /** memberId -> partitions in Java's list order. */
  assignment: Map<string, TopicPartition[]>;
  /** Partition key -> new owner, for partitions another member may still hold. */
  transferring: Map<string, string> | null;
}

export function constrainedAssign(
  input: NormalizedInput,
  ownership: StickyOwnership,
): StickyResult {
  const { ownedByMember, claimedByMultiple } = ownership;
  let totalPartitions = 0;
  for (const n of input.partitionsPerTopic.values()) totalPartitions += n;
  const numMembers = ownedByMember.size;
  const minQuota = Math.floor(totalPartitions / numMembers);
  const maxQuota = Math.ceil(totalPartitions / numMembers);
  const expectedOverMin = totalPartitions % numMembers;
  let currentOverMin = 0;

  const assignment = new Map<string, TopicPartition[]>();
  const assigned = new Set<string>();
  const maybeRevoked = new Set<string>();
  const transferring = new Map<string, string>();
  let underMin: string[] = [];
  let exactlyMin: string[] = [];

  // 1. Keep owned partitions up to the quota (members in HashMap order).
  for (const [memberId, ownedAll] of ownedByMember) {
    const owned = [...ownedAll]
      .sort(compareByPartitionThenTopic)
      .filter((tp) => !claimedByMultiple.has(tp.key));
    let keep: TopicPartition[];
    if (owned.length < minQuota) {
      keep = owned;
      underMin.push(memberId);
    } else if (owned.length >= maxQuota && currentOverMin < expectedOverMin) {
      currentOverMin++;
      if (currentOverMin === expectedOverMin) exactlyMin = [];
      keep = owned.slice(0, maxQuota);
    } else {
      keep = owned.slice(0, minQuota);
      if (currentOverMin < expectedOverMin) exactlyMin.push(memberId);
    }
    for (const tp of owned.slice(keep.length)) maybeRevoked.add(tp.key);
    for (const tp of keep) assigned.add(tp.key);
    assignment.set(memberId, [...keep]);
  }

  // 2. Everything not kept, topics by name and partitions ascending.
  const unassigned: TopicPartition[] = [];
  for (const topic of [...input.partitionsPerTopic.keys()].sort(compareStrings)) {
    const n = input.partitionsPerTopic.get(topic) as number;
    for (let p = 0; p < n; p++) {
      const tp = topicPartition(topic, p);
      if (!assigned.has(tp.key)) unassigned.push(tp);
    }
  }
  underMin = underMin.sort(compareStrings);
  exactlyMin = exactlyMin.sort(compareStrings);

  // 3. Round-robin: cycle over the members under minQuota; once none is left, top up members
  //    at exactly minQuota (queue order) to maxQuota.
  let cursor = 0;
  for (const tp of unassigned) {
    let memberId: string;
    if (cursor < underMin.length) {
      memberId = underMin[cursor++];
    } else if (underMin.length === 0) {
      const next = exactlyMin.shift();
      if (next === undefined) throw new Error('sticky assignor: no member left for ' + tp.key);
      memberId = next;
    } else {
      cursor = 0;
      memberId = underMin[cursor++];
    }
    const list = assignment.get(memberId) as TopicPartition[];
    list.push(tp);
    if (maybeRevoked.has(tp.key) || claimedByMultiple.has(tp.key))
      transferring.set(tp.key, memberId);
    if (list.length === minQuota) {
      // Java removes the member from the under-min list through its iterator.
      underMin.splice(--cursor, 1);
      exactlyMin.push(memberId);
    } else if (list.length === maxQuota) {
      currentOverMin++;
    }
  }
  return { assignment, transferring };
}
