// The error table against Kafka's numbers, cross-checked with KafkaJS's own table.
import { describe, expect, it } from 'vitest';
import { KafkaErrorCode, kafkaErrorName, type KafkaErrorName } from '../../src/protocol';
import { kafkajsErrorCodes } from './kafkajs';

/** Names Kafka has changed since KafkaJS copied its table; the codes are the same. */
const KAFKAJS_NAMES: Partial<Record<KafkaErrorName, string>> = {
  UNKNOWN_SERVER_ERROR: 'UNKNOWN',
  NOT_LEADER_OR_FOLLOWER: 'NOT_LEADER_FOR_PARTITION',
  COORDINATOR_LOAD_IN_PROGRESS: 'GROUP_LOAD_IN_PROGRESS',
  COORDINATOR_NOT_AVAILABLE: 'GROUP_COORDINATOR_NOT_AVAILABLE',
  NOT_COORDINATOR: 'NOT_COORDINATOR_FOR_GROUP',
};

describe('KafkaErrorCode', () => {
  it('has the codes the served APIs need, with Kafka’s numbers', () => {
    expect(KafkaErrorCode).toMatchObject({
      NONE: 0,
      OFFSET_OUT_OF_RANGE: 1,
      CORRUPT_MESSAGE: 2,
      UNKNOWN_TOPIC_OR_PARTITION: 3,
      NOT_LEADER_OR_FOLLOWER: 6,
      REQUEST_TIMED_OUT: 7,
      COORDINATOR_NOT_AVAILABLE: 15,
      NOT_COORDINATOR: 16,
      NOT_ENOUGH_REPLICAS: 19,
      NOT_ENOUGH_REPLICAS_AFTER_APPEND: 20,
      ILLEGAL_GENERATION: 22,
      INCONSISTENT_GROUP_PROTOCOL: 23,
      UNKNOWN_MEMBER_ID: 25,
      INVALID_SESSION_TIMEOUT: 26,
      REBALANCE_IN_PROGRESS: 27,
      UNSUPPORTED_SASL_MECHANISM: 33,
      ILLEGAL_SASL_STATE: 34,
      UNSUPPORTED_VERSION: 35,
      TOPIC_ALREADY_EXISTS: 36,
      INVALID_PARTITIONS: 37,
      INVALID_REPLICATION_FACTOR: 38,
      INVALID_REQUEST: 42,
      OUT_OF_ORDER_SEQUENCE_NUMBER: 45,
      DUPLICATE_SEQUENCE_NUMBER: 46,
      INVALID_PRODUCER_EPOCH: 47,
      FENCED_LEADER_EPOCH: 74,
      UNKNOWN_LEADER_EPOCH: 75,
      MEMBER_ID_REQUIRED: 79,
      INVALID_RECORD: 87,
    });
  });

  it('agrees with every entry KafkaJS 2.2.4 knows', () => {
    const kafkajs = new Map(kafkajsErrorCodes.map((e) => [e.code, e.type]));
    for (const [name, code] of Object.entries(KafkaErrorCode) as [KafkaErrorName, number][]) {
      if (code === 0 || code > 88) continue; // KafkaJS has no NONE and stops at 88
      expect(kafkajs.get(code), name).toBe(KAFKAJS_NAMES[name] ?? name);
    }
  });

  it('maps codes back to names, one name per code', () => {
    const codes = Object.values(KafkaErrorCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(kafkaErrorName(79)).toBe('MEMBER_ID_REQUIRED');
    expect(kafkaErrorName(12345)).toBeUndefined();
  });
});
