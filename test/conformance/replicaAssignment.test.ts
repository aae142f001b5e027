import { describe, expect, it } from 'vitest';
import { assignReplicasToBrokers } from '../../src/engine/kernels';
import { loadVectors } from './vectors';

interface ReplicaAssignmentFile {
  source: { repo: string; test: string };
  brokers: number[];
  numPartitions: number;
  replicationFactor: number;
  expected: Record<string, number[]>;
  errors: string;
}

const noRandom = (): number => {
  throw new Error('a fixed start index must not draw random numbers');
};

describe('replica-assignment.json', () => {
  for (const v of loadVectors<ReplicaAssignmentFile[]>('replica-assignment.json')) {
    describe(`${v.source.repo} ${v.source.test}`, () => {
      const brokers = v.brokers.map((id) => ({ id }));

      it('places replicas as AdminUtils does with fixedStartIndex 0, startPartitionId -1', () => {
        const result = assignReplicasToBrokers({
          brokers,
          numPartitions: v.numPartitions,
          replicationFactor: v.replicationFactor,
          fixedStartIndex: 0,
          startPartitionId: -1,
          randomInt: noRandom,
        });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const expected = Object.keys(v.expected)
          .map(Number)
          .sort((a, b) => a - b)
          .map((p) => v.expected[String(p)]);
        expect(result.assignment).toEqual(expected);
      });

      // "replicationFactor 0 or > #brokers (6 here) -> InvalidReplicationFactorException"
      it.each([0, v.brokers.length + 1])('rejects replication factor %i', (rf) => {
        expect(v.errors).toContain('InvalidReplicationFactorException');
        const result = assignReplicasToBrokers({
          brokers,
          numPartitions: v.numPartitions,
          replicationFactor: rf,
          fixedStartIndex: 0,
          randomInt: noRandom,
        });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toMatch(/replication factor/);
      });
    });
  }
});
