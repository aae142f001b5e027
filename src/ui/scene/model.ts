// From the store's records to what the scene draws: the layout's input (who hosts what, who
// belongs where) and small derived facts. Internal topics (__consumer_offsets) are left out of
// the picture: they would crowd it and the lesson is about the user's topics.
import type { SimState } from '../../app/store';
import { drawsChips, type LayoutInput } from './layout';
import { isLiveConsumer } from '../../engine/status';
import { isInternalTopic } from '../../engine/sim/internalTopics';
import { kraftOf, zookeeperOf } from '../../app/metadataMode';

export function visibleTopics(s: SimState): string[] {
  return s.topicNames.filter((name) => !isInternalTopic(name));
}

/**
 * The topic the scene shows on its own, or null for all of them: in presenter mode, when there
 * are several, one topic at a time (the one chosen in the topic tabs, else the first).
 */
export function focusTopic(s: SimState): string | null {
  if (!s.presenter) return null;
  const topics = visibleTopics(s);
  if (topics.length < 2) return null;
  return s.sceneTopic && topics.includes(s.sceneTopic) ? s.sceneTopic : topics[0];
}

/**
 * What the layout needs: who hosts which replica, which partitions and groups each topic has,
 * the producers and the consumers of each group. Consumers that left a while ago are left out;
 * with a focus topic, only that topic, its producers and the groups that read it.
 */
export function layoutInputFrom(s: SimState): LayoutInput {
  const focus = focusTopic(s);
  const shown = (topic: string) => !isInternalTopic(topic) && (focus === null || topic === focus);
  const hosted = new Map<number, string[]>(s.brokerIds.map((id) => [id, []]));
  const topicPartitions = new Map<string, string[]>(
    visibleTopics(s)
      .filter(shown)
      .map((n) => [n, []]),
  );
  for (const key of s.partitionKeys) {
    const p = s.partitions[key];
    if (!p || !shown(p.topic)) continue;
    topicPartitions.get(p.topic)?.push(key);
    for (const brokerId of p.replicas) hosted.get(brokerId)?.push(key);
  }
  const groupIds = s.groupIds.filter(
    (g) => focus === null || (s.groups[g]?.topics.includes(focus) ?? false),
  );
  const consumersByGroup = new Map<string, string[]>(groupIds.map((g) => [g, []]));
  for (const id of s.consumerIds) {
    const c = s.consumers[id];
    if (c && s.departed[id] !== 'gone') consumersByGroup.get(c.groupId)?.push(id);
  }
  return {
    controllers: kraftOf(s.cluster?.metadata)?.nodes.map((n) => n.id) ?? [],
    zookeepers: zookeeperOf(s.cluster?.metadata)?.nodes.map((n) => n.id) ?? [],
    brokers: s.brokerIds.map((id) => ({ id, hosted: hosted.get(id) ?? [] })),
    topics: [...topicPartitions].map(([name, partitions]) => ({
      name,
      partitions,
      groups: groupIds.filter((g) => s.groups[g]?.topics.includes(name)),
    })),
    producers: s.producerIds.filter((id) => focus === null || s.producers[id]?.topic === focus),
    groups: groupIds.map((id) => ({ id, consumers: consumersByGroup.get(id) ?? [] })),
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
    .filter((c) => c && isLiveConsumer(c.status) && s.groups[c.groupId]?.topics.includes(topic));
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

/** The consumer has its own row, with its buttons, in the scene (not a chip, not hidden). */
export function consumerHasRow(s: SimState, id: string): boolean {
  const input = layoutInputFrom(s);
  const group = input.groups.find((g) => g.consumers.includes(id));
  return group !== undefined && !drawsChips(input, group);
}

/**
 * Where a real client's connections are drawn: each open connection (`external:<conn>` on the
 * wire) at its producer card or consumer row, as "conn=node" pairs in one string (a stable
 * selector result). Connections the picture has no card for (an admin's, a bootstrap's) are left
 * out, so their traffic is not drawn.
 */
export function externalNodesOf(s: SimState): string {
  const pairs: string[] = [];
  for (const id of s.producerIds)
    for (const c of s.producers[id]?.external?.connections ?? [])
      pairs.push(`${c.conn}=producer:${id}`);
  for (const id of s.consumerIds)
    for (const c of s.consumers[id]?.external?.connections ?? [])
      pairs.push(`${c.conn}=consumer:${id}`);
  return pairs.join('\n');
}

/** externalNodesOf's string back as a map from `external:<conn>` to the node it is drawn at. */
export function parseExternalNodes(signature: string): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const pair of signature ? signature.split('\n') : []) {
    const eq = pair.indexOf('=');
    map.set(`external:${pair.slice(0, eq)}`, pair.slice(eq + 1));
  }
  return map;
}
