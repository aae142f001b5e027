// Request header v1 (every non-flexible request version, so every one served here) and response
// header v0 (correlation id only).
import type { Reader } from './bytes/reader';
import type { Writer } from './bytes/writer';

export interface RequestHeader {
  apiKey: number;
  apiVersion: number;
  /** Echoed in the response; clients match responses to requests by it. */
  correlationId: number;
  /** Nullable on the wire; Kafka treats null as "". */
  clientId: string | null;
}

/** The part of every request header (v0, v1, v2) that comes before the client id. */
export function readHeaderPrefix(r: Reader): Omit<RequestHeader, 'clientId'> {
  r.enter('header');
  r.enter('apiKey');
  const apiKey = r.int16();
  r.leave();
  r.enter('apiVersion');
  const apiVersion = r.int16();
  r.leave();
  r.enter('correlationId');
  const correlationId = r.int32();
  r.leave();
  r.leave();
  return { apiKey, apiVersion, correlationId };
}

export function readClientId(r: Reader): string | null {
  r.enter('header');
  r.enter('clientId');
  const clientId = r.nullableString();
  r.leave();
  r.leave();
  return clientId;
}

export function writeRequestHeader(w: Writer, header: RequestHeader): void {
  w.int16(header.apiKey).int16(header.apiVersion).int32(header.correlationId);
  w.nullableString(header.clientId);
}

export function writeResponseHeader(w: Writer, correlationId: number): void {
  w.int32(correlationId);
}
