// Response frames in and out, and the few answers Kafka gives without consulting any state.
import {
  APIS,
  codecsFor,
  requireCodecs,
  supportedApiVersions,
  versionRange,
  type ApiName,
  type ResponseBodies,
} from './apis';
import { Reader, toDecodeError } from './bytes/reader';
import { framed } from './bytes/writer';
import type { DecodeResult } from './decodeResult';
import { KafkaErrorCode } from './errorCodes';
import { writeResponseHeader } from './headers';
import type { ApiVersionsResponse } from './messages/apiVersions';
import type { SaslHandshakeResponse } from './messages/saslHandshake';
import type { DecodedRequest } from './requests';

export interface ResponseTarget<N extends ApiName> {
  apiName: N;
  apiVersion: number;
  correlationId: number;
}

/**
 * Encodes a response frame (size prefix, response header v0, body) for the request it answers;
 * pass the decoded request itself as `to`. Throws on a version this layer does not serve.
 */
export function encodeResponse<N extends ApiName>(
  to: ResponseTarget<N>,
  body: ResponseBodies[N],
): Uint8Array {
  const codecs = requireCodecs(to.apiName, to.apiVersion);
  return framed((w) => {
    writeResponseHeader(w, to.correlationId);
    codecs.response.write(w, body);
  });
}

export interface DecodedResponse<N extends ApiName> {
  correlationId: number;
  body: ResponseBodies[N];
}

/** Decodes a response frame (the bytes after the size prefix): the client side. Never throws. */
export function decodeResponse<N extends ApiName>(
  apiName: N,
  apiVersion: number,
  payload: Uint8Array,
): DecodeResult<DecodedResponse<N>> {
  const codecs = codecsFor(apiName, apiVersion);
  if (codecs === undefined) {
    return {
      ok: false,
      error: {
        reason: 'unsupported-version',
        field: '',
        message: `${apiName} v${apiVersion} is not served`,
      },
    };
  }
  const r = new Reader(payload);
  try {
    r.enter('header');
    r.enter('correlationId');
    const correlationId = r.int32();
    r.leave();
    r.leave();
    r.enter('body');
    const body = codecs.response.read(r);
    return { ok: true, value: { correlationId, body } };
  } catch (e) {
    const detail = toDecodeError(e, r);
    return {
      ok: false,
      error: { ...detail, message: `${apiName} v${apiVersion} response: ${detail.message}` },
    };
  }
}

/** Produce with acks = 0 gets no response at all (the client does not wait for one). */
export function expectsResponse(request: DecodedRequest): boolean {
  return !(request.apiName === 'Produce' && request.body.acks === 0);
}

/** The ApiVersions body this broker answers with. */
export function apiVersionsResponseBody(): ApiVersionsResponse {
  return { errorCode: KafkaErrorCode.NONE, apiKeys: supportedApiVersions(), throttleTimeMs: 0 };
}

/**
 * Kafka's answer to ApiVersions at a version it does not know (KIP-511): a v0 response with
 * UNSUPPORTED_VERSION and, as the only entry, the ApiVersions range it does serve, so the client
 * retries with a version from that range.
 */
export function encodeUnsupportedApiVersionsResponse(correlationId: number): Uint8Array {
  return encodeResponse(
    { apiName: 'ApiVersions', apiVersion: 0, correlationId },
    {
      errorCode: KafkaErrorCode.UNSUPPORTED_VERSION,
      apiKeys: [{ apiKey: APIS.ApiVersions.apiKey, ...versionRange('ApiVersions') }],
      throttleTimeMs: 0,
    },
  );
}

/**
 * What a PLAINTEXT Kafka listener answers to SaslHandshake (KafkaApis.handleSaslHandshakeRequest):
 * ILLEGAL_SASL_STATE and no mechanisms. A client configured for SASL then fails cleanly.
 */
export function refuseSaslHandshake(): SaslHandshakeResponse {
  return { errorCode: KafkaErrorCode.ILLEGAL_SASL_STATE, mechanisms: [] };
}
