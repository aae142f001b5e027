// The timeline's sentences, one per event type that a learner must notice.
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/engine';
import {
  describeCommand,
  describeEvent,
  describeTimelineLine,
  formatTime,
  isTraffic,
} from '../../src/cli/describe';

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
    expect(line).toBe('    8.000s  broker 2 crashed');
  });

  it.each<[SimEvent, string]>([
    [{ t: 0, type: 'broker.stopped', brokerId: 3, mode: 'graceful' }, 'broker 3 shut down cleanly'],
    [{ t: 0, type: 'broker.started', brokerId: 3, restart: true }, 'broker 3 restarted'],
    [
      { t: 0, type: 'broker.fenced', brokerId: 2, reason: 'session-timeout' },
      'controller fenced broker 2: no heartbeat within broker.session.timeout.ms',
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
        reason: 'leader-failed',
      },
      'broker 3 elected leader of orders-1 (epoch 4, was broker 2; ISR [3,1]; the leader failed)',
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
        reason: 'offline-recovered',
      },
      'UNCLEAN election: broker 3, not in sync, now leads sensors-0 (epoch 5, was none; ISR [3]; a replica came back): records it never copied are lost',
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
      'ledger-0 is OFFLINE: no in-sync replica can lead it (last leader broker 1)',
    ],
    [
      {
        t: 0,
        type: 'isr.shrunk',
        topic: 'orders',
        partition: 0,
        brokerId: 2,
        isr: [1, 3],
        reason: 'broker-fenced',
      },
      'orders-0: broker 2 left the ISR (its broker was fenced); ISR now [1,3]',
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
      'checkout: alice="order-7" acknowledged at orders-2 offset 41',
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
      },
      'checkout: (no key)="x" to payments-0 failed with NOT_ENOUGH_REPLICAS, will retry',
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
          { offset: 40, key: 'home' },
          { offset: 41, key: null },
        ],
      },
      'clicks-0: broker 1 truncated its log at offset 40, removing 3 records; 2 of them had been acknowledged and are LOST: offset 40 (key home), offset 41 (no key)',
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
        reason: 'time',
      },
      'metrics-1: broker 2 deleted 2 old segments (retention by time); the log now starts at offset 30',
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
      'group billing: generation 3 ready (range, leader billing-1): billing-1 orders-0 orders-1; billing-2 (idle)',
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
      'group billing: generation 2 ready (cooperative-sticky, leader billing-1): billing-1 orders-0; billing-2 (idle); taken from billing-1: orders-1',
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
      'billing-1 (billing) gave up orders-0 orders-1 for the rebalance (generation 3)',
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
      'billing-4 (billing) owns no partition (idle) in generation 4',
    ],
    [
      {
        t: 0,
        type: 'consumer.failed',
        groupId: 'billing',
        consumerId: 'billing-2',
        memberId: 'm',
        reason: 'session-timeout',
      },
      'billing-2 was removed from group billing: no heartbeat within session.timeout.ms',
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
      'topic orders created: 2 partitions, replication factor 2; replicas orders-0 [1,2], orders-1 [2,1]',
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
      'topic __consumer_offsets created: 50 partitions, replication factor 1; replicas __consumer_offsets-0 [1], __consumer_offsets-1 [2], __consumer_offsets-2 [3], __consumer_offsets-3 [1], __consumer_offsets-4 [2], __consumer_offsets-5 [3] and 44 more',
    ],
    [
      {
        t: 0,
        type: 'group.rebalance-started',
        groupId: 'billing',
        reason: 'billing-3 joined',
        generation: 2,
      },
      'group billing: rebalance started in generation 2 (billing-3 joined)',
    ],
    [
      { t: 0, type: 'command.applied', command: { type: 'killBroker', brokerId: 2 } },
      'command: killBroker brokerId=2',
    ],
    [
      {
        t: 0,
        type: 'command.rejected',
        command: { type: 'restartBroker', brokerId: 2 },
        error: { code: 'BROKER_RUNNING', message: 'broker 2 is already running' },
      },
      'command refused: restartBroker brokerId=2: broker 2 is already running',
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
    expect(isTraffic({ t: 0, type: 'net.dropped', id: 1, reason: 'isolated' })).toBe(true);
    expect(isTraffic({ t: 0, type: 'broker.healed', brokerId: 1 })).toBe(false);
  });

  it('writes commands compactly', () => {
    expect(describeCommand({ type: 'produce', producerId: 'p', key: null, value: 'v' })).toBe(
      'produce producerId=p key=null value=v',
    );
    expect(describeCommand({ type: 'electPreferredLeaders' })).toBe('electPreferredLeaders');
  });
});
