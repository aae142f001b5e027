// One replica's partition log (kafka-spec.md section 7): record batches in segments, the log
// start offset, the log end offset (LEO), the high watermark (HW) and the leader-epoch cache.
// Everything that finds records by offset goes through here (and records/batch.ts for offsets
// inside one batch); callers never compute offsets from batch positions.
import { endOffsetForEpoch } from '../kernels';
import { indexAtOrAfter, nextOffset, recordAt, recordOffset, sliceBatch } from '../records/batch';
import type { Batch, LogState, Segment, StoredRecord } from '../sim/world';

export function createLog(topic: string, partition: number): LogState {
  return {
    topic,
    partition,
    logStartOffset: 0,
    leo: 0,
    hw: 0,
    batches: [],
    batchHead: 0,
    segments: [],
    segmentHead: 0,
    size: 0,
    epochCache: [],
    producers: {},
  };
}

/** Where new batch ids come from (the world's counter): a slice of a batch is a new batch. */
export interface BatchIds {
  nextBatchId: number;
}

export interface SegmentLimits {
  segmentBytes: number;
  segmentMs: number;
}

// Retention and the log start drop from the front of `batches` and `segments` by moving a head
// index (a copy of a week's log every few seconds was what made long sessions slow down); the
// dead prefix is cut off once it is at least TRIM_AFTER entries and half the array, so each
// entry is copied at most once more on average.
const TRIM_AFTER = 256;

function trimFront(log: LogState, all = false): void {
  const b = log.batchHead;
  if (b > 0 && (all || (b >= TRIM_AFTER && b * 2 >= log.batches.length))) {
    log.batches = log.batches.slice(b);
    log.batchHead = 0;
  }
  const g = log.segmentHead;
  if (g > 0 && (all || (g >= TRIM_AFTER && g * 2 >= log.segments.length))) {
    log.segments = log.segments.slice(g);
    log.segmentHead = 0;
  }
}

/**
 * Drop the dead prefixes now (before the world is saved, so a saved log holds only live
 * entries; and before a rare caller walks every batch).
 */
export function settleLog(log: LogState): void {
  trimFront(log, true);
}

/** The live batches, oldest first (settles the log: for rare callers, never a hot path). */
export function allBatches(log: LogState): readonly Batch[] {
  settleLog(log);
  return log.batches;
}

/** How many segments the log has (Kafka's numberOfSegments). */
export function segmentCount(log: LogState): number {
  return log.segments.length - log.segmentHead;
}

/** The newest `max` segments, oldest first (the view shows no more than a few). */
export function newestSegments(log: LogState, max: number): readonly Segment[] {
  return log.segments.slice(Math.max(log.segmentHead, log.segments.length - max));
}

/** Whether appending `batch` must first roll a new active segment (Kafka's roll conditions). */
function needsRoll(log: LogState, batch: Batch, limits: SegmentLimits): boolean {
  if (segmentCount(log) === 0) return true;
  const active = log.segments[log.segments.length - 1];
  if (active.records === 0) return false;
  if (active.bytes > limits.segmentBytes - batch.bytes) return true;
  return batch.maxTs - active.firstTs > limits.segmentMs;
}

/**
 * Append a batch whose offsets are already assigned (by this leader, or copied from the leader by
 * a follower). Returns true if a new segment was rolled for it.
 */
export function appendBatch(log: LogState, batch: Batch, limits: SegmentLimits): boolean {
  const rolled = needsRoll(log, batch, limits);
  if (rolled) {
    // An empty active segment is reused; otherwise a new one starts at the batch's base offset.
    const active = segmentCount(log) > 0 ? log.segments[log.segments.length - 1] : undefined;
    if (active && active.records === 0) {
      active.baseOffset = batch.baseOffset;
    } else {
      log.segments.push({
        baseOffset: batch.baseOffset,
        bytes: 0,
        records: 0,
        firstTs: batch.maxTs,
        maxTs: batch.maxTs,
      });
    }
  }
  const seg = log.segments[log.segments.length - 1];
  if (seg.records === 0) seg.firstTs = batch.count > 0 ? batch.baseTs : batch.maxTs;
  seg.bytes += batch.bytes;
  log.size += batch.bytes;
  seg.records += batch.count;
  seg.maxTs = Math.max(seg.maxTs, batch.maxTs);
  log.batches.push(batch);
  log.leo = nextOffset(batch);
  const lastEpoch = log.epochCache[log.epochCache.length - 1];
  if (!lastEpoch || batch.epoch > lastEpoch.epoch) {
    log.epochCache.push({ epoch: batch.epoch, startOffset: batch.baseOffset });
  }
  return rolled;
}

/** Index of the batch that contains `offset`, or of the first batch after it; -1 if none. */
function batchIndexAt(log: LogState, offset: number): number {
  const batches = log.batches;
  let lo = log.batchHead;
  let hi = batches.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (nextOffset(batches[mid]) <= offset) {
      lo = mid + 1;
    } else {
      found = mid;
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Whole batches from the one containing `from`, ending before `until` (exclusive), up to about
 * `maxBytes` (at least one batch so a fetch always makes progress). A batch straddling `until`
 * is sliced (a new batch id from `ids`).
 */
/**
 * The answer of a read that finds nothing: one shared, frozen array (most fetches find nothing,
 * and wait for data; an allocation each would be garbage the moment the answer is read).
 */
export const NO_BATCHES: Batch[] = Object.freeze([]) as unknown as Batch[];

export function readBatches(
  log: LogState,
  from: number,
  until: number,
  maxBytes: number,
  ids: BatchIds,
): Batch[] {
  if (from >= until) return NO_BATCHES;
  let i = batchIndexAt(log, from);
  if (i < 0) return NO_BATCHES;
  const out: Batch[] = [];
  let bytes = 0;
  for (; i < log.batches.length; i++) {
    const b = log.batches[i];
    if (b.baseOffset >= until) break;
    if (out.length > 0 && bytes + b.bytes > maxBytes) break;
    out.push(nextOffset(b) > until ? sliceBatch(b, b.baseOffset, until, ids.nextBatchId++) : b);
    bytes += b.bytes;
  }
  return out;
}

export interface TruncatedRecord {
  offset: number;
  record: StoredRecord;
  /** The append it belonged to had been acknowledged to its producer. */
  acked: boolean;
  /** The leader epoch it was written in: with the offset, it names the record across replicas. */
  epoch: number;
}

/** Remove every record at or above `offset`. Returns what was removed, in offset order. */
export function truncateTo(log: LogState, offset: number, ids: BatchIds): TruncatedRecord[] {
  // Like Kafka's truncateFromEnd: epochs starting at or after the point go, even when no record
  // does (an epoch this replica led without writing must not be asked about again and again).
  log.epochCache = log.epochCache.filter((e) => e.startOffset < offset);
  if (offset >= log.leo) return [];
  const removed: TruncatedRecord[] = [];
  // Only the batches from the one holding `offset` on are touched: the rest of the log stays.
  const cut = batchIndexAt(log, offset);
  let straddling: Batch | null = null;
  for (let i = cut; i >= 0 && i < log.batches.length; i++) {
    const b = log.batches[i];
    for (let j = indexAtOrAfter(b, offset); j < b.count; j++) {
      removed.push({
        offset: recordOffset(b, j),
        record: recordAt(b, j),
        acked: b.acked,
        epoch: b.epoch,
      });
    }
    if (b.baseOffset < offset) straddling = sliceBatch(b, b.baseOffset, offset, ids.nextBatchId++);
  }
  if (cut >= 0) {
    log.batches.length = cut;
    if (straddling) log.batches.push(straddling);
  }
  log.leo = Math.max(offset, log.logStartOffset);
  log.hw = Math.min(log.hw, log.leo);
  rebuildSegments(log);
  return removed;
}

/** After truncation: drop segments above the LEO and recount the last one from its batches. */
function rebuildSegments(log: LogState): void {
  const segs = log.segments;
  // The first live segment always stays; later ones go if they start at or above the LEO.
  while (segs.length - log.segmentHead > 1 && segs[segs.length - 1].baseOffset >= log.leo)
    log.size -= segs.pop()!.bytes;
  if (segs.length === log.segmentHead) return;
  const last = segs[segs.length - 1];
  log.size -= last.bytes;
  last.bytes = 0;
  last.records = 0;
  last.maxTs = 0;
  const from = batchIndexAt(log, last.baseOffset);
  for (let i = from; i >= 0 && i < log.batches.length; i++) {
    const b = log.batches[i];
    if (b.baseOffset < last.baseOffset) continue;
    last.bytes += b.bytes;
    last.records += b.count;
    last.maxTs = Math.max(last.maxTs, b.maxTs);
    if (last.records === b.count) last.firstTs = b.count > 0 ? b.baseTs : b.maxTs;
  }
  log.size += last.bytes;
  if (last.records === 0) last.baseOffset = log.leo;
}

/**
 * Empty the log and restart it at `offset` (a follower whose fetch offset fell below the
 * leader's log start offset; or a replica behind an unclean leader's log start).
 */
export function resetLogTo(log: LogState, offset: number): void {
  log.batches = [];
  log.batchHead = 0;
  log.segments = [];
  log.segmentHead = 0;
  log.size = 0;
  log.logStartOffset = offset;
  log.leo = offset;
  log.hw = offset;
  log.epochCache = [];
}

/** Advance the log start offset (retention or the leader's log start) and drop what is below. */
export function advanceLogStart(log: LogState, offset: number): void {
  if (offset <= log.logStartOffset) return;
  log.logStartOffset = Math.min(offset, log.leo);
  dropBatchesBelow(log, log.logStartOffset);
  const segs = log.segments;
  while (
    segs.length - log.segmentHead > 1 &&
    segs[log.segmentHead + 1].baseOffset <= log.logStartOffset
  )
    log.size -= segs[log.segmentHead++].bytes;
  if (
    segs.length - log.segmentHead === 1 &&
    segs[log.segmentHead].baseOffset < log.logStartOffset &&
    log.batchHead === log.batches.length
  ) {
    log.size -= segs[log.segmentHead].bytes;
    segs[log.segmentHead] = { baseOffset: log.leo, bytes: 0, records: 0, firstTs: 0, maxTs: 0 };
  }
  trimFront(log);
}

/** Move the batch head past every batch that ends at or below `offset`. */
function dropBatchesBelow(log: LogState, offset: number): void {
  const first = batchIndexAt(log, offset);
  log.batchHead = first < 0 ? log.batches.length : first;
}

export interface RetentionResult {
  segments: number;
  reason: 'time' | 'size';
}

/**
 * Kafka's delete retention: whole segments, oldest first, stopping at the first that does not
 * qualify, and never a segment that reaches above the high watermark.
 */
export function applyRetention(
  log: LogState,
  now: number,
  retentionMs: number,
  retentionBytes: number,
): RetentionResult | null {
  const segs = log.segments;
  const head = log.segmentHead;
  let total = log.size;
  let count = 0;
  let reason: 'time' | 'size' = 'time';
  for (let i = head; i < segs.length; i++) {
    const s = segs[i];
    if (s.records === 0) break;
    const upper = i + 1 < segs.length ? segs[i + 1].baseOffset : log.leo;
    if (upper > log.hw) break;
    const byTime = retentionMs >= 0 && now - s.maxTs > retentionMs;
    const bySize = retentionBytes >= 0 && total - s.bytes >= retentionBytes;
    if (!byTime && !bySize) break;
    if (!byTime) reason = 'size';
    total -= s.bytes;
    count++;
  }
  if (count === 0) return null;
  const deletedAll = count === segs.length - head;
  const newStart = deletedAll ? log.leo : segs[head + count].baseOffset;
  if (deletedAll) {
    log.segments = [{ baseOffset: log.leo, bytes: 0, records: 0, firstTs: 0, maxTs: 0 }];
    log.segmentHead = 0;
    log.size = 0;
  } else {
    log.segmentHead = head + count;
    log.size = total;
  }
  log.logStartOffset = newStart;
  dropBatchesBelow(log, newStart);
  trimFront(log);
  return { segments: count, reason };
}

/** The leader epoch of the last batch, or -1 for an empty log. */
export function lastEpoch(log: LogState): number {
  const last = log.epochCache[log.epochCache.length - 1];
  return last ? last.epoch : -1;
}

/** The first offset of `epoch` in this log, or the LEO if the log has no such epoch. */
export function epochStartOffset(log: LogState, epoch: number): number {
  return log.epochCache.find((e) => e.epoch === epoch)?.startOffset ?? log.leo;
}

/** A new leader's epoch starts at its log end: records above it will be this leader's. */
export function assignEpochStartOffset(log: LogState, epoch: number): void {
  if (lastEpoch(log) < epoch) log.epochCache.push({ epoch, startOffset: log.leo });
}

/**
 * The leader's side of KIP-320 fetch validation: where a follower fetching at `fetchOffset`
 * after `lastFetchedEpoch` leaves this log's history, or null if it does not (the epoch and
 * end offset the follower truncates by).
 */
export function divergingEpoch(
  log: LogState,
  lastFetchedEpoch: number,
  fetchOffset: number,
): { epoch: number; endOffset: number } | null {
  if (fetchOffset > log.leo) {
    if (lastFetchedEpoch < 0) return { epoch: lastEpoch(log), endOffset: log.leo };
    return endOffsetForEpoch(log.epochCache, lastFetchedEpoch, log.leo);
  }
  if (lastFetchedEpoch < 0) return null;
  // The hot case, every steady fetch: the follower is in the leader's latest epoch, which ends
  // at the log end, at or past the fetch offset (what endOffsetForEpoch would answer).
  if (lastFetchedEpoch === lastEpoch(log)) return null;
  const eo = endOffsetForEpoch(log.epochCache, lastFetchedEpoch, log.leo);
  return eo.epoch < lastFetchedEpoch || eo.endOffset < fetchOffset ? eo : null;
}

/** Where a batch copied from the leader falls against this log's end. */
export function placeOf(log: LogState, batch: Batch): 'held' | 'next' | 'overlap' | 'gap' {
  if (nextOffset(batch) <= log.leo) return 'held';
  if (batch.baseOffset === log.leo) return 'next';
  return batch.baseOffset > log.leo ? 'gap' : 'overlap';
}

/** Mark the appends holding offsets [from, to) as acknowledged to their producer. */
export function markAcked(log: LogState, from: number, to: number): void {
  for (let i = batchIndexAt(log, from); i >= 0 && i < log.batches.length; i++) {
    const batch = log.batches[i];
    if (batch.baseOffset >= to) break;
    batch.acked = true;
  }
}

/** Up to `limit` records from `from` on, with their offsets and the batch each sits in. */
export function recordsFrom(
  log: LogState,
  from: number,
  limit: number,
): { offset: number; record: StoredRecord; batch: Batch }[] {
  const out: { offset: number; record: StoredRecord; batch: Batch }[] = [];
  const first = batchIndexAt(log, from);
  for (let i = first; i >= 0 && i < log.batches.length; i++) {
    const batch = log.batches[i];
    for (let j = indexAtOrAfter(batch, from); j < batch.count; j++) {
      if (out.length >= limit) return out;
      out.push({ offset: recordOffset(batch, j), record: recordAt(batch, j), batch });
    }
  }
  return out;
}
