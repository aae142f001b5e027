// Producer partitioners for records without an explicit partition (kafka-spec §1.1):
// the KIP-794 built-in sticky partitioner (Java >= 3.3), Java's RoundRobinPartitioner and
// KafkaJS's DefaultPartitioner. Pure functions: the caller keeps the per-topic state and
// supplies randomness from its seeded generator.
import { partitionForKey, toPositive } from './murmur2';

/** Built-in partitioner state per topic. partition -1 = none chosen yet. */
export interface StickyState {
  partition: number;
  producedBytes: number;
}

/**
 * BuiltInPartitioner.nextPartition: the next sticky partition.
 * - `random` is an int32 from the caller's generator (Kafka's tests use 0,1,2,...); it is made
 *   non-negative with toPositive as Kafka does.
 * - `available`: partitions with a leader, in metadata order.
 * - `queueSizes` (adaptive partitioning): batches queued per partition, aligned with `available`.
 *   Weights are (max+1) - size; the pick is the first index whose running sum is strictly greater
 *   than r % total. Kafka skips the table when all sizes are equal; the weighted pick then equals
 *   the uniform one, so no special case is needed here.
 * - Without queue sizes: available[r % available.length], or r % numPartitions when none has a leader.
 */
export function builtinNextPartition(
  random: number,
  available: readonly number[],
  numPartitions: number,
  queueSizes?: readonly number[],
): number {
  const r = toPositive(random);
  if (available.length === 0) return r % numPartitions;
  if (queueSizes && queueSizes.length === available.length && available.length >= 2) {
    return available[weightedIndex(r, queueSizes)];
  }
  return available[r % available.length];
}

function weightedIndex(r: number, queueSizes: readonly number[]): number {
  const table = adaptiveCumulativeTable(queueSizes);
  const target = r % table[table.length - 1];
  // First index whose running sum is strictly greater than the target (Kafka's binary search).
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The adaptive partitioner's cumulative frequency table: weights (max(queueSizes)+1) - size,
 * summed left to right. [5,0,3,0,1] -> weights [1,6,3,6,5] -> [1,7,10,16,21].
 */
export function adaptiveCumulativeTable(queueSizes: readonly number[]): number[] {
  let maxPlusOne = 0;
  for (const q of queueSizes) maxPlusOne = Math.max(maxPlusOne, q);
  maxPlusOne += 1;
  const table: number[] = [];
  let running = 0;
  for (const q of queueSizes) {
    running += maxPlusOne - q;
    table.push(running);
  }
  return table;
}

/**
 * BuiltInPartitioner.updatePartitionInfo after appending `appendedBytes` to the sticky
 * partition. Switch when producedBytes >= stickyBatchSize (batch.size) and `enableSwitch`
 * (all batches in that partition's queue are full), or unconditionally at 2 x stickyBatchSize.
 * On a switch the returned state has partition -1: Kafka picks the next partition right away,
 * so the caller should call builtinNextPartition now and store it with producedBytes 0.
 */
export function builtinAfterAppend(
  state: StickyState,
  appendedBytes: number,
  stickyBatchSize: number,
  enableSwitch: boolean,
): { state: StickyState; switchNow: boolean } {
  const producedBytes = state.producedBytes + appendedBytes;
  const switchNow =
    (producedBytes >= stickyBatchSize && enableSwitch) || producedBytes >= stickyBatchSize * 2;
  return switchNow
    ? { state: { partition: -1, producedBytes: 0 }, switchNow }
    : { state: { partition: state.partition, producedBytes }, switchNow };
}

/**
 * Java RoundRobinPartitioner: counter per topic starting at 0 (the caller increments it after
 * each call); available[toPositive(counter) % available.length], or over all partitions when
 * none has a leader. Keys are ignored. One call per record = the KAFKA-17632-fixed behaviour.
 */
export function roundRobinPartition(
  counter: number,
  available: readonly number[],
  numPartitions: number,
): number {
  const c = toPositive(counter);
  return available.length > 0 ? available[c % available.length] : c % numPartitions;
}

/**
 * KafkaJS null-key round robin (DefaultPartitioner and LegacyPartitioner): the per-topic counter
 * starts at a random uint32 and is pre-incremented, so pass the value AFTER incrementing.
 * Same arithmetic as Java's (toPositive wraps the ever-growing counter to int32 like JS `&`).
 */
export function kafkaJsRoundRobinPartition(
  incrementedCounter: number,
  available: readonly number[],
  numPartitions: number,
): number {
  return roundRobinPartition(incrementedCounter, available, numPartitions);
}

/**
 * KafkaJS DefaultPartitioner for one message: an explicit partition (even 0) wins; a key that is
 * not null/undefined hashes with the Java-compatible murmur2 over all partitions; otherwise the
 * round robin above. `usedCounter` says whether the caller must keep the incremented counter.
 */
export function kafkaJsDefaultPartition(
  message: { partition?: number | null; key?: string | Uint8Array | null },
  incrementedCounter: number,
  available: readonly number[],
  numPartitions: number,
): { partition: number; usedCounter: boolean } {
  if (message.partition !== null && message.partition !== undefined) {
    return { partition: message.partition, usedCounter: false };
  }
  if (message.key !== null && message.key !== undefined) {
    return { partition: partitionForKey(message.key, numPartitions), usedCounter: false };
  }
  return {
    partition: kafkaJsRoundRobinPartition(incrementedCounter, available, numPartitions),
    usedCounter: true,
  };
}
