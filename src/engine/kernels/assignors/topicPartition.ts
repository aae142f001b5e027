// A parsed `topic-N` with the two hashes/orders the Java assignors depend on.
import { javaStringHashCode } from '../javaHash';

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
  /** The `topic-N` spelling, also used as identity. */
  readonly key: string;
}

export function topicPartition(topic: string, partition: number): TopicPartition {
  return { topic, partition, key: `${topic}-${partition}` };
}

/** Parses `topic-N` (split on the last '-'); undefined when it is not of that form. */
export function parseTopicPartition(key: string): TopicPartition | undefined {
  const dash = key.lastIndexOf('-');
  if (dash <= 0) return undefined;
  const digits = key.slice(dash + 1);
  if (!/^\d+$/.test(digits)) return undefined;
  return topicPartition(key.slice(0, dash), Number(digits));
}

/** Java TopicPartition.hashCode: 31 * (31 + partition) + topic.hashCode(), int32. */
export function topicPartitionHash(tp: TopicPartition): number {
  return (Math.imul(31, 31 + tp.partition) + javaStringHashCode(tp.topic)) | 0;
}

/** Java String.compareTo order (UTF-16 code units). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By partition number, then topic name (the sticky assignor's order for owned partitions). */
export function compareByPartitionThenTopic(a: TopicPartition, b: TopicPartition): number {
  return a.partition - b.partition || compareStrings(a.topic, b.topic);
}
