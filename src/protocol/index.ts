// The Kafka wire protocol for the API versions KafkaJS 2.2.4 uses (kafka-spec 9): pure
// TypeScript over Uint8Array, no Node or DOM APIs, importing only the engine's kernels.
// See README.md in this folder for the decisions and Kafka's behaviour on malformed input.
export {
  APIS,
  API_NAMES,
  apiNameForKey,
  supportedApiVersions,
  versionRange,
  type ApiName,
  type RequestBodies,
  type ResponseBodies,
} from './apis';
export { Reader, DecodeFailure } from './bytes/reader';
export { Writer } from './bytes/writer';
export * as codec from './codec';
export type { Codec, Infer } from './codec';
export {
  decodeAssignment,
  decodeSubscription,
  encodeAssignment,
  encodeSubscription,
  type ConsumerAssignment,
  type ConsumerSubscription,
  type TopicPartitions,
} from './consumerProtocol';
export type { DecodeError, DecodeErrorReason, DecodeResult } from './decodeResult';
export { KafkaErrorCode, kafkaErrorName, type KafkaErrorName } from './errorCodes';
export {
  DEFAULT_MAX_FRAME_BYTES,
  FrameSplitter,
  frame,
  type FrameError,
  type SplitResult,
} from './framing';
export type { RequestHeader } from './headers';
export {
  assignOffsets,
  checkProduceRecords,
  COMPRESSION_MASK,
  concatRecordBatches,
  decodeBatchRecords,
  encodeRecordBatch,
  hasValidCrc,
  readRecordBatchHeader,
  setLogAppendTime,
  type ProduceRecordsCheck,
  type RecordBatchHeader,
} from './recordBatches';
export {
  decodeRequest,
  encodeRequest,
  type DecodedRequest,
  type RequestDecodeError,
  type RequestErrorAction,
  type RequestTarget,
} from './requests';
export {
  apiVersionsResponseBody,
  decodeResponse,
  encodeResponse,
  encodeUnsupportedApiVersionsResponse,
  expectsResponse,
  refuseSaslHandshake,
  type DecodedResponse,
  type ResponseTarget,
} from './responses';
export type * from './messages/apiVersions';
export type * from './messages/createTopics';
export type * from './messages/deleteTopics';
export type * from './messages/describeGroups';
export type * from './messages/fetch';
export type * from './messages/findCoordinator';
export type * from './messages/heartbeat';
export type * from './messages/initProducerId';
export type * from './messages/joinGroup';
export type * from './messages/leaveGroup';
export type * from './messages/listGroups';
export type * from './messages/listOffsets';
export type * from './messages/metadata';
export type * from './messages/offsetCommit';
export type * from './messages/offsetFetch';
export type * from './messages/produce';
export type * from './messages/saslHandshake';
export type * from './messages/syncGroup';
