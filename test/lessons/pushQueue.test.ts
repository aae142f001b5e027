// The teaching model of a classic push queue (lesson 2): it pushes each message to one receiver,
// deletes it on acknowledge, never shows a late receiver what was deleted, and is fed by the
// engine exactly as the lesson runner feeds it.
import { describe, expect, it } from 'vitest';
import { createEngine, type Scenario, type SimEvent } from '../../src/engine';
import {
  advancePushQueue,
  createPushQueueModel,
  initPushQueue,
  pushQueueOnEvent,
  queueReceiver,
  type PushQueueState,
} from '../../src/lessons/models/pushQueue';
import { feedModels, initModels } from '../../src/lessons/models/run';
import type { Lesson } from '../../src/lessons/types';

const DELAY = 300;
const PROCESSING = 400;
/** Push, processing and the acknowledgement's way back. */
const ROUND_TRIP = DELAY + PROCESSING + DELAY;

const scenario: Scenario = {
  version: 1,
  seed: 1,
  cluster: { brokers: 1 },
  topics: [{ name: 'signups', partitions: 1, replicationFactor: 1 }],
  groups: [{ id: 'email', topics: ['signups'], consumers: 1 }],
};

let nextOffset = 0;
const acked = (t: number, value: string, topic = 'signups'): SimEvent => ({
  t,
  type: 'record.acked',
  producerId: 'register',
  topic,
  partition: 0,
  offset: nextOffset++,
  key: null,
  value,
});

function feed(state: PushQueueState, events: SimEvent[]): PushQueueState {
  return events.reduce(pushQueueOnEvent, state);
}

const start = () => initPushQueue(scenario, 'signups', DELAY, PROCESSING);

describe('classic push queue (teaching model)', () => {
  it('pushes a message to the connected receiver at once and deletes it on acknowledge', () => {
    let s = feed(start(), [acked(1000, 'a')]);
    expect(s.ready).toEqual([]);
    expect(queueReceiver(s, 'email')?.inHand?.message.value).toBe('a');
    expect(queueReceiver(s, 'email')?.inHand?.arrivesAt).toBe(1000 + DELAY);
    s = advancePushQueue(s, 1000 + ROUND_TRIP - 1);
    expect(s.deleted).toBe(0);
    s = advancePushQueue(s, 1000 + ROUND_TRIP);
    expect(s.deleted).toBe(1);
    expect(queueReceiver(s, 'email')?.inHand).toBeNull();
  });

  it('holds one unacknowledged message per receiver; the rest wait on the queue', () => {
    let s = feed(start(), [acked(0, 'a'), acked(10, 'b'), acked(20, 'c')]);
    expect(s.ready.map((m) => m.value)).toEqual(['b', 'c']);
    s = advancePushQueue(s, ROUND_TRIP);
    expect(queueReceiver(s, 'email')?.inHand?.message.value).toBe('b');
    s = advancePushQueue(s, 3 * ROUND_TRIP);
    expect(s.deleted).toBe(3);
    expect(queueReceiver(s, 'email')?.received).toBe(3);
  });

  it('gives a late receiver nothing that was deleted, then shares new messages in turns', () => {
    let s = feed(start(), [acked(0, 'a'), acked(100, 'b')]);
    s = advancePushQueue(s, 5000);
    expect(s.deleted).toBe(2);
    s = feed(s, [
      { t: 5000, type: 'group.added', groupId: 'audit', topics: ['signups'] },
      { t: 5000, type: 'consumer.added', groupId: 'audit', consumerId: 'audit-1' },
    ]);
    const audit = queueReceiver(s, 'audit')!;
    expect(audit.connected).toBe(true);
    expect(audit.deletedBeforeJoin).toBe(2);
    expect(audit.received).toBe(0);
    s = feed(s, [acked(6000, 'c'), acked(6010, 'd')]);
    // Each message to exactly one receiver: one each, in turn.
    const inHand = s.receivers.map((r) => r.inHand?.message.value).sort();
    expect(inHand).toEqual(['c', 'd']);
  });

  it('puts a message back when its receiver goes away without acknowledging it', () => {
    let s = feed(start(), [
      { t: 0, type: 'group.added', groupId: 'audit', topics: ['signups'] },
      { t: 0, type: 'consumer.added', groupId: 'audit', consumerId: 'audit-1' },
      { t: 0, type: 'consumer.joined', groupId: 'audit', consumerId: 'audit-1', memberId: 'm1' },
      acked(100, 'a'),
      acked(110, 'b'),
    ]);
    const holder = s.receivers.find((r) => r.inHand?.message.value === 'a')!.id;
    const other = holder === 'email' ? 'audit' : 'email';
    s = feed(s, [
      {
        t: 200,
        type: 'consumer.left',
        groupId: holder,
        consumerId: `${holder}-1`,
        memberId: holder === 'audit' ? 'm1' : '',
      },
    ]);
    expect(queueReceiver(s, holder)?.connected).toBe(false);
    expect(s.ready.map((m) => [m.value, m.redelivered])).toEqual([['a', true]]);
    s = advancePushQueue(s, 110 + ROUND_TRIP);
    expect(queueReceiver(s, other)?.inHand?.message.value).toBe('a');
  });

  it('ignores a late word about an older incarnation of a restarted consumer', () => {
    let s = feed(start(), [
      { t: 0, type: 'consumer.joined', groupId: 'email', consumerId: 'email-1', memberId: 'new' },
      { t: 10, type: 'consumer.left', groupId: 'email', consumerId: 'email-1', memberId: 'old' },
    ]);
    expect(queueReceiver(s, 'email')?.connected).toBe(true);
    s = feed(s, [acked(20, 'x', 'other-topic')]);
    expect(s.enqueued).toBe(0);
  });

  it('is pure: the same events give the same state, and the input state is not changed', () => {
    const events = [acked(0, 'a'), acked(50, 'b'), acked(90, 'c')];
    const before = start();
    const copy = JSON.stringify(before);
    const one = advancePushQueue(feed(before, events), 4000);
    const two = advancePushQueue(feed(start(), events), 4000);
    expect(JSON.stringify(before)).toBe(copy);
    expect(one).toEqual(two);
  });

  it('is fed by the engine as the lesson runner feeds it: every acknowledged sign-up, once', () => {
    const lesson: Lesson = {
      id: 'queue-beside-kafka',
      number: 1,
      title: { en: 'x', 'zh-CN': 'x' },
      summary: { en: 'x', 'zh-CN': 'x' },
      concepts: [],
      minutes: 3,
      scenario: {
        version: 1,
        seed: 2,
        preset: 'classroom',
        cluster: { brokers: 3 },
        topics: [{ name: 'signups', partitions: 1, replicationFactor: 3 }],
        producers: [{ id: 'register', topic: 'signups', ratePerSec: 2, keys: ['ana', 'ben'] }],
        groups: [{ id: 'email', topics: ['signups'], consumers: 1 }],
      },
      models: [createPushQueueModel({ id: 'classic-queue', topic: 'signups' })],
      steps: [],
      quiz: [],
    };
    const engine = createEngine(lesson.scenario);
    let states = initModels(lesson);
    let ackedSignups = 0;
    for (let t = 250; t <= 20_000; t += 250) {
      engine.advanceTo(t);
      const events = engine.drainEvents();
      ackedSignups += events.filter((e) => e.type === 'record.acked').length;
      states = feedModels(lesson, states, events, engine.now);
    }
    const queue = states['classic-queue'] as PushQueueState;
    expect(ackedSignups).toBeGreaterThan(10);
    expect(queue.enqueued).toBe(ackedSignups);
    expect(
      queue.deleted + queue.ready.length + (queueReceiver(queue, 'email')?.inHand ? 1 : 0),
    ).toBe(ackedSignups);
    expect(queue.now).toBe(20_000);
  });
});
