// Engine events, reasons, commands and errors in words, from the catalogues. This is the one
// description of each event: the app's event log uses it in the learner's language and the
// CLI's timeline uses it in English. The engine itself never writes sentences.
import type { Command, EngineError, Reason, SimEvent, SimplificationKey } from '../engine';
import type { Translate } from './index';
import { formatSessionId } from './zxid';

const partitionName = (topic: string, partition: number) => `${topic}-${partition}`;

function list(items: (string | number)[], t: Translate): string {
  return items.length ? items.join(', ') : t('events.nothing');
}

function keyText(key: string | null, t: Translate): string {
  return key === null ? t('events.nullKey') : key;
}

/** Dedicated KRaft controllers are numbered above every broker id (1001..). */
const MAX_BROKER_ID = 1000;

/** A controller's host in words: a dedicated controller node or a broker. */
function controllerOrNone(id: number | null, t: Translate): string {
  if (id === null || id < 0) return t('events.none');
  return id > MAX_BROKER_ID ? t('events.controllerName', { id }) : t('events.brokerName', { id });
}

function brokerOrNone(id: number | null, t: Translate): string {
  return id === null || id < 0 ? t('events.none') : t('events.brokerName', { id });
}

/** A reason code with its facts, in words (`reasons.<code>`); lists become "a, b". */
export function reasonText(reason: Reason, t: Translate): string {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(reason))
    params[key] = Array.isArray(value) ? list(value as string[], t) : value;
  return t(`reasons.${reason.code}`, params);
}

/** A simplification of the model, in words. */
export function simplificationText(key: SimplificationKey, t: Translate): string {
  return t(`simplifications.${key}`);
}

/** A rebalance of a big group names this many members, then counts the rest. */
const MAX_MEMBERS_SPELLED = 3;
/** A truncation lists this many lost offsets, then counts the rest. */
const MAX_OFFSETS_SPELLED = 8;
/** A new topic lists the replicas of this many partitions, then counts the rest. */
const MAX_PLACEMENTS_SPELLED = 6;

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

function spelled<T>(items: T[], max: number, show: (item: T) => string, t: Translate): string {
  const shown = items.slice(0, max).map(show).join(', ');
  return items.length > max
    ? t('events.andMore', { list: shown, count: items.length - max })
    : shown;
}

/** The event as one sentence in the language of `t`. */
export function describeEvent(e: SimEvent, t: Translate): string {
  const p =
    'partition' in e && 'topic' in e && e.topic !== undefined && e.partition !== undefined
      ? partitionName(e.topic, e.partition)
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
      return t('events.brokerFenced', { broker: e.brokerId, reason: reasonText(e.reason, t) });
    case 'broker.unfenced':
      return t('events.brokerUnfenced', { broker: e.brokerId });
    case 'broker.registered':
      return t('events.brokerRegistered', { broker: e.brokerId, epoch: e.brokerEpoch });
    case 'broker.registration-refused':
      return t('events.brokerRegistrationRefused', { broker: e.brokerId, error: e.error });
    case 'external.connected':
      // A client names itself in its first request, which comes after the TCP handshake.
      return e.clientId
        ? t('events.externalConnected', { client: e.clientId, broker: e.brokerId })
        : t('events.externalConnectedUnnamed', { conn: e.conn, broker: e.brokerId });
    case 'external.closed':
      return t('events.externalClosed', {
        client: e.clientId || e.conn,
        broker: e.brokerId,
        reason: reasonText(e.reason, t),
      });
    case 'broker.removal-started':
      return t('events.brokerRemovalStarted', { broker: e.brokerId, count: e.partitions });
    case 'broker.unregistered':
      return t('events.brokerUnregistered', { broker: e.brokerId });
    case 'partition.reassignment-started':
      return t('events.reassignmentStarted', {
        partition: p,
        target: e.target.join(', '),
        adding: e.adding.join(', '),
        removing: e.removing.join(', '),
      });
    case 'partition.reassignment-completed':
      return t('events.reassignmentCompleted', {
        partition: p,
        replicas: e.replicas.join(', '),
        isr: e.isr.join(', '),
        leader: brokerOrNone(e.leader >= 0 ? e.leader : null, t),
      });
    case 'client.isolated':
      return t('events.clientIsolated', { client: e.clientId });
    case 'client.healed':
      return t('events.clientHealed', { client: e.clientId });
    case 'controller.changed':
      if (e.controllerId === null) return t('events.controllerNone', { epoch: e.epoch });
      return e.controllerId > MAX_BROKER_ID
        ? t('events.controllerNodeChanged', {
            controller: e.controllerId,
            epoch: e.epoch,
            previous: controllerOrNone(e.previousControllerId, t),
          })
        : t('events.controllerChanged', {
            broker: e.controllerId,
            epoch: e.epoch,
            previous: brokerOrNone(e.previousControllerId, t),
          });
    case 'controller.resigned':
      return t('events.controllerResigned', {
        controller: e.controllerId,
        epoch: e.epoch,
        reason: t(`events.resignedBecause.${e.reason.code}`),
      });
    case 'metadata.election-started':
      return t(e.preVote ? 'events.preVoteStarted' : 'events.voteStarted', {
        controller: e.controllerId,
        epoch: e.epoch,
      });
    case 'metadata.quorum-lost':
    case 'metadata.quorum-restored': {
      const lost = e.type === 'metadata.quorum-lost';
      const zookeeper = e.mode === 'zookeeper';
      const key = zookeeper
        ? lost
          ? 'events.zkQuorumLost'
          : 'events.zkQuorumRestored'
        : lost
          ? 'events.quorumLost'
          : 'events.quorumRestored';
      return t(key, { live: e.live, voters: e.voters, needed: e.needed });
    }
    case 'controller.node-started':
      return t(e.restart ? 'events.controllerNodeStarted' : 'events.controllerNodeAdded', {
        controller: e.controllerId,
      });
    case 'controller.voter-added':
      return t('events.controllerVoterAdded', {
        controller: e.controllerId,
        voters: e.voters.join(', '),
        count: e.voters.length,
      });
    case 'controller.node-stopped':
      return t('events.controllerNodeStopped', { controller: e.controllerId });
    case 'controller.node-isolated':
      return t('events.controllerNodeIsolated', { controller: e.controllerId });
    case 'controller.node-healed':
      return t('events.controllerNodeHealed', { controller: e.controllerId });
    case 'controller.request-rejected':
      return t(
        e.error === 'STALE_BROKER_EPOCH'
          ? 'events.staleBrokerEpochRejected'
          : 'events.staleControllerRejected',
        {
          broker: e.brokerId,
          controller: e.controllerId,
          epoch: e.epoch,
          error: e.error,
        },
      );
    case 'zookeeper.node-started':
      return t(e.restart ? 'events.zkRestarted' : 'events.zkStarted', { node: e.nodeId });
    case 'zookeeper.node-stopped':
      return t('events.zkStopped', { node: e.nodeId });
    case 'zookeeper.server-added':
      return t('events.zkServerAdded', {
        node: e.nodeId,
        count: e.servers.length,
        servers: e.servers.map((id) => `zk-${id}`).join(', '),
      });
    case 'zookeeper.node-isolated':
      return t('events.zkIsolated', { node: e.nodeId });
    case 'zookeeper.node-healed':
      return t('events.zkHealed', { node: e.nodeId });
    case 'zookeeper.leader-elected':
      return t('events.zkLeaderElected', { node: e.nodeId, epoch: e.epoch });
    case 'zookeeper.leader-lost':
      return t('events.zkLeaderLost', { node: e.nodeId, epoch: e.epoch });
    case 'zookeeper.session-expired':
      return t('events.zkSessionExpired', {
        broker: e.brokerId,
        session: formatSessionId(e.sessionId),
        timeout: e.timeoutMs,
        // The broker's registration, the znode a learner watches disappear.
        path: `/brokers/ids/${e.brokerId}`,
      });
    case 'topic.created':
      return t(e.reason ? 'events.topicAutoCreated' : 'events.topicCreated', {
        ...(e.reason ? { reason: reasonText(e.reason, t) } : {}),
        topic: e.topic,
        partitions: e.partitions,
        rf: e.replicationFactor,
        placement: spelled(
          e.assignment.map((replicas, i) => ({ replicas, i })),
          MAX_PLACEMENTS_SPELLED,
          ({ replicas, i }) => `${partitionName(e.topic, i)} [${replicas.join(',')}]`,
          t,
        ),
      });
    case 'partitions.added':
      return t('events.partitionsAdded', { topic: e.topic, from: e.from, to: e.to });
    case 'topic.deleted':
      return t('events.topicDeleted', { topic: e.topic, count: e.partitions });
    case 'partition.leader-elected':
      return t(e.unclean ? 'events.leaderElectedUnclean' : 'events.leaderElected', {
        partition: p,
        leader: e.leader,
        epoch: e.leaderEpoch,
        previous: brokerOrNone(e.previousLeader, t),
        isr: e.isr.join(','),
        reason: reasonText(e.reason, t),
      });
    case 'partition.offline':
      return t('events.partitionOffline', {
        partition: p,
        previous: brokerOrNone(e.previousLeader, t),
      });
    case 'isr.shrunk':
      return t('events.isrShrunk', {
        partition: p,
        broker: e.brokerId,
        isr: e.isr.join(','),
        reason: reasonText(e.reason, t),
      });
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
            epoch: e.leaderEpoch,
          })
        : t('events.recordAppended', {
            partition: p,
            broker: e.brokerId,
            from: e.offset,
            epoch: e.leaderEpoch,
          });
    case 'record.acked':
      return e.offset < 0
        ? t('events.recordAckedBlind', {
            producer: e.producerId,
            key: keyText(e.key, t),
            value: e.value,
            partition: p,
          })
        : t('events.recordAcked', {
            producer: e.producerId,
            key: keyText(e.key, t),
            value: e.value,
            partition: p,
            offset: e.offset,
          });
    case 'record.failed':
      return t(e.retriable ? 'events.recordFailedRetry' : 'events.recordFailed', {
        producer: e.producerId,
        key: keyText(e.key, t),
        value: e.value,
        partition: e.partition < 0 ? e.topic : p,
        error: e.error,
      });
    case 'log.truncated':
      return e.lostAcked.length > 0
        ? t('events.logTruncatedLost', {
            partition: p,
            broker: e.brokerId,
            from: e.fromOffset,
            count: Math.max(0, e.toOffset - e.fromOffset),
            lost: e.lostAcked.length,
            offsets: spelled(e.lostAcked, MAX_OFFSETS_SPELLED, (r) => String(r.offset), t),
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
        reason: reasonText(e.reason, t),
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
        value: e.value,
      });
    case 'offset.committed':
      return t(e.consumerId ? 'events.offsetCommittedBy' : 'events.offsetCommitted', {
        group: e.groupId,
        consumer: e.consumerId,
        partition: p,
        offset: e.offset,
      });
    case 'consumer.log-truncation':
      return t(
        e.divergentOffset === null
          ? 'events.logTruncationUnknown'
          : e.resetPolicy === 'none'
            ? 'events.logTruncationStopped'
            : 'events.logTruncationDetected',
        {
          consumer: e.consumerId,
          partition: p,
          offset: e.offset,
          divergent: e.divergentOffset ?? -1,
          policy: e.resetPolicy,
        },
      );
    case 'offset.reset':
      return t('events.offsetReset', {
        group: e.groupId,
        consumer: e.consumerId ?? e.groupId,
        partition: p,
        offset: e.offset,
        reason: reasonText(e.reason, t),
      });
    case 'group.rebalance-started':
      return t('events.rebalanceStarted', {
        group: e.groupId,
        generation: e.generation,
        reason: reasonText(e.reason, t),
      });
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
      const taken = Object.entries(e.revoked)
        .filter(([, partitions]) => partitions.length > 0)
        .map(([consumer, partitions]) =>
          t('events.takenFrom', { consumer, partitions: assignmentText(partitions) }),
        );
      return parts.length
        ? t('events.rebalanceCompleted', {
            group: e.groupId,
            generation: e.generation,
            protocol: e.protocol,
            leader: e.leader,
            assignment: [...parts, ...taken].join('; '),
          })
        : t('events.rebalanceCompletedEmpty', { group: e.groupId, generation: e.generation });
    }
    case 'group.coordinator-changed':
      return e.coordinator === null
        ? t('events.coordinatorNone', { group: e.groupId })
        : t('events.coordinatorChanged', { group: e.groupId, broker: e.coordinator });
    case 'consumer.joined':
      return t('events.consumerJoined', {
        consumer: e.consumerId,
        group: e.groupId,
        member: e.memberId,
      });
    case 'consumer.left':
      return t('events.consumerLeft', { consumer: e.consumerId, group: e.groupId });
    case 'consumer.poll-timeout':
      return t('events.consumerPollTimeout', {
        consumer: e.consumerId,
        group: e.groupId,
        ms: e.maxPollIntervalMs,
      });
    case 'consumer.failed':
      return t(
        e.reason.code === 'process-crashed' ? 'events.consumerCrashed' : 'events.consumerTimedOut',
        { consumer: e.consumerId, group: e.groupId },
      );
    case 'consumer.assigned':
      if (e.partitions.length === 0 && e.revoked.length > 0)
        return t('events.consumerRevokedAll', {
          consumer: e.consumerId,
          revoked: list(e.revoked, t),
          generation: e.generation,
        });
      return e.revoked.length
        ? t('events.consumerAssignedRevoked', {
            consumer: e.consumerId,
            partitions: list(e.partitions, t),
            revoked: list(e.revoked, t),
            generation: e.generation,
          })
        : t(e.partitions.length ? 'events.consumerAssigned' : 'events.consumerIdle', {
            consumer: e.consumerId,
            partitions: list(e.partitions, t),
            generation: e.generation,
          });
    case 'producer.added':
      return t('events.producerAdded', { producer: e.producerId, topic: e.topic });
    case 'producer.removed':
      return t('events.producerRemoved', { producer: e.producerId });
    case 'producer.crashed':
      return t('events.producerCrashed', { producer: e.producerId, count: e.lostRecords });
    case 'producer.restarted':
      return t('events.producerRestarted', { producer: e.producerId });
    case 'producer.metadata-refreshed':
      return t('events.metadataRefreshed', {
        producer: e.producerId,
        reason: reasonText(e.reason, t),
      });
    case 'group.added':
      return t('events.groupAdded', { group: e.groupId, topics: list(e.topics, t) });
    case 'consumer.added':
      return t('events.consumerAdded', { consumer: e.consumerId, group: e.groupId });
    case 'config.changed':
      return t('events.configChanged', {
        target: t(`targets.${e.scope}`, { id: e.id }),
        key: e.key,
        value: String(e.value),
      });
    case 'command.applied':
      return t(e.scenario ? 'events.scenarioApplied' : 'events.commandApplied', {
        command: describeCommand(e.command, t),
      });
    case 'command.rejected':
      return t('events.commandRejected', {
        command: describeCommand(e.command, t),
        reason: errorText(e.error, t),
      });
    case 'net.sent': {
      const facts = [
        e.topic !== undefined && e.partition !== undefined
          ? partitionName(e.topic, e.partition)
          : '',
        e.recordCount ? t('events.recordCount', { count: e.recordCount }) : '',
        e.error ?? '',
      ].filter(Boolean);
      return t(e.dropped ? 'events.netSentDropped' : 'events.netSent', {
        id: e.id,
        from: e.from,
        to: e.to,
        kind: e.kind,
        facts: facts.length ? ` (${facts.join(', ')})` : '',
        arrival: (e.deliverAt / 1000).toFixed(3),
      });
    }
    case 'net.dropped':
      return t('events.netDropped', { id: e.id, reason: reasonText(e.reason, t) });
  }
}

/**
 * An engine error in words: the catalogue's sentence with the broken rule said in the learner's
 * language (`rules.<ruleKey>`) and a "did you mean" where the loader has a guess. The engine's
 * English when the catalogue lacks a value the sentence needs.
 */
export function errorText(error: EngineError, t: Translate): string {
  const params: Record<string, unknown> = { ...error.params };
  const ruleKey = error.params?.ruleKey;
  if (ruleKey !== undefined) {
    const rule = t(`rules.${ruleKey}`, { ...error.params, defaultValue: '' });
    if (rule === '' || rule.includes('{{')) return error.message;
    params.rule = rule;
  }
  let text = t(`errors.${error.code}`, { ...params, defaultValue: error.message });
  if (text.includes('{{')) return error.message;
  const { got, suggestion } = error.params ?? {};
  if (ruleKey !== undefined && got !== undefined) text += t('errors.got', { got });
  if (suggestion !== undefined) text += ` ${t('errors.didYouMean', { suggestion })}`;
  return text;
}

/** The error with the place it names first ("topics[0].partitions: ..."), as lists show it. */
export function errorLine(error: EngineError, t: Translate): string {
  const text = errorText(error, t);
  return error.field && !text.includes(error.field)
    ? t('errors.atField', { field: error.field, text })
    : text;
}

/** A user command in words ("kill broker 2"). */
export function describeCommand(c: Command, t: Translate): string {
  const params: Record<string, unknown> = { ...c };
  if (c.type === 'setDeliveryMode') {
    params.mode = t(c.mode === 'queue' ? 'delivery.queue' : 'delivery.pubsub');
  }
  return t(`commands.${c.type}`, { ...params, defaultValue: c.type });
}
