// Request frames in and out. decodeRequest never throws: a frame that cannot be served comes back
// as an error saying which API, which field and why, and what Kafka does about it (README).
import {
  APIS,
  apiNameForKey,
  codecsFor,
  requireCodecs,
  versionRange,
  type ApiName,
  type RequestBodies,
} from './apis';
import { Reader, toDecodeError } from './bytes/reader';
import { framed } from './bytes/writer';
import type { DecodeError, DecodeResult } from './decodeResult';
import { readClientId, readHeaderPrefix, writeRequestHeader, type RequestHeader } from './headers';

/** A decoded request: the header fields and the typed body, discriminated by apiName. */
export type DecodedRequest = {
  [N in ApiName]: RequestHeader & { apiName: N; body: RequestBodies[N] };
}[ApiName];

/** What to do with a request that cannot be decoded, as Kafka does it. */
export type RequestErrorAction =
  /** Kafka closes the connection (bad header, unknown key, unsupported version, bad body). */
  | 'close-connection'
  /** ApiVersions at a version we do not serve: answer with encodeUnsupportedApiVersionsResponse. */
  | 'answer-unsupported-version';

export interface RequestDecodeError extends DecodeError {
  action: RequestErrorAction;
  /** Whatever of the header could be read before the failure (null if not reached). */
  apiKey: number | null;
  apiName: ApiName | null;
  apiVersion: number | null;
  correlationId: number | null;
}

/** Decodes one request frame (the bytes after the size prefix). Never throws. */
export function decodeRequest(
  payload: Uint8Array,
): DecodeResult<DecodedRequest, RequestDecodeError> {
  const r = new Reader(payload);
  const known: Pick<RequestDecodeError, 'apiKey' | 'apiName' | 'apiVersion' | 'correlationId'> = {
    apiKey: null,
    apiName: null,
    apiVersion: null,
    correlationId: null,
  };
  try {
    const prefix = readHeaderPrefix(r);
    Object.assign(known, prefix);
    const apiName = apiNameForKey(prefix.apiKey);
    if (apiName === undefined) {
      return failure(known, 'close-connection', {
        reason: 'unknown-api-key',
        field: 'header.apiKey',
        message: `api key ${prefix.apiKey} is not served by this broker`,
      });
    }
    known.apiName = apiName;
    const codecs = codecsFor(apiName, prefix.apiVersion);
    if (codecs === undefined) {
      const { minVersion, maxVersion } = versionRange(apiName);
      return failure(
        known,
        apiName === 'ApiVersions' ? 'answer-unsupported-version' : 'close-connection',
        {
          reason: 'unsupported-version',
          field: 'header.apiVersion',
          message: `${apiName} v${prefix.apiVersion} is not served (versions ${minVersion}-${maxVersion})`,
        },
      );
    }
    const clientId = readClientId(r);
    r.enter('body');
    const body = codecs.request.read(r);
    r.leave();
    return { ok: true, value: { ...prefix, clientId, apiName, body } as DecodedRequest };
  } catch (e) {
    return failure(known, 'close-connection', toDecodeError(e, r));
  }
}

function failure(
  known: Pick<RequestDecodeError, 'apiKey' | 'apiName' | 'apiVersion' | 'correlationId'>,
  action: RequestErrorAction,
  detail: DecodeError,
): { ok: false; error: RequestDecodeError } {
  const where = known.apiName ? `${known.apiName} v${known.apiVersion} request` : 'request';
  return {
    ok: false,
    error: { ...known, ...detail, action, message: `${where}: ${detail.message}` },
  };
}

export interface RequestTarget<N extends ApiName> {
  apiName: N;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}

/**
 * Encodes a request frame, size prefix included: what a client sends. The broker side never needs
 * it; tests and simulated clients do. Throws on a version this layer does not serve.
 */
export function encodeRequest<N extends ApiName>(
  to: RequestTarget<N>,
  body: RequestBodies[N],
): Uint8Array {
  const codecs = requireCodecs(to.apiName, to.apiVersion);
  return framed((w) => {
    writeRequestHeader(w, { ...to, apiKey: APIS[to.apiName].apiKey });
    codecs.request.write(w, body);
  });
}
