// Requests encoded by KafkaJS 2.2.4's own request modules decode to the expected typed bodies.
import { describe, expect, it } from 'vitest';
import {
  checkProduceRecords,
  decodeBatchRecords,
  decodeRequest,
  decodeSubscription,
  decodeAssignment,
  expectsResponse,
  type ApiName,
  type DecodedRequest,
} from '../../src/protocol';
import { utf8Decode } from '../../src/engine/kernels';
import {
  MemberAssignment,
  MemberMetadata,
  encodeWithKafkaJs,
  kafkajsProtocol,
  plain,
} from './kafkajs';

interface Case {
  kafkajsApi: string;
  version: number;
  args?: object;
  apiName: ApiName;
  body: unknown;
}

const subscription = MemberMetadata.encode({ version: 0, topics: ['orders', 'payments'] });
const assignment = MemberAssignment.encode({ version: 0, assignment: { orders: [0, 2] } });

const cases: Case[] = [
  { kafkajsApi: 'ApiVersions', version: 0, apiName: 'ApiVersions', body: {} },
  { kafkajsApi: 'ApiVersions', version: 1, apiName: 'ApiVersions', body: {} },
  { kafkajsApi: 'ApiVersions', version: 2, apiName: 'ApiVersions', body: {} },
  {
    kafkajsApi: 'Metadata',
    version: 6,
    args: { topics: ['orders', '订单'], allowAutoTopicCreation: false },
    apiName: 'Metadata',
    body: { topics: [{ name: 'orders' }, { name: '订单' }], allowAutoTopicCreation: false },
  },
  {
    kafkajsApi: 'Metadata',
    version: 6,
    // KafkaJS writes an empty list as null ("every topic"), its writeNullableArray's rule.
    args: { topics: [] },
    apiName: 'Metadata',
    body: { topics: null, allowAutoTopicCreation: true },
  },
  {
    kafkajsApi: 'Fetch',
    version: 11,
    args: {
      replicaId: -1,
      isolationLevel: 1,
      maxWaitTime: 5000,
      minBytes: 1,
      maxBytes: 10485760,
      topics: [
        {
          topic: 'orders',
          partitions: [
            { partition: 0, fetchOffset: '42', maxBytes: 1048576 },
            { partition: 2, fetchOffset: '9007199254740991', maxBytes: 1048576 },
          ],
        },
      ],
    },
    apiName: 'Fetch',
    body: {
      replicaId: -1,
      maxWaitMs: 5000,
      minBytes: 1,
      maxBytes: 10485760,
      isolationLevel: 1,
      sessionId: 0,
      sessionEpoch: -1,
      topics: [
        {
          topic: 'orders',
          partitions: [
            {
              partition: 0,
              currentLeaderEpoch: -1,
              fetchOffset: 42,
              logStartOffset: -1,
              partitionMaxBytes: 1048576,
            },
            {
              partition: 2,
              currentLeaderEpoch: -1,
              fetchOffset: 9007199254740991,
              logStartOffset: -1,
              partitionMaxBytes: 1048576,
            },
          ],
        },
      ],
      forgottenTopicsData: [],
      rackId: '',
    },
  },
  {
    kafkajsApi: 'ListOffsets',
    version: 3,
    args: {
      isolationLevel: 0,
      topics: [
        {
          topic: 'orders',
          partitions: [
            { partition: 0, timestamp: -1 },
            { partition: 1, timestamp: -2 },
            { partition: 2, timestamp: 1700000000000 },
          ],
        },
      ],
    },
    apiName: 'ListOffsets',
    body: {
      replicaId: -1,
      isolationLevel: 0,
      topics: [
        {
          name: 'orders',
          partitions: [
            { partitionIndex: 0, timestamp: -1 },
            { partitionIndex: 1, timestamp: -2 },
            { partitionIndex: 2, timestamp: 1700000000000 },
          ],
        },
      ],
    },
  },
  {
    kafkajsApi: 'GroupCoordinator',
    version: 2,
    args: { groupId: 'billing', coordinatorType: 0 },
    apiName: 'FindCoordinator',
    body: { key: 'billing', keyType: 0 },
  },
  {
    kafkajsApi: 'JoinGroup',
    version: 5,
    args: {
      groupId: 'billing',
      sessionTimeout: 30000,
      rebalanceTimeout: 60000,
      memberId: '',
      protocolType: 'consumer',
      groupProtocols: [{ name: 'RoundRobinAssigner', metadata: subscription }],
    },
    apiName: 'JoinGroup',
    body: {
      groupId: 'billing',
      sessionTimeoutMs: 30000,
      rebalanceTimeoutMs: 60000,
      memberId: '',
      groupInstanceId: null,
      protocolType: 'consumer',
      protocols: [{ name: 'RoundRobinAssigner', metadata: plain(subscription) }],
    },
  },
  {
    kafkajsApi: 'SyncGroup',
    version: 3,
    args: {
      groupId: 'billing',
      generationId: 4,
      memberId: 'consumer-1-abc',
      groupAssignment: [{ memberId: 'consumer-1-abc', memberAssignment: assignment }],
    },
    apiName: 'SyncGroup',
    body: {
      groupId: 'billing',
      generationId: 4,
      memberId: 'consumer-1-abc',
      groupInstanceId: null,
      assignments: [{ memberId: 'consumer-1-abc', assignment: plain(assignment) }],
    },
  },
  {
    kafkajsApi: 'Heartbeat',
    version: 3,
    args: { groupId: 'billing', groupGenerationId: 4, memberId: 'consumer-1-abc' },
    apiName: 'Heartbeat',
    body: {
      groupId: 'billing',
      generationId: 4,
      memberId: 'consumer-1-abc',
      groupInstanceId: null,
    },
  },
  {
    kafkajsApi: 'LeaveGroup',
    version: 3,
    args: { groupId: 'billing', memberId: 'consumer-1-abc' },
    apiName: 'LeaveGroup',
    body: { groupId: 'billing', members: [{ memberId: 'consumer-1-abc', groupInstanceId: null }] },
  },
  {
    kafkajsApi: 'OffsetCommit',
    version: 5,
    args: {
      groupId: 'billing',
      groupGenerationId: 4,
      memberId: 'consumer-1-abc',
      topics: [{ topic: 'orders', partitions: [{ partition: 0, offset: '17' }] }],
    },
    apiName: 'OffsetCommit',
    body: {
      groupId: 'billing',
      generationId: 4,
      memberId: 'consumer-1-abc',
      topics: [
        {
          name: 'orders',
          partitions: [{ partitionIndex: 0, committedOffset: 17, committedMetadata: null }],
        },
      ],
    },
  },
  {
    kafkajsApi: 'OffsetFetch',
    version: 4,
    args: {
      groupId: 'billing',
      topics: [{ topic: 'orders', partitions: [{ partition: 0 }, { partition: 1 }] }],
    },
    apiName: 'OffsetFetch',
    body: { groupId: 'billing', topics: [{ name: 'orders', partitionIndexes: [0, 1] }] },
  },
  {
    kafkajsApi: 'OffsetFetch',
    version: 4,
    args: { groupId: 'billing', topics: [] },
    apiName: 'OffsetFetch',
    body: { groupId: 'billing', topics: null },
  },
  {
    kafkajsApi: 'DescribeGroups',
    version: 2,
    args: { groupIds: ['billing', 'audit'] },
    apiName: 'DescribeGroups',
    body: { groups: ['billing', 'audit'] },
  },
  { kafkajsApi: 'ListGroups', version: 2, apiName: 'ListGroups', body: {} },
  {
    kafkajsApi: 'CreateTopics',
    version: 3,
    args: {
      topics: [
        {
          topic: 'orders',
          numPartitions: 3,
          replicationFactor: 2,
          configEntries: [
            { name: 'cleanup.policy', value: 'compact' },
            { name: 'retention.ms', value: null },
          ],
        },
        { topic: 'audit', replicaAssignment: [{ partition: 0, replicas: [2, 3] }] },
      ],
      validateOnly: false,
      timeout: 5000,
    },
    apiName: 'CreateTopics',
    body: {
      topics: [
        {
          name: 'orders',
          numPartitions: 3,
          replicationFactor: 2,
          assignments: [],
          configs: [
            { name: 'cleanup.policy', value: 'compact' },
            { name: 'retention.ms', value: null },
          ],
        },
        {
          name: 'audit',
          numPartitions: -1,
          replicationFactor: -1,
          assignments: [{ partitionIndex: 0, brokerIds: [2, 3] }],
          configs: [],
        },
      ],
      timeoutMs: 5000,
      validateOnly: false,
    },
  },
  {
    kafkajsApi: 'DeleteTopics',
    version: 1,
    args: { topics: ['orders'], timeout: 5000 },
    apiName: 'DeleteTopics',
    body: { topicNames: ['orders'], timeoutMs: 5000 },
  },
  {
    kafkajsApi: 'InitProducerId',
    version: 1,
    args: { transactionTimeout: 60000 },
    apiName: 'InitProducerId',
    body: { transactionalId: null, transactionTimeoutMs: 60000 },
  },
  {
    kafkajsApi: 'InitProducerId',
    version: 1,
    args: { transactionalId: 'tx-1', transactionTimeout: 60000 },
    apiName: 'InitProducerId',
    body: { transactionalId: 'tx-1', transactionTimeoutMs: 60000 },
  },
  {
    kafkajsApi: 'SaslHandshake',
    version: 1,
    args: { mechanism: 'PLAIN' },
    apiName: 'SaslHandshake',
    body: { mechanism: 'PLAIN' },
  },
];

async function decodeKafkaJs(api: string, version: number, args?: object): Promise<DecodedRequest> {
  const payload = await encodeWithKafkaJs(kafkajsProtocol(api, version, args), 41, 'kafkajs-测试');
  const result = decodeRequest(payload);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('requests encoded by KafkaJS 2.2.4', () => {
  it.each(cases.map((c) => [`${c.kafkajsApi} v${c.version}`, c] as const))(
    '%s decodes to its typed body',
    async (_label, c) => {
      const request = await decodeKafkaJs(c.kafkajsApi, c.version, c.args);
      expect(request.apiName).toBe(c.apiName);
      expect(request.apiVersion).toBe(c.version);
      expect(request.correlationId).toBe(41);
      expect(request.clientId).toBe('kafkajs-测试');
      expect(request.body).toEqual(c.body);
      expect(expectsResponse(request)).toBe(true);
    },
  );

  it('the consumer-protocol payloads inside JoinGroup and SyncGroup decode', async () => {
    const join = await decodeKafkaJs(
      'JoinGroup',
      5,
      cases.find((c) => c.apiName === 'JoinGroup')?.args,
    );
    if (join.apiName !== 'JoinGroup') throw new Error('not a JoinGroup');
    expect(decodeSubscription(join.body.protocols[0].metadata)).toEqual({
      ok: true,
      value: {
        version: 0,
        topics: ['orders', 'payments'],
        userData: new Uint8Array(0),
        ownedPartitions: [],
        generationId: -1,
        rackId: null,
      },
    });
    const sync = await decodeKafkaJs(
      'SyncGroup',
      3,
      cases.find((c) => c.apiName === 'SyncGroup')?.args,
    );
    if (sync.apiName !== 'SyncGroup') throw new Error('not a SyncGroup');
    expect(decodeAssignment(sync.body.assignments[0].assignment)).toEqual({
      ok: true,
      value: {
        version: 0,
        assignedPartitions: [{ topic: 'orders', partitions: [0, 2] }],
        userData: new Uint8Array(0),
      },
    });
  });
});

describe('Produce v7 from KafkaJS', () => {
  const messages = [
    { key: 'alice', value: 'order-1', timestamp: 1700000000000, headers: { source: 'web' } },
    { key: null, value: '订单-2', timestamp: 1700000000005 },
    { key: 'carol', value: null, timestamp: 1700000000003 },
  ];
  const args = (acks: number) => ({
    acks,
    timeout: 30000,
    topicData: [{ topic: 'orders', partitions: [{ partition: 1, messages }] }],
  });

  it('keeps the batch bytes as sent, valid and readable', async () => {
    const request = await decodeKafkaJs('Produce', 7, args(-1));
    if (request.apiName !== 'Produce') throw new Error('not a Produce');
    expect(request.body).toMatchObject({ transactionalId: null, acks: -1, timeoutMs: 30000 });
    const [topic] = request.body.topicData;
    expect(topic.name).toBe('orders');
    expect(topic.partitionData[0].index).toBe(1);

    const check = checkProduceRecords(topic.partitionData[0].records);
    if (!check.ok) throw new Error(check.message);
    expect(check.batch).toEqual(topic.partitionData[0].records);
    expect(check.header).toMatchObject({
      baseOffset: 0,
      magic: 2,
      lastOffsetDelta: 2,
      recordCount: 3,
      baseTimestamp: 1700000000000,
      maxTimestamp: 1700000000005,
      producerId: -1,
      producerEpoch: 0,
      baseSequence: 0,
    });

    const decoded = decodeBatchRecords(check.batch);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const records = decoded.value.records.map((r) => ({
      key: r.key && utf8Decode(r.key),
      value: r.value && utf8Decode(r.value),
      timestampDelta: r.timestampDelta,
      headers: r.headers?.map(([k, v]) => [k, v && utf8Decode(v)]),
    }));
    expect(records).toEqual([
      { key: 'alice', value: 'order-1', timestampDelta: 0, headers: [['source', 'web']] },
      { key: null, value: '订单-2', timestampDelta: 5, headers: undefined },
      { key: 'carol', value: null, timestampDelta: 3, headers: undefined },
    ]);
  });

  it('acks = 0 expects no response, as KafkaJS itself says', async () => {
    const request = await decodeKafkaJs('Produce', 7, args(0));
    expect(expectsResponse(request)).toBe(false);
    expect(kafkajsProtocol('Produce', 7, args(0)).request.expectResponse?.()).toBe(false);
    expect(kafkajsProtocol('Produce', 7, args(1)).request.expectResponse?.()).toBe(true);
  });
});
