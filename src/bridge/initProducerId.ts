// InitProducerId (v1): an idempotent producer's id and epoch, from the engine. Transactions are
// not modelled, so a transactional producer (a transactionalId) is refused with INVALID_REQUEST,
// a code KafkaJS does not retry; the app's list of simplifications says so.
import type { ExternalRequest, MessageBodies } from '../engine';
import {
  KafkaErrorCode,
  type InitProducerIdRequest,
  type InitProducerIdResponse,
} from '../protocol';
import { errorCode } from './metadata';

/** The engine's answer to `init-producer-id` (broker/serve.ts handleInitProducerId). */
export type EngineInitProducerIdAnswer = MessageBodies['init-producer-id-response'];

/** The engine request, or null when the bridge refuses it itself (a transactional producer). */
export function initProducerIdRequest(
  correlationId: number,
  body: InitProducerIdRequest,
): ExternalRequest | null {
  if (body.transactionalId !== null) return null;
  return { kind: 'init-producer-id', body: { reqId: correlationId } };
}

export const TRANSACTIONS_REFUSED: InitProducerIdResponse = {
  throttleTimeMs: 0,
  errorCode: KafkaErrorCode.INVALID_REQUEST,
  producerId: -1,
  producerEpoch: -1,
};

export function initProducerIdResponse(answer: EngineInitProducerIdAnswer): InitProducerIdResponse {
  return {
    throttleTimeMs: 0,
    errorCode: errorCode(answer.error),
    producerId: answer.error === null ? answer.producerIdNumber : -1,
    producerEpoch: answer.error === null ? answer.producerEpoch : -1,
  };
}
