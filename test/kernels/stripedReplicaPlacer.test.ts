// StripedReplicaPlacer against the expectations of Kafka's StripedReplicaPlacerTest (apache/kafka
// 1eb7644, metadata module), driven by the same MockRandom (a 64-bit LCG under java.util.Random's
// nextInt(bound)), so the random draws are Java's, one for one.
import { describe, expect, it } from 'vitest';
import { RackList, stripedPlace, type UsableBroker } from '../../src/engine/kernels';

/** server-common MockRandom(17) with java.util.Random.nextInt(bound). */
function mockRandom(): (bound: number) => number {
  let state = 17n;
  const mask = (1n << 64n) - 1n;
  const next = (bits: number): number => {
    state = (state * 2862933555777941757n + 3037000493n) & mask;
    return Number(BigInt.asIntN(32, state >> BigInt(64 - bits)));
  };
  return (bound) => {
    let r = next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
    for (let u = r; u - (r = u % bound) + m < 0 || u - r + m > 2147483647; u = next(31));
    return r;
  };
}

const b = (id: number, rack: string | null, fenced: boolean): UsableBroker => ({
  id,
  rack,
  fenced,
});

describe('StripedReplicaPlacer (Kafka StripedReplicaPlacerTest)', () => {
  it('testAvoidFencedReplicaIfPossibleOnSingleRack', () => {
    const list = new RackList(mockRandom(), [
      b(3, null, false),
      b(1, null, true),
      b(0, null, false),
      b(4, null, false),
      b(2, null, false),
    ]);
    expect(list.numTotalBrokers).toBe(5);
    expect(list.numUnfencedBrokers).toBe(4);
    expect(list.place(4)).toEqual([3, 4, 0, 2]);
    expect(list.place(4)).toEqual([4, 0, 2, 3]);
    expect(list.place(4)).toEqual([0, 2, 3, 4]);
    expect(list.place(4)).toEqual([2, 3, 4, 0]);
    expect(list.place(4)).toEqual([0, 4, 3, 2]);
  });

  it('testPlacementOnFencedReplicaOnSingleRack', () => {
    const list = new RackList(mockRandom(), [
      b(3, null, false),
      b(1, null, true),
      b(2, null, false),
    ]);
    expect(list.place(3)).toEqual([3, 2, 1]);
    expect(list.place(3)).toEqual([2, 3, 1]);
    expect(list.place(3)).toEqual([3, 2, 1]);
    expect(list.place(3)).toEqual([2, 3, 1]);
  });

  it('testRackListWithMultipleRacks', () => {
    const list = new RackList(mockRandom(), [
      b(11, '1', false),
      b(10, '1', false),
      b(30, '3', false),
      b(31, '3', false),
      b(21, '2', false),
      b(20, '2', true),
    ]);
    expect(list.rackNames).toEqual(['1', '2', '3']);
    expect(list.place(4)).toEqual([11, 21, 31, 10]);
    expect(list.place(4)).toEqual([21, 30, 10, 20]);
    expect(list.place(4)).toEqual([31, 11, 21, 30]);
  });

  it('testRackListWithInvalidRacks', () => {
    const list = new RackList(mockRandom(), [
      b(11, '1', false),
      b(10, '1', false),
      b(30, '3', true),
      b(31, '3', true),
      b(20, '2', true),
      b(21, '2', true),
      b(41, '4', false),
      b(40, '4', true),
    ]);
    expect(list.place(4)).toEqual([41, 11, 21, 30]);
    expect(list.place(4)).toEqual([10, 20, 31, 41]);
    expect(list.place(4)).toEqual([41, 21, 30, 11]);
  });

  it('testSuccessfulPlacement and testMultiPartitionTopicPlacementOnSingleUnfencedBroker', () => {
    expect(
      stripedPlace(
        [b(0, null, false), b(3, null, false), b(2, null, false), b(1, null, false)],
        5,
        3,
        mockRandom(),
      ),
    ).toEqual({
      ok: true,
      assignment: [
        [2, 3, 0],
        [3, 0, 1],
        [0, 1, 2],
        [1, 2, 3],
        [1, 0, 2],
      ],
    });
    expect(stripedPlace([b(0, null, false), b(1, null, true)], 3, 1, mockRandom())).toEqual({
      ok: true,
      assignment: [[0], [0], [0]],
    });
  });

  it('testEvenDistribution', () => {
    const placed = stripedPlace(
      [0, 1, 2, 3].map((id) => b(id, null, false)),
      200,
      2,
      mockRandom(),
    );
    if (!placed.ok) throw new Error(placed.error);
    const counts = new Map<string, number>();
    for (const r of placed.assignment) counts.set(r.join(), (counts.get(r.join()) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      '0,1': 14,
      '0,2': 22,
      '0,3': 14,
      '1,0': 17,
      '1,2': 17,
      '1,3': 16,
      '2,0': 13,
      '2,1': 17,
      '2,3': 20,
      '3,0': 20,
      '3,1': 19,
      '3,2': 11,
    });
  });

  it('refuses as Kafka does: all fenced, too few brokers, non-positive factor', () => {
    expect(stripedPlace([b(11, '1', true), b(10, '1', true)], 1, 1, mockRandom())).toEqual({
      ok: false,
      error: 'All brokers are currently fenced.',
    });
    expect(stripedPlace([b(11, '1', false), b(10, '1', false)], 1, 3, mockRandom())).toEqual({
      ok: false,
      error:
        'The target replication factor of 3 cannot be reached because only 2 broker(s) are registered.',
    });
    expect(stripedPlace([b(11, '1', false)], 1, 0, mockRandom())).toMatchObject({ ok: false });
  });
});
