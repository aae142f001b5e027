// Engine events in plain words. The sentence comes from the event's facts and the i18n catalogue
// (never from English text of the engine), so the event log reads the same in every language.
import type { Command, EngineError, SimEvent } from '../engine';
import type { Translate } from '../i18n';
import { partitionKey } from '../worker/protocol';
import type { Selection } from './store';

export type EventCategory = 'cluster' | 'partitions' | 'producers' | 'groups' | 'records' | 'you';
export const EVENT_CATEGORIES: EventCategory[] = [
  'cluster',
  'partitions',
  'producers',
  'groups',
  'records',
  'you',
];

export interface EventInfo {
  category: EventCategory;
  /** Worth announcing to screen readers and hard to miss in the log. */
  important: boolean;
  /** The thing the line is about: clicking the line selects it. */
  subject: Selection | null;
}

const broker = (id: number): Selection => ({ kind: 'broker', id });
const partition = (topic: string, p: number): Selection => ({
  kind: 'partition',
  key: partitionKey(topic, p),
});

export function eventInfo(e: SimEvent): EventInfo {
  const info = (category: EventCategory, subject: Selection | null, important = false) => ({
    category,
    subject,
    important,
  });
  switch (e.type) {
    case 'broker.started':
      return info('cluster', broker(e.brokerId), e.restart);
    case 'broker.stopped':
      return info('cluster', broker(e.brokerId), true);
    case 'broker.isolated':
    case 'broker.healed':
      return info('cluster', broker(e.brokerId), true);
    case 'broker.fenced':
    case 'broker.unfenced':
      return info('cluster', broker(e.brokerId));
    case 'client.isolated':
    case 'client.healed':
      return info('cluster', clientSelection(e.clientId));
    case 'controller.changed':
      return info('cluster', e.controllerId === null ? null : broker(e.controllerId), true);
    case 'topic.created':
    case 'partitions.added':
      return info('partitions', { kind: 'topic', name: e.topic });
    case 'partition.leader-elected':
      return info('partitions', partition(e.topic, e.partition), true);
    case 'partition.offline':
      return info('partitions', partition(e.topic, e.partition), true);
    case 'isr.shrunk':
    case 'isr.expanded':
      return info('partitions', partition(e.topic, e.partition), true);
    case 'log.truncated':
      return info('partitions', partition(e.topic, e.partition), e.lostAcked.length > 0);
    case 'log.retention-deleted':
      return info('partitions', partition(e.topic, e.partition));
    case 'hw.advanced':
    case 'record.appended':
    case 'log.segment-rolled':
      return info('records', partition(e.topic, e.partition));
    case 'record.acked':
      return info('records', { kind: 'producer', id: e.producerId });
    case 'record.failed':
      return info('producers', { kind: 'producer', id: e.producerId }, !e.retriable);
    case 'record.consumed':
      return info('records', { kind: 'consumer', id: e.consumerId });
    case 'offset.committed':
      return info('records', { kind: 'group', id: e.groupId });
    case 'offset.reset':
      return info('records', { kind: 'group', id: e.groupId });
    case 'group.rebalance-started':
      return info('groups', { kind: 'group', id: e.groupId });
    case 'group.rebalance-completed':
      return info('groups', { kind: 'group', id: e.groupId }, true);
    case 'group.coordinator-changed':
      return info('groups', { kind: 'group', id: e.groupId });
    case 'consumer.joined':
    case 'consumer.left':
    case 'consumer.added':
      return info('groups', { kind: 'consumer', id: e.consumerId });
    case 'consumer.failed':
      return info('groups', { kind: 'consumer', id: e.consumerId }, true);
    case 'consumer.assigned':
      return info('records', { kind: 'consumer', id: e.consumerId });
    case 'producer.added':
    case 'producer.metadata-refreshed':
      return info('producers', { kind: 'producer', id: e.producerId });
    case 'producer.removed':
      return info('producers', null);
    case 'group.added':
      return info('groups', { kind: 'group', id: e.groupId });
    case 'config.changed':
      return info('you', configSubject(e.scope, e.id));
    case 'command.applied':
      return info('you', null);
    case 'command.rejected':
      return info('you', null, true);
    case 'net.sent':
    case 'net.dropped':
      return info('records', null);
  }
}

function clientSelection(clientId: string): Selection | null {
  // Client ids on the wire are plain ids; producers and consumers share the namespace.
  return { kind: 'consumer', id: clientId };
}

function configSubject(scope: string, id: string): Selection | null {
  switch (scope) {
    case 'broker':
      return broker(Number(id));
    case 'topic':
      return { kind: 'topic', name: id };
    case 'producer':
      return { kind: 'producer', id };
    case 'group':
      return { kind: 'group', id };
    case 'consumer':
      return { kind: 'consumer', id };
    default:
      return null;
  }
}

/** A stable key for merging identical consecutive lines ("… failed ×12"). */
export function coalesceKey(e: SimEvent): string | null {
  switch (e.type) {
    case 'record.failed':
      return `failed|${e.producerId}|${e.topic}|${e.partition}|${e.error}|${e.retriable}`;
    case 'producer.metadata-refreshed':
      return `metadata|${e.producerId}|${e.reason}`;
    default:
      return null;
  }
}

function list(items: (string | number)[], t: Translate): string {
  return items.length ? items.join(', ') : t('events.nothing');
}

function keyText(key: string | null, t: Translate): string {
  return key === null ? t('events.nullKey') : key;
}

/** Reasons the engine writes with a member's id in them ("billing-2 joined"). */
const MEMBER_REASONS: [RegExp, string][] = [
  [/^(.+) rejoined$/, 'reasons.memberRejoined'],
  [/^(.+) joined$/, 'reasons.memberJoined'],
  [/^(.+) left$/, 'reasons.memberLeft'],
  [/^(.+) session timed out$/, 'reasons.memberTimedOut'],
];

/**
 * The engine's reasons are short English phrases or codes: translate the known ones (by code,
 * or by shape when they name a member); a config setting such as auto.offset.reset=earliest
 * stays as written.
 */
export function reason(r: string, t: Translate): string {
  for (const [pattern, key] of MEMBER_REASONS) {
    const m = pattern.exec(r);
    if (m) return t(key, { member: m[1] });
  }
  return t(`reasons.${r}`, { defaultValue: r });
}

/** A rebalance of a big group names this many members, then counts the rest. */
const MAX_MEMBERS_SPELLED = 3;

/** "orders: 0, 1 · payments: 2": partitions grouped by topic, short enough for a line. */
export function assignmentText(partitions: string[]): string {
  const byTopic = new Map<string, string[]>();
  for (const key of partitions) {
    const dash = key.lastIndexOf('-');
    const topic = key.slice(0, dash);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), key.slice(dash + 1)]);
  }
  return [...byTopic].map(([topic, numbers]) => `${topic}: ${numbers.join(', ')}`).join(' · ');
}

/** The event as one sentence in the current language. */
export function describeEvent(e: SimEvent, t: Translate): string {
  const p =
    'partition' in e && 'topic' in e && e.topic !== undefined && e.partition !== undefined
      ? partitionKey(e.topic, e.partition)
      : '';
  switch (e.type) {
    case 'broker.started':
      return t(e.restart ? 'events.brokerRestarted' : 'events.brokerStarted', {
        broker: e.brokerId,
      });
    case 'broker.stopped':
      return t(e.mode === 'crash' ? 'events.brokerCrashed' : 'events.brokerStopped', {
        broker: e.brokerId,
      });
    case 'broker.isolated':
      return t('events.brokerIsolated', { broker: e.brokerId });
    case 'broker.healed':
      return t('events.brokerHealed', { broker: e.brokerId });
    case 'broker.fenced':
      return t(
        e.reason === 'shutdown' ? 'events.brokerFencedShutdown' : 'events.brokerFencedTimeout',
        { broker: e.brokerId },
      );
    case 'broker.unfenced':
      return t('events.brokerUnfenced', { broker: e.brokerId });
    case 'client.isolated':
      return t('events.clientIsolated', { client: e.clientId });
    case 'client.healed':
      return t('events.clientHealed', { client: e.clientId });
    case 'controller.changed':
      return e.controllerId === null
        ? t('events.controllerNone', { epoch: e.epoch })
        : t('events.controllerChanged', { broker: e.controllerId, epoch: e.epoch });
    case 'topic.created':
      return t('events.topicCreated', {
        topic: e.topic,
        partitions: e.partitions,
        rf: e.replicationFactor,
      });
    case 'partitions.added':
      return t('events.partitionsAdded', { topic: e.topic, from: e.from, to: e.to });
    case 'partition.leader-elected':
      return t(e.unclean ? 'events.leaderElectedUnclean' : 'events.leaderElected', {
        partition: p,
        leader: e.leader,
        epoch: e.leaderEpoch,
        isr: e.isr.join(','),
      });
    case 'partition.offline':
      return t('events.partitionOffline', { partition: p });
    case 'isr.shrunk':
      return t('events.isrShrunk', { partition: p, broker: e.brokerId, isr: e.isr.join(',') });
    case 'isr.expanded':
      return t('events.isrExpanded', { partition: p, broker: e.brokerId, isr: e.isr.join(',') });
    case 'hw.advanced':
      return t('events.hwAdvanced', { partition: p, broker: e.brokerId, hw: e.highWatermark });
    case 'record.appended':
      return e.count > 1
        ? t('events.recordsAppended', {
            partition: p,
            broker: e.brokerId,
            from: e.offset,
            to: e.offset + e.count - 1,
          })
        : t('events.recordAppended', { partition: p, broker: e.brokerId, from: e.offset });
    case 'record.acked':
      return e.offset < 0
        ? t('events.recordAckedBlind', {
            producer: e.producerId,
            key: keyText(e.key, t),
            partition: p,
          })
        : t('events.recordAcked', {
            producer: e.producerId,
            key: keyText(e.key, t),
            partition: p,
            offset: e.offset,
          });
    case 'record.failed':
      return t(e.retriable ? 'events.recordFailedRetry' : 'events.recordFailed', {
        producer: e.producerId,
        key: keyText(e.key, t),
        partition: p,
        error: e.error,
      });
    case 'log.truncated':
      return e.lostAcked.length > 0
        ? t('events.logTruncatedLost', {
            partition: p,
            broker: e.brokerId,
            from: e.fromOffset,
            lost: e.lostAcked.length,
          })
        : t('events.logTruncated', {
            partition: p,
            broker: e.brokerId,
            from: e.fromOffset,
            count: Math.max(0, e.toOffset - e.fromOffset),
          });
    case 'log.retention-deleted':
      return t('events.retentionDeleted', {
        partition: p,
        broker: e.brokerId,
        segments: e.segments,
        logStart: e.logStartOffset,
      });
    case 'log.segment-rolled':
      return t('events.segmentRolled', { partition: p, broker: e.brokerId, offset: e.baseOffset });
    case 'record.consumed':
      return t('events.recordConsumed', {
        consumer: e.consumerId,
        group: e.groupId,
        partition: p,
        offset: e.offset,
        key: keyText(e.key, t),
      });
    case 'offset.committed':
      return t('events.offsetCommitted', { group: e.groupId, partition: p, offset: e.offset });
    case 'offset.reset':
      return t('events.offsetReset', {
        group: e.groupId,
        partition: p,
        offset: e.offset,
        reason: reason(e.reason, t),
      });
    case 'group.rebalance-started':
      return t('events.rebalanceStarted', { group: e.groupId, reason: reason(e.reason, t) });
    case 'group.rebalance-completed': {
      const members = Object.entries(e.assignment);
      const parts = members.slice(0, MAX_MEMBERS_SPELLED).map(([consumer, partitions]) =>
        t('events.assignmentPart', {
          consumer,
          partitions: partitions.length ? assignmentText(partitions) : t('events.idle'),
        }),
      );
      if (members.length > MAX_MEMBERS_SPELLED) {
        parts.push(t('events.moreMembers', { count: members.length - MAX_MEMBERS_SPELLED }));
      }
      return parts.length
        ? t('events.rebalanceCompleted', {
            group: e.groupId,
            generation: e.generation,
            protocol: e.protocol,
            assignment: parts.join('; '),
          })
        : t('events.rebalanceCompletedEmpty', { group: e.groupId, generation: e.generation });
    }
    case 'group.coordinator-changed':
      return e.coordinator === null
        ? t('events.coordinatorNone', { group: e.groupId })
        : t('events.coordinatorChanged', { group: e.groupId, broker: e.coordinator });
    case 'consumer.joined':
      return t('events.consumerJoined', { consumer: e.consumerId, group: e.groupId });
    case 'consumer.left':
      return t('events.consumerLeft', { consumer: e.consumerId, group: e.groupId });
    case 'consumer.failed':
      return t(e.reason === 'crashed' ? 'events.consumerCrashed' : 'events.consumerTimedOut', {
        consumer: e.consumerId,
        group: e.groupId,
      });
    case 'consumer.assigned':
      return e.revoked.length
        ? t('events.consumerAssignedRevoked', {
            consumer: e.consumerId,
            partitions: list(e.partitions, t),
            revoked: list(e.revoked, t),
          })
        : t('events.consumerAssigned', {
            consumer: e.consumerId,
            partitions: list(e.partitions, t),
          });
    case 'producer.added':
      return t('events.producerAdded', { producer: e.producerId, topic: e.topic });
    case 'producer.removed':
      return t('events.producerRemoved', { producer: e.producerId });
    case 'producer.metadata-refreshed':
      return t('events.metadataRefreshed', { producer: e.producerId, reason: reason(e.reason, t) });
    case 'group.added':
      return t('events.groupAdded', { group: e.groupId, topics: list(e.topics, t) });
    case 'consumer.added':
      return t('events.consumerAdded', { consumer: e.consumerId, group: e.groupId });
    case 'config.changed':
      return t('events.configChanged', {
        target: t(`targets.${e.scope}`, { id: e.id, defaultValue: `${e.scope} ${e.id}` }),
        key: e.key,
        value: String(e.value),
      });
    case 'command.applied':
      return t('events.commandApplied', { command: describeCommand(e.command, t) });
    case 'command.rejected':
      return t('events.commandRejected', {
        command: describeCommand(e.command, t),
        reason: errorText(e.error, t),
      });
    case 'net.sent':
    case 'net.dropped':
      return t('events.unknown', { type: e.type });
  }
}

/** An engine error in words; the engine's English when the catalogue lacks a value. */
export function errorText(error: EngineError, t: Translate): string {
  const text = t(`errors.${error.code}`, { ...error.params, defaultValue: error.message });
  return text.includes('{{') ? error.message : text;
}

/** A user command in words ("kill broker 2"), for the "You: …" lines. */
export function describeCommand(c: Command, t: Translate): string {
  const params: Record<string, unknown> = { ...c };
  if (c.type === 'setDeliveryMode') {
    params.mode = t(c.mode === 'queue' ? 'delivery.queue' : 'delivery.pubsub');
  }
  return t(`commands.${c.type}`, { ...params, defaultValue: c.type });
}
