// Leader-epoch cache lookups and follower truncation on a leader change (kafka-spec §3.6,
// KIP-101/KIP-279; the Fetch v12+ divergence path).

/** One entry of a replica's leader-epoch cache: the first offset written in `epoch`. */
export interface EpochEntry {
  epoch: number;
  startOffset: number;
}

export const UNDEFINED_EPOCH = -1;
export const UNDEFINED_EPOCH_OFFSET = -1;

const undefinedAnswer = () => ({ epoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET });

/**
 * LeaderEpochFileCache.endOffsetFor. `cache` is ordered by epoch (ascending start offsets).
 * - requested -1 (undefined) -> (-1, -1)
 * - requested == latest epoch -> (requested, logEndOffset)
 * - no epoch greater than requested -> (-1, -1)
 * - no epoch <= requested -> (requested, start offset of the first greater epoch)
 * - else (largest epoch <= requested, start offset of the first greater epoch)
 */
export function endOffsetForEpoch(
  cache: readonly EpochEntry[],
  requestedEpoch: number,
  logEndOffset: number,
): { epoch: number; endOffset: number } {
  if (requestedEpoch === UNDEFINED_EPOCH) return undefinedAnswer();
  const latest = cache.length > 0 ? cache[cache.length - 1] : undefined;
  if (latest !== undefined && latest.epoch === requestedEpoch) {
    return { epoch: requestedEpoch, endOffset: logEndOffset };
  }
  let floor: EpochEntry | undefined;
  let higher: EpochEntry | undefined;
  for (const entry of cache) {
    if (entry.epoch <= requestedEpoch) floor = entry;
    else if (higher === undefined) higher = entry;
  }
  if (higher === undefined) return undefinedAnswer();
  if (floor === undefined) return { epoch: requestedEpoch, endOffset: higher.startOffset };
  return { epoch: floor.epoch, endOffset: higher.startOffset };
}

/** Drops the cache entries a truncation to `offset` removes (startOffset >= offset). */
export function truncateEpochCacheFromEnd(
  cache: readonly EpochEntry[],
  offset: number,
): EpochEntry[] {
  return cache.filter((e) => e.startOffset < offset);
}

/**
 * One round of a follower's truncation (Kafka's AbstractFetcherThread.getOffsetTruncationState):
 * the leader answered (e, end) = its end offset for the follower's last fetched epoch. If the
 * follower's own cache has e, it truncates to min(its end of e, end, LEO); if it has only older
 * epochs, to min(the end of the largest epoch below e, LEO), and asks again; if it has none at
 * or below e, to min(end, LEO). An undefined answer (the leader knows no such epoch) truncates
 * to `undefinedAnswerOffset` (at most the LEO; by default the LEO itself: no truncation).
 */
export function truncationOffsetFor(
  followerCache: readonly EpochEntry[],
  followerLogEndOffset: number,
  leaderAnswer: { epoch: number; endOffset: number },
  undefinedAnswerOffset = followerLogEndOffset,
): number {
  const leo = followerLogEndOffset;
  if (leaderAnswer.endOffset === UNDEFINED_EPOCH_OFFSET)
    return Math.min(undefinedAnswerOffset, leo);
  const own = endOffsetForEpoch(followerCache, leaderAnswer.epoch, leo);
  if (own.endOffset === UNDEFINED_EPOCH_OFFSET) return Math.min(leaderAnswer.endOffset, leo);
  if (own.epoch === leaderAnswer.epoch) return Math.min(own.endOffset, leaderAnswer.endOffset, leo);
  return Math.min(own.endOffset, leo);
}

/**
 * The offset a follower truncates its log to when it starts fetching from a new leader; its
 * LEO when nothing diverges. All rounds in one call, as the fetcher would do them:
 * 1. The follower fetches at its LEO with lastFetchedEpoch = its latest cached epoch (an empty
 *    cache sends none, so nothing is checked).
 * 2. The leader answers (e, end) = endOffsetForEpoch(leaderCache, lastFetchedEpoch, leaderLEO);
 *    if e < lastFetchedEpoch or end < fetchOffset it reports the diverging epoch (e, end).
 * 3. The follower looks up (e', end') for e in its own cache. If e' == e it truncates to
 *    min(end', end, LEO); otherwise to min(end', LEO) and asks again. An undefined leader answer
 *    truncates to the follower's high watermark (`followerHighWatermark`, default its LEO); a
 *    follower that knows no epoch <= e truncates to min(end, LEO).
 * After each truncation its cache loses the entries at or beyond the new LEO, and the loop
 * repeats until the leader sees no divergence (Kafka re-validates on the next fetch).
 */
export function followerTruncationOffset(
  followerCache: readonly EpochEntry[],
  followerLogEndOffset: number,
  leaderCache: readonly EpochEntry[],
  leaderLogEndOffset: number,
  followerHighWatermark?: number,
): number {
  let cache = [...followerCache];
  let leo = followerLogEndOffset;
  for (;;) {
    if (cache.length === 0) return leo;
    const lastFetchedEpoch = cache[cache.length - 1].epoch;
    const answer = endOffsetForEpoch(leaderCache, lastFetchedEpoch, leaderLogEndOffset);
    if (answer.epoch >= lastFetchedEpoch && answer.endOffset >= leo) return leo;

    const truncateTo = truncationOffsetFor(cache, leo, answer, followerHighWatermark);
    // Kafka truncates the epoch cache even when the log itself is already short enough (an
    // empty epoch the old leader opened); stop only if a round changes nothing at all.
    const truncatedCache = truncateEpochCacheFromEnd(cache, truncateTo);
    if (truncateTo >= leo && truncatedCache.length === cache.length) return leo;
    leo = Math.min(leo, truncateTo);
    cache = truncatedCache;
  }
}
