import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/engine';
import { countRecords } from '../../src/cli/summary';

describe('countRecords', () => {
  it('counts acked, given-up, retried, consumed, and lost records once each', () => {
    const truncated = (brokerId: number): SimEvent => ({
      t: 9,
      type: 'log.truncated',
      topic: 'clicks',
      partition: 0,
      brokerId,
      fromOffset: 4,
      toOffset: 6,
      lostAcked: [
        { offset: 4, key: 'a', producerId: 'p' },
        { offset: 5, key: null, producerId: 'p' },
      ],
    });
    const failed = (retriable: boolean): SimEvent => ({
      t: 1,
      type: 'record.failed',
      producerId: 'p',
      topic: 'clicks',
      partition: 0,
      key: null,
      value: 'v',
      error: 'NOT_ENOUGH_REPLICAS',
      retriable,
      sentAt: 0,
    });
    const events: SimEvent[] = [
      {
        t: 1,
        type: 'record.acked',
        producerId: 'p',
        topic: 'clicks',
        partition: 0,
        offset: 4,
        key: 'a',
        value: 'v',
      },
      failed(true),
      failed(true),
      failed(false),
      {
        t: 2,
        type: 'record.consumed',
        groupId: 'g',
        consumerId: 'g-1',
        topic: 'clicks',
        partition: 0,
        offset: 0,
        key: null,
        value: 'v',
      },
      truncated(1),
      truncated(3),
    ];
    expect(countRecords(events)).toEqual({ acked: 1, failed: 1, retried: 2, consumed: 1, lost: 2 });
  });
});
