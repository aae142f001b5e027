// The leader's high-watermark rule and the follower-fetch bookkeeping behind ISR membership
// (kafka-spec §3.2-3.5).

/** Effective min ISR since Kafka 3.7: min(min.insync.replicas, replication factor). */
export function effectiveMinIsr(minInsyncReplicas: number, replicationFactor: number): number {
  return Math.min(minInsyncReplicas, replicationFactor);
}

export interface HighWatermarkFollower {
  brokerId: number;
  logEndOffset: number;
  /** In the committed ISR or being added by an in-flight AlterPartition (the "maximal" ISR). */
  inMaximalIsr: boolean;
  /** Caught up (isCaughtUp) and eligible to join the ISR (broker unfenced, not shutting down). */
  caughtUpAndEligible: boolean;
}

export interface HighWatermarkInput {
  leaderLogEndOffset: number;
  currentHighWatermark: number;
  /** Size of the committed ISR (the under-min-ISR check uses it, not the maximal ISR). */
  isrSize: number;
  effectiveMinIsr: number;
  /** The remote replicas (every replica but the leader). */
  followers: readonly HighWatermarkFollower[];
}

/**
 * Partition.maybeIncrementLeaderHW: the new HW.
 * - Under min ISR (isrSize < effectiveMinIsr) the HW stalls (KAFKA-15583, 3.7+).
 * - Otherwise the candidate is the leader LEO, lowered to the LEO of every follower that is in
 *   the maximal ISR or is caught up and eligible (the leader waits for it to join).
 * - The HW never moves back: the result is max(current, candidate). Given current <= leader LEO,
 *   the result stays <= leader LEO.
 */
export function nextHighWatermark(input: HighWatermarkInput): number {
  if (input.isrSize < input.effectiveMinIsr) return input.currentHighWatermark;
  let candidate = input.leaderLogEndOffset;
  for (const f of input.followers) {
    if (f.logEndOffset < candidate && (f.inMaximalIsr || f.caughtUpAndEligible)) {
      candidate = f.logEndOffset;
    }
  }
  return Math.max(input.currentHighWatermark, candidate);
}

/** What the leader remembers about one follower between its fetches. */
export interface FollowerFetchState {
  logEndOffset: number;
  lastCaughtUpTimeMs: number;
  lastFetchTimeMs: number;
  lastFetchLeaderLogEndOffset: number;
}

/**
 * The leader's update on a follower fetch at `now` with `fetchOffset` (the follower's LEO):
 * lastCaughtUpTimeMs moves to `now` if the fetch reached the leader's current LEO, else to the
 * previous fetch time if it reached the LEO the leader had then, else stays.
 */
export function onFollowerFetch(
  state: FollowerFetchState,
  fetchOffset: number,
  leaderLogEndOffset: number,
  now: number,
): FollowerFetchState {
  let lastCaughtUpTimeMs = state.lastCaughtUpTimeMs;
  if (fetchOffset >= leaderLogEndOffset) {
    lastCaughtUpTimeMs = Math.max(lastCaughtUpTimeMs, now);
  } else if (fetchOffset >= state.lastFetchLeaderLogEndOffset) {
    lastCaughtUpTimeMs = Math.max(lastCaughtUpTimeMs, state.lastFetchTimeMs);
  }
  return {
    logEndOffset: fetchOffset,
    lastCaughtUpTimeMs,
    lastFetchTimeMs: now,
    lastFetchLeaderLogEndOffset: leaderLogEndOffset,
  };
}

/** Caught up iff at the leader's LEO or caught up within replica.lag.time.max.ms (30000). */
export function isCaughtUp(
  state: FollowerFetchState,
  leaderLogEndOffset: number,
  now: number,
  replicaLagTimeMaxMs: number,
): boolean {
  return (
    state.logEndOffset === leaderLogEndOffset ||
    now - state.lastCaughtUpTimeMs <= replicaLagTimeMaxMs
  );
}

/**
 * ISR expansion (§3.4): an eligible follower out of the ISR joins once its LEO reaches both the
 * leader's HW and the start offset of the leader's current epoch.
 */
export function canJoinIsr(input: {
  followerLogEndOffset: number;
  leaderHighWatermark: number;
  leaderEpochStartOffset: number;
  eligible: boolean;
}): boolean {
  return (
    input.eligible &&
    input.followerLogEndOffset >= input.leaderHighWatermark &&
    input.followerLogEndOffset >= input.leaderEpochStartOffset
  );
}
