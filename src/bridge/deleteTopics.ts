// DeleteTopics (v1) between the wire and the engine: the broker forwards it to the active
// controller as it does CreateTopics, and the answer comes once the deletion is committed.
import type { MessageBodies } from '../engine';
import { KafkaErrorCode, type DeleteTopicsRequest, type DeleteTopicsResponse } from '../protocol';
import { errorCode } from './metadata';
import type { BridgePlan } from './plan';

export function deleteTopics(
  correlationId: number,
  body: DeleteTopicsRequest,
): BridgePlan<DeleteTopicsResponse> {
  return {
    request: { kind: 'delete-topics', body: { reqId: correlationId, topics: body.topicNames } },
    respond(a) {
      const answer = a as MessageBodies['delete-topics-response'];
      return {
        throttleTimeMs: 0,
        responses: answer.topics.map((t) => ({ name: t.name, errorCode: kafkaCode(t.error) })),
      };
    },
  };
}

/** Kafka's code for the engine's refusal of one topic. */
function kafkaCode(error: string | null): number {
  // Kafka's internal topics are not the client's to delete (an authorization failure in
  // Kafka; the closest code this protocol table has is a refused request).
  if (error === 'INTERNAL_TOPIC') return KafkaErrorCode.INVALID_REQUEST;
  // No controller to act (no quorum, none elected yet): clients retry elsewhere.
  if (error === 'CONTROLLER_NOT_AVAILABLE') return KafkaErrorCode.NOT_CONTROLLER;
  return errorCode(error);
}
