// The active controller (kafka-spec.md 4.1, 4.2): broker registration, heartbeats and fencing,
// partition leader elections, ISR changes from AlterPartition, preferred-leader balancing, and in
// ZooKeeper mode LeaderAndIsr and UpdateMetadata to the brokers (KRaft brokers fetch the log).
// Its state is the metadata log's content, changed only by writing records (./write.ts,
// ./records.ts), which the KRaft quorum (quorum/) or ZooKeeper (zookeeper/) commits.
import * as cfg from '../config/access';
import { electLeader } from '../kernels';
import { brokerIdOf, brokerNode, controllerHostNode, tpKey } from '../sim/ids';
import { activeControllerNode, controllerHostOf, whenControllerActivated } from '../quorum/commit';
import type { Sim } from '../sim/sim';
import { isInternalTopic } from '../sim/internalTopics';
import type {
  BrokerState,
  ConfigSlot,
  ControllerPartition,
  Message,
  PartitionMeta,
} from '../sim/world';
import type { FenceReason, NodeId, PartitionChangeReason } from '../types';
import { partitionMeta, type PartitionChangeRecord } from './records';
import { write } from './write';

/**
 * Where the controller's code runs: a broker (ZooKeeper mode, or one day KRaft's combined mode)
 * or a dedicated controller node (controller:1001..).
 */
export interface ControllerHost {
  id: number;
  node: NodeId;
  inc: number;
  config: ConfigSlot<'broker'>;
}

export function brokerHost(b: BrokerState): ControllerHost {
  return { id: b.id, node: brokerNode(b.id), inc: b.inc, config: b.config };
}

/** The active controller's host, if there is one. */
export function activeHost(sim: Sim): ControllerHost | null {
  const id = sim.world.controller.activeId;
  if (id === null) return null;
  if (sim.world.quorum) {
    const n = activeControllerNode(sim);
    return n ? controllerHostOf(sim, n) : null;
  }
  const b = sim.broker(id);
  return b ? brokerHost(b) : null;
}

/** The controller can act only from a running, reachable host (in KRaft: an active leader). */
export function controllerCanAct(sim: Sim): boolean {
  const id = sim.world.controller.activeId;
  if (id === null) return false;
  const quorum = sim.world.quorum;
  if (quorum) {
    // While the world is built the cluster has been running: its controller is there.
    if (!quorum.started) return true;
    const n = activeControllerNode(sim);
    return (
      !!n && n.status === 'running' && !!n.leader?.active && !sim.isIsolated(controllerHostNode(id))
    );
  }
  const host = sim.broker(id);
  if (!host || host.status !== 'running' || sim.isIsolated(brokerNode(id))) return false;
  // ZooKeeper mode: only the incarnation that won /controller acts (a restarted broker whose
  // old session still holds /controller is not the controller).
  return !sim.world.zookeeper?.started || (host.zk?.epochZkVersion ?? null) !== null;
}

/** The configs the controller acts on: those of the broker it runs on (else broker 1's). */
function controllerConfig(sim: Sim): ConfigSlot<'broker'> {
  return activeHost(sim)?.config ?? sim.world.brokers[0].config;
}

/** A broker the controller may make leader: registered, unfenced, not shutting down. */
export function isAcceptableLeader(sim: Sim, brokerId: number): boolean {
  const b = sim.world.controller.brokers[brokerId];
  return !!b && b.registered && !b.fenced && !b.shuttingDown;
}

function liveBrokerIds(sim: Sim): number[] {
  return sim.world.brokers.filter((b) => isAcceptableLeader(sim, b.id)).map((b) => b.id);
}

// ---------------------------------------------------------------------------------------------
// Partition changes
// ---------------------------------------------------------------------------------------------

interface ChangeOptions {
  reason: PartitionChangeReason;
  /** Why each removed broker left the ISR, when that differs per broker (default: `reason`). */
  shrinkReason?: (brokerId: number) => PartitionChangeReason;
  /** Broker that must not stay leader (shutting down / fenced). */
  avoid?: number;
  type?: 'online' | 'preferred' | 'controlled-shutdown';
}

/**
 * Apply a new ISR and, if needed, a new leader to one partition, with Kafka's epoch rules:
 * leader change -> leaderEpoch + 1; any change -> partitionEpoch + 1. Returns true if changed.
 */
export function changePartition(
  sim: Sim,
  p: ControllerPartition,
  newIsr: number[],
  opts: ChangeOptions,
): boolean {
  const internal = isInternalTopic(p.topic);
  const uncleanEnabled =
    !internal && cfg.bool(sim.world.topics[p.topic].config, 'unclean.leader.election.enable');
  const result = electLeader({
    replicas: p.replicas,
    isr: newIsr,
    currentLeader: opts.avoid !== undefined && p.leader === opts.avoid ? -1 : p.leader,
    isAcceptable: (id) => id !== opts.avoid && isAcceptableLeader(sim, id),
    uncleanEnabled,
    type: opts.type ?? 'online',
  });
  const isr = result.isr;
  const leaderChanged = result.leader !== p.leader;
  const isrChanged = isr.length !== p.isr.length || isr.some((id, i) => p.isr[i] !== id);
  if (!leaderChanged && !isrChanged) return false;
  const previousLeader = p.leader;
  const removed = p.isr.filter((id) => !isr.includes(id));
  const added = isr.filter((id) => !p.isr.includes(id));
  const record: PartitionChangeRecord = {
    type: 'PartitionChangeRecord',
    topic: p.topic,
    partition: p.partition,
    isr,
  };
  if (leaderChanged) {
    record.leader = result.leader;
    record.unclean = result.unclean;
  }
  write(sim, [record]);
  // __consumer_offsets changes matter only through coordinator moves (group.coordinator-changed).
  if (internal) return true;
  for (const id of removed) {
    sim.emit({
      type: 'isr.shrunk',
      topic: p.topic,
      partition: p.partition,
      brokerId: id,
      isr: [...isr],
      reason: opts.shrinkReason ? opts.shrinkReason(id) : opts.reason,
      t: sim.now,
    });
  }
  // An unclean leader is not a replica that caught up: the election event says what happened.
  for (const id of result.unclean ? [] : added) {
    sim.emit({
      type: 'isr.expanded',
      topic: p.topic,
      partition: p.partition,
      brokerId: id,
      isr: [...isr],
      t: sim.now,
    });
  }
  if (leaderChanged && p.leader >= 0) {
    sim.emit({
      type: 'partition.leader-elected',
      topic: p.topic,
      partition: p.partition,
      leader: p.leader,
      previousLeader,
      leaderEpoch: p.leaderEpoch,
      isr: [...isr],
      unclean: result.unclean,
      reason: opts.reason,
      t: sim.now,
    });
  } else if (leaderChanged) {
    sim.emit({
      type: 'partition.offline',
      topic: p.topic,
      partition: p.partition,
      previousLeader,
      leaderEpoch: p.leaderEpoch,
      t: sim.now,
    });
  }
  return true;
}

/** Internal partitions carry no replicated data in the model: their ISR is their live replicas. */
function internalIsr(sim: Sim, p: ControllerPartition): number[] {
  const live = p.replicas.filter((id) => isAcceptableLeader(sim, id));
  return live.length > 0 ? live : p.isr;
}

// ---------------------------------------------------------------------------------------------
// Publishing metadata to brokers (ZooKeeper mode; KRaft brokers fetch the metadata log)
// ---------------------------------------------------------------------------------------------

/**
 * ZooKeeper mode: LeaderAndIsr with the changed partitions to their replicas, then
 * UpdateMetadata to every running broker. Under KRaft nothing is sent: brokers fetch the
 * committed records themselves (broker/metadataFetcher.ts).
 */
export function publish(sim: Sim, changed: ControllerPartition[], deletedTopics?: string[]): void {
  if (!sim.world.zookeeper) return;
  const c = sim.world.controller;
  const host = activeHost(sim);
  if (!host || !controllerCanAct(sim)) return;
  const prevVersion = c.metadataVersion;
  c.metadataVersion++;
  const partitions = changed.map(partitionMeta);
  const liveBrokers = liveBrokerIds(sim);
  for (const b of sim.world.brokers) sendLeaderAndIsr(sim, host, b, partitions);
  for (const b of sim.world.brokers) {
    if (b.status !== 'running') continue;
    sim.send(host.node, host.inc, brokerNode(b.id), 'update-metadata', {
      controllerId: c.activeId,
      controllerEpoch: c.epoch,
      liveBrokers,
      partitions,
      full: false,
      version: c.metadataVersion,
      prevVersion,
      ...(deletedTopics ? { deletedTopics } : {}),
      ...(sim.world.zookeeper.started ? { brokerEpoch: brokerEpochOf(sim, b.id) } : {}),
    });
  }
}

/**
 * The epoch of the broker incarnation the controller addresses (ZooKeeper mode, KIP-380); none
 * while the world is built (the brokers' znodes are made after the first messages).
 */
function brokerEpochOf(sim: Sim, brokerId: number): number | undefined {
  if (!sim.world.zookeeper?.started) return undefined;
  return sim.world.controller.brokers[brokerId]?.brokerEpoch ?? -1;
}

/** LeaderAndIsr (ZooKeeper mode): the partitions among `partitions` that `b` holds a replica of. */
function sendLeaderAndIsr(
  sim: Sim,
  host: ControllerHost,
  b: BrokerState,
  partitions: PartitionMeta[],
): void {
  if (b.status !== 'running') return;
  const its = partitions.filter((p) => p.replicas.includes(b.id));
  if (its.length === 0) return;
  const c = sim.world.controller;
  sim.send(host.node, host.inc, brokerNode(b.id), 'leader-and-isr', {
    controllerId: c.activeId!,
    controllerEpoch: c.epoch,
    brokerEpoch: brokerEpochOf(sim, b.id),
    partitions: its,
  });
}

/** ZooKeeper mode: the whole metadata to one broker (it restarted, or a new controller began). */
export function sendSnapshot(sim: Sim, to: BrokerState): void {
  const c = sim.world.controller;
  const host = activeHost(sim);
  if (!host) return;
  sendLeaderAndIsr(sim, host, to, Object.values(c.partitions).map(partitionMeta));
  sim.send(host.node, host.inc, brokerNode(to.id), 'update-metadata', {
    controllerId: c.activeId,
    controllerEpoch: c.epoch,
    liveBrokers: liveBrokerIds(sim),
    partitions: Object.values(c.partitions).map(partitionMeta),
    full: true,
    version: c.metadataVersion,
    prevVersion: 0,
    ...(sim.world.zookeeper?.started ? { brokerEpoch: brokerEpochOf(sim, to.id) } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// Broker registration and liveness (KRaft: ClusterControlManager, BrokerHeartbeatManager)
// ---------------------------------------------------------------------------------------------

/**
 * BrokerRegistration: a starting broker process registers. Its broker epoch is the offset of
 * the RegisterBrokerRecord (Kafka's writeOffset + 1), answered once the record is committed.
 * The same process asking again gets the same epoch. Another process is refused while the
 * registered one's session is alive; an expired one is fenced first (its leaderships move), so a
 * broker that crashes and restarts quickly still loses its leaderships.
 */
export function handleBrokerRegistration(
  sim: Sim,
  host: ControllerHost,
  msg: Message<'broker-registration'>,
): void {
  const c = sim.world.controller;
  const brokerId = brokerIdOf(msg.from);
  const reply = (brokerEpoch: number, error: string | null) =>
    sim.send(
      host.node,
      host.inc,
      msg.from,
      'broker-registration-response',
      { reqId: msg.body.reqId, brokerEpoch, error },
      { toInc: msg.fromInc },
    );
  if (c.activeId !== host.id || !controllerCanAct(sim)) return reply(-1, 'NOT_CONTROLLER');
  const reg = c.brokers[brokerId];
  if (reg && reg.incarnation === msg.body.incarnation) return reply(reg.brokerEpoch, null);
  if (reg && !reg.fenced) {
    if (sim.now - reg.lastHeartbeat < sessionTimeout(sim))
      return reply(-1, 'DUPLICATE_BROKER_REGISTRATION');
    fenceBroker(sim, brokerId, { code: 'broker-session-timeout' });
  }
  // The offset the record gets: the leader's log end once the fencing above is written.
  const brokerEpoch = activeControllerNode(sim)!.log.leo;
  write(sim, [
    {
      type: 'RegisterBrokerRecord',
      brokerId,
      brokerEpoch,
      incarnation: msg.body.incarnation,
    },
  ]);
  sim.emit({ type: 'broker.registered', brokerId, brokerEpoch, t: sim.now });
  scheduleSessionCheck(sim, brokerId);
  reply(brokerEpoch, null);
}

/**
 * BrokerHeartbeat from a registered broker: it keeps the session. A fenced broker is unfenced
 * once it has applied the metadata log up to its own registration record (it knows everything
 * the controller knew when it registered); a broker that wants to shut down is moved off first.
 */
export function handleBrokerHeartbeat(
  sim: Sim,
  host: ControllerHost,
  msg: Message<'broker-heartbeat'>,
): void {
  const c = sim.world.controller;
  const brokerId = brokerIdOf(msg.from);
  const body = msg.body;
  const reply = (fenced: boolean, shutdownReady: boolean, error: string | null = null) =>
    sim.send(
      host.node,
      host.inc,
      msg.from,
      'broker-heartbeat-response',
      { fenced, shutdownReady, isCaughtUp, error },
      { toInc: msg.fromInc },
    );
  const reg = c.brokers[brokerId];
  const isCaughtUp = !!reg && body.metadataOffset >= reg.brokerEpoch;
  if (c.activeId !== host.id) return reply(true, false, 'NOT_CONTROLLER');
  // From an incarnation the controller does not know (replaced, or its registration was lost).
  if (!reg || reg.brokerEpoch !== body.brokerEpoch) return reply(true, false, 'STALE_BROKER_EPOCH');
  reg.lastHeartbeat = sim.now;
  scheduleSessionCheck(sim, brokerId);
  if (body.wantShutdown) {
    if (!reg.shuttingDown) controlledShutdown(sim, brokerId);
    return reply(true, true);
  }
  if (reg.fenced && isCaughtUp) unfenceBroker(sim, brokerId);
  reply(reg.fenced, false);
}

const sessionTimeout = (sim: Sim) => cfg.int(controllerConfig(sim), 'broker.session.timeout.ms');

function scheduleSessionCheck(sim: Sim, brokerId: number): void {
  const host = activeHost(sim)!;
  const timeout = sessionTimeout(sim);
  sim.timer(host.node, host.inc, 'controller.session-check', timeout, undefined, String(brokerId));
}

/** A session check fired: fence the broker if its heartbeats stopped. */
export function onSessionCheck(sim: Sim, host: ControllerHost, brokerId: number): void {
  const c = sim.world.controller;
  if (c.activeId !== host.id || !controllerCanAct(sim)) return;
  const reg = c.brokers[brokerId];
  if (!reg || reg.fenced) return;
  if (sim.now - reg.lastHeartbeat >= sessionTimeout(sim))
    fenceBroker(sim, brokerId, { code: 'broker-session-timeout' });
}

/** Remove a broker from every ISR it is in and move its leaderships (KRaft fencing). */
export function fenceBroker(sim: Sim, brokerId: number, reason: FenceReason): void {
  const c = sim.world.controller;
  const reg = c.brokers[brokerId];
  if (!reg || reg.fenced) return;
  write(sim, [{ type: 'BrokerRegistrationChangeRecord', brokerId, fenced: true }]);
  sim.emit({ type: 'broker.fenced', brokerId, reason, t: sim.now });
  const changed: ControllerPartition[] = [];
  for (const p of Object.values(c.partitions)) {
    if (!p.replicas.includes(brokerId)) continue;
    // The ISR is never emptied (ELR is off): the last member stays, even when it is gone.
    const shrunk = p.isr.filter((id) => id !== brokerId);
    const newIsr = shrunk.length > 0 ? shrunk : p.isr;
    const internal = isInternalTopic(p.topic);
    const why = reason.code === 'controlled-shutdown' ? 'controlled-shutdown' : 'leader-failed';
    const offline = reason.code === 'zookeeper-session-expired';
    if (
      changePartition(sim, p, internal ? internalIsr(sim, p) : newIsr, {
        reason: {
          code: offline ? 'broker-offline' : p.leader === brokerId ? why : 'broker-fenced',
          brokerId,
        },
        avoid: brokerId,
      })
    ) {
      changed.push(p);
    }
  }
  publish(sim, changed);
}

/** A fenced broker heartbeats again: accept it, and give leaderless partitions a leader. */
export function unfenceBroker(sim: Sim, brokerId: number): void {
  const c = sim.world.controller;
  write(sim, [
    {
      type: 'BrokerRegistrationChangeRecord',
      brokerId,
      fenced: false,
      inControlledShutdown: false,
    },
  ]);
  sim.emit({ type: 'broker.unfenced', brokerId, t: sim.now });
  const changed: ControllerPartition[] = [];
  for (const p of Object.values(c.partitions)) {
    if (!p.replicas.includes(brokerId)) continue;
    if (isInternalTopic(p.topic)) {
      if (changePartition(sim, p, internalIsr(sim, p), { reason: { code: 'offline-recovered' } }))
        changed.push(p);
    } else if (p.leader < 0) {
      if (changePartition(sim, p, p.isr, { reason: { code: 'offline-recovered' } }))
        changed.push(p);
    }
  }
  publish(sim, changed);
}

export function controlledShutdown(sim: Sim, brokerId: number): void {
  write(sim, [{ type: 'BrokerRegistrationChangeRecord', brokerId, inControlledShutdown: true }]);
  fenceBroker(sim, brokerId, { code: 'controlled-shutdown' });
}

// ---------------------------------------------------------------------------------------------
// AlterPartition (ISR changes proposed by leaders)
// ---------------------------------------------------------------------------------------------

export function handleAlterPartition(
  sim: Sim,
  host: ControllerHost,
  msg: Message<'alter-partition'>,
): void {
  const c = sim.world.controller;
  const b = msg.body;
  const reply = (error: string | null, meta: PartitionMeta | null) =>
    sim.send(
      host.node,
      host.inc,
      msg.from,
      'alter-partition-response',
      { reqId: b.reqId, topic: b.topic, partition: b.partition, error, meta },
      { toInc: msg.fromInc },
    );
  if (c.activeId !== host.id || !controllerCanAct(sim)) return reply('NOT_CONTROLLER', null);
  const p = c.partitions[tpKey(b.topic, b.partition)];
  if (!p) return reply('UNKNOWN_TOPIC_OR_PARTITION', null);
  const leaderId = brokerIdOf(msg.from);
  if (p.leader !== leaderId || b.leaderEpoch !== p.leaderEpoch)
    return reply('FENCED_LEADER_EPOCH', partitionMeta(p));
  if (b.partitionEpoch !== p.partitionEpoch)
    return reply('INVALID_UPDATE_VERSION', partitionMeta(p));
  const added = b.newIsr.filter((id) => !p.isr.includes(id));
  if (added.some((id) => !isAcceptableLeader(sim, id)))
    return reply('INELIGIBLE_REPLICA', partitionMeta(p));
  const newIsr = p.replicas.filter((id) => b.newIsr.includes(id));
  // The leader says why it drops each follower (as Kafka's leader logs it when shrinking).
  const lagging = (id: number): PartitionChangeReason => {
    const lag = b.lagging.find((l) => l.brokerId === id);
    return { code: 'follower-lagging', brokerId: id, lagMs: lag?.lagMs ?? 0, maxLagMs: b.maxLagMs };
  };
  const reason = lagging(p.isr.find((id) => !newIsr.includes(id)) ?? leaderId);
  if (changePartition(sim, p, newIsr, { reason, shrinkReason: lagging })) publish(sim, [p]);
  reply(null, partitionMeta(p));
}

// ---------------------------------------------------------------------------------------------
// Elections on demand
// ---------------------------------------------------------------------------------------------

/** Move leadership to the preferred replica where it is alive and in the ISR. */
export function electPreferredLeaders(sim: Sim, topic?: string): number {
  const changed: ControllerPartition[] = [];
  for (const p of Object.values(sim.world.controller.partitions)) {
    if (topic !== undefined && p.topic !== topic) continue;
    if (isInternalTopic(p.topic) && topic === undefined) continue;
    const preferred = p.replicas[0];
    if (p.leader === preferred || !p.isr.includes(preferred) || !isAcceptableLeader(sim, preferred))
      continue;
    if (changePartition(sim, p, p.isr, { reason: { code: 'preferred-leader' }, type: 'preferred' }))
      changed.push(p);
  }
  publish(sim, changed);
  return changed.length;
}

/** Try to give every leaderless partition a leader (e.g. after unclean election is enabled). */
export function electOfflinePartitions(sim: Sim, topic?: string): void {
  const changed: ControllerPartition[] = [];
  for (const p of Object.values(sim.world.controller.partitions)) {
    if (p.leader >= 0 || (topic !== undefined && p.topic !== topic)) continue;
    if (changePartition(sim, p, p.isr, { reason: { code: 'offline-recovered' } })) changed.push(p);
  }
  publish(sim, changed);
}

export function onLeaderBalanceCheck(sim: Sim, host: ControllerHost): void {
  if (sim.world.controller.activeId !== host.id || !controllerCanAct(sim)) return;
  if (cfg.bool(host.config, 'auto.leader.rebalance.enable')) electPreferredLeaders(sim);
  scheduleLeaderBalance(sim, host);
}

function scheduleLeaderBalance(sim: Sim, host: ControllerHost): void {
  const seconds = cfg.int(host.config, 'leader.imbalance.check.interval.seconds');
  sim.timer(host.node, host.inc, 'controller.leader-balance', seconds * 1000);
}

// ---------------------------------------------------------------------------------------------
// Controller failover
// ---------------------------------------------------------------------------------------------

/** Start duties on a new active controller: grace for every broker's session, then checks. */
export function becomeActiveController(sim: Sim, host: ControllerHost): void {
  const c = sim.world.controller;
  // In ZooKeeper mode liveness is the brokers' ZooKeeper sessions, not heartbeats.
  if (!sim.world.zookeeper) {
    for (const [id, reg] of Object.entries(c.brokers)) {
      reg.lastHeartbeat = sim.now;
      if (!reg.fenced) scheduleSessionCheck(sim, Number(id));
    }
  }
  scheduleLeaderBalance(sim, host);
  // ZooKeeper mode: tell everyone who the controller is now (KRaft brokers read it in the log).
  if (sim.world.zookeeper)
    for (const b of sim.world.brokers) if (b.status === 'running') sendSnapshot(sim, b);
}

// A KRaft leader whose epoch has begun takes up these duties too.
whenControllerActivated(becomeActiveController);
