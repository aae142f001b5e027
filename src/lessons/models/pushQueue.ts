// A teaching model of a classic push message queue (JMS / AMQP style point-to-point queue), run
// beside the Kafka topic in lesson 2 on the same traffic. It is NOT Kafka and not a model of any
// particular product: just the three properties the lesson contrasts with Kafka's log.
//   1. The broker pushes: each message goes to one connected receiver as soon as one is free
//      (prefetch 1: a receiver holds at most one unacknowledged message).
//   2. A message is deleted as soon as its receiver acknowledges it.
//   3. So a receiver that connects later never sees what was already deleted, and receivers on
//      one queue compete: each message reaches exactly one of them (round-robin).
// It is fed by the engine's events: every record the producer was told is written
// (`record.acked` on the lesson's topic) is also put on the queue, and every consumer group that
// reads the topic is mirrored by one receiver, connected while the group has a running consumer.
// Pure and deterministic: the state is plain data and every function returns a new state.
import type { GroupSpec, Scenario, SimEvent } from '../../engine';
import type { LocalText, TeachingModel } from '../types';

export interface QueueMessage {
  /** 1, 2, 3... in the order the queue received them. */
  id: number;
  key: string | null;
  value: string;
  enqueuedAt: number;
  /** Pushed before to a receiver that went away without acknowledging it. */
  redelivered: boolean;
}

/** One push, from the queue to a receiver and back (the ack), for drawing and counting. */
export interface PushDelivery {
  message: QueueMessage;
  receiverId: string;
  pushedAt: number;
  /** When the message reaches the receiver (the push crosses the network). */
  arrivesAt: number;
  /** When the receiver's acknowledgement reaches the queue and the message is deleted. */
  ackAt: number;
}

export interface QueueReceiver {
  /** The consumer group it mirrors (one application). */
  id: string;
  connected: boolean;
  /** When it first connected, or null if it never has. */
  firstConnectedAt: number | null;
  /** How many messages the queue had already deleted when it first connected: never to be seen. */
  deletedBeforeJoin: number;
  /** Messages pushed to it so far. */
  received: number;
  /** The message it holds and has not acknowledged yet. */
  inHand: PushDelivery | null;
}

export interface PushQueueState {
  now: number;
  topic: string;
  pushDelayMs: number;
  processingMs: number;
  /** Messages waiting on the queue, oldest first. */
  ready: QueueMessage[];
  receivers: QueueReceiver[];
  /** Running state of the mirrored consumers, by consumer id. */
  members: Record<string, { groupId: string; memberId: string; running: boolean }>;
  /** Messages ever put on the queue, and deleted after an acknowledgement. */
  enqueued: number;
  deleted: number;
  /** Where the next round-robin search for a free receiver starts. */
  nextReceiver: number;
  /** The latest pushes, newest last (at most RECENT_PUSHES), for the drawing's arrows. */
  recent: PushDelivery[];
}

export const RECENT_PUSHES = 12;

export interface PushQueueOptions {
  /** Model id (the focus target and `StepContext.models` key). */
  id: string;
  /** The Kafka topic whose acknowledged records are also put on the queue. */
  topic: string;
  /** One-way time of a push or an acknowledgement, ms (the classroom network is about 300). */
  pushDelayMs?: number;
  /** Time a receiver spends on one message before acknowledging it, ms. */
  processingMs?: number;
}

export const PUSH_QUEUE_TITLE: LocalText = {
  en: 'Teaching model: a classic message queue (not Kafka)',
  'zh-CN': '教学模型：传统消息队列（不是 Kafka）',
};

export function createPushQueueModel(options: PushQueueOptions): TeachingModel<PushQueueState> {
  const pushDelayMs = options.pushDelayMs ?? 300;
  const processingMs = options.processingMs ?? 400;
  return {
    id: options.id,
    title: PUSH_QUEUE_TITLE,
    init: (scenario) => initPushQueue(scenario, options.topic, pushDelayMs, processingMs),
    onEvent: pushQueueOnEvent,
    advance: advancePushQueue,
  };
}

export function initPushQueue(
  scenario: Scenario,
  topic: string,
  pushDelayMs: number,
  processingMs: number,
): PushQueueState {
  let s: PushQueueState = {
    now: 0,
    topic,
    pushDelayMs,
    processingMs,
    ready: [],
    receivers: [],
    members: {},
    enqueued: 0,
    deleted: 0,
    nextReceiver: 0,
    recent: [],
  };
  // The scenario's groups start with the world (consumer ids `${group}-1`, `${group}-2`, ...).
  for (const g of scenario.groups ?? []) s = addScenarioGroup(s, g);
  return s;
}

function addScenarioGroup(s: PushQueueState, g: GroupSpec): PushQueueState {
  if (!g.topics.includes(s.topic)) return s;
  let next = withReceiver(s, g.id);
  for (let i = 1; i <= g.consumers; i++) {
    next = setMember(next, `${g.id}-${i}`, { groupId: g.id, memberId: '', running: true });
  }
  return next;
}

/** Feed one engine event: first let time pass up to it, then apply it. */
export function pushQueueOnEvent(state: PushQueueState, event: SimEvent): PushQueueState {
  let s = advancePushQueue(state, event.t);
  switch (event.type) {
    case 'record.acked':
      if (event.topic !== s.topic) return s;
      s = {
        ...s,
        enqueued: s.enqueued + 1,
        ready: [
          ...s.ready,
          {
            id: s.enqueued + 1,
            key: event.key,
            value: event.value,
            enqueuedAt: event.t,
            redelivered: false,
          },
        ],
      };
      break;
    case 'group.added':
      if (!event.topics.includes(s.topic)) return s;
      s = withReceiver(s, event.groupId);
      break;
    case 'consumer.added':
      if (!s.receivers.some((r) => r.id === event.groupId)) return s;
      s = setMember(s, event.consumerId, {
        groupId: event.groupId,
        memberId: '',
        running: true,
      });
      break;
    case 'consumer.joined': {
      const m = s.members[event.consumerId];
      if (!m || m.groupId !== event.groupId) return s;
      s = setMember(s, event.consumerId, { ...m, memberId: event.memberId, running: true });
      break;
    }
    case 'consumer.left':
    case 'consumer.failed': {
      const m = s.members[event.consumerId];
      // A late word about an older incarnation of a restarted consumer changes nothing.
      if (!m || (m.memberId !== '' && event.memberId !== m.memberId)) return s;
      s = setMember(s, event.consumerId, { ...m, running: false });
      break;
    }
    default:
      return s;
  }
  return push(s);
}

/** Let the queue's own clock run to `now`: acknowledgements arrive, free receivers get pushes. */
export function advancePushQueue(state: PushQueueState, now: number): PushQueueState {
  let s = state;
  for (;;) {
    s = push(s);
    const due = s.receivers
      .map((r) => r.inHand?.ackAt ?? Infinity)
      .reduce((a, b) => Math.min(a, b), Infinity);
    if (due > now) break;
    s = acknowledge({ ...s, now: Math.max(s.now, due) }, due);
  }
  return s.now >= now ? s : { ...s, now };
}

/** Receivers whose acknowledgement reaches the queue at `at` free up; their messages are deleted. */
function acknowledge(s: PushQueueState, at: number): PushQueueState {
  let deleted = s.deleted;
  const receivers = s.receivers.map((r) => {
    if (!r.inHand || r.inHand.ackAt !== at) return r;
    deleted++;
    return { ...r, inHand: null };
  });
  return { ...s, receivers, deleted };
}

/** Push waiting messages to free connected receivers, round-robin, at the model's time. */
function push(state: PushQueueState): PushQueueState {
  let s = state;
  const n = s.receivers.length;
  while (s.ready.length > 0 && n > 0) {
    let chosen = -1;
    for (let k = 0; k < n; k++) {
      const i = (s.nextReceiver + k) % n;
      const r = s.receivers[i];
      if (r.connected && r.inHand === null) {
        chosen = i;
        break;
      }
    }
    if (chosen < 0) break;
    const [message, ...rest] = s.ready;
    const arrivesAt = s.now + s.pushDelayMs;
    const delivery: PushDelivery = {
      message,
      receiverId: s.receivers[chosen].id,
      pushedAt: s.now,
      arrivesAt,
      ackAt: arrivesAt + s.processingMs + s.pushDelayMs,
    };
    s = {
      ...s,
      ready: rest,
      nextReceiver: (chosen + 1) % n,
      receivers: s.receivers.map((r, i) =>
        i === chosen ? { ...r, inHand: delivery, received: r.received + 1 } : r,
      ),
      recent: [...s.recent, delivery].slice(-RECENT_PUSHES),
    };
  }
  return s;
}

function withReceiver(s: PushQueueState, id: string): PushQueueState {
  if (s.receivers.some((r) => r.id === id)) return s;
  const receiver: QueueReceiver = {
    id,
    connected: false,
    firstConnectedAt: null,
    deletedBeforeJoin: 0,
    received: 0,
    inHand: null,
  };
  return { ...s, receivers: [...s.receivers, receiver] };
}

/** Record a consumer's state and bring its receiver's connection in line with its group. */
function setMember(
  s: PushQueueState,
  consumerId: string,
  member: PushQueueState['members'][string],
): PushQueueState {
  const members = { ...s.members, [consumerId]: member };
  let ready = s.ready;
  const receivers = s.receivers.map((r) => {
    if (r.id !== member.groupId) return r;
    const connected = Object.values(members).some((m) => m.groupId === r.id && m.running);
    if (connected === r.connected) return r;
    if (!connected) {
      // Gone without acknowledging: the queue puts the message back at the head (redelivery).
      if (r.inHand) ready = [{ ...r.inHand.message, redelivered: true }, ...ready];
      return { ...r, connected, inHand: null };
    }
    const first = r.firstConnectedAt === null;
    return {
      ...r,
      connected,
      firstConnectedAt: first ? s.now : r.firstConnectedAt,
      deletedBeforeJoin: first ? s.deleted : r.deletedBeforeJoin,
    };
  });
  return { ...s, members, ready, receivers };
}

/** The receiver mirroring `groupId`, if any. */
export function queueReceiver(s: PushQueueState, groupId: string): QueueReceiver | undefined {
  return s.receivers.find((r) => r.id === groupId);
}
