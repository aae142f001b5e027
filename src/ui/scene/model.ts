// From the store's records to what the scene draws: the layout's input (who hosts what, who
// belongs where) and small derived facts. Internal topics (__consumer_offsets) are left out of
// the picture: they would crowd it and the lesson is about the user's topics.
import type { SimState } from '../../app/store';
import type { LayoutInput } from './layout';

export const isInternalTopic = (name: string) => name.startsWith('__');

export function visibleTopics(s: SimState): string[] {
  return s.topicNames.filter((name) => !isInternalTopic(name));
}

export function layoutInputFrom(s: SimState): LayoutInput {
  const hosted = new Map<number, string[]>(s.brokerIds.map((id) => [id, []]));
  const topicPartitions = new Map<string, string[]>(visibleTopics(s).map((n) => [n, []]));
  for (const key of s.partitionKeys) {
    const p = s.partitions[key];
    if (!p || isInternalTopic(p.topic)) continue;
    topicPartitions.get(p.topic)?.push(key);
    for (const brokerId of p.replicas) hosted.get(brokerId)?.push(key);
  }
  const consumersByGroup = new Map<string, string[]>(s.groupIds.map((g) => [g, []]));
  for (const id of s.consumerIds) {
    const c = s.consumers[id];
    if (c) consumersByGroup.get(c.groupId)?.push(id);
  }
  return {
    brokers: s.brokerIds.map((id) => ({ id, hosted: hosted.get(id) ?? [] })),
    topics: [...topicPartitions].map(([name, partitions]) => ({
      name,
      partitions,
      groups: s.groupIds.filter((g) => s.groups[g]?.topics.includes(name)),
    })),
    producers: s.producerIds,
    groups: s.groupIds.map((id) => ({ id, consumers: consumersByGroup.get(id) ?? [] })),
  };
}

/** A string that changes exactly when the layout must: the scene's memo key. */
export function layoutSignature(s: SimState): string {
  return JSON.stringify(layoutInputFrom(s));
}

/** Queue, publish-subscribe or neither, for the consumers reading `topic`. */
export function deliveryModeOf(
  s: SimState,
  topic: string | null,
): { mode: 'queue' | 'pubsub' | null; groups: number; consumers: number } {
  if (!topic) return { mode: null, groups: 0, consumers: 0 };
  const live = s.consumerIds
    .map((id) => s.consumers[id])
    .filter(
      (c) =>
        c &&
        c.status !== 'crashed' &&
        c.status !== 'closed' &&
        s.groups[c.groupId]?.topics.includes(topic),
    );
  const groups = new Set(live.map((c) => c.groupId));
  if (live.length === 0) return { mode: null, groups: 0, consumers: 0 };
  const mode = groups.size === 1 ? 'queue' : groups.size === live.length ? 'pubsub' : null;
  return { mode, groups: groups.size, consumers: live.length };
}

/** The keys producers send, in a stable order: the colour of a key follows its place here. */
export function knownKeys(s: SimState): string[] {
  const keys: string[] = [];
  for (const id of s.producerIds) {
    for (const key of s.producers[id]?.keys ?? []) if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}
