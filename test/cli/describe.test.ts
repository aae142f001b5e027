// The timeline's sentences (the English catalogue's), one per event type a learner must notice.
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/engine';
import { describeEvent, describeTimelineLine, formatTime, isTraffic } from '../../src/cli/describe';

describe('describe', () => {
  it('formats sim time as seconds with milliseconds', () => {
    expect(formatTime(12345)).toBe('12.345s');
    expect(formatTime(0)).toBe('0.000s');
    expect(formatTime(60000)).toBe('60.000s');
  });

  it('puts the time first on a timeline line', () => {
    const line = describeTimelineLine({
      t: 8000,
      type: 'broker.stopped',
      brokerId: 2,
      mode: 'crash',
    });
    expect(line).toBe('    8.000s  Broker 2 crashed');
  });

  it.each<[SimEvent, string]>([
    [{ t: 0, type: 'broker.stopped', brokerId: 3, mode: 'graceful' }, 'Broker 3 shut down cleanly'],
    [
      { t: 0, type: 'broker.started', brokerId: 3, restart: true },
      'Broker 3 restarted: it registers again, for a new broker epoch',
    ],
    [
      { t: 0, type: 'broker.fenced', brokerId: 2, reason: { code: 'broker-session-timeout' } },
      'The controller fenced broker 2: no heartbeat within broker.session.timeout.ms',
    ],
    [
      {
        t: 0,
        type: 'partition.leader-elected',
        topic: 'orders',
        partition: 1,
        leader: 3,
        previousLeader: 2,
        leaderEpoch: 4,
        isr: [3, 1],
        unclean: false,
        reason: { code: 'leader-failed', brokerId: 2 },
      },
      'Partition orders-1: broker 3 elected leader, epoch 4 (was broker 2), ISR [3,1]: leader broker 2 stopped heartbeating and was fenced',
    ],
    [
      {
        t: 0,
        type: 'partition.leader-elected',
        topic: 'sensors',
        partition: 0,
        leader: 3,
        previousLeader: -1,
        leaderEpoch: 5,
        isr: [3],
        unclean: true,
        reason: { code: 'offline-recovered' },
      },
      'Partition sensors-0: UNCLEAN election: broker 3 leads although it was not in sync, epoch 5 (was none), ISR [3]: records it never copied are lost',
    ],
    [
      {
        t: 0,
        type: 'partition.offline',
        topic: 'ledger',
        partition: 0,
        previousLeader: 1,
        leaderEpoch: 3,
      },
      'Partition ledger-0 is offline: no in-sync replica can lead it (last leader broker 1)',
    ],
    [
      {
        t: 0,
        type: 'isr.shrunk',
        topic: 'orders',
        partition: 0,
        brokerId: 2,
        isr: [1, 3],
        reason: { code: 'broker-fenced', brokerId: 2 },
      },
      'Partition orders-0: broker 2 left the ISR (broker 2 was fenced); ISR now [1,3]',
    ],
    [
      {
        t: 0,
        type: 'record.acked',
        producerId: 'checkout',
        topic: 'orders',
        partition: 2,
        offset: 41,
        key: 'alice',
        value: 'order-7',
      },
      'Producer checkout: record alice = "order-7" acknowledged at orders-2 offset 41',
    ],
    [
      {
        t: 0,
        type: 'record.failed',
        producerId: 'checkout',
        topic: 'payments',
        partition: 0,
        key: null,
        value: 'x',
        error: 'NOT_ENOUGH_REPLICAS',
        retriable: true,
        sentAt: 0,
      },
      'Producer checkout: record (no key) = "x" to payments-0 failed with NOT_ENOUGH_REPLICAS, will retry',
    ],
    [
      {
        t: 0,
        type: 'log.truncated',
        topic: 'clicks',
        partition: 0,
        brokerId: 1,
        fromOffset: 40,
        toOffset: 43,
        lostAcked: [
          { offset: 40, key: 'home', producerId: 'tracker' },
          { offset: 41, key: null, producerId: 'tracker' },
        ],
      },
      'Partition clicks-0: broker 1 truncated its log at offset 40, removing 3 records: 2 of them had been acknowledged and are LOST (offsets 40, 41)',
    ],
    [
      {
        t: 0,
        type: 'log.retention-deleted',
        topic: 'metrics',
        partition: 1,
        brokerId: 2,
        segments: 2,
        logStartOffset: 30,
        reason: { code: 'retention-ms', retentionMs: 15000 },
      },
      'Partition metrics-1: broker 2 deleted 2 old segment(s) (older than retention.ms = 15000); the log now starts at offset 30',
    ],
    [
      {
        t: 0,
        type: 'group.rebalance-completed',
        groupId: 'billing',
        generation: 3,
        protocol: 'range',
        leader: 'billing-1',
        assignment: { 'billing-1': ['orders-0', 'orders-1'], 'billing-2': [] },
        revoked: {},
      },
      'Group billing: generation 3 (range, leader billing-1): billing-1 → orders: 0, 1; billing-2 → idle',
    ],
    [
      {
        t: 0,
        type: 'group.rebalance-completed',
        groupId: 'billing',
        generation: 2,
        protocol: 'cooperative-sticky',
        leader: 'billing-1',
        assignment: { 'billing-1': ['orders-0'], 'billing-2': [] },
        revoked: { 'billing-1': ['orders-1'] },
      },
      'Group billing: generation 2 (cooperative-sticky, leader billing-1): billing-1 → orders: 0; billing-2 → idle; taken from billing-1: orders: 1',
    ],
    [
      {
        t: 0,
        type: 'consumer.assigned',
        groupId: 'billing',
        consumerId: 'billing-1',
        generation: 3,
        partitions: [],
        revoked: ['orders-0', 'orders-1'],
      },
      'billing-1 gave up orders-0, orders-1 for the rebalance',
    ],
    [
      {
        t: 0,
        type: 'consumer.assigned',
        groupId: 'billing',
        consumerId: 'billing-4',
        generation: 4,
        partitions: [],
        revoked: [],
      },
      'billing-4 owns no partition (idle) in generation 4',
    ],
    [
      {
        t: 0,
        type: 'consumer.failed',
        groupId: 'billing',
        consumerId: 'billing-2',
        memberId: 'm',
        reason: { code: 'member-session-timeout', consumerId: 'billing-2', memberId: 'm' },
      },
      'billing-2 missed its session timeout: group billing removes it',
    ],
    [
      {
        t: 0,
        type: 'topic.created',
        topic: 'orders',
        partitions: 2,
        replicationFactor: 2,
        assignment: [
          [1, 2],
          [2, 1],
        ],
      },
      'Topic orders created: 2 partitions, replication factor 2; replicas orders-0 [1,2], orders-1 [2,1]',
    ],
    [
      {
        t: 0,
        type: 'topic.created',
        topic: '__consumer_offsets',
        partitions: 50,
        replicationFactor: 1,
        assignment: Array.from({ length: 50 }, (_, i) => [(i % 3) + 1]),
      },
      'Topic __consumer_offsets created: 50 partitions, replication factor 1; replicas __consumer_offsets-0 [1], __consumer_offsets-1 [2], __consumer_offsets-2 [3], __consumer_offsets-3 [1], __consumer_offsets-4 [2], __consumer_offsets-5 [3] and 44 more',
    ],
    [
      {
        t: 0,
        type: 'group.rebalance-started',
        groupId: 'billing',
        reason: { code: 'member-joined', consumerId: 'billing-3', memberId: 'billing-3-1' },
        generation: 2,
      },
      'Group billing: rebalance started, ending generation 2 (billing-3 joined)',
    ],
    [
      { t: 0, type: 'command.applied', command: { type: 'killBroker', brokerId: 2 } },
      'You: kill broker 2',
    ],
    [
      {
        t: 0,
        type: 'command.rejected',
        command: { type: 'restartBroker', brokerId: 2 },
        error: { code: 'BROKER_RUNNING', message: 'broker 2 is already running' },
      },
      'Scenario step not applied: restart broker 2 (broker 2 is already running)',
    ],
    [
      {
        t: 0,
        type: 'net.sent',
        id: 7,
        from: 'broker:2',
        to: 'broker:1',
        kind: 'replica-fetch',
        sentAt: 1000,
        deliverAt: 1300,
        dropped: false,
        topic: 'orders',
        partition: 0,
      },
      '#7 broker:2 -> broker:1 replica-fetch (orders-0), arrives at 1.300s',
    ],
  ])('%#: %s', (event, sentence) => {
    expect(describeEvent(event)).toBe(sentence);
  });

  it('knows traffic from the rest', () => {
    expect(isTraffic({ t: 0, type: 'net.dropped', id: 1, reason: { code: 'link-isolated' } })).toBe(
      true,
    );
    expect(isTraffic({ t: 0, type: 'broker.healed', brokerId: 1 })).toBe(false);
  });
});
