// The consumer protocol: what consumers put inside JoinGroup's protocol metadata (Subscription)
// and SyncGroup's assignment bytes (Assignment). Opaque to the coordinator; the group leader
// reads every member's Subscription and writes every member's Assignment.
//
// Layouts from Kafka's ConsumerProtocolSubscription / ConsumerProtocolAssignment (both versions
// 0-3, non-flexible). KafkaJS writes version 0 of both. As Java's ConsumerProtocol does, a
// payload with a newer version than 3 is read as version 3 (later versions only append fields),
// and a negative version is refused.
import { Reader, toDecodeError } from './bytes/reader';
import { Writer } from './bytes/writer';
import { array, int32, string, struct, type Infer } from './codec';
import type { DecodeResult } from './decodeResult';

const HIGHEST_VERSION = 3;

const TopicPartitions = struct({ topic: string, partitions: array(int32) });
export type TopicPartitions = Infer<typeof TopicPartitions>;
const topicPartitionsList = array(TopicPartitions);
const topicList = array(string);

export interface ConsumerSubscription {
  version: number;
  topics: string[];
  userData: Uint8Array | null;
  /** v1+ (cooperative rebalancing); [] when absent. */
  ownedPartitions: TopicPartitions[];
  /** v2+; -1 when absent. */
  generationId: number;
  /** v3+; null when absent. */
  rackId: string | null;
}

export interface ConsumerAssignment {
  version: number;
  assignedPartitions: TopicPartitions[];
  userData: Uint8Array | null;
}

export function decodeSubscription(bytes: Uint8Array): DecodeResult<ConsumerSubscription> {
  return decodeWith(bytes, 'subscription', (r, version) => {
    const sub: ConsumerSubscription = {
      version,
      topics: field(r, 'topics', () => topicList.read(r)),
      userData: field(r, 'userData', () => r.nullableBytes()),
      ownedPartitions: [],
      generationId: -1,
      rackId: null,
    };
    const layout = Math.min(version, HIGHEST_VERSION);
    if (layout >= 1)
      sub.ownedPartitions = field(r, 'ownedPartitions', () => topicPartitionsList.read(r));
    if (layout >= 2) sub.generationId = field(r, 'generationId', () => r.int32());
    if (layout >= 3) sub.rackId = field(r, 'rackId', () => r.nullableString());
    return sub;
  });
}

/** Writes the fields of `sub.version` (0-3); newer fields the version lacks are left out. */
export function encodeSubscription(sub: ConsumerSubscription): Uint8Array {
  const w = new Writer();
  w.int16(checkVersion(sub.version));
  topicList.write(w, sub.topics);
  w.nullableBytes(sub.userData);
  if (sub.version >= 1) topicPartitionsList.write(w, sub.ownedPartitions);
  if (sub.version >= 2) w.int32(sub.generationId);
  if (sub.version >= 3) w.nullableString(sub.rackId);
  return w.finish();
}

export function decodeAssignment(bytes: Uint8Array): DecodeResult<ConsumerAssignment> {
  return decodeWith(bytes, 'assignment', (r, version) => ({
    version,
    assignedPartitions: field(r, 'assignedPartitions', () => topicPartitionsList.read(r)),
    userData: field(r, 'userData', () => r.nullableBytes()),
  }));
}

/** The assignment layout is the same in versions 0-3. */
export function encodeAssignment(assignment: ConsumerAssignment): Uint8Array {
  const w = new Writer();
  w.int16(checkVersion(assignment.version));
  topicPartitionsList.write(w, assignment.assignedPartitions);
  w.nullableBytes(assignment.userData);
  return w.finish();
}

function decodeWith<T>(
  bytes: Uint8Array,
  what: string,
  readBody: (r: Reader, version: number) => T,
): DecodeResult<T> {
  const r = new Reader(bytes);
  try {
    r.enter(what);
    const version = field(r, 'version', () => r.int16());
    if (version < 0) {
      r.enter('version');
      r.fail('unsupported-version', `unsupported ${what} version ${version}`);
    }
    return { ok: true, value: readBody(r, version) };
  } catch (e) {
    return { ok: false, error: toDecodeError(e, r) };
  }
}

function field<T>(r: Reader, name: string, read: () => T): T {
  r.enter(name);
  const value = read();
  r.leave();
  return value;
}

function checkVersion(version: number): number {
  if (!Number.isInteger(version) || version < 0 || version > HIGHEST_VERSION) {
    throw new RangeError(`consumer protocol version ${version} is not 0-${HIGHEST_VERSION}`);
  }
  return version;
}
