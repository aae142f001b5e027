// Real clients in the ClusterView (issue 14): a producer card per client id that produces, a
// consumer row per group member a real client runs. Drawn while they have a connection open (a
// producer) or while the coordinator counts them as members (a consumer: a client that vanished
// without LeaveGroup stays, crashed, until its session times out, as a built-in consumer does).
import { isExternalMember } from '../client/externalPicture';
import { newestStandingError } from '../client/standingErrors';
import { tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { ExternalConnection, GroupMember, GroupRecord } from '../sim/world';
import type { ConsumerStatus, ConsumerView, ExternalClientInfo, ProducerView } from '../types';

export function externalProducerViews(sim: Sim): ProducerView[] {
  const records = sim.world.externalProducers;
  if (!records) return [];
  const out: ProducerView[] = [];
  for (const p of Object.values(records)) {
    const open = openConnections(sim, (c) => c.role === 'producer' && c.clientId === p.clientId);
    if (open.length === 0) continue;
    let inFlight = 0;
    for (const pending of Object.values(p.pending))
      for (const part of pending.partitions) inFlight += part.records.length;
    const topic = p.topics[0] ?? '';
    const partitions = sim.world.topics[topic]?.numPartitions ?? 0;
    out.push({
      id: p.id,
      external: info(p.clientId, open, p.topics, p.acks),
      topic,
      ratePerSec: 0,
      keys: null,
      paused: false,
      isolated: false,
      crashed: false,
      producerIdNumber: p.producerIdNumber,
      // The client's own metadata cache is not the broker's to see: the partitions' leaders now.
      knownLeaders: Array.from(
        { length: partitions },
        (_, i) => sim.world.controller.partitions[tpKey(topic, i)]?.leader ?? -1,
      ),
      stats: {
        sent: p.stats.sent,
        acked: p.stats.acked,
        failed: p.stats.failed,
        retried: 0,
        inFlight,
        buffered: 0,
        lostAcked: p.stats.lostAcked,
        lostUnsent: 0,
      },
      lastError: p.lastError,
      standingError: newestStandingError(p.standingErrors),
      config: [],
    });
  }
  return out;
}

export function externalConsumerViews(
  sim: Sim,
  hwOf: (tp: string) => number | undefined,
): ConsumerView[] {
  const out: ConsumerView[] = [];
  for (const group of Object.values(sim.world.groups)) {
    for (const m of Object.values(group.members)) {
      if (!isExternalMember(m)) continue;
      out.push(memberView(sim, group, m, hwOf));
    }
  }
  return out;
}

/** The ids of a group's members that are real clients', in the order they joined. */
export function externalMemberIds(group: GroupRecord): string[] {
  return Object.values(group.members)
    .filter(isExternalMember)
    .map((m) => m.memberId);
}

function memberView(
  sim: Sim,
  group: GroupRecord,
  m: GroupMember,
  hwOf: (tp: string) => number | undefined,
): ConsumerView {
  const served = Object.values(sim.world.externals ?? {}).filter((c) => c.memberId === m.memberId);
  const open = served.filter((c) => c.state !== 'closed');
  const status: ConsumerStatus =
    served.length > 0 && open.length === 0
      ? 'crashed'
      : group.state === 'Stable'
        ? 'stable'
        : group.state === 'PreparingRebalance' || group.state === 'CompletingRebalance'
          ? 'rebalancing'
          : 'joining';
  // The group's assignors are eager (KafkaJS's): a rebalance takes every partition back.
  const assignment = status === 'stable' ? [...m.assignment] : [];
  const positions: Record<string, number> = {};
  const lag: Record<string, number> = {};
  for (const tp of assignment) {
    const position = m.positions?.[tp];
    if (position === undefined) continue;
    positions[tp] = position;
    lag[tp] = Math.max(0, (hwOf(tp) ?? position) - position);
  }
  return {
    id: m.memberId,
    external: info(m.clientId ?? '', open, [...m.topics], null),
    groupId: group.id,
    memberId: m.memberId,
    status,
    isolated: false,
    generation: group.generation,
    assignment,
    positions,
    lag,
    consumed: m.consumed ?? 0,
    processingMsPerRecord: 0,
    config: [],
  };
}

function openConnections(
  sim: Sim,
  which: (c: ExternalConnection) => boolean,
): ExternalConnection[] {
  return Object.values(sim.world.externals ?? {}).filter((c) => c.state !== 'closed' && which(c));
}

function info(
  clientId: string,
  open: ExternalConnection[],
  topics: string[],
  acks: number | null,
): ExternalClientInfo {
  return {
    clientId,
    connections: open.map((c) => ({ conn: c.id, brokerId: c.broker })),
    topics: [...topics],
    acks,
  };
}
