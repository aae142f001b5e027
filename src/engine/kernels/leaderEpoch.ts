// Leader-epoch cache lookups and follower truncation on a leader change (kafka-spec §3.6,
// KIP-101/KIP-279; the Fetch v12+ divergence path).

/** One entry of a replica's leader-epoch cache: the first offset written in `epoch`. */
export interface EpochEntry {
  epoch: number;
  startOffset: number;
}

export const UNDEFINED_EPOCH = -1;
export const UNDEFINED_EPOCH_OFFSET = -1;

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
  const undefinedAnswer = { epoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET };
  if (requestedEpoch === UNDEFINED_EPOCH) return undefinedAnswer;
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
  if (higher === undefined) return undefinedAnswer;
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

    let truncateTo: number;
    if (answer.endOffset === UNDEFINED_EPOCH_OFFSET) {
      truncateTo = Math.min(followerHighWatermark ?? leo, leo);
    } else {
      const own = endOffsetForEpoch(cache, answer.epoch, leo);
      if (own.endOffset === UNDEFINED_EPOCH_OFFSET) {
        truncateTo = Math.min(answer.endOffset, leo);
      } else if (own.epoch === answer.epoch) {
        truncateTo = Math.min(own.endOffset, answer.endOffset, leo);
      } else {
        truncateTo = Math.min(own.endOffset, leo);
      }
    }
    // Kafka truncates the epoch cache even when the log itself is already short enough (an
    // empty epoch the old leader opened); stop only if a round changes nothing at all.
    const truncatedCache = truncateEpochCacheFromEnd(cache, truncateTo);
    if (truncateTo >= leo && truncatedCache.length === cache.length) return leo;
    leo = Math.min(leo, truncateTo);
    cache = truncatedCache;
  }
}
