// Produce (v7) between the wire and the engine. Each partition's record batch is checked as
// Kafka checks it before an append (protocol/recordBatches.ts); a partition that fails is
// answered by the bridge with Kafka's code and never reaches the engine, the others travel as
// the batch bytes the client sent (base64) in the engine's `produce` request.
import { base64Encode, type ExternalRequest, type MessageBodies } from '../engine';
import {
  checkProduceRecords,
  COMPRESSION_MASK,
  KafkaErrorCode,
  type ProduceRequest,
  type ProduceResponse,
} from '../protocol';
import { errorCode } from './metadata';

/** The engine's answer to a `produce` request (broker/producePurgatory.ts respondProduce). */
export type EngineProduceAnswer = MessageBodies['produce-response'];

type PartitionAnswer = ProduceResponse['responses'][number]['partitionResponses'][number];

export interface ProducePlan {
  /** What the engine is asked, or null when no partition is left to append. */
  request: ExternalRequest | null;
  /** Some partition was answered by the bridge (a bad batch, bad acks). */
  anyRefused: boolean;
  /** The response from the engine's answer (or from the bridge's refusals alone). */
  respond(answer: EngineProduceAnswer | null): ProduceResponse;
}

export function produceRequest(correlationId: number, body: ProduceRequest): ProducePlan {
  const refused = new Map<string, number>();
  const partitions: { topic: string; partition: number; records: string }[] = [];
  const validAcks = body.acks === 0 || body.acks === 1 || body.acks === -1;
  for (const topic of body.topicData) {
    for (const p of topic.partitionData) {
      const key = `${topic.name}\u0000${p.index}`;
      if (!validAcks) {
        refused.set(key, KafkaErrorCode.INVALID_REQUIRED_ACKS);
        continue;
      }
      const check = checkProduceRecords(p.records);
      if (!check.ok) refused.set(key, check.errorCode);
      // The engine keeps what it can show; compression codecs are not wired (a simplification).
      else if ((check.header.attributes & COMPRESSION_MASK) !== 0)
        refused.set(key, KafkaErrorCode.UNSUPPORTED_COMPRESSION_TYPE);
      else
        partitions.push({
          topic: topic.name,
          partition: p.index,
          records: base64Encode(check.batch),
        });
    }
  }
  const request: ExternalRequest | null =
    partitions.length === 0
      ? null
      : {
          kind: 'produce',
          body: {
            reqId: correlationId,
            acks: body.acks as 0 | 1 | -1,
            timeoutMs: Math.max(0, body.timeoutMs),
            partitions,
          },
        };
  return {
    request,
    anyRefused: refused.size > 0,
    respond(answer) {
      const results = new Map<string, EngineProduceAnswer['results'][number]>();
      for (const r of answer?.results ?? []) results.set(`${r.topic}\u0000${r.partition}`, r);
      return {
        responses: body.topicData.map((topic) => ({
          name: topic.name,
          partitionResponses: topic.partitionData.map((p): PartitionAnswer => {
            const key = `${topic.name}\u0000${p.index}`;
            const result = results.get(key);
            const code = refused.get(key) ?? errorCode(result?.error ?? null);
            return {
              index: p.index,
              errorCode: code,
              baseOffset: code === KafkaErrorCode.NONE ? (result?.baseOffset ?? -1) : -1,
              logAppendTimeMs: -1,
              logStartOffset: -1,
            };
          }),
        })),
        throttleTimeMs: 0,
      };
    },
  };
}
