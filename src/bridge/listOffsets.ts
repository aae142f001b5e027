// ListOffsets (v3) between the wire and the engine: -1 latest, -2 earliest, else by time.
import type { ExternalRequest, MessageBodies } from '../engine';
import type { ListOffsetsRequest, ListOffsetsResponse } from '../protocol';
import { errorCode } from './metadata';

/** The engine's answer to a `list-offsets` request (broker/serve.ts handleListOffsets). */
export type EngineListOffsetsAnswer = MessageBodies['list-offsets-response'];

export function listOffsetsRequest(
  correlationId: number,
  body: ListOffsetsRequest,
): ExternalRequest {
  return {
    kind: 'list-offsets',
    body: {
      reqId: correlationId,
      partitions: body.topics.flatMap((t) =>
        t.partitions.map((p) => ({
          topic: t.name,
          partition: p.partitionIndex,
          // Any other negative time is not one Kafka knows either: ask for the latest.
          timestamp: p.timestamp < -2 ? -1 : p.timestamp,
        })),
      ),
    },
  };
}

export function listOffsetsResponse(answer: EngineListOffsetsAnswer): ListOffsetsResponse {
  const topics: ListOffsetsResponse['topics'] = [];
  for (const r of answer.results) {
    let topic = topics[topics.length - 1];
    if (topic?.name !== r.topic) topics.push((topic = { name: r.topic, partitions: [] }));
    // The record's own timestamp is not told (-1), as for the latest and earliest offsets.
    topic.partitions.push({
      partitionIndex: r.partition,
      errorCode: errorCode(r.error),
      timestamp: -1,
      offset: r.offset,
    });
  }
  return { throttleTimeMs: 0, topics };
}
