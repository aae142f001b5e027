import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey, toPositive } from '../../src/engine/kernels';
import { utf8Encode } from '../../src/engine/kernels';
import { hexToBytes, loadVectors } from './vectors';

interface Murmur2File {
  source: { repo: string; test: string };
  cases: { input: string; murmur2: number }[];
}
interface KeyToPartitionFile {
  source: { repo: string; test: string };
  numPartitions: number;
  cases: { keyBytesHex: string; keyRepr: string; partition: number }[];
}

describe('murmur2.json', () => {
  for (const group of loadVectors<Murmur2File[]>('murmur2.json')) {
    describe(`${group.source.repo} ${group.source.test}`, () => {
      it.each(group.cases.map((c) => [c.input, c.murmur2] as const))(
        'murmur2(%j) = %i',
        (input, expected) => {
          expect(murmur2(utf8Encode(input))).toBe(expected);
        },
      );
    });
  }
});

describe('key-to-partition.json', () => {
  for (const group of loadVectors<KeyToPartitionFile[]>('key-to-partition.json')) {
    describe(`${group.source.repo} ${group.source.test}`, () => {
      it.each(group.cases.map((c) => [c.keyRepr, c.keyBytesHex, c.partition] as const))(
        'key %s -> partition %i of ' + group.numPartitions,
        (_repr, hex, expected) => {
          const key = hexToBytes(hex);
          expect(partitionForKey(key, group.numPartitions)).toBe(expected);
          expect(toPositive(murmur2(key)) % group.numPartitions).toBe(expected);
        },
      );
    });
  }
});
