// Metadata (key 3), version 6. A null topic list asks for every topic.
import {
  array,
  bool,
  int16,
  int32,
  nullableArray,
  nullableString,
  string,
  struct,
  type Infer,
} from '../codec';

export const MetadataRequestV6 = struct({
  topics: nullableArray(struct({ name: string })),
  allowAutoTopicCreation: bool,
});
export type MetadataRequest = Infer<typeof MetadataRequestV6>;

const MetadataResponseBroker = struct({
  nodeId: int32,
  host: string,
  port: int32,
  rack: nullableString,
});

const MetadataResponsePartition = struct({
  errorCode: int16,
  partitionIndex: int32,
  leaderId: int32,
  replicaNodes: array(int32),
  isrNodes: array(int32),
  offlineReplicas: array(int32),
});

const MetadataResponseTopic = struct({
  errorCode: int16,
  name: string,
  isInternal: bool,
  partitions: array(MetadataResponsePartition),
});

export const MetadataResponseV6 = struct({
  throttleTimeMs: int32,
  brokers: array(MetadataResponseBroker),
  clusterId: nullableString,
  controllerId: int32,
  topics: array(MetadataResponseTopic),
});
export type MetadataResponse = Infer<typeof MetadataResponseV6>;
