// Record batches kept as the client sent them: Kafka's produce-time checks, the append-time
// rewrites, and the Fetch path back to KafkaJS.
import { describe, expect, it } from 'vitest';
import { crc32c, utf8Decode } from '../../src/engine/kernels';
import {
  KafkaErrorCode,
  assignOffsets,
  checkProduceRecords,
  concatRecordBatches,
  decodeBatchRecords,
  decodeRequest,
  encodeRecordBatch,
  encodeResponse,
  hasValidCrc,
  readRecordBatchHeader,
  setLogAppendTime,
} from '../../src/protocol';
import { hexToBytes, loadVectors } from '../conformance/vectors';
import { decodeWithKafkaJs, encodeWithKafkaJs, kafkajsProtocol, kafkajsResponse } from './kafkajs';

interface RecordBatchVector {
  hex: string;
  decoded: { lastOffsetDelta: number; baseTimestamp: number; recordCount: number };
}

const VECTOR_CRC = 818496390;

/** The conformance vector holds attributes..end; put the 21 header bytes before the CRC in front. */
function vectorBatch(): Uint8Array {
  const [vector] = loadVectors<RecordBatchVector[]>('record-batch-v2.json');
  const covered = hexToBytes(vector.hex);
  const out = new Uint8Array(21 + covered.length);
  const view = new DataView(out.buffer);
  view.setInt32(8, out.length - 12);
  view.setInt8(16, 2);
  view.setUint32(17, VECTOR_CRC);
  out.set(covered, 21);
  return out;
}

/** Rewrites the CRC after a test edits covered bytes. */
function recrc(batch: Uint8Array): Uint8Array {
  new DataView(batch.buffer, batch.byteOffset).setUint32(17, crc32c(batch, 21, batch.length));
  return batch;
}

function edited(edit: (view: DataView, bytes: Uint8Array) => void, withCrc = true): Uint8Array {
  const bytes = vectorBatch();
  edit(new DataView(bytes.buffer), bytes);
  return withCrc ? recrc(bytes) : bytes;
}

describe('record-batch-v2.json (KafkaJS CRC-32C fixture)', () => {
  it('passes the produce checks with the header the vector describes', () => {
    const batch = vectorBatch();
    expect(hasValidCrc(batch)).toBe(true);
    const check = checkProduceRecords(batch);
    if (!check.ok) throw new Error(check.message);
    expect(check.header).toMatchObject({
      baseOffset: 0,
      magic: 2,
      crc: VECTOR_CRC,
      attributes: 0,
      lastOffsetDelta: 2,
      baseTimestamp: 1509928155660,
      maxTimestamp: 1509928155660,
      producerId: -1,
      producerEpoch: 0,
      baseSequence: 0,
      recordCount: 3,
    });
  });

  it('assignOffsets rewrites baseOffset and partitionLeaderEpoch only; the CRC stays valid', () => {
    const batch = vectorBatch();
    const appended = assignOffsets(batch, 5_000_000_000, 7);
    expect(hasValidCrc(appended)).toBe(true);
    expect(appended.subarray(16)).toEqual(batch.subarray(16));
    expect(readRecordBatchHeader(appended)).toMatchObject({
      ok: true,
      value: { baseOffset: 5_000_000_000, partitionLeaderEpoch: 7, crc: VECTOR_CRC },
    });
    expect(batch[7]).toBe(0); // the input is not touched
  });

  it('never writes into a Node Buffer it was given (Buffer#slice shares memory)', () => {
    const input = Buffer.from(vectorBatch());
    const before = Buffer.from(input);
    assignOffsets(input, 9, 9);
    setLogAppendTime(input, 1);
    expect(input.equals(before)).toBe(true);
  });

  it('setLogAppendTime sets the timestamp type and maxTimestamp and recomputes the CRC', () => {
    const stamped = setLogAppendTime(vectorBatch(), 1700000000123);
    const header = readRecordBatchHeader(stamped);
    if (!header.ok) throw new Error(header.error.message);
    expect(header.value.attributes & 0x08).toBe(0x08);
    expect(header.value.maxTimestamp).toBe(1700000000123);
    expect(header.value.baseTimestamp).toBe(1509928155660);
    expect(header.value.crc).not.toBe(VECTOR_CRC);
    expect(hasValidCrc(stamped)).toBe(true);
    expect(setLogAppendTime(stamped, 1700000000123)).toEqual(stamped);
  });

  it('decodes its records', () => {
    const decoded = decodeBatchRecords(vectorBatch());
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.records.map((r) => r.key && utf8Decode(r.key))).toEqual([
      'key-82cf093c743bd3836e18',
      'key-06e3f59abd27ecf561a3',
      'key-f370294cf39e565017a6',
    ]);
  });
});

describe('checkProduceRecords answers as Kafka does', () => {
  const INVALID_RECORD = KafkaErrorCode.INVALID_RECORD;
  const CORRUPT_MESSAGE = KafkaErrorCode.CORRUPT_MESSAGE;
  const two = () => concatRecordBatches([vectorBatch(), vectorBatch()]);

  it.each<[string, () => Uint8Array | null, number]>([
    ['null records', () => null, INVALID_RECORD],
    ['no bytes', () => new Uint8Array(0), INVALID_RECORD],
    ['a batch cut short', () => vectorBatch().subarray(0, 100), INVALID_RECORD],
    ['two batches', two, INVALID_RECORD],
    ['magic 1', () => edited((v) => v.setInt8(16, 1), false), INVALID_RECORD],
    ['magic 3', () => edited((v) => v.setInt8(16, 3), false), CORRUPT_MESSAGE],
    ['a batch length below 14', () => edited((v) => v.setInt32(8, 13), false), CORRUPT_MESSAGE],
    [
      'a second batch with a corrupt size',
      () => concatRecordBatches([vectorBatch(), new Uint8Array(12)]),
      CORRUPT_MESSAGE,
    ],
    ['a CRC mismatch', () => edited((_v, b) => (b[b.length - 1] ^= 1), false), CORRUPT_MESSAGE],
    ['a batch shorter than its header', () => edited((v) => v.setInt32(8, 40)), CORRUPT_MESSAGE],
    ['lastOffsetDelta off by one', () => edited((v) => v.setInt32(23, 3)), INVALID_RECORD],
    ['record count 0', () => edited((v) => v.setInt32(57, 0)), INVALID_RECORD],
    ['a control batch', () => edited((v) => v.setInt16(21, 0x20)), INVALID_RECORD],
    ['a record that does not parse', () => edited((_v, b) => (b[61] = 0x7f)), INVALID_RECORD],
  ])('%s', (_label, records, errorCode) => {
    const check = checkProduceRecords(records());
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errorCode).toBe(errorCode);
  });

  it('ignores a trailing fragment too short to be a batch, as Kafka’s batch iterator does', () => {
    const batch = vectorBatch();
    const check = checkProduceRecords(concatRecordBatches([batch, new Uint8Array(11)]));
    if (!check.ok) throw new Error(check.message);
    expect(check.batch).toEqual(batch);
  });

  it('accepts a compressed batch without looking inside', () => {
    const check = checkProduceRecords(edited((v) => v.setInt16(21, 1)));
    expect(check.ok).toBe(true);
  });

  it('readRecordBatchHeader reports a short header instead of throwing', () => {
    expect(readRecordBatchHeader(new Uint8Array(30))).toMatchObject({
      ok: false,
      error: { reason: 'truncated', field: 'recordBatch.baseTimestamp' },
    });
  });

  it('the kernel encoder makes batches that pass', () => {
    const batch = encodeRecordBatch({
      baseTimestamp: 1700000000000,
      records: [
        { key: null, value: new Uint8Array([1]), timestampDelta: 0, offsetDelta: 0 },
        { key: null, value: null, timestampDelta: 1, offsetDelta: 1 },
      ],
    });
    expect(checkProduceRecords(batch)).toMatchObject({ ok: true, header: { recordCount: 2 } });
  });
});

describe('produce -> append -> fetch with KafkaJS at both ends', () => {
  async function producedBatch(messages: object[]): Promise<Uint8Array> {
    const protocol = kafkajsProtocol('Produce', 7, {
      acks: -1,
      timeout: 30000,
      topicData: [{ topic: 'orders', partitions: [{ partition: 0, messages }] }],
    });
    const request = decodeRequest(await encodeWithKafkaJs(protocol, 1, 'p'));
    if (!request.ok || request.value.apiName !== 'Produce') throw new Error('not a Produce');
    const check = checkProduceRecords(request.value.body.topicData[0].partitionData[0].records);
    if (!check.ok) throw new Error(check.message);
    return check.batch;
  }

  async function fetchedByKafkaJs(records: Uint8Array) {
    const frame = encodeResponse(
      { apiName: 'Fetch', apiVersion: 11, correlationId: 3 },
      {
        throttleTimeMs: 0,
        errorCode: 0,
        sessionId: 0,
        responses: [
          {
            topic: 'orders',
            partitions: [
              {
                partitionIndex: 0,
                errorCode: 0,
                highWatermark: 105,
                lastStableOffset: 105,
                logStartOffset: 0,
                abortedTransactions: null,
                preferredReadReplica: -1,
                records,
              },
            ],
          },
        ],
      },
    );
    const { data } = await decodeWithKafkaJs(kafkajsResponse('Fetch', 11), frame);
    return data as {
      responses: {
        topicName: string;
        partitions: {
          highWatermark: string;
          messages: {
            offset: string;
            key: Buffer | null;
            value: Buffer | null;
            timestamp: string;
          }[];
        }[];
      }[];
    };
  }

  it('KafkaJS reads the stored batches with the offsets the leader assigned', async () => {
    const first = await producedBatch([
      { key: 'alice', value: 'a1', timestamp: 1700000000000 },
      { key: 'bob', value: 'b1', timestamp: 1700000000001 },
      { key: 'alice', value: 'a2', timestamp: 1700000000002 },
    ]);
    const second = await producedBatch([
      { key: 'carol', value: 'c1', timestamp: 1700000000010 },
      { key: 'bob', value: 'b2', timestamp: 1700000000011 },
    ]);
    const stored = [assignOffsets(first, 100, 4), assignOffsets(second, 103, 4)];
    const data = await fetchedByKafkaJs(concatRecordBatches(stored));
    const partition = data.responses[0].partitions[0];
    expect(partition.highWatermark).toBe('105');
    expect(
      partition.messages.map((m) => [
        m.offset,
        m.key?.toString(),
        m.value?.toString(),
        m.timestamp,
      ]),
    ).toEqual([
      ['100', 'alice', 'a1', '1700000000000'],
      ['101', 'bob', 'b1', '1700000000001'],
      ['102', 'alice', 'a2', '1700000000002'],
      ['103', 'carol', 'c1', '1700000000010'],
      ['104', 'bob', 'b2', '1700000000011'],
    ]);
  });

  it('a LogAppendTime topic: KafkaJS sees the broker’s append time on every record', async () => {
    const batch = await producedBatch([
      { key: 'k', value: 'v', timestamp: 1600000000000 },
      { key: 'k', value: 'w', timestamp: 1600000000001 },
    ]);
    const stored = setLogAppendTime(assignOffsets(batch, 0, 0), 1700000009999);
    expect(hasValidCrc(stored)).toBe(true);
    const data = await fetchedByKafkaJs(stored);
    expect(data.responses[0].partitions[0].messages.map((m) => m.timestamp)).toEqual([
      '1700000009999',
      '1700000009999',
    ]);
  });
});
