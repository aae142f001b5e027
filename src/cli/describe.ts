// Every SimEvent in plain English, one line each, for the CLI's timeline. The switch is
// exhaustive: a new event type fails the type check here until it has its sentence.
import type { Command, SimEvent, SimEventBody } from '../engine';

/** Sim time as seconds with milliseconds: 12345 -> "12.345s". */
export function formatTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}

/** Network traffic (net.*): hidden from the timeline unless --verbose. */
export function isTraffic(event: SimEvent): boolean {
  return event.type.startsWith('net.');
}

/** "12.345s  broker 2 crashed" */
export function describeTimelineLine(event: SimEvent): string {
  return `${formatTime(event.t).padStart(10)}  ${describeEvent(event)}`;
}

export function describeEvent(event: SimEventBody): string {
  switch (event.type) {
    // Brokers and controller
    case 'broker.started':
      return `broker ${event.brokerId} ${event.restart ? 'restarted' : 'started'}`;
    case 'broker.stopped':
      return event.mode === 'crash'
        ? `broker ${event.brokerId} crashed`
        : `broker ${event.brokerId} shut down cleanly`;
    case 'broker.isolated':
      return `broker ${event.brokerId} is cut off from the network`;
    case 'broker.healed':
      return `broker ${event.brokerId} is reachable again`;
    case 'broker.fenced':
      return event.reason === 'session-timeout'
        ? `controller fenced broker ${event.brokerId}: no heartbeat within broker.session.timeout.ms`
        : `controller fenced broker ${event.brokerId}: it is shutting down`;
    case 'broker.unfenced':
      return `controller unfenced broker ${event.brokerId}: it may lead and follow partitions again`;
    case 'client.isolated':
      return `client ${event.clientId} is cut off from the network`;
    case 'client.healed':
      return `client ${event.clientId} is reachable again`;
    case 'controller.changed':
      return event.controllerId === null
        ? `no active controller${wasBroker(event.previousControllerId)}`
        : `broker ${event.controllerId} is the active controller (epoch ${event.epoch})${wasBroker(event.previousControllerId)}`;

    // Topics and partitions
    case 'topic.created':
      return `topic ${event.topic} created: ${plural(event.partitions, 'partition')}, replication factor ${event.replicationFactor}; replicas ${placement(event.topic, event.assignment)}`;
    case 'partitions.added':
      return `topic ${event.topic} grew from ${plural(event.from, 'partition')} to ${event.to}`;
    case 'partition.leader-elected': {
      const from = event.previousLeader < 0 ? 'none' : `broker ${event.previousLeader}`;
      const why = ELECTION_REASONS[event.reason] ?? event.reason;
      const head = event.unclean
        ? `UNCLEAN election: broker ${event.leader}, not in sync, now leads`
        : `broker ${event.leader} elected leader of`;
      const tail = event.unclean ? ': records it never copied are lost' : '';
      return `${head} ${tp(event)} (epoch ${event.leaderEpoch}, was ${from}; ISR ${brokers(event.isr)}; ${why})${tail}`;
    }
    case 'partition.offline':
      return `${tp(event)} is OFFLINE: no in-sync replica can lead it (last leader ${leaderName(event.previousLeader)})`;
    case 'isr.shrunk':
      return `${tp(event)}: broker ${event.brokerId} left the ISR (${ISR_REASONS[event.reason] ?? event.reason}); ISR now ${brokers(event.isr)}`;
    case 'isr.expanded':
      return `${tp(event)}: broker ${event.brokerId} caught up and rejoined the ISR; ISR now ${brokers(event.isr)}`;
    case 'hw.advanced':
      return `${tp(event)}: high watermark on broker ${event.brokerId} is now ${event.highWatermark}`;

    // Records and logs
    case 'record.appended':
      return `${tp(event)}: broker ${event.brokerId} appended ${offsetRange(event.offset, event.count)} (leader epoch ${event.leaderEpoch})`;
    case 'record.acked':
      return event.offset < 0
        ? `${event.producerId}: sent ${record(event.key, event.value)} to ${tp(event)} without waiting for an answer (acks=0)`
        : `${event.producerId}: ${record(event.key, event.value)} acknowledged at ${tp(event)} offset ${event.offset}`;
    case 'record.failed':
      return `${event.producerId}: ${record(event.key, event.value)} to ${tp(event)} failed with ${event.error}${event.retriable ? ', will retry' : ', given up'}`;
    case 'log.truncated': {
      const removed = event.toOffset - event.fromOffset;
      const lost =
        event.lostAcked.length === 0
          ? ''
          : `; ${event.lostAcked.length} of them had been acknowledged and are LOST: ${event.lostAcked
              .map((r) => `offset ${r.offset} (${r.key === null ? 'no key' : `key ${r.key}`})`)
              .join(', ')}`;
      return `${tp(event)}: broker ${event.brokerId} truncated its log at offset ${event.fromOffset}, removing ${plural(removed, 'record')}${lost}`;
    }
    case 'log.retention-deleted':
      return `${tp(event)}: broker ${event.brokerId} deleted ${plural(event.segments, 'old segment')} (retention by ${event.reason}); the log now starts at offset ${event.logStartOffset}`;
    case 'log.segment-rolled':
      return `${tp(event)}: broker ${event.brokerId} rolled a new segment starting at offset ${event.baseOffset}`;

    // Consumers and groups
    case 'record.consumed':
      return `${event.consumerId} (${event.groupId}) consumed ${tp(event)} offset ${event.offset}: ${record(event.key, event.value)}`;
    case 'offset.committed':
      return `${event.groupId} committed offset ${event.offset} for ${tp(event)}${event.consumerId ? ` (${event.consumerId})` : ''}`;
    case 'offset.reset':
      return `${event.consumerId ?? event.groupId} (${event.groupId}) reset its position on ${tp(event)} to offset ${event.offset} (${event.reason})`;
    case 'group.rebalance-started':
      return `group ${event.groupId}: rebalance started in generation ${event.generation} (${event.reason})`;
    case 'group.rebalance-completed': {
      const owners = Object.entries(event.assignment)
        .map(([consumer, parts]) => `${consumer} ${parts.length ? parts.join(' ') : '(idle)'}`)
        .join('; ');
      const taken = Object.entries(event.revoked)
        .filter(([, parts]) => parts.length > 0)
        .map(([consumer, parts]) => `; taken from ${consumer}: ${parts.join(' ')}`)
        .join('');
      const leader = event.leader ? `, leader ${event.leader}` : '';
      return `group ${event.groupId}: generation ${event.generation} ready (${event.protocol}${leader}): ${owners || 'no members'}${taken}`;
    }
    case 'group.coordinator-changed':
      return event.coordinator === null
        ? `group ${event.groupId} has no coordinator`
        : `group ${event.groupId}: broker ${event.coordinator} is the coordinator`;
    case 'consumer.joined':
      return `${event.consumerId} joined group ${event.groupId} (member id ${event.memberId})`;
    case 'consumer.left':
      return `${event.consumerId} left group ${event.groupId}`;
    case 'consumer.failed':
      return event.reason === 'crashed'
        ? `${event.consumerId} (${event.groupId}) crashed`
        : `${event.consumerId} was removed from group ${event.groupId}: no heartbeat within session.timeout.ms`;
    case 'consumer.assigned': {
      const who = `${event.consumerId} (${event.groupId})`;
      const gave = event.revoked.join(' ');
      // An eager rebalance first takes every partition away, then hands out the new ones.
      if (event.partitions.length === 0 && gave) {
        return `${who} gave up ${gave} for the rebalance (generation ${event.generation})`;
      }
      const owns = event.partitions.length
        ? `now owns ${event.partitions.join(' ')}`
        : 'owns no partition (idle)';
      return `${who} ${owns} in generation ${event.generation}${gave ? `; gave up ${gave}` : ''}`;
    }

    // Clients and configuration
    case 'producer.added':
      return `producer ${event.producerId} added, writing to ${event.topic}`;
    case 'producer.removed':
      return `producer ${event.producerId} removed`;
    case 'producer.metadata-refreshed':
      return `${event.producerId} refreshed its metadata (${event.reason})`;
    case 'group.added':
      return `consumer group ${event.groupId} added, reading ${event.topics.join(', ')}`;
    case 'consumer.added':
      return `consumer ${event.consumerId} added to group ${event.groupId}`;
    case 'config.changed':
      return `config: ${event.scope} ${event.id} ${event.key} = ${String(event.value)}`;
    case 'command.applied':
      return `command: ${describeCommand(event.command)}`;
    case 'command.rejected':
      return `command refused: ${describeCommand(event.command)}: ${event.error.message}`;

    // Network traffic
    case 'net.sent': {
      const what = [
        event.topic !== undefined && event.partition !== undefined
          ? `${event.topic}-${event.partition}`
          : '',
        event.recordCount ? plural(event.recordCount, 'record') : '',
        event.error ?? '',
      ].filter(Boolean);
      const detail = what.length ? ` (${what.join(', ')})` : '';
      const fate = event.dropped
        ? ', dropped: the link is cut'
        : `, arrives at ${formatTime(event.deliverAt)}`;
      return `#${event.id} ${event.from} -> ${event.to} ${event.kind}${detail}${fate}`;
    }
    case 'net.dropped':
      return `#${event.id} dropped: ${event.reason === 'isolated' ? 'the link is cut' : 'the receiver is down'}`;
    default:
      return unknownEvent(event);
  }
}

/** "killBroker brokerId=2" */
export function describeCommand(command: Command): string {
  const args = Object.entries(command)
    .filter(([key]) => key !== 'type')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [command.type, ...args].join(' ');
}

const ELECTION_REASONS: Record<string, string> = {
  'new-partition': 'new partition',
  'leader-failed': 'the leader failed',
  preferred: 'preferred leader election',
  'controlled-shutdown': 'controlled shutdown',
  'offline-recovered': 'a replica came back',
};

const ISR_REASONS: Record<string, string> = {
  'broker-fenced': 'its broker was fenced',
  'follower-lagging': 'it fell behind for longer than replica.lag.time.max.ms',
  'leader-failed': 'its broker failed',
  'controlled-shutdown': 'its broker is shutting down',
};

// Compile-time: every event type is handled above. Run-time: an engine newer than this file.
function unknownEvent(event: never): string {
  return JSON.stringify(event);
}

function tp(event: { topic: string; partition: number }): string {
  return `${event.topic}-${event.partition}`;
}

/** "orders-0 [1,2,3], orders-1 [2,3,1]", cut short for big topics (__consumer_offsets has 50). */
function placement(topic: string, assignment: readonly number[][], shown = 6): string {
  const listed = assignment
    .slice(0, shown)
    .map((replicas, p) => `${topic}-${p} ${brokers(replicas)}`);
  const more = assignment.length - shown;
  return more > 0 ? `${listed.join(', ')} and ${more} more` : listed.join(', ');
}

function brokers(ids: readonly number[]): string {
  return `[${ids.join(',')}]`;
}

function leaderName(id: number): string {
  return id < 0 ? 'none' : `broker ${id}`;
}

function wasBroker(id: number | null): string {
  return id === null ? '' : `; was broker ${id}`;
}

function record(key: string | null, value: string): string {
  return `${key === null ? '(no key)' : key}=${JSON.stringify(value)}`;
}

function offsetRange(offset: number, count: number): string {
  return count === 1 ? `offset ${offset}` : `offsets ${offset}-${offset + count - 1}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
