// Malformed input never throws out of a public decode function: random bytes, truncated frames and
// oversized lengths all come back as error results that say which API, which field and why.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APIS,
  API_NAMES,
  checkProduceRecords,
  decodeAssignment,
  decodeBatchRecords,
  decodeRequest,
  decodeResponse,
  decodeSubscription,
  encodeRequest,
  encodeUnsupportedApiVersionsResponse,
  readRecordBatchHeader,
  type ApiName,
  type DecodeErrorReason,
} from '../../src/protocol';
import { arbitraryFor } from './arbitraries';
import { fcParams } from './seed';

const REASONS: DecodeErrorReason[] = [
  'truncated',
  'negative-length',
  'length-beyond-frame',
  'int64-not-safe',
  'malformed-varint',
  'unknown-api-key',
  'unsupported-version',
  'malformed',
];

/** What the codec-based decoders report; 'malformed' is kept for unexpected exceptions. */
const DECODER_REASONS = REASONS.filter((r) => r !== 'malformed');

const served = API_NAMES.flatMap((apiName) =>
  Object.keys(APIS[apiName].versions).map((v) => [apiName, Number(v)] as [ApiName, number]),
);

/** A frame payload (no size prefix) for a random valid request of one API version. */
function validRequest(apiName: ApiName, apiVersion: number): fc.Arbitrary<Uint8Array> {
  const shape = APIS[apiName].versions[apiVersion].request.shape;
  return arbitraryFor(shape).map((body) =>
    encodeRequest(
      { apiName, apiVersion, correlationId: 77, clientId: 'fuzz' },
      body as never,
    ).subarray(4),
  );
}

/** Request header v1: apiKey, apiVersion, correlationId, then a null clientId. */
function header(apiKey: number, apiVersion: number): Uint8Array {
  const b = new Uint8Array(10);
  const v = new DataView(b.buffer);
  v.setInt16(0, apiKey);
  v.setInt16(2, apiVersion);
  v.setInt32(4, 1234);
  v.setInt16(8, -1);
  return b;
}

/** A header for a served API version followed by random body bytes. */
const servedHeaderThenNoise = fc
  .tuple(fc.constantFrom(...served), fc.uint8Array({ maxLength: 200 }))
  .map(([[apiName, apiVersion], noise]) => {
    const out = new Uint8Array(10 + noise.length);
    out.set(header(APIS[apiName].apiKey, apiVersion));
    out.set(noise, 10);
    return out;
  });

describe('decodeRequest on malformed frames', () => {
  it('random bytes: never throws, every failure is a described error result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), servedHeaderThenNoise), (bytes) => {
        const result = decodeRequest(bytes);
        if (!result.ok) {
          // 'malformed' would mean an unexpected exception inside a decoder: a bug.
          expect(DECODER_REASONS).toContain(result.error.reason);
          expect(['close-connection', 'answer-unsupported-version']).toContain(result.error.action);
          expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
      fcParams(2000),
    );
  });

  it.each(served)(
    '%s v%i: every truncation is an error naming the API and the field',
    (apiName, apiVersion) => {
      fc.assert(
        fc.property(validRequest(apiName, apiVersion), fc.nat(), (payload, n) => {
          const cut = n % payload.length;
          const result = decodeRequest(payload.subarray(0, cut));
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(['truncated', 'length-beyond-frame']).toContain(result.error.reason);
          expect(result.error.action).toBe('close-connection');
          if (cut >= 8) {
            expect(result.error).toMatchObject({ apiName, apiVersion, correlationId: 77 });
            expect(result.error.field).toMatch(/^(header\.clientId|body\b)/);
          } else {
            expect(result.error.field).toMatch(/^header\./);
          }
        }),
        fcParams(60),
      );
    },
  );

  it.each(served)(
    '%s v%i: a random int32 written anywhere never makes it throw',
    (apiName, apiVersion) => {
      const lengths = fc.oneof(
        fc.constantFrom(0x7fffffff, -1, -2, -0x80000000, 0x10000, 0x7fff, 0xffff),
        fc.integer({ min: -0x80000000, max: 0x7fffffff }),
      );
      fc.assert(
        fc.property(validRequest(apiName, apiVersion), fc.nat(), lengths, (payload, n, value) => {
          const bytes = payload.slice();
          const at = n % Math.max(1, bytes.length - 3);
          if (bytes.length >= 4) new DataView(bytes.buffer).setInt32(at, value);
          const result = decodeRequest(bytes);
          if (!result.ok) expect(DECODER_REASONS).toContain(result.error.reason);
        }),
        fcParams(60),
      );
    },
  );
});

describe('what Kafka does with an unservable request', () => {
  it('an unknown API key closes the connection', () => {
    expect(decodeRequest(header(4, 0))).toMatchObject({
      ok: false,
      error: {
        reason: 'unknown-api-key',
        action: 'close-connection',
        apiKey: 4,
        correlationId: 1234,
      },
    });
  });

  it('an unsupported version of an API closes the connection', () => {
    expect(decodeRequest(header(0, 8))).toMatchObject({
      ok: false,
      error: {
        reason: 'unsupported-version',
        action: 'close-connection',
        apiName: 'Produce',
        apiVersion: 8,
      },
    });
  });

  it('ApiVersions at an unsupported version is answered with UNSUPPORTED_VERSION and our range', () => {
    const result = decodeRequest(header(18, 3));
    expect(result).toMatchObject({
      ok: false,
      error: {
        reason: 'unsupported-version',
        action: 'answer-unsupported-version',
        correlationId: 1234,
      },
    });
    const answer = encodeUnsupportedApiVersionsResponse(1234).subarray(4);
    expect(decodeResponse('ApiVersions', 0, answer)).toEqual({
      ok: true,
      value: {
        correlationId: 1234,
        body: {
          errorCode: 35,
          apiKeys: [{ apiKey: 18, minVersion: 0, maxVersion: 2 }],
          throttleTimeMs: 0,
        },
      },
    });
  });

  it('a records length beyond the frame names the field', () => {
    const frame = encodeRequest(
      { apiName: 'Produce', apiVersion: 7, correlationId: 9, clientId: 'c' },
      {
        transactionalId: null,
        acks: -1,
        timeoutMs: 1000,
        topicData: [
          { name: 't', partitionData: [{ index: 0, records: new Uint8Array([1, 2, 3]) }] },
        ],
      },
    ).subarray(4);
    const bytes = frame.slice();
    new DataView(bytes.buffer).setInt32(bytes.length - 7, 0x7fffffff);
    expect(decodeRequest(bytes)).toMatchObject({
      ok: false,
      error: {
        reason: 'length-beyond-frame',
        field: 'body.topicData[0].partitionData[0].records',
        apiName: 'Produce',
        action: 'close-connection',
      },
    });
  });

  it('a non-nullable string sent as null is refused; a nullable array with any negative count is null', () => {
    const metadata = encodeRequest(
      { apiName: 'Metadata', apiVersion: 6, correlationId: 1, clientId: 'c' },
      { topics: [], allowAutoTopicCreation: true },
    ).subarray(4);
    const minusFive = metadata.slice();
    new DataView(minusFive.buffer).setInt32(metadata.length - 5, -5);
    expect(decodeRequest(minusFive)).toMatchObject({ ok: true, value: { body: { topics: null } } });

    const join = encodeRequest(
      { apiName: 'FindCoordinator', apiVersion: 2, correlationId: 1, clientId: 'c' },
      { key: 'g', keyType: 0 },
    ).subarray(4);
    const nullKey = join.slice();
    new DataView(nullKey.buffer).setInt16(nullKey.length - 4, -1);
    expect(decodeRequest(nullKey)).toMatchObject({
      ok: false,
      error: { reason: 'negative-length', field: 'body.key', apiName: 'FindCoordinator' },
    });
  });
});

describe('every other public decoder on random bytes', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom(...served),
        (bytes, [apiName, v]) => {
          for (const result of [
            decodeResponse(apiName, v, bytes),
            decodeSubscription(bytes),
            decodeAssignment(bytes),
            readRecordBatchHeader(bytes),
          ]) {
            if (!result.ok) expect(DECODER_REASONS).toContain(result.error.reason);
          }
          const records = decodeBatchRecords(bytes);
          if (!records.ok) expect(records.error.reason).toBe('malformed');
          const check = checkProduceRecords(bytes);
          if (!check.ok) expect([2, 87]).toContain(check.errorCode);
        },
      ),
      fcParams(2000),
    );
  });
});
