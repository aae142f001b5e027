import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignReplicasToBrokers, rackAlternatedBrokerList } from '../../src/engine/kernels';

const noRandom = (): number => {
  throw new Error('unexpected random draw');
};

describe('assignReplicasToBrokers, rack-unaware', () => {
  it('draws the start index, then the shift, from randomInt(brokerCount)', () => {
    const draws: number[] = [];
    const values = [2, 1];
    const result = assignReplicasToBrokers({
      brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
      numPartitions: 4,
      replicationFactor: 2,
      randomInt: (bound) => {
        draws.push(bound);
        return values.shift() as number;
      },
    });
    expect(draws).toEqual([3, 3]);
    // start 2, shift 1: p0 first index 2 -> [3, 2]; p3 bumps the shift to 2 -> [3, 1]
    expect(result).toEqual({
      ok: true,
      assignment: [
        [3, 2],
        [1, 3],
        [2, 1],
        [3, 1],
      ],
    });
  });

  it('places added partitions from startPartitionId; the shift starts again at the index', () => {
    // Kafka passes the existing count as startPartitionId and partition 0's leader index as
    // fixedStartIndex; earlier shift increments are not replayed.
    const tail = assignReplicasToBrokers({
      brokers: [0, 1, 2, 3, 4].map((id) => ({ id })),
      numPartitions: 5,
      replicationFactor: 3,
      fixedStartIndex: 0,
      startPartitionId: 6,
      randomInt: noRandom,
    });
    expect(tail).toEqual({
      ok: true,
      assignment: [
        [1, 2, 3],
        [2, 3, 4],
        [3, 4, 0],
        [4, 0, 1],
        [0, 2, 3], // partition 10: 10 % 5 == 0 bumps the shift
      ],
    });
  });

  it('names the problem in its errors', () => {
    const base = { brokers: [{ id: 1 }, { id: 2 }, { id: 3 }], randomInt: noRandom };
    expect(assignReplicasToBrokers({ ...base, numPartitions: 3, replicationFactor: 4 })).toEqual({
      ok: false,
      error: 'replication factor 4 larger than available brokers 3',
    });
    expect(assignReplicasToBrokers({ ...base, numPartitions: 0, replicationFactor: 1 }).ok).toBe(
      false,
    );
    expect(assignReplicasToBrokers({ ...base, numPartitions: 1, replicationFactor: 0 }).ok).toBe(
      false,
    );
  });

  it('gives each partition RF distinct brokers and spreads leaders evenly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 30 }),
        fc.nat(),
        fc.nat(),
        (brokerCount, numPartitions, r1, r2) => {
          const rfMax = brokerCount;
          const rf = 1 + (r1 % rfMax);
          const draws = [r1 % brokerCount, r2 % brokerCount];
          const result = assignReplicasToBrokers({
            brokers: Array.from({ length: brokerCount }, (_, i) => ({ id: i + 1 })),
            numPartitions,
            replicationFactor: rf,
            randomInt: () => draws.shift() as number,
          });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const leaders = new Map<number, number>();
          for (const replicas of result.assignment) {
            expect(replicas).toHaveLength(rf);
            expect(new Set(replicas).size).toBe(rf);
            leaders.set(replicas[0], (leaders.get(replicas[0]) ?? 0) + 1);
          }
          const counts = [...leaders.values()];
          if (numPartitions >= brokerCount) expect(leaders.size).toBe(brokerCount);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('assignReplicasToBrokers, rack-aware', () => {
  const racks: Record<number, string> = {
    0: 'rack1',
    1: 'rack3',
    2: 'rack3',
    3: 'rack2',
    4: 'rack2',
    5: 'rack1',
  };
  const brokers = Object.entries(racks).map(([id, rack]) => ({ id: Number(id), rack }));

  it('alternates brokers by rack (AdminUtils javadoc)', () => {
    expect(
      rackAlternatedBrokerList(new Map(Object.entries(racks).map(([k, v]) => [Number(k), v]))),
    ).toEqual([0, 3, 1, 5, 4, 2]);
  });

  it('reproduces the AdminUtils javadoc example, including partition 6', () => {
    const result = assignReplicasToBrokers({
      brokers,
      numPartitions: 7,
      replicationFactor: 3,
      fixedStartIndex: 0,
      randomInt: noRandom,
    });
    expect(result).toEqual({
      ok: true,
      assignment: [
        [0, 3, 1],
        [3, 1, 5],
        [1, 5, 4],
        [5, 4, 2],
        [4, 2, 0],
        [2, 0, 3],
        [0, 4, 2],
      ],
    });
  });

  it('refuses a mix of brokers with and without racks', () => {
    const result = assignReplicasToBrokers({
      brokers: [{ id: 1, rack: 'a' }, { id: 2 }, { id: 3, rack: null }],
      numPartitions: 1,
      replicationFactor: 1,
      randomInt: () => 0,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/rack/);
  });

  it('puts replicas on distinct racks while there are racks left', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 1, max: 20 }),
        fc.nat(),
        fc.nat(),
        (rackList, numPartitions, r1, r2) => {
          const n = rackList.length;
          const rf = 1 + (r1 % n);
          const draws = [r1 % n, r2 % n];
          const result = assignReplicasToBrokers({
            brokers: rackList.map((rack, i) => ({ id: i, rack })),
            numPartitions,
            replicationFactor: rf,
            randomInt: () => draws.shift() as number,
          });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const numRacks = new Set(rackList).size;
          for (const replicas of result.assignment) {
            expect(new Set(replicas).size).toBe(rf);
            const usedRacks = new Set(replicas.map((b) => rackList[b]));
            expect(usedRacks.size).toBe(Math.min(rf, numRacks));
          }
        },
      ),
    );
  });
});
