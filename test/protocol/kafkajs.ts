// KafkaJS 2.2.4's own protocol modules, loaded by path (they are CommonJS and untyped): the
// independent encoder/decoder our codecs are checked against.
import { createRequire } from 'node:module';
import { expect } from 'vitest';

const load = createRequire(import.meta.url);

interface KafkaJsRequest {
  apiKey: number;
  apiVersion: number;
  encode(): Promise<unknown>;
  expectResponse?: () => boolean;
}

interface KafkaJsResponse {
  decode(payload: Buffer): Promise<Record<string, unknown>>;
  parse(data: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export interface KafkaJsProtocol {
  request: KafkaJsRequest;
  response: KafkaJsResponse;
}

interface KafkaJsApi {
  versions: string[];
  protocol(opts: { version: number }): (args?: object) => KafkaJsProtocol;
}

interface KafkaJsEncoder {
  buffer: Buffer;
}

interface KafkaJsDefinition<T> {
  versions: string[];
  protocol(opts: { version: number }): T;
}

const requestsModule = load('kafkajs/src/protocol/requests') as {
  requests: Record<string, KafkaJsApi>;
  /** KafkaJS's version negotiation: min(its highest version, the broker's max), by API key. */
  lookup(
    versions: Record<number, { minVersion: number; maxVersion: number }>,
  ): <T>(apiKey: number, definition: KafkaJsDefinition<T>) => T;
};

export const kafkajsRequests = requestsModule.requests;
export const kafkajsLookup = requestsModule.lookup;

const createRequest = load('kafkajs/src/protocol/request') as (args: {
  correlationId: number;
  clientId: string;
  request: KafkaJsRequest;
}) => Promise<KafkaJsEncoder>;

export const kafkajsErrorCodes = (
  load('kafkajs/src/protocol/error') as { errorCodes: { type: string; code: number }[] }
).errorCodes;

export const { MemberMetadata, MemberAssignment } = load(
  'kafkajs/src/consumer/assignerProtocol',
) as {
  MemberMetadata: {
    encode(m: { version: number; topics: string[]; userData?: Buffer }): Buffer;
    decode(b: Buffer): { version: number; topics: string[]; userData: Buffer };
  };
  MemberAssignment: {
    encode(a: { version: number; assignment: Record<string, number[]>; userData?: Buffer }): Buffer;
    decode(b: Buffer): {
      version: number;
      assignment: Record<string, number[]>;
      userData: Buffer;
    } | null;
  };
};

export const { RecordBatch: kafkajsRecordBatch } = load('kafkajs/src/protocol/recordBatch/v0') as {
  RecordBatch(args: object): Promise<KafkaJsEncoder>;
};

export const kafkajsRecord = load('kafkajs/src/protocol/recordBatch/record/v0') as (
  args: object,
) => KafkaJsEncoder;

export const kafkajsRecordBatchDecoder = load('kafkajs/src/protocol/recordBatch/v0/decoder') as (
  decoder: unknown,
) => Promise<{ firstOffset: string; records: { offset: string; key: Buffer; value: Buffer }[] }>;

export const KafkaJsDecoder = load('kafkajs/src/protocol/decoder') as new (b: Buffer) => unknown;

/** KafkaJS's request module for one API at one version, built with `args`. */
export function kafkajsProtocol(api: string, version: number, args?: object): KafkaJsProtocol {
  return kafkajsRequests[api].protocol({ version })(args);
}

/** KafkaJS's response module (decode + parse) for one API at one version. */
export function kafkajsResponse(api: string, version: number): KafkaJsResponse {
  const dir = api === 'GroupCoordinator' ? 'findCoordinator' : api[0].toLowerCase() + api.slice(1);
  return load(`kafkajs/src/protocol/requests/${dir}/v${version}/response`) as KafkaJsResponse;
}

/** The frame KafkaJS writes for a request, without its size prefix (checked on the way). */
export async function encodeWithKafkaJs(
  protocol: KafkaJsProtocol,
  correlationId: number,
  clientId: string,
): Promise<Uint8Array> {
  const encoder = await createRequest({ correlationId, clientId, request: protocol.request });
  const framed = new Uint8Array(encoder.buffer);
  const size = new DataView(framed.buffer, framed.byteOffset).getInt32(0);
  expect(size).toBe(framed.length - 4);
  return framed.slice(4);
}

/**
 * What KafkaJS makes of a response frame (size prefix included), as its Connection does: size,
 * correlation id, then the rest to the API's decode and parse.
 */
export async function decodeWithKafkaJs(
  response: KafkaJsResponse,
  framed: Uint8Array,
): Promise<{ correlationId: number; data: Record<string, unknown> }> {
  const view = new DataView(framed.buffer, framed.byteOffset, framed.byteLength);
  expect(view.getInt32(0)).toBe(framed.length - 4);
  const correlationId = view.getInt32(4);
  const decoded = await response.decode(Buffer.from(framed.subarray(8)));
  return { correlationId, data: await response.parse(decoded) };
}

/** Buffers compared as plain byte arrays. */
export function plain(b: Uint8Array): Uint8Array {
  return new Uint8Array(b);
}
