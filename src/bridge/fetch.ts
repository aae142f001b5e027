// Fetch (v11) between the wire and the engine. The engine's answer carries stored batches; the
// wire carries their bytes: as the producer sent them if it was a real client, else encoded
// (engine records/wireBytes.ts). Without transactions the last stable offset is the high
// watermark, so read_committed and read_uncommitted read the same records. Fetch sessions are
// not kept (session id 0: every fetch names all its partitions, as KafkaJS's do).
import { wireBytesOf, type ExternalRequest, type MessageBodies } from '../engine';
import { concatRecordBatches, type FetchRequest, type FetchResponse } from '../protocol';
import { errorCode } from './metadata';

/** The engine's answer to a `fetch` request (broker/fetchResponses.ts respondConsumerFetch). */
export type EngineFetchAnswer = MessageBodies['fetch-response'];

export function fetchRequest(correlationId: number, body: FetchRequest): ExternalRequest {
  return {
    kind: 'fetch',
    body: {
      reqId: correlationId,
      maxWaitMs: Math.max(0, body.maxWaitMs),
      partitions: body.topics.flatMap((t) =>
        t.partitions.map((p) => ({
          topic: t.topic,
          partition: p.partition,
          fetchOffset: p.fetchOffset,
          currentLeaderEpoch: p.currentLeaderEpoch,
        })),
      ),
    },
  };
}

export function fetchResponse(answer: EngineFetchAnswer): FetchResponse {
  const responses: FetchResponse['responses'] = [];
  for (const p of answer.partitions) {
    let topic = responses[responses.length - 1];
    if (topic?.topic !== p.topic) responses.push((topic = { topic: p.topic, partitions: [] }));
    topic.partitions.push({
      partitionIndex: p.partition,
      errorCode: errorCode(p.error),
      highWatermark: p.highWatermark,
      lastStableOffset: p.highWatermark,
      logStartOffset: p.logStartOffset,
      abortedTransactions: null,
      preferredReadReplica: -1,
      records: concatRecordBatches(p.batches.map(wireBytesOf)),
    });
  }
  return { throttleTimeMs: 0, errorCode: 0, sessionId: 0, responses };
}
