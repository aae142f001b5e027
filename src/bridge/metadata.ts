// Metadata (v6) between the wire and the engine: the request becomes the engine's `metadata`
// request; the broker's answer becomes Kafka's response, with each broker advertised at the
// address the client reaches it on.
import type { ExternalRequest } from '../engine';
import { KafkaErrorCode, type KafkaErrorName, type MetadataRequest } from '../protocol';
import type { MetadataResponse } from '../protocol';

/** Where a client reaches each broker (`npm run broker`: 127.0.0.1, one port per broker). */
export type Advertise = (brokerId: number) => { host: string; port: number };

/** The engine's answer to a `metadata` request (broker/serve.ts handleMetadata). */
export interface EngineMetadataAnswer {
  reqId: number;
  brokers: number[];
  controllerId: number | null;
  topics: {
    name: string;
    error: string | null;
    partitions: { partition: number; replicas: number[]; leader: number; isr: number[] }[];
  }[];
}

export function metadataRequest(
  correlationId: number,
  clientId: string,
  body: MetadataRequest,
): ExternalRequest {
  return {
    kind: 'metadata',
    body: {
      reqId: correlationId,
      // KafkaJS writes an empty list as null: both ask for every topic.
      topics: body.topics === null ? null : body.topics.map((t) => t.name),
      allowAutoTopicCreation: body.allowAutoTopicCreation,
      clientId,
    },
  };
}

/** The engine's error name as Kafka's code (an unknown name is a server error). */
export function errorCode(name: string | null): number {
  if (name === null) return KafkaErrorCode.NONE;
  return KafkaErrorCode[name as KafkaErrorName] ?? KafkaErrorCode.UNKNOWN_SERVER_ERROR;
}

export function metadataResponse(
  answer: EngineMetadataAnswer,
  advertise: Advertise,
  clusterId: string,
): MetadataResponse {
  const live = new Set(answer.brokers);
  // KRaft brokers answer a random live broker as the controller (the controllers are not
  // reachable by clients); the lowest live id here, so the answer stays the same on a replay.
  const controllerId =
    answer.controllerId !== null && live.has(answer.controllerId)
      ? answer.controllerId
      : (answer.brokers[0] ?? -1);
  return {
    throttleTimeMs: 0,
    brokers: answer.brokers.map((id) => ({ nodeId: id, ...advertise(id), rack: null })),
    clusterId,
    controllerId,
    topics: answer.topics.map((t) => ({
      errorCode: errorCode(t.error),
      name: t.name,
      isInternal: t.name.startsWith('__'),
      // A leader that is not a live broker is no leader to a client (Kafka's metadata cache
      // answers NO_LEADER_ID with LEADER_NOT_AVAILABLE).
      partitions: t.partitions.map((p) => ({
        errorCode: live.has(p.leader) ? KafkaErrorCode.NONE : KafkaErrorCode.LEADER_NOT_AVAILABLE,
        partitionIndex: p.partition,
        leaderId: live.has(p.leader) ? p.leader : -1,
        replicaNodes: p.replicas,
        isrNodes: p.isr,
        offlineReplicas: p.replicas.filter((id) => !live.has(id)),
      })),
    })),
  };
}
