// FastLeaderElection's vote order and its end-of-round test, as pure functions over plain data.
// Timing (rounds, finalizeWait, notification traffic) stays with the engine.
import { majoritySize } from '../kernels/raft';

/** A vote (quorum/Vote): the proposed leader, its last zxid and epoch, and the voter's round. */
export interface Vote {
  /** The proposed leader's server id. */
  leader: number;
  /** The proposed leader's last logged zxid. */
  zxid: number;
  /** The proposed leader's currentEpoch (the epoch its zxids carry). */
  peerEpoch: number;
  /** The voter's election round (FastLeaderElection.logicalclock). */
  electionEpoch: number;
}

export interface VoteFrom {
  /** The voting server. */
  sid: number;
  vote: Vote;
}

type Ordered = Pick<Vote, 'leader' | 'zxid' | 'peerEpoch'>;

/**
 * Orders proposals as FastLeaderElection.totalOrderPredicate does: higher peerEpoch wins, then
 * higher zxid, then higher server id. Positive when `a` beats `b`, 0 for the same proposal.
 */
export function compareVotes(a: Ordered, b: Ordered): number {
  return a.peerEpoch - b.peerEpoch || a.zxid - b.zxid || a.leader - b.leader;
}

/** totalOrderPredicate(new, current): does `next` replace the `current` proposal? */
export function totalOrderPredicate(next: Ordered, current: Ordered): boolean {
  return compareVotes(next, current) > 0;
}

/** The proposal every server converges on when all of them hear each other. */
export function bestVote<V extends Ordered>(votes: readonly V[]): V | undefined {
  return votes.reduce<V | undefined>(
    (best, v) => (best === undefined || totalOrderPredicate(v, best) ? v : best),
    undefined,
  );
}

/** Servers needed for a quorum of an ensemble of n: a strict majority (QuorumMaj), as in Raft. */
export function quorumSize(n: number): number {
  return majoritySize(n);
}

/** QuorumMaj.containsQuorum: more than half of the ensemble. */
export function containsQuorum(ensembleSize: number, acks: number): boolean {
  return acks > Math.floor(ensembleSize / 2);
}

/**
 * The vote a quorum of the ensemble agrees on, with its supporters, or null. Votes agree when
 * all four fields match (Vote.equals while LOOKING), and count once per voting member
 * (SyncedLearnerTracker.addAck); a later vote from the same sid replaces an earlier one, as in
 * FastLeaderElection's recvset. A strict majority can back at most one vote.
 */
export function quorumVote(
  ensemble: readonly number[],
  votes: readonly VoteFrom[],
): { vote: Vote; supporters: number[] } | null {
  const latest = new Map<number, Vote>();
  for (const { sid, vote } of votes) if (ensemble.includes(sid)) latest.set(sid, vote);
  const entries = [...latest.entries()];
  for (const [, candidate] of entries) {
    const supporters = entries
      .filter(([, vote]) => sameVote(vote, candidate))
      .map(([sid]) => sid)
      .sort((a, b) => a - b);
    if (containsQuorum(ensemble.length, supporters.length)) return { vote: candidate, supporters };
  }
  return null;
}

function sameVote(a: Vote, b: Vote): boolean {
  return (
    a.leader === b.leader &&
    a.zxid === b.zxid &&
    a.peerEpoch === b.peerEpoch &&
    a.electionEpoch === b.electionEpoch
  );
}
