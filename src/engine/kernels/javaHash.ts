// Java String.hashCode, Kafka Utils.abs and the coordinator partition of a group (kafka-spec §2,
// §5.1). Also used to emulate Java HashMap iteration order in the sticky assignor (§6.6).

/** Java `String.hashCode`: h = 31*h + c over UTF-16 code units, int32 wrap-around. */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  }
  return h;
}

/** Kafka `Utils.abs`: |n|, except INT_MIN -> 0. */
export function kafkaAbs(n: number): number {
  const v = n | 0;
  return v === -2147483648 ? 0 : Math.abs(v);
}

/**
 * The `__consumer_offsets` partition whose leader coordinates the group:
 * Utils.abs(groupId.hashCode()) % offsets.topic.num.partitions (default 50). The same formula
 * with transaction.state.log.num.partitions gives a transactional id's coordinator.
 */
export function partitionForGroup(groupId: string, offsetsTopicPartitions: number): number {
  return kafkaAbs(javaStringHashCode(groupId)) % offsetsTopicPartitions;
}
