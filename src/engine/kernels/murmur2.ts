// Kafka's Utils.murmur2 (kafka-spec §2): the hash behind key -> partition in the Java client and
// KafkaJS's DefaultPartitioner. Runs once per keyed record, so it allocates nothing.
import { utf8EncodeInto } from './utf8';

const M = 0x5bd1e995;
const SEED = 0x9747b28c;

/** Kafka `Utils.murmur2`: signed int32 hash of the bytes. */
export function murmur2(data: Uint8Array): number {
  return murmur2Prefix(data, data.length);
}

/** murmur2 of data[0, length). */
function murmur2Prefix(data: Uint8Array, length: number): number {
  let h = SEED ^ length;
  const blockEnd = length & ~3;
  for (let i = 0; i < blockEnd; i += 4) {
    let k = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // Tail bytes, as the Java switch that falls through from case 3 to case 1.
  const tail = length & 3;
  if (tail === 3) h ^= data[blockEnd + 2] << 16;
  if (tail >= 2) h ^= data[blockEnd + 1] << 8;
  if (tail >= 1) {
    h ^= data[blockEnd];
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * Kafka `Utils.toPositive`: clears the sign bit (NOT Math.abs; toPositive(INT_MIN) = 0).
 * Any JS number is first wrapped to int32, as JS `&` (and KafkaJS's counter) does.
 */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** The keyed partition: toPositive(murmur2(keyBytes)) % numPartitions; string keys as UTF-8. */
export function partitionForKey(key: string | Uint8Array, numPartitions: number): number {
  return toPositive(typeof key === 'string' ? murmur2String(key) : murmur2(key)) % numPartitions;
}

// String keys are encoded into one reused buffer: no allocation per record. It holds no state
// between calls that could be observed.
let scratch = new Uint8Array(256);

/** murmur2 of the UTF-8 bytes of `s` (Java-compatible encoding, see utf8.ts). */
export function murmur2String(s: string): number {
  // A UTF-16 code unit never takes more than 3 UTF-8 bytes.
  const worstCase = s.length * 3;
  if (worstCase > scratch.length) scratch = new Uint8Array(Math.max(worstCase, scratch.length * 2));
  return murmur2Prefix(scratch, utf8EncodeInto(s, scratch, 0));
}
