import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adaptiveCumulativeTable,
  builtinAfterAppend,
  builtinNextPartition,
  kafkaJsDefaultPartition,
  kafkaJsRoundRobinPartition,
  partitionForKey,
  roundRobinPartition,
} from '../../src/engine/kernels';

describe('builtinNextPartition', () => {
  it('picks available[r % n] without load stats, r made non-negative first', () => {
    expect(builtinNextPartition(0, [3, 5, 7], 8)).toBe(3);
    expect(builtinNextPartition(4, [3, 5, 7], 8)).toBe(5);
    expect(builtinNextPartition(-1, [3, 5, 7], 8)).toBe([3, 5, 7][2147483647 % 3]);
    expect(builtinNextPartition(-2147483648, [3, 5, 7], 8)).toBe(3);
  });

  it('falls back to r % numPartitions when no partition has a leader', () => {
    expect(builtinNextPartition(7, [], 4)).toBe(3);
  });

  it('weights by queue depth: first cumulative sum strictly greater than r % total', () => {
    expect(adaptiveCumulativeTable([5, 0, 3, 0, 1])).toEqual([1, 7, 10, 16, 21]);
    const pick = (r: number) => builtinNextPartition(r, [0, 1, 2, 3, 4], 5, [5, 0, 3, 0, 1]);
    expect(pick(0)).toBe(0); // 0 < 1
    expect(pick(1)).toBe(1); // boundary: 1 is not > 1
    expect(pick(6)).toBe(1);
    expect(pick(7)).toBe(2);
    expect(pick(20)).toBe(4);
    expect(pick(21)).toBe(0);
  });

  it('maps the weighted index through `available` (leaderless partitions excluded)', () => {
    expect(builtinNextPartition(1, [0, 2], 3, [4, 0])).toBe(2);
  });

  it('with equal queues the weighted pick equals the uniform one', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 2, max: 9 }), fc.nat(5), (r, n, q) => {
        const available = Array.from({ length: n }, (_, i) => i * 2);
        const queues = available.map(() => q);
        expect(builtinNextPartition(r, available, 2 * n, queues)).toBe(
          builtinNextPartition(r, available, 2 * n),
        );
      }),
    );
  });

  it('always returns an available partition (or any when none is)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.uniqueArray(fc.nat(20), { maxLength: 8 }),
        fc.array(fc.nat(10), { maxLength: 8 }),
        (r, available, queues) => {
          const q = queues.length === available.length ? queues : undefined;
          const p = builtinNextPartition(r, available, 21, q);
          if (available.length) expect(available).toContain(p);
          else expect(p).toBeLessThan(21);
        },
      ),
    );
  });
});

describe('builtinAfterAppend', () => {
  it('switches at batch.size when the queue allows, at 2 x batch.size regardless', () => {
    const s0 = { partition: 4, producedBytes: 0 };
    const a = builtinAfterAppend(s0, 10_000, 16_384, true);
    expect(a).toEqual({ state: { partition: 4, producedBytes: 10_000 }, switchNow: false });
    const b = builtinAfterAppend(a.state, 6_384, 16_384, true);
    expect(b).toEqual({ state: { partition: -1, producedBytes: 0 }, switchNow: true });
    const c = builtinAfterAppend(a.state, 6_384, 16_384, false);
    expect(c.switchNow).toBe(false);
    expect(c.state).toEqual({ partition: 4, producedBytes: 16_384 });
    const d = builtinAfterAppend(c.state, 16_384, 16_384, false);
    expect(d.switchNow).toBe(true);
  });
});

describe('roundRobinPartition (Java)', () => {
  it('cycles over available partitions in metadata order', () => {
    expect([0, 1, 2, 3].map((c) => roundRobinPartition(c, [2, 0], 3))).toEqual([2, 0, 2, 0]);
    expect(roundRobinPartition(5, [], 3)).toBe(2);
  });
});

describe('KafkaJS DefaultPartitioner', () => {
  it('an explicit partition wins, even 0; keys hash like Java; null keys round-robin', () => {
    const all = [0, 1, 2];
    expect(kafkaJsDefaultPartition({ partition: 0, key: 'k' }, 9, all, 3)).toEqual({
      partition: 0,
      usedCounter: false,
    });
    expect(kafkaJsDefaultPartition({ key: 'k' }, 9, all, 3)).toEqual({
      partition: partitionForKey('k', 3),
      usedCounter: false,
    });
    expect(kafkaJsDefaultPartition({ key: '' }, 9, all, 3).usedCounter).toBe(false);
    expect(kafkaJsDefaultPartition({ key: null }, 9, all, 3)).toEqual({
      partition: 0,
      usedCounter: true,
    });
  });

  it('repeats a partition where the growing counter crosses a multiple of 2^31', () => {
    // KafkaJS seeds the counter with a random uint32; toPositive wraps it, so 2^31 - 1 -> 2^31
    // goes from index (2^31-1) % 3 = 1 to 0 % 3 = 0 after index 0 at 2^31 - 2: 0, 1, 0.
    const seq = [2 ** 31 - 2, 2 ** 31 - 1, 2 ** 31].map((c) =>
      kafkaJsRoundRobinPartition(c, [0, 1, 2], 3),
    );
    expect(seq).toEqual([0, 1, 0]);
  });
});
