// Every vector file the kernels reproduce must be present and non-empty: a missing file must fail
// loudly rather than let its tests vanish.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFORMANCE_DIR, loadVectors } from './vectors';

const KERNEL_VECTOR_FILES = [
  'assignors.json',
  'crc32c.json',
  'key-to-partition.json',
  'murmur2.json',
  'producer-partitioner.json',
  'record-batch-v2.json',
  'replica-assignment.json',
];

describe('conformance vector files', () => {
  it.each(KERNEL_VECTOR_FILES)('%s is present and holds cases', (file) => {
    expect(readdirSync(CONFORMANCE_DIR)).toContain(file);
    const data = loadVectors<unknown>(file);
    expect(Array.isArray(data) ? data.length : Object.keys(data as object).length).toBeGreaterThan(
      0,
    );
  });
});
