// The `__cluster_metadata` log of one voter or observer (kafka-spec §4.2): record batches tagged
// with the leader epoch that wrote them, the log start and end offsets, the leader-epoch cache
// and at most one snapshot. Plain JSON data, saved inside the world. The functions follow
// Kafka's ReplicatedLog/KafkaMetadataLog and the Fetch handling of KafkaRaftClient; like
// broker/log.ts they change the log they are given. Batch and record objects are never changed
// once written (reads and slices make new batches), so logs and messages may share them.
import {
  endOffsetForEpoch,
  truncateEpochCacheFromEnd,
  UNDEFINED_EPOCH_OFFSET,
  type EpochEntry,
} from '../kernels/leaderEpoch';
import type { OffsetAndEpoch } from '../kernels/raft';

/** Records `baseOffset`.. written by the leader of `epoch` (one Kafka record batch). */
export interface MetadataBatch<R> {
  baseOffset: number;
  epoch: number;
  records: R[];
}

/** A snapshot's id (Kafka's OffsetAndEpoch): it holds offsets below `endOffset`, the last in `epoch`. */
export interface SnapshotId {
  endOffset: number;
  epoch: number;
}

export interface MetadataLog<R> {
  /** Contiguous batches from `logStartOffset` to `leo`. */
  batches: MetadataBatch<R>[];
  logStartOffset: number;
  /** The log end offset: the offset the next record gets. */
  leo: number;
  /** The first offset of each epoch in the log, epochs ascending (LeaderEpochFileCache). */
  epochCache: EpochEntry[];
  /** The snapshot at `logStartOffset`, once the prefix below it was dropped. */
  snapshot?: SnapshotId;
}

/** Where a follower's log leaves the leader's: it truncates by this and fetches again. */
export interface DivergingEpoch {
  epoch: number;
  endOffset: number;
}

/** ValidOffsetAndEpoch: the leader's verdict on a fetch position. */
export type OffsetValidation =
  | { kind: 'valid' }
  | { kind: 'diverging'; divergingEpoch: DivergingEpoch }
  | { kind: 'snapshot'; snapshotId: SnapshotId };

/** The leader's answer to a follower or observer Fetch. */
export type FetchAnswer<R> =
  | { kind: 'records'; batches: MetadataBatch<R>[] }
  | { kind: 'diverging'; divergingEpoch: DivergingEpoch }
  | { kind: 'snapshot'; snapshotId: SnapshotId };

export function createMetadataLog<R>(): MetadataLog<R> {
  return { batches: [], logStartOffset: 0, leo: 0, epochCache: [] };
}

// ---------------------------------------------------------------------------------------------
// Epochs and end offsets

/**
 * KafkaMetadataLog.lastFetchedEpoch: the epoch of the last record; for a log emptied by a
 * snapshot, the snapshot's epoch; for an empty log, 0 (what a new voter sends in Fetch and Vote).
 */
export function lastFetchedEpoch(log: MetadataLog<unknown>): number {
  const last = log.epochCache[log.epochCache.length - 1];
  if (last) return last.epoch;
  return log.snapshot?.epoch ?? 0;
}

/** KafkaRaftClient.endOffset: (last fetched epoch, LEO), what Vote requests compare. */
export function endOffsetAndEpoch(log: MetadataLog<unknown>): OffsetAndEpoch {
  return { epoch: lastFetchedEpoch(log), offset: log.leo };
}

/**
 * KafkaMetadataLog.endOffsetForEpoch: the largest epoch <= `epoch` this log holds and where it
 * ends (LeaderEpochFileCache.endOffsetFor). An epoch older than every epoch left after a
 * snapshot answers the snapshot's id; an epoch newer than all of them answers (last fetched
 * epoch, LEO).
 */
export function logEndOffsetForEpoch(log: MetadataLog<unknown>, epoch: number): OffsetAndEpoch {
  const found = endOffsetForEpoch(log.epochCache, epoch, log.leo);
  if (found.endOffset === UNDEFINED_EPOCH_OFFSET) return endOffsetAndEpoch(log);
  const snap = log.snapshot;
  if (snap && found.endOffset === snap.endOffset && found.epoch === epoch) {
    return { epoch: snap.epoch, offset: snap.endOffset };
  }
  return { epoch: found.epoch, offset: found.endOffset };
}

/** The epoch that wrote `offset` (which must be in the log). */
export function epochAt(log: MetadataLog<unknown>, offset: number): number {
  let epoch = log.snapshot?.epoch ?? 0;
  for (const e of log.epochCache) if (e.startOffset <= offset) epoch = e.epoch;
  return epoch;
}

/**
 * LeaderEpochFileCache.assign: `epoch` starts at `startOffset`. Entries that conflict (an epoch
 * not below it, or one that starts at or after it) go first; the same latest epoch is a no-op.
 */
function assignEpoch(log: MetadataLog<unknown>, epoch: number, startOffset: number): void {
  const last = log.epochCache[log.epochCache.length - 1];
  if (last && last.epoch === epoch) return;
  if (last && last.epoch > epoch) {
    throw new RangeError(`epoch ${epoch} is older than the log's epoch ${last.epoch}`);
  }
  log.epochCache = log.epochCache.filter((e) => e.epoch < epoch && e.startOffset < startOffset);
  log.epochCache.push({ epoch, startOffset });
}

// ---------------------------------------------------------------------------------------------
// Appends and reads

function pushBatch<R>(log: MetadataLog<R>, epoch: number, records: readonly R[]): void {
  assignEpoch(log, epoch, log.leo);
  log.batches.push({ baseOffset: log.leo, epoch, records: [...records] });
  log.leo += records.length;
}

/**
 * ReplicatedLog.appendAsLeader: one batch of `records` written in the leader's `epoch` at the
 * LEO. Returns the new LEO. An empty batch or an epoch older than the log's is refused, as
 * Kafka refuses them.
 */
export function appendAsLeader<R>(
  log: MetadataLog<R>,
  epoch: number,
  records: readonly R[],
): number {
  if (records.length === 0) throw new RangeError('cannot append an empty batch');
  pushBatch(log, epoch, records);
  return log.leo;
}

/**
 * ReplicatedLog.appendAsFollower: the batches of a Fetch answer, in order. Batches the log
 * already holds are skipped (a repeated answer); one that would leave a gap or overlap part of
 * the log is refused (the follower must truncate first). Returns the new LEO.
 */
export function appendAsFollower<R>(
  log: MetadataLog<R>,
  batches: readonly MetadataBatch<R>[],
): number {
  for (const batch of batches) {
    const end = batch.baseOffset + batch.records.length;
    if (end <= log.leo) continue;
    if (batch.baseOffset !== log.leo) {
      throw new RangeError(`batch at ${batch.baseOffset} does not start at the LEO ${log.leo}`);
    }
    if (batch.records.length > 0) pushBatch(log, batch.epoch, batch.records);
  }
  return log.leo;
}

/** The index of the batch holding `offset` (the last batch starting at or below it). */
function batchIndexAt(log: MetadataLog<unknown>, offset: number): number {
  let lo = 0;
  let hi = log.batches.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (log.batches[mid].baseOffset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offsets [from, to) of `batch`, as a new batch (the same batch when nothing is cut). */
function sliceBatch<R>(batch: MetadataBatch<R>, from: number, to: number): MetadataBatch<R> {
  const start = Math.max(from, batch.baseOffset);
  const end = Math.min(to, batch.baseOffset + batch.records.length);
  if (start === batch.baseOffset && end === batch.baseOffset + batch.records.length) return batch;
  const records = batch.records.slice(start - batch.baseOffset, end - batch.baseOffset);
  return { baseOffset: start, epoch: batch.epoch, records };
}

/**
 * Up to `maxRecords` records from `fromOffset` on, as batches (the first one cut to start at
 * `fromOffset`, the last one cut at the limit; Kafka counts bytes and returns whole batches, the
 * sim counts records). At the LEO it returns nothing; outside [logStartOffset, LEO] it throws
 * (Kafka's OffsetOutOfRange: a validated fetch never gets there).
 */
export function read<R>(
  log: MetadataLog<R>,
  fromOffset: number,
  maxRecords: number,
): MetadataBatch<R>[] {
  if (fromOffset < log.logStartOffset || fromOffset > log.leo) {
    throw new RangeError(
      `offset ${fromOffset} is outside the log [${log.logStartOffset}, ${log.leo}]`,
    );
  }
  const to = Math.min(log.leo, fromOffset + Math.max(0, maxRecords));
  const out: MetadataBatch<R>[] = [];
  if (to <= fromOffset) return out;
  for (let i = batchIndexAt(log, fromOffset); i < log.batches.length; i++) {
    const batch = log.batches[i];
    if (batch.baseOffset >= to) break;
    out.push(sliceBatch(batch, fromOffset, to));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The leader's side of Fetch

/**
 * ReplicatedLog.validateOffsetAndEpoch, the leader checking a follower's (fetchOffset,
 * lastFetchedEpoch):
 * - offset 0 of a log that starts at 0 is always valid;
 * - with a snapshot, a fetch below the log start, at the log start with another epoch than the
 *   snapshot's, or with an epoch older than the snapshot's, needs the snapshot;
 * - otherwise the leader looks up its end of `lastFetchedEpoch` (logEndOffsetForEpoch). If it
 *   holds a different epoch there, or that epoch ends before `fetchOffset`, the follower's log
 *   diverges and it must truncate by that (epoch, end offset); else the fetch is valid.
 */
export function validateOffsetAndEpoch(
  log: MetadataLog<unknown>,
  fetchOffset: number,
  lastFetchedEpoch: number,
): OffsetValidation {
  if (log.logStartOffset === 0 && fetchOffset === 0) return { kind: 'valid' };
  const snap = log.snapshot;
  const needsSnapshot =
    snap !== undefined &&
    (fetchOffset < log.logStartOffset ||
      (fetchOffset === log.logStartOffset && lastFetchedEpoch !== snap.epoch) ||
      lastFetchedEpoch < snap.epoch);
  if (needsSnapshot) return { kind: 'snapshot', snapshotId: { ...snap } };
  const end = logEndOffsetForEpoch(log, lastFetchedEpoch);
  if (end.epoch !== lastFetchedEpoch || end.offset < fetchOffset) {
    return { kind: 'diverging', divergingEpoch: { epoch: end.epoch, endOffset: end.offset } };
  }
  return { kind: 'valid' };
}

/**
 * The leader answering a Fetch for `__cluster_metadata` (KafkaRaftClient.tryCompleteFetchRequest):
 * a follower with an empty log (offset 0) is sent to the snapshot if there is one; otherwise
 * the position is validated, and only a valid one gets records (up to `maxRecords`). Checking
 * the request itself (negative offset or epoch, a last fetched epoch above the leader's epoch:
 * INVALID_REQUEST) and long-polling an empty answer are the caller's.
 */
export function validateFetch<R>(
  log: MetadataLog<R>,
  fetchOffset: number,
  lastFetchedEpoch: number,
  maxRecords: number,
): FetchAnswer<R> {
  if (fetchOffset === 0 && log.snapshot)
    return { kind: 'snapshot', snapshotId: { ...log.snapshot } };
  const v = validateOffsetAndEpoch(log, fetchOffset, lastFetchedEpoch);
  if (v.kind !== 'valid') return v;
  return { kind: 'records', batches: read(log, fetchOffset, maxRecords) };
}

// ---------------------------------------------------------------------------------------------
// Truncation and snapshots

/**
 * UnifiedLog.truncateTo: drop every record at or after `offset`, and the epoch-cache entries
 * that start there or later. At or past the LEO nothing changes. Truncating into the snapshot
 * (below the log start) throws; Kafka also refuses to go below the HW, which the log does not
 * know: the caller checks that. Returns the new LEO.
 */
export function truncateTo(log: MetadataLog<unknown>, offset: number): number {
  if (offset >= log.leo) return log.leo;
  if (offset < log.logStartOffset) {
    throw new RangeError(`cannot truncate to ${offset}, below the log start ${log.logStartOffset}`);
  }
  const keep: MetadataBatch<unknown>[] = [];
  for (const batch of log.batches) {
    if (batch.baseOffset >= offset) break;
    keep.push(sliceBatch(batch, batch.baseOffset, offset));
  }
  log.batches = keep;
  log.leo = offset;
  log.epochCache = truncateEpochCacheFromEnd(log.epochCache, offset);
  return log.leo;
}

/**
 * ReplicatedLog.truncateToEndOffset, a follower obeying a diverging-epoch answer: for epoch 0,
 * to min(its end offset, LEO); else it looks up its own end of that epoch: if it has the epoch,
 * to the smaller of the two ends, otherwise to where its largest earlier epoch ends. Then it
 * fetches again from the new LEO with its new last epoch. Returns the truncation offset.
 */
export function truncateToEndOffset(log: MetadataLog<unknown>, diverging: DivergingEpoch): number {
  let to: number;
  if (diverging.epoch === 0) {
    to = Math.min(diverging.endOffset, log.leo);
  } else {
    const local = logEndOffsetForEpoch(log, diverging.epoch);
    to =
      local.epoch === diverging.epoch ? Math.min(local.offset, diverging.endOffset) : local.offset;
  }
  truncateTo(log, to);
  return to;
}

/**
 * LeaderEpochFileCache.truncateFromStart: entries starting at or below the new log start go,
 * but the last of them (the epoch that holds the new first offset) comes back starting there.
 */
function truncateEpochCacheFromStart(
  cache: readonly EpochEntry[],
  startOffset: number,
): EpochEntry[] {
  const kept = cache.filter((e) => e.startOffset > startOffset);
  const covering = cache.filter((e) => e.startOffset <= startOffset).at(-1);
  return covering ? [{ epoch: covering.epoch, startOffset }, ...kept] : kept;
}

/**
 * Snapshot the committed state at the high watermark and drop the log below it (Kafka's
 * createNewSnapshot, whose id is the HW and the epoch of the record before it, then
 * deleteBeforeSnapshot). Kafka deletes whole segments later, by retention; the sim drops the
 * prefix at once. A HW at or below the log start leaves the log as it is; one past the LEO
 * throws. Returns the log's snapshot id (undefined while it has none).
 */
export function takeSnapshot(
  log: MetadataLog<unknown>,
  highWatermark: number,
): SnapshotId | undefined {
  if (highWatermark > log.leo) {
    throw new RangeError(`cannot snapshot at ${highWatermark}, past the LEO ${log.leo}`);
  }
  if (highWatermark <= log.logStartOffset) return log.snapshot;
  const snapshot = { endOffset: highWatermark, epoch: epochAt(log, highWatermark - 1) };
  const keep: MetadataBatch<unknown>[] = [];
  for (const batch of log.batches) {
    if (batch.baseOffset + batch.records.length <= highWatermark) continue;
    keep.push(sliceBatch(batch, highWatermark, log.leo));
  }
  log.batches = keep;
  log.logStartOffset = highWatermark;
  log.epochCache = truncateEpochCacheFromStart(log.epochCache, highWatermark);
  log.snapshot = snapshot;
  return snapshot;
}

/**
 * KafkaMetadataLog.truncateToLatestSnapshot, after a follower fetched the leader's snapshot:
 * if the snapshot is ahead of the log (a newer epoch, or the same epoch past the LEO), the log
 * is emptied and restarts at the snapshot's end offset (truncateFullyAndStartAt, which empties
 * the epoch cache too). Otherwise the log is left alone (Kafka keeps the snapshot file; the sim
 * drops it). Returns whether the log was replaced.
 */
export function installSnapshot(log: MetadataLog<unknown>, snapshotId: SnapshotId): boolean {
  const latest = log.epochCache.at(-1)?.epoch ?? 0;
  const ahead =
    snapshotId.epoch > latest || (snapshotId.epoch === latest && snapshotId.endOffset > log.leo);
  if (!ahead) return false;
  log.batches = [];
  log.logStartOffset = snapshotId.endOffset;
  log.leo = snapshotId.endOffset;
  log.epochCache = [];
  log.snapshot = { ...snapshotId };
  return true;
}
