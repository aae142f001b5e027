// Kafka's internal topics: today only __consumer_offsets, which places each group's coordinator.
import { partitionForGroup } from '../kernels/javaHash';
import { tpKey } from './ids';
import type { World } from './world';

export const OFFSETS_TOPIC = '__consumer_offsets';

/** Whether `topic` is one of Kafka's internal topics (users cannot create such names). */
export function isInternalTopic(topic: string): boolean {
  return topic === OFFSETS_TOPIC;
}

/** The __consumer_offsets partition that holds a group: its leader is the group's coordinator. */
export function coordinatorPartitionKey(world: World, groupId: string): string | null {
  const topic = world.topics[OFFSETS_TOPIC];
  if (!topic) return null;
  return tpKey(OFFSETS_TOPIC, partitionForGroup(groupId, topic.numPartitions));
}
