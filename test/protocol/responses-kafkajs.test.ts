// Responses encoded here are read by KafkaJS 2.2.4's own response decoders (decode + parse, as its
// Connection calls them) the way we meant them, errors included.
import { describe, expect, it } from 'vitest';
import {
  KafkaErrorCode,
  apiVersionsResponseBody,
  encodeResponse,
  encodeUnsupportedApiVersionsResponse,
  refuseSaslHandshake,
  type ApiName,
  type ResponseBodies,
} from '../../src/protocol';
import {
  MemberAssignment,
  decodeWithKafkaJs,
  kafkajsLookup,
  kafkajsRequests,
  kafkajsResponse,
} from './kafkajs';
import { encodeAssignment } from '../../src/protocol';

/** KafkaJS's API names (apiKeys.js) for the APIs served here. */
const KAFKAJS_API_KEYS: Record<string, number> = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  OffsetCommit: 8,
  OffsetFetch: 9,
  GroupCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  SaslHandshake: 17,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
  InitProducerId: 22,
};

async function readByKafkaJs<N extends ApiName>(
  apiName: N,
  kafkajsApi: string,
  version: number,
  body: ResponseBodies[N],
): Promise<Record<string, unknown>> {
  const frame = encodeResponse({ apiName, apiVersion: version, correlationId: 99 }, body);
  const { correlationId, data } = await decodeWithKafkaJs(
    kafkajsResponse(kafkajsApi, version),
    frame,
  );
  expect(correlationId).toBe(99);
  return data;
}

/** The error KafkaJS throws from parse, as { type, code }. */
async function kafkajsErrorFor<N extends ApiName>(
  apiName: N,
  kafkajsApi: string,
  version: number,
  body: ResponseBodies[N],
): Promise<Record<string, unknown>> {
  try {
    await readByKafkaJs(apiName, kafkajsApi, version, body);
  } catch (e) {
    return e as Record<string, unknown>;
  }
  throw new Error('KafkaJS accepted the response');
}

describe('ApiVersions', () => {
  it.each([0, 1, 2])('v%i: KafkaJS reads the advertised table', async (version) => {
    const data = await readByKafkaJs(
      'ApiVersions',
      'ApiVersions',
      version,
      apiVersionsResponseBody(),
    );
    expect(data.errorCode).toBe(0);
    expect(data.apiVersions).toEqual(apiVersionsResponseBody().apiKeys);
  });

  it("KafkaJS's own negotiation picks exactly the versions we serve", () => {
    const advertised = Object.fromEntries(
      apiVersionsResponseBody().apiKeys.map((v) => [v.apiKey, v]),
    );
    const negotiate = kafkajsLookup(advertised);
    const chosen = Object.fromEntries(
      Object.entries(KAFKAJS_API_KEYS).map(([api, apiKey]) => [
        api,
        negotiate<number>(apiKey, {
          versions: kafkajsRequests[api].versions,
          protocol: ({ version }: { version: number }) => version,
        }),
      ]),
    );
    expect(chosen).toEqual({
      Produce: 7,
      Fetch: 11,
      ListOffsets: 3,
      Metadata: 6,
      OffsetCommit: 5,
      OffsetFetch: 4,
      GroupCoordinator: 2,
      JoinGroup: 5,
      Heartbeat: 3,
      LeaveGroup: 3,
      SyncGroup: 3,
      DescribeGroups: 2,
      ListGroups: 2,
      SaslHandshake: 1,
      ApiVersions: 2,
      CreateTopics: 3,
      DeleteTopics: 1,
      InitProducerId: 1,
    });
  });

  it('an unsupported ApiVersions version gets UNSUPPORTED_VERSION, which KafkaJS retries below', async () => {
    const frame = encodeUnsupportedApiVersionsResponse(5);
    await expect(decodeWithKafkaJs(kafkajsResponse('ApiVersions', 0), frame)).rejects.toMatchObject(
      {
        type: 'UNSUPPORTED_VERSION',
        code: 35,
      },
    );
  });
});

describe('Metadata v6', () => {
  it('brokers, controller and partitions read back', async () => {
    const data = await readByKafkaJs('Metadata', 'Metadata', 6, {
      throttleTimeMs: 0,
      brokers: [
        { nodeId: 1, host: '127.0.0.1', port: 9092, rack: null },
        { nodeId: 2, host: '127.0.0.1', port: 9093, rack: 'rack-b' },
      ],
      clusterId: 'kafka-visual-sim',
      controllerId: 2,
      topics: [
        {
          errorCode: 0,
          name: 'orders',
          isInternal: false,
          partitions: [
            {
              errorCode: 0,
              partitionIndex: 0,
              leaderId: 2,
              replicaNodes: [2, 1],
              isrNodes: [2],
              offlineReplicas: [1],
            },
          ],
        },
      ],
    });
    expect(data).toMatchObject({
      brokers: [
        { nodeId: 1, host: '127.0.0.1', port: 9092, rack: null },
        { nodeId: 2, host: '127.0.0.1', port: 9093, rack: 'rack-b' },
      ],
      clusterId: 'kafka-visual-sim',
      controllerId: 2,
      topicMetadata: [
        {
          topicErrorCode: 0,
          topic: 'orders',
          isInternal: false,
          partitionMetadata: [
            {
              partitionErrorCode: 0,
              partitionId: 0,
              leader: 2,
              replicas: [2, 1],
              isr: [2],
              offlineReplicas: [1],
            },
          ],
        },
      ],
    });
  });

  it('UNKNOWN_TOPIC_OR_PARTITION becomes KafkaJS’s retriable error', async () => {
    const error = await kafkajsErrorFor('Metadata', 'Metadata', 6, {
      throttleTimeMs: 0,
      brokers: [],
      clusterId: null,
      controllerId: -1,
      topics: [
        {
          errorCode: KafkaErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          name: 'nope',
          isInternal: false,
          partitions: [],
        },
      ],
    });
    expect(error).toMatchObject({ type: 'UNKNOWN_TOPIC_OR_PARTITION', retriable: true });
  });
});

describe('Produce v7', () => {
  it('base offsets read back as KafkaJS strings', async () => {
    const data = await readByKafkaJs('Produce', 'Produce', 7, {
      responses: [
        {
          name: 'orders',
          partitionResponses: [
            { index: 1, errorCode: 0, baseOffset: 1234, logAppendTimeMs: -1, logStartOffset: 0 },
          ],
        },
      ],
      throttleTimeMs: 0,
    });
    expect(data.topics).toEqual([
      {
        topicName: 'orders',
        partitions: [
          {
            partition: 1,
            errorCode: 0,
            baseOffset: '1234',
            logAppendTime: '-1',
            logStartOffset: '0',
          },
        ],
      },
    ]);
  });

  it.each([
    ['NOT_LEADER_OR_FOLLOWER', 'NOT_LEADER_FOR_PARTITION', true],
    ['NOT_ENOUGH_REPLICAS', 'NOT_ENOUGH_REPLICAS', true],
    ['NOT_ENOUGH_REPLICAS_AFTER_APPEND', 'NOT_ENOUGH_REPLICAS_AFTER_APPEND', true],
    ['REQUEST_TIMED_OUT', 'REQUEST_TIMED_OUT', true],
    ['CORRUPT_MESSAGE', 'CORRUPT_MESSAGE', true],
    ['OUT_OF_ORDER_SEQUENCE_NUMBER', 'OUT_OF_ORDER_SEQUENCE_NUMBER', false],
  ] as const)('%s reaches KafkaJS as %s (retriable %s)', async (ours, theirs, retriable) => {
    const error = await kafkajsErrorFor('Produce', 'Produce', 7, {
      responses: [
        {
          name: 'orders',
          partitionResponses: [
            {
              index: 0,
              errorCode: KafkaErrorCode[ours],
              baseOffset: -1,
              logAppendTimeMs: -1,
              logStartOffset: -1,
            },
          ],
        },
      ],
      throttleTimeMs: 0,
    });
    expect(error).toMatchObject({ type: theirs, retriable });
  });
});

describe('group and admin APIs', () => {
  it('FindCoordinator v2', async () => {
    const data = await readByKafkaJs('FindCoordinator', 'GroupCoordinator', 2, {
      throttleTimeMs: 0,
      errorCode: 0,
      errorMessage: null,
      nodeId: 3,
      host: '127.0.0.1',
      port: 9094,
    });
    expect(data).toMatchObject({
      errorCode: 0,
      coordinator: { nodeId: 3, host: '127.0.0.1', port: 9094 },
    });
  });

  it('JoinGroup v5, leader view', async () => {
    const metadata = new Uint8Array([0, 0, 0, 0, 0, 1, 0, 1, 0x61, 0, 0, 0, 0]);
    const data = await readByKafkaJs('JoinGroup', 'JoinGroup', 5, {
      throttleTimeMs: 0,
      errorCode: 0,
      generationId: 7,
      protocolName: 'RoundRobinAssigner',
      leader: 'c-1',
      memberId: 'c-1',
      members: [{ memberId: 'c-1', groupInstanceId: null, metadata }],
    });
    expect(data).toMatchObject({
      errorCode: 0,
      generationId: 7,
      groupProtocol: 'RoundRobinAssigner',
      leaderId: 'c-1',
      memberId: 'c-1',
      members: [{ memberId: 'c-1', groupInstanceId: null }],
    });
    const members = data.members as { memberMetadata: Buffer }[];
    expect(new Uint8Array(members[0].memberMetadata)).toEqual(metadata);
  });

  it('JoinGroup MEMBER_ID_REQUIRED hands KafkaJS the new member id (KIP-394)', async () => {
    const error = await kafkajsErrorFor('JoinGroup', 'JoinGroup', 5, {
      throttleTimeMs: 0,
      errorCode: KafkaErrorCode.MEMBER_ID_REQUIRED,
      generationId: -1,
      protocolName: '',
      leader: '',
      memberId: 'c-1-0d5f',
      members: [],
    });
    expect(error).toMatchObject({ name: 'KafkaJSMemberIdRequired', memberId: 'c-1-0d5f' });
  });

  it('SyncGroup v3 carries an assignment KafkaJS can read', async () => {
    const assignment = encodeAssignment({
      version: 0,
      assignedPartitions: [{ topic: 'orders', partitions: [1, 2] }],
      userData: new Uint8Array(0),
    });
    const data = await readByKafkaJs('SyncGroup', 'SyncGroup', 3, {
      throttleTimeMs: 0,
      errorCode: 0,
      assignment,
    });
    expect(MemberAssignment.decode(data.memberAssignment as Buffer)).toMatchObject({
      version: 0,
      assignment: { orders: [1, 2] },
    });
  });

  it.each([
    ['REBALANCE_IN_PROGRESS', 'REBALANCE_IN_PROGRESS'],
    ['ILLEGAL_GENERATION', 'ILLEGAL_GENERATION'],
    ['UNKNOWN_MEMBER_ID', 'UNKNOWN_MEMBER_ID'],
    ['NOT_COORDINATOR', 'NOT_COORDINATOR_FOR_GROUP'],
    ['COORDINATOR_NOT_AVAILABLE', 'GROUP_COORDINATOR_NOT_AVAILABLE'],
  ] as const)('Heartbeat v3 %s reaches KafkaJS as %s', async (ours, theirs) => {
    const error = await kafkajsErrorFor('Heartbeat', 'Heartbeat', 3, {
      throttleTimeMs: 0,
      errorCode: KafkaErrorCode[ours],
    });
    expect(error).toMatchObject({ type: theirs });
  });

  it('LeaveGroup v3', async () => {
    const data = await readByKafkaJs('LeaveGroup', 'LeaveGroup', 3, {
      throttleTimeMs: 0,
      errorCode: 0,
      members: [{ memberId: 'c-1', groupInstanceId: null, errorCode: 0 }],
    });
    expect(data).toMatchObject({
      errorCode: 0,
      members: [{ memberId: 'c-1', groupInstanceId: null, errorCode: 0 }],
    });
  });

  it('OffsetCommit v5', async () => {
    const data = await readByKafkaJs('OffsetCommit', 'OffsetCommit', 5, {
      throttleTimeMs: 0,
      topics: [{ name: 'orders', partitions: [{ partitionIndex: 0, errorCode: 0 }] }],
    });
    expect(data).toMatchObject({
      responses: [{ topic: 'orders', partitions: [{ partition: 0, errorCode: 0 }] }],
    });
  });

  it('OffsetFetch v4, nothing committed is offset -1', async () => {
    const data = await readByKafkaJs('OffsetFetch', 'OffsetFetch', 4, {
      throttleTimeMs: 0,
      topics: [
        {
          name: 'orders',
          partitions: [
            { partitionIndex: 0, committedOffset: 42, metadata: null, errorCode: 0 },
            { partitionIndex: 1, committedOffset: -1, metadata: '', errorCode: 0 },
          ],
        },
      ],
      errorCode: 0,
    });
    expect(data).toMatchObject({
      responses: [
        {
          topic: 'orders',
          partitions: [
            { partition: 0, offset: '42', metadata: null, errorCode: 0 },
            { partition: 1, offset: '-1', metadata: '', errorCode: 0 },
          ],
        },
      ],
      errorCode: 0,
    });
  });

  it('ListOffsets v3', async () => {
    const data = await readByKafkaJs('ListOffsets', 'ListOffsets', 3, {
      throttleTimeMs: 0,
      topics: [
        {
          name: 'orders',
          partitions: [{ partitionIndex: 2, errorCode: 0, timestamp: -1, offset: 77 }],
        },
      ],
    });
    expect(data).toMatchObject({
      responses: [
        {
          topic: 'orders',
          partitions: [{ partition: 2, errorCode: 0, timestamp: '-1', offset: '77' }],
        },
      ],
    });
  });

  it('DescribeGroups v2', async () => {
    const data = await readByKafkaJs('DescribeGroups', 'DescribeGroups', 2, {
      throttleTimeMs: 0,
      groups: [
        {
          errorCode: 0,
          groupId: 'billing',
          groupState: 'Stable',
          protocolType: 'consumer',
          protocolData: 'RoundRobinAssigner',
          members: [
            {
              memberId: 'c-1',
              clientId: 'billing-app',
              clientHost: '/127.0.0.1',
              memberMetadata: new Uint8Array([1]),
              memberAssignment: new Uint8Array([2]),
            },
          ],
        },
      ],
    });
    expect(data).toMatchObject({
      groups: [
        {
          errorCode: 0,
          groupId: 'billing',
          state: 'Stable',
          protocolType: 'consumer',
          protocol: 'RoundRobinAssigner',
          members: [{ memberId: 'c-1', clientId: 'billing-app', clientHost: '/127.0.0.1' }],
        },
      ],
    });
  });

  it('ListGroups v2', async () => {
    const data = await readByKafkaJs('ListGroups', 'ListGroups', 2, {
      throttleTimeMs: 0,
      errorCode: 0,
      groups: [{ groupId: 'billing', protocolType: 'consumer' }],
    });
    expect(data).toMatchObject({
      errorCode: 0,
      groups: [{ groupId: 'billing', protocolType: 'consumer' }],
    });
  });

  it('CreateTopics v3, with TOPIC_ALREADY_EXISTS as KafkaJS reports it', async () => {
    const ok = await readByKafkaJs('CreateTopics', 'CreateTopics', 3, {
      throttleTimeMs: 0,
      topics: [{ name: 'orders', errorCode: 0, errorMessage: null }],
    });
    expect(ok).toMatchObject({
      topicErrors: [{ topic: 'orders', errorCode: 0, errorMessage: null }],
    });
    const error = await kafkajsErrorFor('CreateTopics', 'CreateTopics', 3, {
      throttleTimeMs: 0,
      topics: [
        {
          name: 'orders',
          errorCode: KafkaErrorCode.TOPIC_ALREADY_EXISTS,
          errorMessage: "Topic 'orders' already exists.",
        },
      ],
    });
    expect(error).toMatchObject({ name: 'KafkaJSAggregateError' });
    expect((error.errors as Record<string, unknown>[])[0]).toMatchObject({
      type: 'TOPIC_ALREADY_EXISTS',
      topic: 'orders',
    });
  });

  it('DeleteTopics v1', async () => {
    const data = await readByKafkaJs('DeleteTopics', 'DeleteTopics', 1, {
      throttleTimeMs: 0,
      responses: [{ name: 'orders', errorCode: 0 }],
    });
    expect(data).toMatchObject({ topicErrors: [{ topic: 'orders', errorCode: 0 }] });
  });

  it('InitProducerId v1', async () => {
    const data = await readByKafkaJs('InitProducerId', 'InitProducerId', 1, {
      throttleTimeMs: 0,
      errorCode: 0,
      producerId: 4000,
      producerEpoch: 0,
    });
    expect(data).toMatchObject({ errorCode: 0, producerId: '4000', producerEpoch: 0 });
  });

  it.each([0, 1])('SaslHandshake v%i is refused with ILLEGAL_SASL_STATE', async (version) => {
    const error = await kafkajsErrorFor(
      'SaslHandshake',
      'SaslHandshake',
      version,
      refuseSaslHandshake(),
    );
    expect(error).toMatchObject({ type: 'ILLEGAL_SASL_STATE', code: 34 });
  });
});
