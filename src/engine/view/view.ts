// The ClusterView: a plain, serialisable picture of the world for the UI, the CLI and tests.
import * as cfg from '../config/access';
import { rebalanceProtocolOf } from '../kernels';
import { findConfigDefinition, type ConfigScope } from '../config/definitions';
import { PRESETS } from '../config/presets';
import { clusterDefaultEntries } from '../config/resolve';
import { coordinatorPartitionKey, isInternalTopic } from '../sim/internalTopics';
import { brokerNode, consumerNode, producerNode, tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type {
  BrokerState,
  ConfigSlot,
  ConsumerState,
  ControllerPartition,
  GroupRecord,
  LogState,
  ProducerState,
} from '../sim/world';
import type {
  AssignorName,
  BrokerView,
  ClusterView,
  ConfigEntry,
  ConsumerView,
  GroupView,
  LogRecordView,
  PartitionView,
  ProducerView,
  ReplicaView,
  TopicView,
} from '../types';
import { ENGINE_VERSION } from '../version';
import { newestSegments, recordsFrom } from '../broker/log';
import { lostRecordsOf } from '../broker/dataLoss';
import { simplificationsOf } from './simplifications';
import { metadataView } from './metadataView';
import { zookeeperView } from './zookeeperView';
import { externalConsumerViews, externalMemberIds, externalProducerViews } from './externalView';
import { withCommittedImage } from '../quorum/commit';
import { newestStandingError } from '../client/standingErrors';

/** A slot's described configs (computed when the slot changed), copied so callers cannot alter them. */
function entries(slot: ConfigSlot): ConfigEntry[] {
  return slot.entries.map((e) => ({ ...e }));
}

/** Per broker, the partitions it leads and follows ("topic-N"), in one pass over all of them. */
function roles(sim: Sim): { leaderOf: string[]; followerOf: string[] }[] {
  const out = sim.world.brokers.map(() => ({
    leaderOf: [] as string[],
    followerOf: [] as string[],
  }));
  for (const [key, p] of Object.entries(sim.world.controller.partitions)) {
    if (isInternalTopic(p.topic)) continue;
    for (const id of p.replicas)
      (p.leader === id ? out[id - 1].leaderOf : out[id - 1].followerOf).push(key);
  }
  return out;
}

function brokerView(
  sim: Sim,
  b: BrokerState,
  role: { leaderOf: string[]; followerOf: string[] },
): BrokerView {
  const c = sim.world.controller;
  const { leaderOf, followerOf } = role;
  return {
    id: b.id,
    rack: b.rack,
    status: b.status,
    isolated: sim.isIsolated(brokerNode(b.id)),
    fenced: c.brokers[b.id]?.fenced ?? true,
    isController: c.activeId === b.id,
    brokerEpoch: c.brokers[b.id]?.brokerEpoch ?? 0,
    metadataOffset: sim.world.quorum ? b.metadataLog.offset - 1 : null,
    leaderOf,
    followerOf,
    config: entries(b.config),
  };
}

/**
 * The most segments a replica's view lists (the newest): a week's log in the classroom preset has
 * over a hundred thousand, and the view is built for every frame.
 */
export const VIEW_SEGMENTS = 64;

function replicaView(sim: Sim, p: ControllerPartition, brokerId: number): ReplicaView {
  const b = sim.broker(brokerId)!;
  const log: LogState | undefined = b.logs[tpKey(p.topic, p.partition)];
  const fenced = sim.world.controller.brokers[brokerId]?.fenced ?? true;
  return {
    brokerId,
    role: p.leader === brokerId ? 'leader' : 'follower',
    online: b.status === 'running' && !fenced,
    inIsr: p.isr.includes(brokerId),
    logStartOffset: log?.logStartOffset ?? 0,
    logEndOffset: log?.leo ?? 0,
    highWatermark: log?.hw ?? 0,
    segments: (log ? newestSegments(log, VIEW_SEGMENTS) : []).map((s) => ({
      baseOffset: s.baseOffset,
      records: s.records,
      bytes: s.bytes,
    })),
  };
}

function leaderLog(sim: Sim, p: ControllerPartition): LogState | undefined {
  const key = tpKey(p.topic, p.partition);
  if (p.leader >= 0) return sim.broker(p.leader)?.logs[key];
  // Offline: show the most complete replica's log.
  let best: LogState | undefined;
  for (const id of p.replicas) {
    const log = sim.broker(id)?.logs[key];
    if (log && (!best || log.leo > best.leo)) best = log;
  }
  return best;
}

function partitionView(sim: Sim, p: ControllerPartition, readers: GroupRecord[]): PartitionView {
  const log = leaderLog(sim, p);
  const key = tpKey(p.topic, p.partition);
  const hw = log?.hw ?? 0;
  return {
    topic: p.topic,
    partition: p.partition,
    replicas: [...p.replicas],
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    isr: [...p.isr],
    offline: p.leader < 0,
    logStartOffset: log?.logStartOffset ?? 0,
    highWatermark: hw,
    logEndOffset: log?.leo ?? 0,
    replicaStates: p.replicas.map((id) => replicaView(sim, p, id)),
    groups: readers.map((g) => {
      const committed = g.committed[key] ?? null;
      return {
        groupId: g.id,
        committed,
        lag: committed === null ? null : Math.max(0, hw - committed),
      };
    }),
    leaderHistory: p.history.map((h) => ({ ...h })),
    lostRecords: lostRecordsOf(sim, p.topic, p.partition).map((r) => ({
      offset: r.offset,
      key: r.key,
      producerId: r.producer,
      t: r.t,
    })),
  };
}

function topicViews(sim: Sim): TopicView[] {
  const w = sim.world;
  const out: TopicView[] = [];
  for (const t of Object.values(w.topics)) {
    if (isInternalTopic(t.name)) continue;
    const readers = Object.values(w.groups).filter((g) => g.topics.includes(t.name));
    const partitions: PartitionView[] = [];
    for (let i = 0; i < t.numPartitions; i++)
      partitions.push(partitionView(sim, w.controller.partitions[tpKey(t.name, i)], readers));
    out.push({
      name: t.name,
      replicationFactor: t.replicationFactor,
      partitions,
      config: entries(t.config),
    });
  }
  return out;
}

function producerView(sim: Sim, p: ProducerState): ProducerView {
  let inFlight = 0;
  let buffered = p.waiting.length;
  for (const q of Object.values(p.queues)) {
    for (const batch of q) {
      if (batch.inFlight) inFlight += batch.records.length;
      else buffered += batch.records.length;
    }
  }
  return {
    id: p.id,
    topic: p.topic,
    ratePerSec: p.ratePerSec,
    keys: p.keys ? [...p.keys] : null,
    paused: p.paused,
    isolated: sim.isIsolated(producerNode(p.id)),
    crashed: p.crashed === true,
    producerIdNumber: p.idempotent ? p.pidNumber : -1,
    knownLeaders: Array.from({ length: p.numPartitions }, (_, i) => p.leaders[i] ?? -1),
    stats: {
      sent: p.stats.sent,
      acked: p.stats.acked,
      failed: p.stats.failed,
      retried: p.stats.retried,
      inFlight,
      buffered,
      lostAcked: p.stats.lostAcked ?? 0,
      lostUnsent: p.stats.lostUnsent ?? 0,
    },
    lastError: p.lastError,
    standingError: newestStandingError(p.standingErrors),
    config: entries(p.config),
  };
}

function groupView(sim: Sim, g: GroupRecord): GroupView {
  const w = sim.world;
  const key = coordinatorPartitionKey(w, g.id);
  const coordinatorPartition = key ? w.controller.partitions[key] : undefined;
  const assignor = (g.protocol ??
    cfg.choice(g.config, 'partition.assignment.strategy')) as AssignorName;
  const offsets: GroupView['offsets'] = [];
  for (const topic of g.topics) {
    const t = w.topics[topic];
    if (!t) continue;
    for (let i = 0; i < t.numPartitions; i++) {
      const p = w.controller.partitions[tpKey(topic, i)];
      const hw = leaderLog(sim, p)?.hw ?? 0;
      const committed = g.committed[tpKey(topic, i)] ?? null;
      offsets.push({
        topic,
        partition: i,
        committed,
        highWatermark: hw,
        lag: committed === null ? null : Math.max(0, hw - committed),
      });
    }
  }
  const leader = g.leaderMemberId ? g.members[g.leaderMemberId] : undefined;
  return {
    id: g.id,
    topics: [...g.topics],
    state: g.state,
    generation: g.generation,
    protocol: assignor,
    rebalanceProtocol: rebalanceProtocolOf(assignor),
    coordinator:
      coordinatorPartition && coordinatorPartition.leader >= 0 ? coordinatorPartition.leader : null,
    leaderConsumerId: leader?.consumerId ?? null,
    consumerIds: [
      ...g.consumerIds.filter((id) => w.consumers[id]?.groupId === g.id),
      ...externalMemberIds(g),
    ],
    offsets,
    config: entries(g.config),
  };
}

function consumerView(sim: Sim, c: ConsumerState): ConsumerView {
  const lag: Record<string, number> = {};
  const positions: Record<string, number> = {};
  const consumedTo = c.positions.byPartition;
  for (const tp of c.membership.owned) {
    if (!(tp in consumedTo)) continue;
    positions[tp] = consumedTo[tp];
    lag[tp] = Math.max(0, (c.metadata.leaders[tp]?.hw ?? 0) - consumedTo[tp]);
  }
  return {
    id: c.id,
    groupId: c.groupId,
    memberId: c.membership.memberId || null,
    status: c.status,
    isolated: sim.isIsolated(consumerNode(c.id)),
    generation: c.membership.generation,
    assignment: [...c.membership.owned],
    positions,
    lag,
    consumed: c.consumed,
    processingMsPerRecord: cfg.int(c.config, 'sim.processing.ms'),
    config: entries(c.config),
  };
}

/** Cluster defaults, described again only when the cluster config changed (views are per frame). */
const clusterCache = new WeakMap<object, { sig: string; entries: ConfigEntry[] }>();
function clusterEntries(sim: Sim): ConfigEntry[] {
  const w = sim.world;
  const sig = JSON.stringify(w.clusterConfig);
  let hit = clusterCache.get(w);
  if (!hit || hit.sig !== sig) {
    hit = { sig, entries: clusterDefaultEntries(w) };
    clusterCache.set(w, hit);
  }
  return hit.entries.map((e) => ({ ...e }));
}

function presetEntries(sim: Sim): ConfigEntry[] {
  const preset = PRESETS[sim.world.preset];
  const out: ConfigEntry[] = [
    {
      key: 'sim.network.latency.ms',
      value: sim.world.network.latencyMs,
      kafkaDefault: null,
      source: 'preset',
      simOnly: true,
    },
    {
      key: 'sim.network.jitter.ms',
      value: sim.world.network.jitterMs,
      kafkaDefault: null,
      source: 'preset',
      simOnly: true,
    },
  ];
  for (const [scope, values] of Object.entries(preset.values) as [
    ConfigScope,
    Record<string, string | number | boolean>,
  ][]) {
    for (const [key, value] of Object.entries(values)) {
      const def = findConfigDefinition(scope, key);
      out.push({
        key,
        value,
        kafkaDefault: def?.simOnly ? null : (def?.kafkaDefault ?? null),
        source: 'preset',
        simOnly: !!def?.simOnly,
      });
    }
  }
  return out;
}

/** The cluster as it stands: metadata the controllers have committed, not the pending changes. */
export function buildView(sim: Sim): ClusterView {
  return withCommittedImage(sim, () => viewNow(sim));
}

function viewNow(sim: Sim): ClusterView {
  const w = sim.world;
  const brokerRoles = roles(sim);
  return {
    now: w.now,
    seed: w.seed,
    preset: w.preset,
    engineVersion: ENGINE_VERSION,
    network: { latencyMs: w.network.latencyMs, jitterMs: w.network.jitterMs },
    // A dedicated controller node (1001..) is not a broker.
    controller: {
      brokerId: w.quorum ? null : w.controller.activeId,
      epoch: w.controller.epoch,
    },
    ...(w.quorum ? { metadata: metadataView(sim, w.quorum) } : {}),
    ...(w.zookeeper ? { metadata: zookeeperView(sim, w.zookeeper) } : {}),
    // A removed broker (removeBroker) has left the cluster: it is no longer drawn or listed.
    brokers: w.brokers.flatMap((b, i) => (b.removed ? [] : [brokerView(sim, b, brokerRoles[i])])),
    topics: topicViews(sim),
    producers: [
      ...Object.values(w.producers).map((p) => producerView(sim, p)),
      ...externalProducerViews(sim),
    ],
    groups: Object.values(w.groups).map((g) => groupView(sim, g)),
    consumers: [
      ...Object.values(w.consumers).map((c) => consumerView(sim, c)),
      ...externalConsumerViews(sim, (tp) => {
        const p = w.controller.partitions[tp];
        return p ? leaderLog(sim, p)?.hw : undefined;
      }),
    ],
    presetConfig: presetEntries(sim),
    clusterConfig: clusterEntries(sim),
    simplifications: simplificationsOf(w.zookeeper ? 'zookeeper' : 'kraft'),
  };
}

export function partitionLog(
  sim: Sim,
  topic: string,
  partition: number,
  options: { brokerId?: number; fromOffset?: number; limit?: number } = {},
): LogRecordView[] {
  const p = sim.world.controller.partitions[tpKey(topic, partition)];
  if (!p || isInternalTopic(topic)) return [];
  const log =
    options.brokerId !== undefined
      ? sim.broker(options.brokerId)?.logs[tpKey(topic, partition)]
      : leaderLog(sim, p);
  if (!log) return [];
  const limit = options.limit ?? 100;
  const from = options.fromOffset ?? Math.max(log.logStartOffset, log.leo - limit);
  return recordsFrom(log, from, limit).map(({ offset, record, batch }) => ({
    offset,
    key: record.key,
    value: record.value,
    leaderEpoch: batch.epoch,
    timestamp: record.ts,
    producerId: record.producer,
  }));
}
