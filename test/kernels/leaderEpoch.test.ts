import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  endOffsetForEpoch,
  followerTruncationOffset,
  truncateEpochCacheFromEnd,
  truncationOffsetFor,
  type EpochEntry,
} from '../../src/engine/kernels';

const cache = (...pairs: [number, number][]): EpochEntry[] =>
  pairs.map(([epoch, startOffset]) => ({ epoch, startOffset }));

describe('endOffsetForEpoch', () => {
  const c = cache([1, 0], [3, 10], [5, 20]);
  it.each([
    [-1, { epoch: -1, endOffset: -1 }], // undefined epoch
    [5, { epoch: 5, endOffset: 30 }], // latest epoch: the LEO
    [3, { epoch: 3, endOffset: 20 }],
    [4, { epoch: 3, endOffset: 20 }], // a hole: the epoch below, the start of the one above
    [1, { epoch: 1, endOffset: 10 }],
    [0, { epoch: 0, endOffset: 0 }], // older than anything known
    [6, { epoch: -1, endOffset: -1 }], // newer than anything known
  ])('epoch %i -> %o', (epoch, expected) => {
    expect(endOffsetForEpoch(c, epoch, 30)).toEqual(expected);
  });

  it('an empty cache knows nothing', () => {
    expect(endOffsetForEpoch([], 3, 10)).toEqual({ epoch: -1, endOffset: -1 });
  });
});

describe('followerTruncationOffset', () => {
  it('does not truncate a follower that is a prefix of the leader', () => {
    expect(followerTruncationOffset(cache([1, 0]), 5, cache([1, 0], [2, 8]), 12)).toBe(5);
  });

  it('acks=1 loss (§3.9): the old leader truncates to where the new leader took over', () => {
    // Old leader wrote epoch 1 up to 10; the follower had 7 of them and became leader in epoch 2.
    expect(followerTruncationOffset(cache([1, 0]), 10, cache([1, 0], [2, 7]), 9)).toBe(7);
  });

  it('truncates to the leader LEO when both are in the same epoch', () => {
    expect(followerTruncationOffset(cache([1, 0]), 10, cache([1, 0]), 8)).toBe(8);
  });

  it('iterates epoch by epoch through epochs the leader never saw', () => {
    // Follower: epochs 1 and 3 (it led epoch 3 alone); leader: epochs 1, 2, 4.
    const follower = cache([1, 0], [3, 10]);
    const leader = cache([1, 0], [2, 5], [4, 15]);
    expect(followerTruncationOffset(follower, 20, leader, 30)).toBe(5);
  });

  it('drops an empty epoch the old leader opened without truncating data', () => {
    expect(followerTruncationOffset(cache([1, 0], [3, 10]), 10, cache([1, 0], [4, 10]), 12)).toBe(
      10,
    );
  });

  it('an undefined answer falls back to the follower HW', () => {
    expect(followerTruncationOffset(cache([5, 0]), 10, cache([1, 0]), 4, 3)).toBe(3);
  });

  it('an empty follower cache fetches without checks', () => {
    expect(followerTruncationOffset([], 0, cache([1, 0]), 4)).toBe(0);
  });
});

/**
 * Model-based property: a small cluster where leaders change arbitrarily (unclean elections
 * included) and followers copy from the leader after truncating where the kernel says. After
 * every truncation the follower's log must be a prefix of the leader's (entries are identified
 * by the epoch and a unique id), and nothing that matched is truncated needlessly.
 */
describe('truncationOffsetFor (one round, as the engine follower runs it)', () => {
  const follower = cache([0, 0], [2, 5], [4, 8]);
  it('same epoch on both sides: the smaller end offset', () => {
    expect(truncationOffsetFor(follower, 10, { epoch: 2, endOffset: 7 })).toBe(7);
    expect(truncationOffsetFor(follower, 10, { epoch: 2, endOffset: 9 })).toBe(8);
  });
  it('an epoch the follower never had: the end of its largest epoch below it', () => {
    expect(truncationOffsetFor(follower, 10, { epoch: 3, endOffset: 9 })).toBe(8);
  });
  it('a follower with no epoch at or below the answer: the leader end offset', () => {
    expect(truncationOffsetFor([], 12, { epoch: 3, endOffset: 9 })).toBe(9);
    expect(truncationOffsetFor(cache([5, 2]), 12, { epoch: 3, endOffset: 9 })).toBe(2);
  });
  it('an undefined answer: no truncation unless told where', () => {
    expect(truncationOffsetFor(follower, 10, { epoch: -1, endOffset: -1 })).toBe(10);
    expect(truncationOffsetFor(follower, 10, { epoch: -1, endOffset: -1 }, 6)).toBe(6);
  });
  it('never above the follower LEO', () => {
    expect(truncationOffsetFor(follower, 6, { epoch: 2, endOffset: 9 })).toBe(6);
  });
});

describe('followerTruncationOffset keeps logs consistent (model)', () => {
  interface Entry {
    epoch: number;
    id: number;
  }
  interface Replica {
    log: Entry[];
    cache: EpochEntry[];
  }

  // LeaderEpochFileCache.assign: drop entries that are not below the new one, then append.
  const assignEpoch = (c: EpochEntry[], epoch: number, startOffset: number): EpochEntry[] => {
    const last = c.at(-1);
    if (last && last.epoch === epoch) return c;
    return [
      ...c.filter((e) => e.epoch < epoch && e.startOffset < startOffset),
      { epoch, startOffset },
    ];
  };

  const commonPrefix = (a: Entry[], b: Entry[]): number => {
    let i = 0;
    while (i < a.length && i < b.length && a[i].id === b[i].id) i++;
    return i;
  };

  type Step =
    | { kind: 'append'; count: number }
    | { kind: 'fetch'; replica: number; count: number }
    | { kind: 'elect'; replica: number };

  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 3 }) }),
    fc.record({
      kind: fc.constant('fetch' as const),
      replica: fc.nat(2),
      count: fc.integer({ min: 0, max: 4 }),
    }),
    fc.record({ kind: fc.constant('elect' as const), replica: fc.nat(2) }),
  );

  it('holds for random histories', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const replicas: Replica[] = [0, 1, 2].map(() => ({ log: [], cache: [] }));
        let leader = 0;
        let epoch = 0;
        let nextId = 1;
        replicas[0].cache = assignEpoch([], 0, 0);
        for (const s of steps) {
          const L = replicas[leader];
          if (s.kind === 'append') {
            for (let i = 0; i < s.count; i++) L.log.push({ epoch, id: nextId++ });
          } else if (s.kind === 'elect') {
            leader = s.replica;
            epoch += 1;
            const R = replicas[leader];
            R.cache = assignEpoch(R.cache, epoch, R.log.length);
          } else if (s.replica !== leader) {
            const F = replicas[s.replica];
            const to = followerTruncationOffset(F.cache, F.log.length, L.cache, L.log.length);
            const matching = commonPrefix(F.log, L.log);
            expect(to).toBeLessThanOrEqual(F.log.length);
            // Consistent after truncation, and nothing that matched is thrown away.
            expect(to).toBe(Math.min(matching, F.log.length));
            F.log = F.log.slice(0, to);
            F.cache = truncateEpochCacheFromEnd(F.cache, to);
            for (const e of L.log.slice(to, to + s.count)) {
              F.cache = assignEpoch(F.cache, e.epoch, F.log.length);
              F.log.push(e);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
