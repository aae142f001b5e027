// Every request and response of every served version survives encode -> decode unchanged, for
// random bodies built from the message layouts themselves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APIS,
  API_NAMES,
  decodeRequest,
  decodeResponse,
  encodeRequest,
  encodeResponse,
  type ApiName,
} from '../../src/protocol';
import { arbitraryFor } from './arbitraries';
import { fcParams } from './seed';

const served = API_NAMES.flatMap((apiName) =>
  Object.keys(APIS[apiName].versions).map((v) => [apiName, Number(v)] as [ApiName, number]),
);

const header = fc.record({
  correlationId: fc.integer({ min: -0x80000000, max: 0x7fffffff }),
  clientId: fc.option(fc.string({ unit: 'grapheme', maxLength: 10 }), { nil: null }),
});

describe.each(served)('%s v%i', (apiName, apiVersion) => {
  const codecs = APIS[apiName].versions[apiVersion];

  it('request: encodeRequest -> decodeRequest', () => {
    fc.assert(
      fc.property(header, arbitraryFor(codecs.request.shape), (h, body) => {
        const frame = encodeRequest({ apiName, apiVersion, ...h }, body as never);
        expect(new DataView(frame.buffer).getInt32(0)).toBe(frame.length - 4);
        const decoded = decodeRequest(frame.subarray(4));
        expect(decoded).toEqual({
          ok: true,
          value: { apiKey: APIS[apiName].apiKey, apiName, apiVersion, ...h, body },
        });
      }),
      fcParams(100),
    );
  });

  it('response: encodeResponse -> decodeResponse', () => {
    fc.assert(
      fc.property(header, arbitraryFor(codecs.response.shape), (h, body) => {
        const frame = encodeResponse(
          { apiName, apiVersion, correlationId: h.correlationId },
          body as never,
        );
        expect(new DataView(frame.buffer).getInt32(0)).toBe(frame.length - 4);
        expect(decodeResponse(apiName, apiVersion, frame.subarray(4))).toEqual({
          ok: true,
          value: { correlationId: h.correlationId, body },
        });
      }),
      fcParams(100),
    );
  });
});

it('every API KafkaJS 2.2.4 uses is served at exactly the version it uses (kafka-spec 9.2)', () => {
  expect(Object.fromEntries(served.map(([n, v]) => [`${n} v${v}`, APIS[n].apiKey]))).toEqual({
    'Produce v7': 0,
    'Fetch v11': 1,
    'ListOffsets v3': 2,
    'Metadata v6': 3,
    'OffsetCommit v5': 8,
    'OffsetFetch v4': 9,
    'FindCoordinator v2': 10,
    'JoinGroup v5': 11,
    'Heartbeat v3': 12,
    'LeaveGroup v3': 13,
    'SyncGroup v3': 14,
    'DescribeGroups v2': 15,
    'ListGroups v2': 16,
    'SaslHandshake v0': 17,
    'SaslHandshake v1': 17,
    'ApiVersions v0': 18,
    'ApiVersions v1': 18,
    'ApiVersions v2': 18,
    'CreateTopics v3': 19,
    'DeleteTopics v1': 20,
    'InitProducerId v1': 22,
  });
});
