// Record batches as a real client sent them (issue 14, docs/plan-real-clients.md step 2): the
// leader appends the client's bytes with its offsets and leader epoch written in, followers copy
// the same batch, a fetch gives back those bytes exactly (null values, binary keys, headers and
// the client's own timestamps included), saves keep them, and a batch cut by a truncation is cut
// as bytes too. A built-in producer's batch is encoded for a real client's fetch.
import { describe, expect, it } from 'vitest';
import {
  base64Encode,
  restoreEngine,
  wireBytesOf,
  type Batch,
  type Engine,
  type ExternalAnswer,
  type Scenario,
} from '../../src/engine';
import {
  base64Decode,
  decodeRecordBatch,
  encodeRecordBatch,
  utf8Encode,
} from '../../src/engine/kernels';
import { sliceRaw } from '../../src/engine/records/rawBatch';
import { answerTo, open } from './externalClient';
import { Run, scenario } from './helpers';

const CLIENT_TIME = 1_764_806_400_000; // a wall-clock time, as KafkaJS stamps its records

function cluster(parts: Partial<Scenario> = {}): Scenario {
  return scenario({
    seed: 3,
    preset: 'kafka-defaults',
    cluster: { brokers: 3 },
    topics: [{ name: 'orders', partitions: 1, replicationFactor: 3 }],
    ...parts,
  });
}

/** A batch as KafkaJS would send it: a binary key, a null value (a tombstone), a header. */
function clientBatch(): Uint8Array {
  return encodeRecordBatch({
    baseTimestamp: CLIENT_TIME,
    records: [
      { key: utf8Encode('k1'), value: utf8Encode('first'), timestampDelta: 0, offsetDelta: 0 },
      {
        key: new Uint8Array([0xff, 0x00, 0x41]),
        value: null,
        headers: [['trace', utf8Encode('abc')]],
        timestampDelta: 5,
        offsetDelta: 1,
      },
      { key: null, value: utf8Encode('第三'), timestampDelta: 9, offsetDelta: 2 },
    ],
  });
}

function leaderOf(engine: Engine, topic: string): number {
  return engine.view().topics.find((t) => t.name === topic)!.partitions[0].leader;
}

function fetchBatches(run: Run, conn: string, reqId: number, out: ExternalAnswer[]): Batch[] {
  run.do({
    type: 'externalRequest',
    conn,
    request: {
      kind: 'fetch',
      body: {
        reqId,
        maxWaitMs: 0,
        partitions: [{ topic: 'orders', partition: 0, fetchOffset: 0, currentLeaderEpoch: -1 }],
      },
    },
  });
  const body = answerTo(run, conn, reqId, out) as {
    partitions: { error: string | null; batches: Batch[] }[];
  };
  expect(body.partitions[0].error).toBeNull();
  return body.partitions[0].batches;
}

describe('a real client produces and fetches record batches', () => {
  it('appends the bytes as sent, shows them as text, and fetches them back exactly', () => {
    const run = new Run(cluster());
    run.to(3_000);
    const out: ExternalAnswer[] = [];
    const leader = leaderOf(run.engine, 'orders');
    open(run, 'p', leader, out);
    const sent = clientBatch();
    run.do({
      type: 'externalRequest',
      conn: 'p',
      clientId: 'lab',
      request: {
        kind: 'produce',
        body: {
          reqId: 1,
          acks: -1,
          timeoutMs: 30_000,
          partitions: [{ topic: 'orders', partition: 0, records: base64Encode(sent) }],
        },
      },
    });
    const produced = answerTo(run, 'p', 1, out) as {
      results: { error: null; baseOffset: number }[];
    };
    expect(produced.results).toEqual([
      { topic: 'orders', partition: 0, error: null, baseOffset: 0 },
    ]);

    // The picture's text: UTF-8 keys and values, U+FFFD for bytes that are not, '' for null;
    // the engine's own timestamps (the simulated clock), the client's name.
    const log = run.engine.partitionLog('orders', 0);
    expect(log.map((r) => [r.key, r.value, r.producerId])).toEqual([
      ['k1', 'first', 'ext:lab'],
      ['\uFFFD\u0000A', '', 'ext:lab'],
      [null, '第三', 'ext:lab'],
    ]);
    expect(log[0].timestamp).toBeLessThan(10_000);

    const batches = fetchBatches(run, 'p', 2, out);
    expect(batches).toHaveLength(1);
    const back = wireBytesOf(batches[0]);
    const epoch = run.engine.view().topics[0].partitions[0].leaderEpoch;
    // Only baseOffset and partitionLeaderEpoch differ from what was sent (the CRC stays valid).
    const decodedBack = decodeRecordBatch(back);
    const decodedSent = decodeRecordBatch(sent);
    expect(decodedBack).toEqual({ ...decodedSent, baseOffset: 0, partitionLeaderEpoch: epoch });
    expect(back.subarray(16)).toEqual(sent.subarray(16));

    // Every replica holds the same batch (followers copied it).
    for (const brokerId of [1, 2, 3]) {
      const replica = run.engine.partitionLog('orders', 0, { brokerId });
      expect(replica.map((r) => r.value)).toEqual(['first', '', '第三']);
    }

    // A save keeps the bytes: the restored engine fetches the same.
    const restored = restoreEngine(run.engine.save());
    const again = new Run(cluster());
    (again as { engine: Engine }).engine = restored;
    const batchesAgain = fetchBatches(again, 'p', 3, []);
    expect(wireBytesOf(batchesAgain[0])).toEqual(back);
  });

  it("encodes a built-in producer's batch for a real client: keys, values, offsets, epoch", () => {
    const run = new Run(
      cluster({
        producers: [{ id: 'clicks', topic: 'orders', ratePerSec: 20, keys: ['a', 'b'] }],
      }),
    );
    run.to(4_000);
    const out: ExternalAnswer[] = [];
    open(run, 'c', leaderOf(run.engine, 'orders'), out);
    const batches = fetchBatches(run, 'c', 1, out);
    expect(batches.length).toBeGreaterThan(0);
    const log = run.engine.partitionLog('orders', 0, { limit: 1000 });
    const decoded = batches.flatMap((b) => {
      const batch = decodeRecordBatch(wireBytesOf(b));
      expect(batch.baseOffset).toBe(b.baseOffset);
      return batch.records.map((r) => ({
        offset: batch.baseOffset + r.offsetDelta,
        key: r.key === null ? null : new TextDecoder().decode(r.key),
        value: new TextDecoder().decode(r.value!),
        timestamp: batch.baseTimestamp + r.timestampDelta,
      }));
    });
    expect(decoded).toEqual(
      log.slice(0, decoded.length).map((r) => ({
        offset: r.offset,
        key: r.key,
        value: r.value,
        timestamp: r.timestamp,
      })),
    );
  });

  it('refuses a produce command whose records are not a record batch, naming the field', () => {
    const run = new Run(cluster());
    run.to(2_000);
    const out: ExternalAnswer[] = [];
    open(run, 'p', 1, out);
    const result = run.engine.dispatch({
      type: 'externalRequest',
      conn: 'p',
      request: {
        kind: 'produce',
        body: {
          reqId: 1,
          acks: 1,
          timeoutMs: 1000,
          partitions: [
            { topic: 'orders', partition: 0, records: base64Encode(new Uint8Array(70)) },
          ],
        },
      },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_VALUE', field: 'request.body.partitions[0].records' },
    });
  });
});

describe('ListOffsets', () => {
  it('finds by time on the simulated clock, -1 when nothing is that new, and names an unknown topic', () => {
    const run = new Run(
      cluster({ producers: [{ id: 'clicks', topic: 'orders', ratePerSec: 10, keys: null }] }),
    );
    run.to(5_000);
    const out: ExternalAnswer[] = [];
    open(run, 'a', leaderOf(run.engine, 'orders'), out);
    const log = run.engine.partitionLog('orders', 0, { limit: 1000 });
    const middle = log[Math.floor(log.length / 2)];
    run.do({
      type: 'externalRequest',
      conn: 'a',
      request: {
        kind: 'list-offsets',
        body: {
          reqId: 1,
          partitions: [
            { topic: 'orders', partition: 0, timestamp: middle.timestamp },
            { topic: 'orders', partition: 0, timestamp: 10_000_000 },
            { topic: 'nope', partition: 0, timestamp: -1 },
          ],
        },
      },
    });
    const body = answerTo(run, 'a', 1, out) as {
      results: { error: string | null; offset: number }[];
    };
    expect(body.results[0]).toMatchObject({ error: null });
    expect(log.find((r) => r.timestamp >= middle.timestamp)!.offset).toBe(body.results[0].offset);
    expect(body.results[1]).toMatchObject({ error: null, offset: -1 });
    expect(body.results[2]).toMatchObject({ error: 'UNKNOWN_TOPIC_OR_PARTITION', offset: -1 });
  });
});

describe('sliceRaw', () => {
  it('keeps records [start, end) with offsets, sequence and timestamps moved; the CRC is valid', () => {
    const sent = encodeRecordBatch({
      baseOffset: 100,
      baseTimestamp: CLIENT_TIME,
      producerId: 7,
      producerEpoch: 0,
      baseSequence: 40,
      records: [0, 1, 2, 3].map((i) => ({
        key: utf8Encode(`k${i}`),
        value: utf8Encode(`v${i}`),
        timestampDelta: i * 10,
        offsetDelta: i,
      })),
    });
    const cut = decodeRecordBatch(base64Decode(sliceRaw(base64Encode(sent), 1, 3)));
    expect(cut.baseOffset).toBe(101);
    expect(cut.baseSequence).toBe(41);
    expect(cut.baseTimestamp).toBe(CLIENT_TIME + 10);
    expect(cut.maxTimestamp).toBe(CLIENT_TIME + 20);
    expect(cut.lastOffsetDelta).toBe(1);
    expect(cut.records.map((r) => new TextDecoder().decode(r.value!))).toEqual(['v1', 'v2']);
    expect(cut.records.map((r) => r.offsetDelta)).toEqual([0, 1]);
  });
});
