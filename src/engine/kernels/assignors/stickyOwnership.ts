// Step 0 of the sticky assignors (AbstractStickyAssignor.allSubscriptionsEqual): walk members in
// Java HashMap order, rebuild who owned what, and decide between the constrained and the general
// algorithm (kafka-spec §6.4, §6.6).
import { javaStringHashCode } from '../javaHash';
import { javaHashMapOrder } from '../javaHashMap';
import type { NormalizedInput, NormalizedMember } from './normalize';
import type { TopicPartition } from './topicPartition';

export interface StickyOwnership {
  /** Members in Java HashMap iteration order (inserted in input order). */
  membersInHashOrder: NormalizedMember[];
  /** memberId -> still-valid owned partitions (Map insertion order = HashMap order). */
  ownedByMember: Map<string, TopicPartition[]>;
  /** Partitions claimed by two members of the same generation: taken from both. */
  claimedByMultiple: Set<string>;
  allSubscriptionsEqual: boolean;
  maxGeneration: number;
}

/**
 * Rules, as Java applies them in HashMap order:
 * - owned partitions of topics not being assigned are dropped (we also drop partition numbers
 *   beyond the topic's count, which Kafka cannot produce since partitions never shrink);
 * - a partition already claimed by an earlier member goes to the higher generation; with equal
 *   generations it is removed from the earlier claimant and marked claimed-by-multiple;
 * - subscriptions count as equal by the same test Java uses, including its quirk that a first
 *   member with an empty subscription lets the next member's topics define the reference set.
 */
export function reconstructOwnership(input: NormalizedInput): StickyOwnership {
  const membersInHashOrder = javaHashMapOrder(
    input.members,
    (m) => m.memberId,
    (m) => javaStringHashCode(m.memberId),
  );
  const generationOf = new Map(input.members.map((m) => [m.memberId, m.generation]));
  const ownedByMember = new Map<string, TopicPartition[]>();
  const claimedByMultiple = new Set<string>();
  const previousOwner = new Map<string, string>();
  let reference = new Set<string>();
  let allSubscriptionsEqual = true;
  let maxGeneration = -1;

  for (const member of membersInHashOrder) {
    if (reference.size === 0) {
      reference = new Set(member.topics);
    } else if (
      allSubscriptionsEqual &&
      !(member.topics.length === reference.size && member.topics.every((t) => reference.has(t)))
    ) {
      allSubscriptionsEqual = false;
    }
    maxGeneration = Math.max(maxGeneration, member.generation);

    const owned: TopicPartition[] = [];
    ownedByMember.set(member.memberId, owned);
    for (const tp of member.owned) {
      const count = input.partitionsPerTopic.get(tp.topic);
      if (count === undefined || tp.partition >= count) continue;
      const other = previousOwner.get(tp.key);
      if (other === undefined) {
        owned.push(tp);
        previousOwner.set(tp.key, member.memberId);
        continue;
      }
      const otherGeneration = generationOf.get(other) as number;
      if (member.generation === otherGeneration) {
        claimedByMultiple.add(tp.key);
        removePartition(ownedByMember.get(other) as TopicPartition[], tp.key);
        previousOwner.set(tp.key, member.memberId);
      } else if (member.generation > otherGeneration) {
        owned.push(tp);
        removePartition(ownedByMember.get(other) as TopicPartition[], tp.key);
        previousOwner.set(tp.key, member.memberId);
      }
    }
  }
  return {
    membersInHashOrder,
    ownedByMember,
    claimedByMultiple,
    allSubscriptionsEqual,
    maxGeneration,
  };
}

export function removePartition(list: TopicPartition[], key: string): void {
  const i = list.findIndex((tp) => tp.key === key);
  if (i >= 0) list.splice(i, 1);
}
