// Engine events in plain words. The sentence comes from the event's facts and the i18n catalogue
// (never from English text of the engine), so the event log reads the same in every language.
import type { SimEvent } from '../engine';
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
const zookeeper = (id: number): Selection => ({ kind: 'zookeeper', id });
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
    case 'broker.registered':
    case 'broker.registration-refused':
      return info('cluster', broker(e.brokerId));
    case 'broker.removal-started':
      return info('cluster', broker(e.brokerId), true);
    case 'external.connected':
    case 'external.closed':
      // KafkaJS opens and closes connections often: plumbing, shown with the details.
      return info('records', broker(e.brokerId));
    case 'broker.unregistered':
      return info('cluster', null, true);
    case 'partition.reassignment-started':
    case 'partition.reassignment-completed':
      return info('partitions', partition(e.topic, e.partition));
    case 'client.isolated':
    case 'client.healed':
      return info('cluster', { kind: e.client, id: e.clientId });
    case 'controller.changed':
      // Dedicated controller nodes (1001..) are not brokers the page can select.
      return info(
        'cluster',
        e.controllerId === null || e.controllerId > 1000 ? null : broker(e.controllerId),
        true,
      );
    case 'controller.resigned':
    case 'metadata.quorum-lost':
    case 'metadata.quorum-restored':
    case 'controller.node-started':
    case 'controller.voter-added':
    case 'controller.node-stopped':
    case 'controller.node-isolated':
    case 'controller.node-healed':
      return info('cluster', null, true);
    case 'metadata.election-started':
      return info('cluster', null);
    case 'zookeeper.node-started':
    case 'zookeeper.server-added':
    case 'zookeeper.node-stopped':
    case 'zookeeper.node-isolated':
    case 'zookeeper.node-healed':
    case 'zookeeper.leader-elected':
      return info('cluster', zookeeper(e.nodeId), true);
    case 'zookeeper.leader-lost':
      return info('cluster', zookeeper(e.nodeId));
    case 'zookeeper.session-expired':
    case 'controller.request-rejected':
      return info('cluster', broker(e.brokerId), true);
    case 'topic.created':
    case 'partitions.added':
      return info('partitions', { kind: 'topic', name: e.topic });
    case 'topic.deleted':
      return info('partitions', null, true);
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
    case 'consumer.log-truncation':
      return info('records', { kind: 'consumer', id: e.consumerId }, true);
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
    case 'consumer.poll-timeout':
      return info('groups', { kind: 'consumer', id: e.consumerId }, true);
    case 'consumer.assigned':
      return info('records', { kind: 'consumer', id: e.consumerId });
    case 'producer.added':
    case 'producer.metadata-refreshed':
      return info('producers', { kind: 'producer', id: e.producerId });
    case 'producer.removed':
      return info('producers', null);
    case 'producer.crashed':
      return info('producers', { kind: 'producer', id: e.producerId }, true);
    case 'producer.restarted':
      return info('producers', { kind: 'producer', id: e.producerId });
    case 'group.added':
      return info('groups', { kind: 'group', id: e.groupId });
    case 'config.changed':
      return info('you', configSubject(e.scope, e.id));
    case 'command.applied':
      // The scenario's own script is not the user: it is cluster news, not "You: ...".
      return info(e.scenario ? 'cluster' : 'you', null);
    case 'command.rejected':
      return info('you', null, true);
    case 'net.sent':
    case 'net.dropped':
      return info('records', null);
  }
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
      return `metadata|${e.producerId}|${e.reason.code}`;
    default:
      return null;
  }
}

// The sentences themselves live with the catalogues, shared with the CLI.
export { assignmentText, describeCommand, describeEvent, errorText } from '../i18n/describe';
