import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binaryExponentialElectionBackoffMs,
  canGrantVote,
  checkQuorumTimeoutMs,
  compareOffsetAndEpoch,
  handleVoteRequest,
  hasQuorum,
  isLogUpToDate,
  majoritySize,
  quorumHighWatermark,
  randomElectionTimeoutMs,
  recordVoterFetch,
  RETRY_BACKOFF_BASE_MS,
  startCheckQuorum,
  strictExponentialElectionBackoffMs,
  timeUntilCheckQuorumExpires,
  type ElectionView,
  type VoteRequest,
} from '../../src/engine/kernels/raft';

// fast-check runs with a seed printed up front: replay a failure with FC_SEED=<seed>.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2147483647;
console.info(`fast-check seed ${seed} (replay: FC_SEED=${seed} npx vitest run test/kernels/raft)`);

describe('majorities', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 3],
  ])('%i voters need %i', (n, needed) => {
    expect(majoritySize(n)).toBe(needed);
  });

  it('a quorum counts live voters only, each once', () => {
    const voters = [1001, 1002, 1003];
    expect(hasQuorum(voters, [1001, 1003])).toBe(true);
    expect(hasQuorum(voters, [1002])).toBe(false);
    // Brokers fetching as observers are alive but do not vote.
    expect(hasQuorum(voters, [1001, 1, 2, 3])).toBe(false);
    expect(hasQuorum(voters, new Set([1001, 1001]))).toBe(false);
    expect(hasQuorum([1001, 1002, 1003, 1004], [1001, 1002])).toBe(false);
  });
});

describe('quorumHighWatermark (LeaderState.maybeUpdateHighWatermark)', () => {
  it('the largest offset a majority has reached, the leader counted', () => {
    // Leader at 10, voters at 7 and 4: two of three hold 7.
    expect(quorumHighWatermark([10, 7, 4], 2)).toBe(7);
    // Five voters: the third largest; a voter that has not fetched yet counts as behind.
    expect(quorumHighWatermark([12, 3, 9, undefined, 11], 2)).toBe(9);
    // Four voters need three.
    expect(quorumHighWatermark([10, 9, 8, 7], 2)).toBe(8);
  });

  it('a minority ahead moves nothing', () => {
    expect(quorumHighWatermark([100, 3, 3], 2)).toBe(3);
    expect(quorumHighWatermark([100, undefined, undefined], 2)).toBeUndefined();
  });

  it('older-epoch entries replicated to a majority do not commit until one of this epoch is', () => {
    // The new leader was elected with 5 records of older epochs (epochStartOffset 5) that no HW
    // covered. Both followers hold them, but nothing of epoch 2 is on a majority yet.
    const epochStartOffset = 5;
    expect(quorumHighWatermark([6, 5, 5], epochStartOffset)).toBeUndefined();
    // The leader's first record of its own epoch (offset 5, its LeaderChangeMessage) reaches a
    // follower: now offsets 0..5 commit together.
    expect(quorumHighWatermark([6, 6, 5], epochStartOffset)).toBe(6);
  });

  it('keeps a HW it had when the majority offset is not above its epoch start', () => {
    expect(quorumHighWatermark([8, 5, 5], 5, 3)).toBe(3);
  });

  it('never moves backwards', () => {
    expect(quorumHighWatermark([9, 4, 4], 2, 8)).toBe(8);
    expect(quorumHighWatermark([9, 8, 8], 2, 8)).toBe(8);
    expect(quorumHighWatermark([9, 9, 8], 2, 8)).toBe(9);
  });

  it('property: never above what a majority holds, never below where it was', () => {
    const n = fc.integer({ min: 1, max: 7 });
    const scenario = n.chain((voters) =>
      fc.record({
        voters: fc.constant(voters),
        epochStartOffset: fc.nat(20),
        // Each step: a voter (0 = the leader) moves its end offset up by 0..3.
        steps: fc.array(fc.tuple(fc.nat(voters - 1), fc.nat(3)), { maxLength: 80 }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ voters, epochStartOffset, steps }) => {
        const offsets: (number | undefined)[] = Array.from({ length: voters }, () => undefined);
        offsets[0] = epochStartOffset;
        let hw: number | undefined;
        for (const [voter, by] of steps) {
          const from = offsets[voter] ?? 0;
          // A follower never has more than the leader.
          offsets[voter] = voter === 0 ? from + by : Math.min(from + by, offsets[0] ?? 0);
          const next = quorumHighWatermark(offsets, epochStartOffset, hw);
          if (hw !== undefined) expect(next).toBeGreaterThanOrEqual(hw);
          if (next !== undefined) {
            const holding = offsets.filter((o) => o !== undefined && o >= next).length;
            expect(holding).toBeGreaterThanOrEqual(majoritySize(voters));
            expect(next).toBeGreaterThan(epochStartOffset);
          }
          hw = next;
        }
      }),
      { seed, numRuns: 300 },
    );
  });
});

describe('log comparison (OffsetAndEpoch)', () => {
  it('compares the epoch first, then the offset', () => {
    expect(compareOffsetAndEpoch({ epoch: 3, offset: 5 }, { epoch: 2, offset: 100 })).toBe(1);
    expect(compareOffsetAndEpoch({ epoch: 2, offset: 5 }, { epoch: 2, offset: 6 })).toBe(-1);
    expect(compareOffsetAndEpoch({ epoch: 2, offset: 6 }, { epoch: 2, offset: 6 })).toBe(0);
  });

  it('a longer log of an older epoch is less up to date', () => {
    expect(isLogUpToDate({ epoch: 3, offset: 5 }, { epoch: 2, offset: 100 })).toBe(true);
    expect(isLogUpToDate({ epoch: 2, offset: 100 }, { epoch: 3, offset: 5 })).toBe(false);
    expect(isLogUpToDate({ epoch: 3, offset: 5 }, { epoch: 3, offset: 5 })).toBe(true);
  });
});

describe('handleVoteRequest (KafkaRaftClient + QuorumState)', () => {
  const unattached = (epoch: number, extra: Partial<ElectionView> = {}): ElectionView => ({
    epoch,
    role: 'unattached',
    ...extra,
  });
  const vote = (candidateId: number, candidateEpoch: number, lastEpoch: number, end: number) =>
    ({ candidateId, candidateEpoch, preVote: false, lastEpoch, lastEndOffset: end }) as VoteRequest;
  const preVote = (candidateId: number, epoch: number, lastEpoch: number, end: number) =>
    ({
      candidateId,
      candidateEpoch: epoch,
      preVote: true,
      lastEpoch,
      lastEndOffset: end,
    }) as VoteRequest;
  const local = { epoch: 3, offset: 10 };

  it('grants an up-to-date candidate and records the vote', () => {
    const d = handleVoteRequest(unattached(4), local, vote(1002, 5, 3, 10));
    expect(d.granted).toBe(true);
    expect(d.votedNow).toBe(true);
    expect(d.state).toEqual({ epoch: 5, role: 'unattached', votedFor: 1002 });
  });

  it('refuses a candidate with a shorter log in the same last epoch, but takes its epoch', () => {
    const d = handleVoteRequest(unattached(4), local, vote(1002, 5, 3, 9));
    expect(d.granted).toBe(false);
    expect(d.error).toBeUndefined();
    expect(d.state).toEqual({ epoch: 5, role: 'unattached' });
  });

  it('grants a shorter log of a newer epoch', () => {
    expect(handleVoteRequest(unattached(4), local, vote(1002, 5, 4, 2)).granted).toBe(true);
  });

  it('votes once per epoch: the same candidate again, nobody else', () => {
    const first = handleVoteRequest(unattached(4), local, vote(1002, 5, 3, 10)).state;
    const other = handleVoteRequest(first, local, vote(1003, 5, 3, 50));
    expect(other.granted).toBe(false);
    expect(other.state.votedFor).toBe(1002);
    const again = handleVoteRequest(first, local, vote(1002, 5, 3, 10));
    expect(again.granted).toBe(true);
    expect(again.votedNow).toBe(false);
    // The next epoch starts without a vote.
    expect(handleVoteRequest(first, local, vote(1003, 6, 3, 10)).state.votedFor).toBe(1003);
  });

  it('refuses a stale epoch without changing anything', () => {
    const state = unattached(6);
    const d = handleVoteRequest(state, local, vote(1002, 5, 3, 10));
    expect(d).toEqual({ granted: false, error: 'FENCED_LEADER_EPOCH', state, votedNow: false });
  });

  it('rejects impossible requests as INVALID_REQUEST', () => {
    // A real candidate bumped its epoch, so its last epoch is below it; a pre-vote may equal it.
    expect(handleVoteRequest(unattached(4), local, vote(1002, 5, 5, 10)).error).toBe(
      'INVALID_REQUEST',
    );
    expect(handleVoteRequest(unattached(4), local, preVote(1002, 5, 6, 10)).error).toBe(
      'INVALID_REQUEST',
    );
    expect(handleVoteRequest(unattached(4), local, vote(1002, 5, -1, 10)).error).toBe(
      'INVALID_REQUEST',
    );
    expect(handleVoteRequest(unattached(5), local, preVote(1002, 5, 5, 10)).granted).toBe(true);
  });

  it('a voter that knows the leader of the epoch refuses real votes', () => {
    const knows = unattached(5, { leaderId: 1001 });
    expect(handleVoteRequest(knows, local, vote(1002, 5, 3, 10)).granted).toBe(false);
    const follower: ElectionView = { epoch: 5, role: 'follower', leaderId: 1001 };
    expect(handleVoteRequest(follower, local, vote(1002, 5, 3, 10)).granted).toBe(false);
  });

  it('a higher epoch resets what the voter knew: it may vote again', () => {
    const follower: ElectionView = {
      epoch: 5,
      role: 'follower',
      leaderId: 1001,
      hasFetchedFromLeader: true,
    };
    const d = handleVoteRequest(follower, local, vote(1002, 6, 3, 10));
    expect(d.granted).toBe(true);
    expect(d.state).toEqual({ epoch: 6, role: 'unattached', votedFor: 1002 });
  });

  it('a pre-vote changes neither the epoch nor the vote', () => {
    const state = unattached(5, { votedFor: 1003 });
    const d = handleVoteRequest(state, local, preVote(1002, 5, 3, 10));
    expect(d.granted).toBe(true);
    expect(d.votedNow).toBe(false);
    expect(d.state).toBe(state);
    // The prospective did not bump its epoch either: a real vote in the next epoch is free.
    const fresh = unattached(5);
    const after = handleVoteRequest(fresh, local, preVote(1002, 5, 3, 10)).state;
    expect(after).toEqual(fresh);
    expect(handleVoteRequest(after, local, vote(1003, 6, 3, 10)).state.votedFor).toBe(1003);
  });

  it('pre-votes still check the log', () => {
    expect(handleVoteRequest(unattached(5), local, preVote(1002, 5, 3, 9)).granted).toBe(false);
    expect(handleVoteRequest(unattached(5), local, preVote(1002, 5, 2, 90)).granted).toBe(false);
  });

  it('a follower in touch with its leader refuses pre-votes (KIP-996)', () => {
    const following: ElectionView = { epoch: 5, role: 'follower', leaderId: 1001 };
    expect(handleVoteRequest(following, local, preVote(1002, 5, 3, 10)).granted).toBe(true);
    const fetched = { ...following, hasFetchedFromLeader: true };
    expect(handleVoteRequest(fetched, local, preVote(1002, 5, 3, 10)).granted).toBe(false);
  });

  it('a leader refuses everything; a candidate or resigned leader grants only pre-votes', () => {
    const up = true;
    for (const pre of [false, true]) {
      expect(canGrantVote({ epoch: 5, role: 'leader' }, 1002, up, pre)).toBe(false);
    }
    for (const role of ['candidate', 'resigned'] as const) {
      expect(canGrantVote({ epoch: 5, role }, 1002, up, false)).toBe(false);
      expect(canGrantVote({ epoch: 5, role }, 1002, up, true)).toBe(true);
      expect(canGrantVote({ epoch: 5, role }, 1002, !up, true)).toBe(false);
    }
  });

  it('a prospective voter grants a real vote and records it, staying prospective', () => {
    const d = handleVoteRequest({ epoch: 5, role: 'prospective' }, local, vote(1002, 5, 3, 10));
    expect(d.granted).toBe(true);
    expect(d.state).toEqual({ epoch: 5, role: 'prospective', votedFor: 1002 });
  });

  it('property: no two candidates win a real majority in one epoch', () => {
    const voters = [1, 2, 3, 4, 5];
    const request = fc.record({
      to: fc.constantFrom(...voters),
      candidateId: fc.constantFrom(...voters),
      candidateEpoch: fc.integer({ min: 1, max: 3 }),
      lastEpoch: fc.nat(1),
      lastEndOffset: fc.nat(3),
    });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 60 }), (requests) => {
        const states = new Map<number, ElectionView>(
          voters.map((v) => [v, { epoch: 0, role: 'unattached' as const }]),
        );
        const granted = new Map<string, Set<number>>(); // "epoch/candidate" -> voters
        for (const r of requests) {
          if (r.to === r.candidateId) continue;
          // Only a voter that became a candidate in a fresh epoch (voting for itself) asks.
          const own = states.get(r.candidateId)!;
          if (own.epoch > r.candidateEpoch) continue;
          if (own.epoch === r.candidateEpoch && own.role !== 'candidate') continue;
          states.set(r.candidateId, {
            epoch: r.candidateEpoch,
            role: 'candidate',
            votedFor: r.candidateId,
          });
          const d = handleVoteRequest(
            states.get(r.to)!,
            { epoch: 0, offset: 0 },
            {
              ...r,
              preVote: false,
            },
          );
          states.set(r.to, d.state);
          if (!d.granted) continue;
          const key = `${r.candidateEpoch}/${r.candidateId}`;
          // The candidate votes for itself.
          const set = granted.get(key) ?? new Set([r.candidateId]);
          set.add(r.to);
          granted.set(key, set);
        }
        for (const epoch of [1, 2, 3]) {
          const winners = voters.filter(
            (c) => (granted.get(`${epoch}/${c}`)?.size ?? 0) >= majoritySize(voters.length),
          );
          expect(winners.length).toBeLessThanOrEqual(1);
        }
      }),
      { seed, numRuns: 300 },
    );
  });
});

describe('election timers', () => {
  it('the election timeout is uniform in [T, 2T)', () => {
    const bounds: number[] = [];
    const lowest = randomElectionTimeoutMs(1000, (n) => (bounds.push(n), 0));
    const highest = randomElectionTimeoutMs(1000, (n) => n - 1);
    expect(bounds).toEqual([1000]);
    expect(lowest).toBe(1000);
    expect(highest).toBe(1999);
    expect(randomElectionTimeoutMs(0, () => 5)).toBe(0);
  });

  it('the backoff doubles its range with each retry, in steps of 100 ms, up to the max', () => {
    const bound = (retries: number) => {
      let seen = 0;
      binaryExponentialElectionBackoffMs(retries, 1000, (n) => ((seen = n), 0));
      return seen;
    };
    expect([1, 2, 3, 10, 21, 40].map(bound)).toEqual([2, 4, 8, 1024, 2 ** 21, 2 ** 21]);
    expect(binaryExponentialElectionBackoffMs(1, 1000, (n) => n - 1)).toBe(RETRY_BACKOFF_BASE_MS);
    expect(binaryExponentialElectionBackoffMs(2, 1000, (n) => n - 1)).toBe(300);
    expect(binaryExponentialElectionBackoffMs(5, 1000, (n) => n - 1)).toBe(1000);
    expect(binaryExponentialElectionBackoffMs(5, 1000, () => 7)).toBe(700);
    expect(() => binaryExponentialElectionBackoffMs(0, 1000, () => 0)).toThrow(RangeError);
  });

  it('after a resignation the preferred successor goes first, the others wait longer', () => {
    expect([0, 1, 2, 3, -1].map((p) => strictExponentialElectionBackoffMs(p, 3, 1000))).toEqual([
      0, 250, 500, 1000, 1000,
    ]);
  });
});

describe('check-quorum (LeaderState)', () => {
  const voters = [1001, 1002, 1003];

  it('waits 1.5 fetch timeouts', () => {
    expect(checkQuorumTimeoutMs(2000)).toBe(3000);
    expect(checkQuorumTimeoutMs(2001)).toBe(3001);
    expect(startCheckQuorum(500, 4000)).toEqual({ fetchedVoters: [], expiresAt: 6500 });
  });

  it('an isolated leader must resign once the timer runs out', () => {
    const s = startCheckQuorum(0, 2000);
    expect(timeUntilCheckQuorumExpires(s, 2999, 3)).toBe(1);
    expect(timeUntilCheckQuorumExpires(s, 3000, 3)).toBe(0);
    expect(timeUntilCheckQuorumExpires(s, 9000, 3)).toBe(0);
  });

  it('one follower fetching is a majority of three with the leader: the timer restarts', () => {
    const s = recordVoterFetch(startCheckQuorum(0, 2000), 1002, 1001, voters, 1000, 2000);
    expect(s).toEqual({ fetchedVoters: [], expiresAt: 4000 });
    expect(timeUntilCheckQuorumExpires(s, 3500, 3)).toBe(500);
  });

  it('with five voters it takes two distinct followers; repeats and observers do not count', () => {
    const five = [1, 2, 3, 4, 5];
    let s = startCheckQuorum(0, 2000);
    s = recordVoterFetch(s, 2, 1, five, 100, 2000);
    s = recordVoterFetch(s, 2, 1, five, 200, 2000);
    s = recordVoterFetch(s, 42, 1, five, 300, 2000); // a broker observer
    expect(s).toEqual({ fetchedVoters: [2], expiresAt: 3000 });
    s = recordVoterFetch(s, 3, 1, five, 400, 2000);
    expect(s).toEqual({ fetchedVoters: [], expiresAt: 3400 });
  });

  it('a lone voter never resigns; a leader cannot fetch from itself', () => {
    expect(timeUntilCheckQuorumExpires(startCheckQuorum(0, 2000), 1e9, 1)).toBe(Infinity);
    expect(() =>
      recordVoterFetch(startCheckQuorum(0, 2000), 1001, 1001, voters, 0, 2000),
    ).toThrow();
  });
});
