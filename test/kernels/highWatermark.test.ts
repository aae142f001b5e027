import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canJoinIsr,
  effectiveMinIsr,
  isCaughtUp,
  nextHighWatermark,
  onFollowerFetch,
  type FollowerFetchState,
  type HighWatermarkFollower,
} from '../../src/engine/kernels';

const follower = (
  brokerId: number,
  logEndOffset: number,
  inMaximalIsr = true,
  caughtUpAndEligible = false,
): HighWatermarkFollower => ({ brokerId, logEndOffset, inMaximalIsr, caughtUpAndEligible });

describe('effectiveMinIsr', () => {
  it('is min(min.insync.replicas, RF)', () => {
    expect(effectiveMinIsr(2, 3)).toBe(2);
    expect(effectiveMinIsr(3, 1)).toBe(1);
  });
});

describe('nextHighWatermark', () => {
  const base = { leaderLogEndOffset: 10, currentHighWatermark: 4, isrSize: 3, effectiveMinIsr: 2 };

  it('is the smallest LEO among the leader and the maximal ISR', () => {
    expect(nextHighWatermark({ ...base, followers: [follower(2, 8), follower(3, 10)] })).toBe(8);
  });

  it('ignores followers out of the ISR unless caught up and eligible', () => {
    expect(
      nextHighWatermark({ ...base, followers: [follower(2, 10), follower(3, 1, false)] }),
    ).toBe(10);
    expect(
      nextHighWatermark({ ...base, followers: [follower(2, 10), follower(3, 7, false, true)] }),
    ).toBe(7);
  });

  it('stalls under min ISR (3.7+)', () => {
    expect(nextHighWatermark({ ...base, isrSize: 1, followers: [follower(2, 10)] })).toBe(4);
  });

  it('never moves back', () => {
    expect(nextHighWatermark({ ...base, followers: [follower(2, 2)] })).toBe(4);
  });

  it('property: never decreases and never exceeds the leader LEO', () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.nat(1000),
        fc.array(fc.tuple(fc.nat(1000), fc.boolean(), fc.boolean()), { maxLength: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        (leo, hwSeed, fs, isrSize, minIsr) => {
          const currentHighWatermark = hwSeed % (leo + 1);
          const followers = fs.map(([off, inIsr, cu], i) =>
            follower(i + 2, off % (leo + 1), inIsr, cu),
          );
          const hw = nextHighWatermark({
            leaderLogEndOffset: leo,
            currentHighWatermark,
            isrSize,
            effectiveMinIsr: minIsr,
            followers,
          });
          expect(hw).toBeGreaterThanOrEqual(currentHighWatermark);
          expect(hw).toBeLessThanOrEqual(leo);
        },
      ),
    );
  });
});

describe('follower fetch state', () => {
  const initial: FollowerFetchState = {
    logEndOffset: 0,
    lastCaughtUpTimeMs: 0,
    lastFetchTimeMs: 0,
    lastFetchLeaderLogEndOffset: 0,
  };

  it('a fetch at the leader LEO is caught up now', () => {
    const s = onFollowerFetch(initial, 5, 5, 1000);
    expect(s).toEqual({
      logEndOffset: 5,
      lastCaughtUpTimeMs: 1000,
      lastFetchTimeMs: 1000,
      lastFetchLeaderLogEndOffset: 5,
    });
  });

  it('reaching the LEO of the previous fetch counts as caught up at that fetch time', () => {
    const s1 = onFollowerFetch(initial, 0, 5, 1000); // leader had 5 at t=1000
    expect(s1.lastCaughtUpTimeMs).toBe(0);
    const s2 = onFollowerFetch(s1, 5, 9, 1500); // reached 5 while the leader moved on to 9
    expect(s2.lastCaughtUpTimeMs).toBe(1000);
    const s3 = onFollowerFetch(s2, 6, 12, 2000); // behind the previous fetch's 9: unchanged
    expect(s3.lastCaughtUpTimeMs).toBe(1000);
  });

  it('is caught up at the leader LEO or within replica.lag.time.max.ms', () => {
    const s = onFollowerFetch(initial, 5, 5, 1000);
    expect(isCaughtUp(s, 5, 99_999, 30_000)).toBe(true);
    expect(isCaughtUp(s, 6, 31_000, 30_000)).toBe(true);
    expect(isCaughtUp(s, 6, 31_001, 30_000)).toBe(false);
  });

  it('lastCaughtUpTimeMs never goes back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(100), fc.nat(100), fc.nat(1000)), { maxLength: 20 }),
        (steps) => {
          let s = initial;
          let now = 0;
          for (const [offset, leo, dt] of steps) {
            now += dt;
            const next = onFollowerFetch(s, Math.min(offset, leo), leo, now);
            expect(next.lastCaughtUpTimeMs).toBeGreaterThanOrEqual(s.lastCaughtUpTimeMs);
            expect(next.lastCaughtUpTimeMs).toBeLessThanOrEqual(now);
            s = next;
          }
        },
      ),
    );
  });
});

describe('canJoinIsr', () => {
  it('needs eligibility, the leader HW and the start of the leader epoch', () => {
    const ok = {
      followerLogEndOffset: 10,
      leaderHighWatermark: 10,
      leaderEpochStartOffset: 8,
      eligible: true,
    };
    expect(canJoinIsr(ok)).toBe(true);
    expect(canJoinIsr({ ...ok, eligible: false })).toBe(false);
    expect(canJoinIsr({ ...ok, leaderHighWatermark: 11 })).toBe(false);
    expect(canJoinIsr({ ...ok, leaderEpochStartOffset: 11 })).toBe(false);
  });
});
