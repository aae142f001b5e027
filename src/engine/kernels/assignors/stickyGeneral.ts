// The sticky core's general algorithm (subscriptions differ), kafka-spec §6.4, following
// AbstractStickyAssignor.GeneralAssignmentBuilder without its rack-aware steps. Java's iteration
// orders are kept: members in HashMap order, a tree set of members by (assignment size, id),
// topics by (number of potential consumers, name).
//
// Two guards where Java would throw a NullPointerException (reachable only with owners that left
// the reassignable set): a previous owner that is not reassignable is ignored, and a partition
// without a reassignable owner is skipped.
import type { NormalizedInput } from './normalize';
import { PartitionMovements } from './partitionMovements';
import type { StickyResult } from './stickyConstrained';
import type { StickyOwnership } from './stickyOwnership';
import { compareStrings, topicPartition, type TopicPartition } from './topicPartition';

interface PreviousOwner {
  memberId: string;
  generation: number;
}

/** Java's TreeSet<String> ordered by (current assignment size, member id). */
class MembersBySize {
  private readonly order: string[] = [];

  constructor(private readonly sizeOf: (memberId: string) => number) {}

  private compare(a: string, b: string): number {
    return this.sizeOf(a) - this.sizeOf(b) || compareStrings(a, b);
  }

  add(memberId: string): void {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = this.compare(this.order[mid], memberId);
      if (c === 0) return;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    this.order.splice(lo, 0, memberId);
  }

  remove(memberId: string): void {
    const i = this.order.indexOf(memberId);
    if (i >= 0) this.order.splice(i, 1);
  }

  first(): string {
    return this.order[0];
  }

  last(): string {
    return this.order[this.order.length - 1];
  }

  members(): readonly string[] {
    return this.order;
  }
}

export function generalAssign(input: NormalizedInput, ownership: StickyOwnership): StickyResult {
  const partitionsPerTopic = input.partitionsPerTopic;
  const membersById = new Map(input.members.map((m) => [m.memberId, m]));

  // Who could take which topic (lists in HashMap member order).
  const potentialConsumers = new Map<string, string[]>();
  for (const topic of partitionsPerTopic.keys()) potentialConsumers.set(topic, []);
  const potentialTopics = new Map<string, string[]>();
  for (const member of ownership.membersInHashOrder) {
    const topics = member.topics.filter((t) => partitionsPerTopic.has(t));
    potentialTopics.set(member.memberId, topics);
    for (const t of topics) (potentialConsumers.get(t) as string[]).push(member.memberId);
  }
  const consumerCount = (topic: string): number =>
    (potentialConsumers.get(topic) as string[]).length;
  const maxAssignmentSize = (memberId: string): number =>
    (potentialTopics.get(memberId) as string[]).reduce(
      (sum, t) => sum + (partitionsPerTopic.get(t) as number),
      0,
    );

  let current = new Map<string, TopicPartition[]>();
  for (const [memberId, owned] of ownership.ownedByMember) current.set(memberId, [...owned]);
  let owner = new Map<string, string>();
  for (const [memberId, list] of current) for (const tp of list) owner.set(tp.key, memberId);
  const sizeOf = (memberId: string): number => (current.get(memberId) as TopicPartition[]).length;

  const sortedTopics = [...partitionsPerTopic.keys()].sort(
    (a, b) => consumerCount(a) - consumerCount(b) || compareStrings(a, b),
  );
  let sortedAllPartitions: TopicPartition[] = [];
  for (const topic of sortedTopics) {
    const n = partitionsPerTopic.get(topic) as number;
    for (let p = 0; p < n; p++) sortedAllPartitions.push(topicPartition(topic, p));
  }

  const previous = previousOwners(ownership);

  // Keep owned partitions whose topic the owner still subscribes to.
  let revocationRequired = false;
  const assignedKeys = new Set<string>();
  for (const [memberId, list] of current) {
    const subscribed = (membersById.get(memberId) as { topicSet: ReadonlySet<string> }).topicSet;
    const kept = list.filter((tp) => {
      if (!subscribed.has(tp.topic)) {
        revocationRequired = true;
        return false;
      }
      assignedKeys.add(tp.key);
      return true;
    });
    current.set(memberId, kept);
  }
  let unassigned = sortedAllPartitions.filter((tp) => !assignedKeys.has(tp.key));

  const sorted = new MembersBySize(sizeOf);
  for (const memberId of current.keys()) sorted.add(memberId);
  const movements = new PartitionMovements();

  const subscribes = (memberId: string, topic: string): boolean =>
    (potentialTopics.get(memberId) as string[]).includes(topic);

  const isBalanced = (): boolean => {
    if (sizeOf(sorted.first()) >= sizeOf(sorted.last()) - 1) return true;
    const ownerNow = new Map<string, string>();
    for (const [memberId, list] of current) for (const tp of list) ownerNow.set(tp.key, memberId);
    for (const memberId of sorted.members()) {
      const count = sizeOf(memberId);
      if (count === maxAssignmentSize(memberId)) continue;
      for (const topic of potentialTopics.get(memberId) as string[]) {
        const n = partitionsPerTopic.get(topic) as number;
        for (let p = 0; p < n; p++) {
          const other = ownerNow.get(`${topic}-${p}`);
          if (other !== undefined && other !== memberId && count + 1 < sizeOf(other)) return false;
        }
      }
    }
    return true;
  };

  const movePartition = (tp: TopicPartition, newOwner: string): void => {
    const oldOwner = owner.get(tp.key) as string;
    sorted.remove(oldOwner);
    sorted.remove(newOwner);
    movements.movePartition(tp, oldOwner, newOwner);
    const oldList = current.get(oldOwner) as TopicPartition[];
    oldList.splice(
      oldList.findIndex((x) => x.key === tp.key),
      1,
    );
    (current.get(newOwner) as TopicPartition[]).push(tp);
    owner.set(tp.key, newOwner);
    sorted.add(newOwner);
    sorted.add(oldOwner);
  };

  const reassign = (tp: TopicPartition, newOwner: string): void => {
    const actual = movements.partitionToMove(tp, owner.get(tp.key) as string, newOwner);
    movePartition(actual, newOwner);
  };

  const performReassignments = (partitions: readonly TopicPartition[]): boolean => {
    let performed = false;
    let modified: boolean;
    do {
      modified = false;
      for (let i = 0; i < partitions.length && !isBalanced(); i++) {
        const tp = partitions[i];
        const consumer = owner.get(tp.key);
        if (consumer === undefined || !current.has(consumer)) continue;
        const prev = previous.get(tp.key);
        if (prev && current.has(prev.memberId) && sizeOf(consumer) > sizeOf(prev.memberId) + 1) {
          reassign(tp, prev.memberId);
          performed = modified = true;
          continue;
        }
        for (const other of potentialConsumers.get(tp.topic) as string[]) {
          if (current.has(other) && sizeOf(consumer) > sizeOf(other) + 1) {
            const target = sorted.members().find((m) => subscribes(m, tp.topic)) as string;
            reassign(tp, target);
            performed = modified = true;
            break;
          }
        }
      }
    } while (modified);
    return performed;
  };

  // balance()
  const initializing = sizeOf(sorted.last()) === 0;
  for (const tp of unassigned) {
    if (consumerCount(tp.topic) === 0) continue;
    const target = sorted.members().find((m) => subscribes(m, tp.topic));
    if (target === undefined) continue;
    sorted.remove(target);
    (current.get(target) as TopicPartition[]).push(tp);
    owner.set(tp.key, target);
    sorted.add(target);
  }

  // Partitions of topics only one member can take, and members that cannot change, stay put.
  sortedAllPartitions = sortedAllPartitions.filter((tp) => consumerCount(tp.topic) >= 2);
  unassigned = unassigned.filter((tp) => consumerCount(tp.topic) >= 2);
  const fixed = new Map<string, TopicPartition[]>();
  for (const memberId of potentialTopics.keys()) {
    const list = current.get(memberId) as TopicPartition[];
    const canChange =
      list.length < maxAssignmentSize(memberId) || list.some((tp) => consumerCount(tp.topic) >= 2);
    if (!canChange) {
      sorted.remove(memberId);
      fixed.set(memberId, list);
      current.delete(memberId);
    }
  }

  const preBalance = copyAssignment(current);
  const preBalanceOwner = new Map(owner);
  if (!revocationRequired) performReassignments(unassigned);
  const reassignmentPerformed = performReassignments(sortedAllPartitions);
  if (!initializing && reassignmentPerformed && balanceScore(current) >= balanceScore(preBalance)) {
    current = preBalance;
    owner = preBalanceOwner;
  }
  for (const [memberId, list] of fixed) current.set(memberId, list);
  return { assignment: current, transferring: null };
}

/**
 * prepopulateCurrentAssignments: for members of an older generation (or without one while some
 * member has one), remember the highest-generation earlier owner of each partition they report.
 */
function previousOwners(ownership: StickyOwnership): Map<string, PreviousOwner> {
  const previous = new Map<string, PreviousOwner>();
  const max = ownership.maxGeneration;
  for (const member of ownership.membersInHashOrder) {
    let generation: number;
    if (member.hasGeneration && member.generation < max) generation = member.generation;
    else if (!member.hasGeneration && max > -1) generation = -1;
    else continue;
    for (const tp of member.owned) {
      const existing = previous.get(tp.key);
      if (!existing || generation > existing.generation) {
        previous.set(tp.key, { memberId: member.memberId, generation });
      }
    }
  }
  return previous;
}

function copyAssignment(a: Map<string, TopicPartition[]>): Map<string, TopicPartition[]> {
  const copy = new Map<string, TopicPartition[]>();
  for (const [k, v] of a) copy.set(k, [...v]);
  return copy;
}

/** Sum over member pairs of |size difference|: 0 is perfectly balanced. */
function balanceScore(a: Map<string, TopicPartition[]>): number {
  const sizes = [...a.values()].map((l) => l.length);
  let score = 0;
  for (let i = 0; i < sizes.length; i++) {
    for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i] - sizes[j]);
  }
  return score;
}
