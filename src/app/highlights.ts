// The moments a learner should notice, placed where they happen: a new leader on its partition,
// an ISR change, a truncated replica, a failed produce, a rebalance. Built from engine events;
// the scene draws each one as a short-lived outline with a label (text, not only colour).
// The cluster starting up (first leaders, first controller, groups forming) is not highlighted:
// it would light up everything at once.
import type { SimEvent } from '../engine';
import { partitionKey } from '../worker/protocol';

export type HighlightTarget =
  | { kind: 'broker'; id: number }
  | { kind: 'partition'; key: string }
  | { kind: 'replica'; key: string; brokerId: number }
  | { kind: 'producer'; id: string }
  | { kind: 'group'; id: string }
  | { kind: 'consumer'; id: string };

export type HighlightTone = 'good' | 'info' | 'warn' | 'bad';

export interface Highlight {
  target: HighlightTarget;
  tone: HighlightTone;
  /** i18n key under `highlight.` and its values. */
  labelKey: string;
  params: Record<string, string | number>;
}

export function highlightsFor(e: SimEvent): Highlight[] {
  switch (e.type) {
    case 'partition.leader-elected': {
      // A brand-new partition getting its first leader is not news.
      if (e.reason.code === 'new-partition') return [];
      const key = partitionKey(e.topic, e.partition);
      return [
        {
          target: { kind: 'replica', key, brokerId: e.leader },
          tone: e.unclean ? 'bad' : 'good',
          labelKey: e.unclean ? 'uncleanLeader' : 'newLeader',
          params: { epoch: e.leaderEpoch },
        },
        {
          target: { kind: 'partition', key },
          tone: e.unclean ? 'bad' : 'good',
          labelKey: 'leaderEpoch',
          params: { broker: e.leader, epoch: e.leaderEpoch },
        },
      ];
    }
    case 'partition.offline':
      return [
        {
          target: { kind: 'partition', key: partitionKey(e.topic, e.partition) },
          tone: 'bad',
          labelKey: 'offline',
          params: {},
        },
      ];
    case 'isr.shrunk':
      return [
        {
          target: {
            kind: 'replica',
            key: partitionKey(e.topic, e.partition),
            brokerId: e.brokerId,
          },
          tone: 'warn',
          labelKey: 'isrShrunk',
          params: {},
        },
      ];
    case 'isr.expanded':
      return [
        {
          target: {
            kind: 'replica',
            key: partitionKey(e.topic, e.partition),
            brokerId: e.brokerId,
          },
          tone: 'good',
          labelKey: 'isrExpanded',
          params: {},
        },
      ];
    case 'log.truncated':
      return [
        {
          target: {
            kind: 'replica',
            key: partitionKey(e.topic, e.partition),
            brokerId: e.brokerId,
          },
          tone: e.lostAcked.length > 0 ? 'bad' : 'warn',
          labelKey: e.lostAcked.length > 0 ? 'truncatedLost' : 'truncated',
          params: { from: e.fromOffset, lost: e.lostAcked.length },
        },
      ];
    case 'record.failed':
      return [
        {
          target: { kind: 'producer', id: e.producerId },
          tone: e.retriable ? 'warn' : 'bad',
          labelKey: 'produceFailed',
          params: { error: e.error },
        },
      ];
    case 'group.rebalance-started':
      if (e.generation === 0) return [];
      return [
        {
          target: { kind: 'group', id: e.groupId },
          tone: 'warn',
          labelKey: 'rebalancing',
          params: {},
        },
      ];
    case 'group.rebalance-completed':
      if (e.generation <= 1) return [];
      return [
        {
          target: { kind: 'group', id: e.groupId },
          tone: 'good',
          labelKey: 'generation',
          params: { generation: e.generation },
        },
      ];
    case 'broker.stopped':
      return [
        {
          target: { kind: 'broker', id: e.brokerId },
          tone: 'bad',
          labelKey: e.mode === 'crash' ? 'crashed' : 'stopped',
          params: {},
        },
      ];
    case 'broker.started':
      if (!e.restart) return [];
      return [
        {
          target: { kind: 'broker', id: e.brokerId },
          tone: 'good',
          labelKey: 'started',
          params: {},
        },
      ];
    case 'broker.isolated':
      return [
        {
          target: { kind: 'broker', id: e.brokerId },
          tone: 'bad',
          labelKey: 'isolated',
          params: {},
        },
      ];
    case 'broker.healed':
      return [
        {
          target: { kind: 'broker', id: e.brokerId },
          tone: 'good',
          labelKey: 'healed',
          params: {},
        },
      ];
    case 'broker.fenced':
      return [
        {
          target: { kind: 'broker', id: e.brokerId },
          tone: 'warn',
          labelKey: 'fenced',
          params: {},
        },
      ];
    case 'controller.changed':
      return e.controllerId === null || e.previousControllerId === null
        ? []
        : [
            {
              target: { kind: 'broker', id: e.controllerId },
              tone: 'info',
              labelKey: 'controller',
              params: { epoch: e.epoch },
            },
          ];
    case 'zookeeper.session-expired':
      return [
        {
          target: { kind: 'broker', id: e.brokerId },
          tone: 'warn',
          labelKey: 'sessionExpired',
          params: {},
        },
      ];
    case 'controller.request-rejected':
      // A stale controller refused is the lesson; a request for a broker's earlier run is not.
      if (e.error !== 'STALE_CONTROLLER_EPOCH') return [];
      return [
        {
          target: { kind: 'broker', id: e.brokerId },
          tone: 'info',
          labelKey: 'staleController',
          params: {},
        },
      ];
    case 'consumer.failed':
      return [
        {
          target: { kind: 'consumer', id: e.consumerId },
          tone: 'bad',
          labelKey: 'consumerFailed',
          params: {},
        },
      ];
    default:
      return [];
  }
}
