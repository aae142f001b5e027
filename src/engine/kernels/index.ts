// The engine's pure kernels: data in, data out, no engine state (design.md §2).
export { utf8Encode, utf8EncodeInto, utf8Decode, utf8Length } from './utf8';
export { murmur2, toPositive, partitionForKey } from './murmur2';
export { javaStringHashCode, kafkaAbs, partitionForGroup } from './javaHash';
export { crc32c } from './crc32c';
export { base64Encode, base64Decode, base64ByteLength } from './base64';
export * from './recordBatch';
export * from './partitioners';
export * from './replicaPlacement';
export * from './stripedReplicaPlacer';
export * from './highWatermark';
export * from './leaderElection';
export * from './leaderEpoch';
export * from './assignors/index';
export { parseTopicPartition } from './assignors/topicPartition';
export { javaHashMapOrder } from './javaHashMap';
