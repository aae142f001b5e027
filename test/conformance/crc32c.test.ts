import { describe, expect, it } from 'vitest';
import { crc32c, utf8Encode } from '../../src/engine/kernels';
import { LOREM_1024 } from './fixtures';
import { asciiBytes, hexToBytes, loadVectors } from './vectors';

interface Crc32cCase {
  inputAscii?: string;
  inputUtf8?: string;
  input?: string;
  crc32c: number;
}
interface Crc32cFile {
  source: { repo?: string; test?: string; note?: string };
  cases: Crc32cCase[];
}
interface RecordBatchFile {
  hex: string;
}

/**
 * The bytes of a case. Two cases only describe their input in words; both are rebuilt exactly:
 * the 1024-char lorem string of KafkaJS's spec (fixtures.ts) and crcPayload.json, which is the
 * hex of the record-batch vector. Anything else undescribed fails the test.
 */
function inputOf(c: Crc32cCase): Uint8Array {
  if (c.inputAscii !== undefined) return asciiBytes(c.inputAscii);
  if (c.inputUtf8 !== undefined) return utf8Encode(c.inputUtf8);
  if (c.input?.includes('1024-char') && c.input.includes('Lorem ipsum')) {
    expect(LOREM_1024).toHaveLength(1024);
    return asciiBytes(LOREM_1024);
  }
  if (c.input?.includes('crcPayload')) {
    const [batch] = loadVectors<RecordBatchFile[]>('record-batch-v2.json');
    return hexToBytes(batch.hex);
  }
  throw new Error(`no way to rebuild the input of ${JSON.stringify(c)}`);
}

describe('crc32c.json', () => {
  for (const group of loadVectors<Crc32cFile[]>('crc32c.json')) {
    const label = group.source.repo ? `${group.source.repo} ${group.source.test}` : 'check value';
    describe(label, () => {
      it.each(
        group.cases.map(
          (c) => [JSON.stringify(c.inputAscii ?? c.inputUtf8 ?? c.input), c] as const,
        ),
      )('crc32c(%s)', (_label, c) => {
        expect(crc32c(inputOf(c))).toBe(c.crc32c);
      });
    });
  }
});
