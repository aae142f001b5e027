// DeleteTopics (key 20), version 1: the highest KafkaJS 2.2.4 implements.
import { array, int16, int32, string, struct, type Infer } from '../codec';

export const DeleteTopicsRequestV1 = struct({ topicNames: array(string), timeoutMs: int32 });
export type DeleteTopicsRequest = Infer<typeof DeleteTopicsRequestV1>;

export const DeleteTopicsResponseV1 = struct({
  throttleTimeMs: int32,
  responses: array(struct({ name: string, errorCode: int16 })),
});
export type DeleteTopicsResponse = Infer<typeof DeleteTopicsResponseV1>;
