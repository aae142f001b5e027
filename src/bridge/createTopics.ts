// CreateTopics (v3) between the wire and the engine. The engine names each refusal with its own
// error code and the field it is about; Kafka's client expects Kafka's codes.
import type { ExternalRequest } from '../engine';
import { KafkaErrorCode, type CreateTopicsRequest, type CreateTopicsResponse } from '../protocol';
import { errorCode } from './metadata';

/** The engine's answer to a `create-topics` request (broker/admin.ts). */
export interface EngineCreateTopicsAnswer {
  reqId: number;
  topics: { name: string; error: string | null; field: string | null; message: string | null }[];
}

export function createTopicsRequest(
  correlationId: number,
  body: CreateTopicsRequest,
): ExternalRequest {
  return {
    kind: 'create-topics',
    body: {
      reqId: correlationId,
      topics: body.topics.map((t) => {
        const config: Record<string, string> = {};
        for (const c of t.configs) if (c.value !== null) config[c.name] = c.value;
        const sorted = [...t.assignments].sort((a, b) => a.partitionIndex - b.partitionIndex);
        return {
          name: t.name,
          partitions: t.numPartitions,
          replicationFactor: t.replicationFactor,
          ...(sorted.length > 0 ? { assignment: sorted.map((a) => a.brokerIds) } : {}),
          ...(t.configs.length > 0 ? { config } : {}),
        };
      }),
      ...(body.validateOnly ? { validateOnly: true } : {}),
    },
  };
}

export function createTopicsResponse(answer: EngineCreateTopicsAnswer): CreateTopicsResponse {
  return {
    throttleTimeMs: 0,
    topics: answer.topics.map((t) => ({
      name: t.name,
      errorCode: kafkaCode(t.error, t.field),
      errorMessage: t.message,
    })),
  };
}

/** Kafka's code for the engine's refusal of one topic. */
function kafkaCode(error: string | null, field: string | null): number {
  if (error === null) return KafkaErrorCode.NONE;
  if (error === 'INVALID_TOPIC') return KafkaErrorCode.INVALID_TOPIC_EXCEPTION;
  // The controller cannot act (no quorum, or none elected yet): clients retry elsewhere.
  if (error === 'CONTROLLER_NOT_AVAILABLE') return KafkaErrorCode.NOT_CONTROLLER;
  if (error === 'INVALID_VALUE' || error.startsWith('LIMIT')) {
    const at = field ?? '';
    if (at.endsWith('.partitions')) return KafkaErrorCode.INVALID_PARTITIONS;
    if (at.endsWith('.replicationFactor')) return KafkaErrorCode.INVALID_REPLICATION_FACTOR;
    if (at.includes('.config')) return KafkaErrorCode.INVALID_CONFIG;
    return KafkaErrorCode.INVALID_REQUEST;
  }
  return errorCode(error);
}
