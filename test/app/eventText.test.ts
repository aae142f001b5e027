// Engine events in plain words, in English and Chinese, built from the facts of each event.
import { describe, expect, it } from 'vitest';
import { createEngine, type SimEvent } from '../../src/engine';
import { DEFAULT_SCENARIO } from '../../src/scenario';
import { createI18n } from '../../src/i18n';
import { describeCommand, describeEvent, eventInfo } from '../../src/app/eventText';

const en = createI18n('en').t;
const zh = createI18n('zh-CN').t;

const SAMPLES: SimEvent[] = [
  { t: 1, type: 'broker.stopped', brokerId: 2, mode: 'crash' },
  { t: 1, type: 'broker.stopped', brokerId: 2, mode: 'graceful' },
  { t: 1, type: 'broker.started', brokerId: 2, restart: true },
  {
    t: 1,
    type: 'partition.leader-elected',
    topic: 'orders',
    partition: 1,
    leader: 3,
    previousLeader: 2,
    leaderEpoch: 2,
    isr: [3, 1],
    unclean: false,
    reason: { code: 'leader-failed', brokerId: 2 },
  },
  {
    t: 1,
    type: 'isr.shrunk',
    topic: 'orders',
    partition: 0,
    brokerId: 2,
    isr: [1, 3],
    reason: { code: 'follower-lagging', brokerId: 2, lagMs: 3200, maxLagMs: 3000 },
  },
  { t: 1, type: 'isr.expanded', topic: 'orders', partition: 0, brokerId: 2, isr: [1, 3, 2] },
  {
    t: 1,
    type: 'record.failed',
    producerId: 'checkout',
    topic: 'orders',
    partition: 0,
    key: 'bob',
    value: 'v',
    error: 'NOT_ENOUGH_REPLICAS',
    retriable: true,
    sentAt: 0,
  },
  {
    t: 1,
    type: 'log.truncated',
    topic: 'orders',
    partition: 0,
    brokerId: 1,
    fromOffset: 5,
    toOffset: 8,
    lostAcked: [{ offset: 6, key: 'a', producerId: 'p' }],
  },
  {
    t: 1,
    type: 'group.rebalance-completed',
    groupId: 'billing',
    generation: 3,
    protocol: 'range',
    leader: 'billing-1',
    assignment: { 'billing-1': ['orders-0', 'orders-1'], 'billing-2': ['orders-2'] },
    revoked: {},
  },
  {
    t: 1,
    type: 'consumer.failed',
    groupId: 'billing',
    consumerId: 'billing-2',
    memberId: 'm',
    reason: { code: 'process-crashed' },
  },
  { t: 1, type: 'controller.changed', controllerId: 3, previousControllerId: 1, epoch: 2 },
  { t: 1, type: 'command.applied', command: { type: 'killBroker', brokerId: 2 } },
];

describe('describeEvent', () => {
  it('writes the sentences of the issue', () => {
    expect(describeEvent(SAMPLES[0], en)).toBe('Broker 2 crashed');
    expect(describeEvent(SAMPLES[3], en)).toBe(
      'Partition orders-1: broker 3 elected leader, epoch 2 (was broker 2), ISR [3,1]: leader broker 2 stopped heartbeating and was fenced',
    );
    expect(describeEvent(SAMPLES[4], en)).toBe(
      'Partition orders-0: broker 2 left the ISR (broker 2 had not caught up for 3200 ms, more than replica.lag.time.max.ms = 3000); ISR now [1,3]',
    );
    expect(describeEvent(SAMPLES[4], zh)).toContain('3200 毫秒');
  });

  it('describes every sample in both languages, with no placeholder left', () => {
    for (const e of SAMPLES) {
      const english = describeEvent(e, en);
      const chinese = describeEvent(e, zh);
      expect(english).not.toMatch(/\{\{|\}\}|^events\./);
      expect(chinese).not.toMatch(/\{\{|\}\}|^events\./);
      expect(chinese).not.toBe(english);
      expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('says when acknowledged records are lost', () => {
    expect(describeEvent(SAMPLES[7], en)).toMatch(
      /1 of them had been acknowledged and are LOST \(offsets 6\)/,
    );
    expect(describeEvent(SAMPLES[7], zh)).toMatch(/丢失/);
  });

  it('describes every event a real run produces', () => {
    const engine = createEngine(DEFAULT_SCENARIO);
    engine.advanceTo(4000);
    engine.dispatch({ type: 'killBroker', brokerId: 1 });
    engine.advanceTo(20000);
    engine.dispatch({ type: 'restartBroker', brokerId: 1 });
    engine.dispatch({ type: 'addConsumer', groupId: 'billing' });
    engine.advanceTo(40000);
    const events = engine
      .drainEvents()
      .filter((e) => e.type !== 'net.sent' && e.type !== 'net.dropped');
    expect(events.length).toBeGreaterThan(20);
    for (const e of events) {
      for (const t of [en, zh]) {
        const text = describeEvent(e, t);
        expect(text, e.type).not.toMatch(/\{\{|^events\.|^commands\./);
        expect(text.length, e.type).toBeGreaterThan(3);
      }
    }
  });
});

describe('eventInfo', () => {
  it('links a line to the thing it names', () => {
    expect(eventInfo(SAMPLES[0]).subject).toEqual({ kind: 'broker', id: 2 });
    expect(eventInfo(SAMPLES[3]).subject).toEqual({ kind: 'partition', key: 'orders-1' });
    expect(eventInfo(SAMPLES[8]).subject).toEqual({ kind: 'group', id: 'billing' });
  });

  it('marks the moments worth announcing', () => {
    expect(eventInfo(SAMPLES[0]).important).toBe(true);
    expect(eventInfo(SAMPLES[3]).important).toBe(true);
    expect(
      eventInfo({
        t: 1,
        type: 'hw.advanced',
        topic: 'o',
        partition: 0,
        brokerId: 1,
        highWatermark: 3,
      }).important,
    ).toBe(false);
  });
});

describe('describeCommand', () => {
  it('words a command in both languages', () => {
    expect(describeCommand({ type: 'killBroker', brokerId: 2 }, en)).toBe('kill broker 2');
    expect(describeCommand({ type: 'setDeliveryMode', topic: 'orders', mode: 'pubsub' }, en)).toBe(
      'switch orders to Publish-subscribe',
    );
    expect(describeCommand({ type: 'killBroker', brokerId: 2 }, zh)).toMatch(/2/);
  });
});
