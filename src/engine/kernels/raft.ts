// The KRaft controller quorum's rules as pure functions (kafka-spec §4.2), named after Kafka's
// raft module (org.apache.kafka.raft): the commit rule, majorities, vote granting with pre-vote
// (KIP-996), election timers and check-quorum. The engine keeps the state; these decide.

/** A log position as Raft compares them (Kafka's OffsetAndEpoch): the last epoch, the end offset. */
export interface OffsetAndEpoch {
  epoch: number;
  offset: number;
}

// ---------------------------------------------------------------------------------------------
// Majorities

/** Votes (or replicas) needed out of `voterCount`: ⌊n/2⌋+1, as EpochElection and LeaderState count. */
export function majoritySize(voterCount: number): number {
  return Math.floor(voterCount / 2) + 1;
}

/**
 * Whether the running, reachable voters can still elect a leader and commit: at least a majority
 * of `voterIds` are in `liveIds`. Ids that are not voters (observers, brokers) do not count, and
 * an id listed twice counts once.
 */
export function hasQuorum(voterIds: readonly number[], liveIds: Iterable<number>): boolean {
  const voters = new Set(voterIds);
  const live = new Set<number>();
  for (const id of liveIds) if (voters.has(id)) live.add(id);
  return live.size >= majoritySize(voters.size);
}

// ---------------------------------------------------------------------------------------------
// The commit rule

/**
 * The quorum high watermark, as LeaderState.maybeUpdateHighWatermark computes it.
 *
 * `voterEndOffsets` holds one entry per voter, the leader's own LEO included; `undefined` is a
 * voter that has not fetched in this epoch (Kafka sorts those last). Sorted in descending order,
 * the entry at index ⌊n/2⌋ is the largest offset a majority of voters have reached. It becomes
 * the HW only if it is strictly greater than the leader's `epochStartOffset` (the LEO when it was
 * elected, where its LeaderChangeMessage goes): a majority must hold at least one record of the
 * current epoch, so entries of older epochs never commit on their own. Otherwise, or if it is not
 * above `currentHighWatermark`, the HW does not move (Kafka keeps the old value and logs a lower
 * one, which only a voter-set change or a lost disk can produce). `undefined` means no HW yet: a
 * new leader does not inherit the HW it knew as a follower (QuorumState.transitionToLeader).
 */
export function quorumHighWatermark(
  voterEndOffsets: readonly (number | undefined)[],
  epochStartOffset: number,
  currentHighWatermark?: number,
): number | undefined {
  if (voterEndOffsets.length === 0) return currentHighWatermark;
  const known = voterEndOffsets.filter((o): o is number => o !== undefined).sort((a, b) => b - a);
  const candidate = known[Math.floor(voterEndOffsets.length / 2)];
  if (candidate === undefined || candidate <= epochStartOffset) return currentHighWatermark;
  if (currentHighWatermark !== undefined && candidate <= currentHighWatermark) {
    return currentHighWatermark;
  }
  return candidate;
}

// ---------------------------------------------------------------------------------------------
// Votes and pre-votes

/** QuorumState's states (EpochState implementations), as the engine names them. */
export type QuorumRole =
  'unattached' | 'prospective' | 'candidate' | 'follower' | 'leader' | 'resigned';

/** What a voter's vote decision reads from its quorum state. */
export interface ElectionView {
  epoch: number;
  role: QuorumRole;
  /** Durable votedKey: the candidate this voter voted for in `epoch`, if any. */
  votedFor?: number;
  /** The leader this voter knows in `epoch`, if any. */
  leaderId?: number;
  /** Follower only: it has fetched successfully from its leader since it began following. */
  hasFetchedFromLeader?: boolean;
}

/** A Vote request: `preVote` marks KIP-996's PreVote, sent by a prospective voter. */
export interface VoteRequest {
  candidateId: number;
  /** The candidate's epoch; a prospective voter sends its current epoch, not epoch + 1. */
  candidateEpoch: number;
  preVote: boolean;
  /** The candidate's log end: the epoch of its last record and its LEO. */
  lastEpoch: number;
  lastEndOffset: number;
}

export type VoteError = 'INVALID_REQUEST' | 'FENCED_LEADER_EPOCH';

export interface VoteDecision {
  granted: boolean;
  error?: VoteError;
  /** The voter's state after the request (a higher epoch makes it unattached in that epoch). */
  state: ElectionView;
  /** A standard vote was granted and recorded: persist `votedFor`, redraw the election timeout. */
  votedNow: boolean;
}

/** OffsetAndEpoch.compareTo: the epoch first, then the offset. */
export function compareOffsetAndEpoch(a: OffsetAndEpoch, b: OffsetAndEpoch): number {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  return a.offset === b.offset ? 0 : a.offset < b.offset ? -1 : 1;
}

/**
 * Raft's "at least as up to date" check (KafkaRaftClient.handleVoteRequest): the candidate's
 * (lastEpoch, endOffset) compared with the voter's own must not be smaller.
 */
export function isLogUpToDate(candidate: OffsetAndEpoch, local: OffsetAndEpoch): boolean {
  return compareOffsetAndEpoch(candidate, local) >= 0;
}

/**
 * EpochState.canGrantVote for each state, once the voter is in the request's epoch:
 * - unattached and prospective (QuorumState.unattachedOrProspectiveCanGrantVote): a pre-vote
 *   iff the log is up to date, even with a known leader; a standard vote to the candidate it
 *   already voted for (no log check), never to another, never with a known leader, else iff
 *   the log is up to date;
 * - follower: only a pre-vote, only before its first successful fetch from the leader, and
 *   only with an up-to-date log (once it fetches it is in contact; on fetch timeout it turns
 *   prospective and stops being a follower);
 * - candidate and resigned: only a pre-vote with an up-to-date log (they voted for themselves);
 * - leader: never.
 */
export function canGrantVote(
  state: ElectionView,
  candidateId: number,
  logUpToDate: boolean,
  preVote: boolean,
): boolean {
  switch (state.role) {
    case 'unattached':
    case 'prospective':
      if (preVote) return logUpToDate;
      if (state.votedFor !== undefined) return state.votedFor === candidateId;
      if (state.leaderId !== undefined) return false;
      return logUpToDate;
    case 'follower':
      return preVote && !state.hasFetchedFromLeader && logUpToDate;
    case 'candidate':
    case 'resigned':
      return preVote && logUpToDate;
    case 'leader':
      return false;
  }
}

/** The request's last epoch must be below its epoch (a pre-vote may equal it): else invalid. */
function isIllegalVoteEpoch(req: VoteRequest): boolean {
  if (req.lastEndOffset < 0 || req.lastEpoch < 0) return true;
  return req.preVote ? req.lastEpoch > req.candidateEpoch : req.lastEpoch >= req.candidateEpoch;
}

/**
 * A voter's answer to a Vote request (KafkaRaftClient.handleVoteRequest):
 * 1. a negative or impossible last epoch/offset is INVALID_REQUEST (a pre-vote may carry its
 *    own epoch as last epoch, a real vote may not: the candidate bumped its epoch first);
 * 2. an epoch below the voter's is FENCED_LEADER_EPOCH;
 * 3. a higher epoch makes the voter unattached in that epoch, with no leader and no vote,
 *    before it decides (true for a pre-vote too: the epoch is the prospective's current one);
 * 4. it grants by `canGrantVote`, with the log check of `isLogUpToDate`;
 * 5. a granted standard vote is recorded as `votedFor` if the voter is unattached or
 *    prospective and had not voted. A pre-vote is never recorded and changes no epoch.
 */
export function handleVoteRequest(
  state: ElectionView,
  localLog: OffsetAndEpoch,
  req: VoteRequest,
): VoteDecision {
  if (isIllegalVoteEpoch(req)) {
    return { granted: false, error: 'INVALID_REQUEST', state, votedNow: false };
  }
  if (req.candidateEpoch < state.epoch) {
    return { granted: false, error: 'FENCED_LEADER_EPOCH', state, votedNow: false };
  }
  const current: ElectionView =
    req.candidateEpoch > state.epoch ? { epoch: req.candidateEpoch, role: 'unattached' } : state;
  const upToDate = isLogUpToDate({ epoch: req.lastEpoch, offset: req.lastEndOffset }, localLog);
  const granted = canGrantVote(current, req.candidateId, upToDate, req.preVote);
  const records =
    granted &&
    !req.preVote &&
    current.votedFor === undefined &&
    (current.role === 'unattached' || current.role === 'prospective');
  if (!records) return { granted, state: current, votedNow: false };
  return { granted, state: { ...current, votedFor: req.candidateId }, votedNow: true };
}

// ---------------------------------------------------------------------------------------------
// Election timers

/** An integer in [0, n): the engine passes its seeded generator's `below`. */
export type Below = (n: number) => number;

/**
 * QuorumState.randomElectionTimeoutMs: uniform in [T, 2T) for T =
 * `controller.quorum.election.timeout.ms`. QuorumState draws it afresh when a voter becomes
 * prospective, candidate or resigned and when it grants a vote; turning unattached it keeps the
 * time left if it was candidate, unattached, resigned or a prospective not yet rejected, and
 * draws afresh otherwise (from follower or leader). T = 0 gives 0.
 */
export function randomElectionTimeoutMs(electionTimeoutMs: number, below: Below): number {
  if (electionTimeoutMs === 0) return 0;
  return electionTimeoutMs + below(electionTimeoutMs);
}

/** KafkaRaftClient.RETRY_BACKOFF_BASE_MS: the unit of the binary exponential election backoff. */
export const RETRY_BACKOFF_BASE_MS = 100;

/**
 * KafkaRaftClient.binaryExponentialElectionBackoffMs, the wait of a candidate whose vote was
 * rejected by enough voters to lose, before its next election (`retries` >= 1 counts the
 * elections it has started in a row): 100 ms × a draw in [0, 2^min(retries, 21)), capped at
 * `controller.quorum.election.backoff.max.ms`. So the first retry waits 0 or 100 ms, the second
 * 0..300 ms, and so on. Kafka 4.0's code; later versions jitter the cap (KAFKA-18345, #19658)
 * and trunk replaces the backoff by the rest of the election timeout (#19747).
 */
export function binaryExponentialElectionBackoffMs(
  retries: number,
  electionBackoffMaxMs: number,
  below: Below,
): number {
  if (retries <= 0) throw new RangeError(`retries must be at least 1, got ${retries}`);
  return Math.min(RETRY_BACKOFF_BASE_MS * below(2 ** Math.min(21, retries)), electionBackoffMaxMs);
}

/**
 * KafkaRaftClient.strictExponentialElectionBackoffMs: how long a follower waits before its own
 * election after the leader resigned with an EndQuorumEpoch naming preferred successors
 * (ordered by fetch offset, best first). The first waits 0; position p of n waits
 * (max >> (n-1)) << (p-1), capped at the max; a voter not in the list waits the max.
 */
export function strictExponentialElectionBackoffMs(
  positionInSuccessors: number,
  totalNumSuccessors: number,
  electionBackoffMaxMs: number,
): number {
  if (positionInSuccessors === 0) return 0;
  if (positionInSuccessors < 0 || positionInSuccessors >= totalNumSuccessors) {
    return electionBackoffMaxMs;
  }
  const base = Math.floor(electionBackoffMaxMs / 2 ** (totalNumSuccessors - 1));
  return Math.min(electionBackoffMaxMs, base * 2 ** (positionInSuccessors - 1));
}

// ---------------------------------------------------------------------------------------------
// Check-quorum

/** LeaderState.CHECK_QUORUM_TIMEOUT_FACTOR: the leader tolerates 1.5 fetch timeouts of silence. */
export const CHECK_QUORUM_TIMEOUT_FACTOR = 1.5;

/** LeaderState's checkQuorumTimeoutMs: ⌊1.5 × `controller.quorum.fetch.timeout.ms`⌋. */
export function checkQuorumTimeoutMs(fetchTimeoutMs: number): number {
  return Math.trunc(fetchTimeoutMs * CHECK_QUORUM_TIMEOUT_FACTOR);
}

/**
 * The leader's check-quorum timer (LeaderState's checkQuorumTimer and fetchedVoters): the voters
 * other than the leader that have fetched since the timer was last reset, and when it runs out.
 */
export interface CheckQuorumState {
  fetchedVoters: number[];
  expiresAt: number;
}

/** The timer a new leader starts with (LeaderState's constructor). */
export function startCheckQuorum(now: number, fetchTimeoutMs: number): CheckQuorumState {
  return { fetchedVoters: [], expiresAt: now + checkQuorumTimeoutMs(fetchTimeoutMs) };
}

/**
 * LeaderState.updateCheckQuorumForFollowingVoter, called for a Fetch the leader answered with
 * records (not a diverging or snapshot answer) and for every FetchSnapshot. Fetches from
 * non-voters are ignored. Once the distinct voters that fetched reach a majority, the leader
 * counting itself when it is a voter (so ⌊n/2⌋ others), the set is cleared and the timer
 * restarts at `now`. A fetch from the leader itself is a bug (Kafka throws).
 */
export function recordVoterFetch(
  state: CheckQuorumState,
  fetcherId: number,
  leaderId: number,
  voterIds: readonly number[],
  now: number,
  fetchTimeoutMs: number,
): CheckQuorumState {
  if (fetcherId === leaderId) throw new Error(`leader ${leaderId} fetched from itself`);
  if (!voterIds.includes(fetcherId) || state.fetchedVoters.includes(fetcherId)) return state;
  const fetchedVoters = [...state.fetchedVoters, fetcherId];
  const needed = majoritySize(voterIds.length) - (voterIds.includes(leaderId) ? 1 : 0);
  if (fetchedVoters.length >= needed) return startCheckQuorum(now, fetchTimeoutMs);
  return { ...state, fetchedVoters };
}

/**
 * LeaderState.timeUntilCheckQuorumExpires: the ms left before the leader must resign because no
 * majority fetched in time (0 means resign now). A lone voter never expires (Infinity).
 */
export function timeUntilCheckQuorumExpires(
  state: CheckQuorumState,
  now: number,
  voterCount: number,
): number {
  if (voterCount === 1) return Infinity;
  return Math.max(0, state.expiresAt - now);
}
