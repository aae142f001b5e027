// KafkaJS RoundRobinAssigner (protocol "RoundRobinAssigner", version 0), kafka-spec §6.3. Members
// sorted by memberId (JS default sort); the partitions of the LEADER's subscription, topic by
// topic in that order, are dealt with one counter across topics. Other members' subscriptions
// are not consulted, so a member can get partitions of a topic it did not subscribe to.
import { compareStrings } from './topicPartition';
import type { Assignment } from './types';

/**
 * `leaderTopics` = the group leader's subscribed topics in its order. KafkaJS puts only members
 * that received partitions into SyncGroup and the coordinator gives the rest an empty assignment;
 * here every member is listed, with [] when it got nothing.
 */
export function kafkaJsRoundRobinAssign(
  members: readonly { memberId: string }[],
  leaderTopics: readonly string[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): Assignment {
  const sorted = members.map((m) => m.memberId).sort(compareStrings);
  const result: Assignment = {};
  for (const id of sorted) result[id] = [];
  if (sorted.length === 0) return result;
  let i = 0;
  for (const topic of leaderTopics) {
    const n = Object.hasOwn(partitionsPerTopic, topic) ? partitionsPerTopic[topic] : 0;
    for (let p = 0; p < n; p++, i++) result[sorted[i % sorted.length]].push(`${topic}-${p}`);
  }
  return result;
}
