import { describe, expect, it } from 'vitest';
import {
  bestVote,
  compareVotes,
  containsQuorum,
  quorumSize,
  quorumVote,
  totalOrderPredicate,
  type Vote,
  type VoteFrom,
} from '../../src/engine/zookeeper/election';
import { makeZxid } from '../../src/engine/zookeeper/tree';

const vote = (leader: number, peerEpoch: number, zxid: number, electionEpoch = 1): Vote => ({
  leader,
  zxid,
  peerEpoch,
  electionEpoch,
});

const from = (sid: number, v: Vote): VoteFrom => ({ sid, vote: v });

describe('totalOrderPredicate', () => {
  it('a vote with a higher zxid beats a higher server id', () => {
    expect(totalOrderPredicate(vote(1, 1, 20), vote(3, 1, 10))).toBe(true);
    expect(totalOrderPredicate(vote(3, 1, 10), vote(1, 1, 20))).toBe(false);
  });

  it('a higher epoch beats a higher zxid', () => {
    expect(totalOrderPredicate(vote(1, 2, makeZxid(2, 0)), vote(3, 1, makeZxid(1, 99)))).toBe(true);
    expect(totalOrderPredicate(vote(1, 2, 5), vote(3, 1, 50))).toBe(true);
  });

  it('with equal epoch and zxid the higher server id wins', () => {
    expect(totalOrderPredicate(vote(3, 1, 10), vote(2, 1, 10))).toBe(true);
    expect(totalOrderPredicate(vote(2, 1, 10), vote(3, 1, 10))).toBe(false);
  });

  it('the same proposal does not replace itself', () => {
    expect(totalOrderPredicate(vote(2, 1, 10), vote(2, 1, 10))).toBe(false);
    expect(compareVotes(vote(2, 1, 10), vote(2, 1, 10, 7))).toBe(0);
  });
});

describe('bestVote', () => {
  it('a fresh ensemble (all at epoch 0, zxid 0) picks the highest server id', () => {
    expect(bestVote([vote(1, 0, 0), vote(3, 0, 0), vote(2, 0, 0)])?.leader).toBe(3);
  });

  it('the most up-to-date server wins over higher ids', () => {
    expect(bestVote([vote(1, 2, 7), vote(3, 2, 5), vote(2, 1, 90)])?.leader).toBe(1);
    expect(bestVote([])).toBeUndefined();
  });
});

describe('quorum size', () => {
  it.each([
    [3, 2],
    [9, 5],
  ])('an ensemble of %i needs %i', (n, needed) => {
    expect(quorumSize(n)).toBe(needed);
    expect(containsQuorum(n, needed)).toBe(true);
    expect(containsQuorum(n, needed - 1)).toBe(false);
  });
});

describe('quorumVote', () => {
  const ensemble = [1, 2, 3];
  const v3 = vote(3, 1, 40);

  it('two of three agreeing elect their leader', () => {
    expect(quorumVote(ensemble, [from(2, v3), from(3, v3)])).toEqual({
      vote: v3,
      supporters: [2, 3],
    });
  });

  it('one reachable server of three elects nobody, even voting for itself', () => {
    expect(quorumVote(ensemble, [from(3, v3)])).toBeNull();
  });

  it('two of five are not a quorum, three are', () => {
    const five = [1, 2, 3, 4, 5];
    expect(quorumVote(five, [from(2, v3), from(3, v3)])).toBeNull();
    expect(quorumVote(five, [from(2, v3), from(3, v3), from(5, v3)])?.vote.leader).toBe(3);
  });

  it('votes differing in zxid or round do not add up', () => {
    expect(quorumVote(ensemble, [from(2, vote(3, 1, 40)), from(3, vote(3, 1, 41))])).toBeNull();
    expect(
      quorumVote(ensemble, [from(2, vote(3, 1, 40, 1)), from(3, vote(3, 1, 40, 2))]),
    ).toBeNull();
  });

  it('a server counts once, with its latest vote, and only if in the ensemble', () => {
    const v1 = vote(1, 1, 40);
    expect(quorumVote(ensemble, [from(2, v3), from(2, v3), from(9, v3)])).toBeNull();
    expect(quorumVote(ensemble, [from(2, v3), from(3, v3), from(3, v1)])).toBeNull();
    expect(quorumVote(ensemble, [from(2, v1), from(3, v1), from(2, v3)])).toBeNull();
    expect(quorumVote(ensemble, [from(1, v1), from(2, v1), from(2, v3), from(3, v3)])).toEqual({
      vote: v3,
      supporters: [2, 3],
    });
  });
});
