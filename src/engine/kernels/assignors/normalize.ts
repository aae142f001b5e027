// Turns the public inputs into what the Java assignors actually see: the consumer coordinator
// passes partitionsPerTopic only for topics some member subscribes to that exist with >= 1
// partition; subscriptions are sets of topic names.
import type { AssignorMember } from './types';
import { parseTopicPartition, type TopicPartition } from './topicPartition';

export interface NormalizedMember {
  memberId: string;
  groupInstanceId: string | undefined;
  /** Subscribed topics, deduplicated, in the given order (including topics that do not exist). */
  topics: string[];
  topicSet: ReadonlySet<string>;
  /** Reported owned partitions, parsed and deduplicated, in the given order. */
  owned: TopicPartition[];
  /** Generation; -1 when absent (Kafka's DEFAULT_GENERATION). */
  generation: number;
  hasGeneration: boolean;
}

export interface NormalizedInput {
  members: NormalizedMember[];
  /** topic -> partition count, only subscribed topics with >= 1 partition. */
  partitionsPerTopic: Map<string, number>;
}

export const DEFAULT_GENERATION = -1;

export function normalizeInput(
  members: readonly AssignorMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): NormalizedInput {
  const seen = new Set<string>();
  const normalized: NormalizedMember[] = [];
  for (const m of members) {
    if (seen.has(m.memberId)) throw new Error(`duplicate member id ${m.memberId}`);
    seen.add(m.memberId);
    const topics = [...new Set(m.topics)];
    const ownedKeys = new Set<string>();
    const owned: TopicPartition[] = [];
    for (const key of m.ownedPartitions ?? []) {
      const tp = parseTopicPartition(key);
      if (tp && !ownedKeys.has(tp.key)) {
        ownedKeys.add(tp.key);
        owned.push(tp);
      }
    }
    normalized.push({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      topics,
      topicSet: new Set(topics),
      owned,
      generation: m.generation ?? DEFAULT_GENERATION,
      hasGeneration: m.generation !== undefined,
    });
  }
  const subscribed = new Set(normalized.flatMap((m) => m.topics));
  const counts = new Map<string, number>();
  for (const topic of subscribed) {
    const n = partitionsPerTopic[topic];
    if (Object.hasOwn(partitionsPerTopic, topic) && Number.isInteger(n) && n > 0) {
      counts.set(topic, n);
    }
  }
  return { members: normalized, partitionsPerTopic: counts };
}

/** An empty list for every member, in input order. */
export function emptyAssignment(
  members: readonly { memberId: string }[],
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const m of members) result[m.memberId] = [];
  return result;
}
