// Replication (kafka-spec.md section 3): followers fetch from the leader; the leader tracks each
// follower's fetch state, advances the high watermark, and proposes ISR changes to the
// controller with AlterPartition; followers truncate to the leader's history by leader epoch.
import {
  canJoinIsr,
  effectiveMinIsr,
  endOffsetForEpoch,
  isCaughtUp,
  nextHighWatermark,
  onFollowerFetch,
} from '../kernels';
import { brokerNode, tpKey, type Sim } from '../sim/sim';
import type {
  Batch,
  BrokerState,
  LeaderState,
  LogState,
  Message,
  PartitionMeta,
} from '../sim/world';
import {
  appendBatch,
  type SegmentLimits,
  createLog,
  lastEpoch,
  readBatches,
  resetLogTo,
  truncateTo,
  advanceLogStart,
  type TruncatedRecord,
} from './log';
import { park, wakeParked } from './parking';
import {
  completePurgatory,
  failPurgatoryFor,
  rebuildProducerState,
  recordProducerBatch,
} from './produce';

/** replica.fetch.max.bytes */
const REPLICA_FETCH_MAX_BYTES = 1048576;

export function isInternalTopic(sim: Sim, topic: string): boolean {
  return sim.world.topics[topic]?.internal === true;
}

export function logFor(b: BrokerState, topic: string, partition: number): LogState {
  const key = tpKey(topic, partition);
  return (b.logs[key] ??= createLog(topic, partition));
}

export function segmentLimits(sim: Sim, topic: string) {
  const eff = sim.world.topics[topic].config.eff;
  return { segmentBytes: Number(eff['segment.bytes']), segmentMs: Number(eff['segment.ms']) };
}

// ---------------------------------------------------------------------------------------------
// Reacting to metadata: become leader or follower
// ---------------------------------------------------------------------------------------------

export function becomeFollowerOrLeader(sim: Sim, b: BrokerState, meta: PartitionMeta): void {
  if (isInternalTopic(sim, meta.topic)) return;
  const key = tpKey(meta.topic, meta.partition);
  const log = logFor(b, meta.topic, meta.partition);
  if (meta.leader === b.id) {
    const cur = b.lead[key];
    if (!cur || cur.leaderEpoch !== meta.leaderEpoch) {
      becomeLeader(sim, b, key, log, meta);
    } else if (meta.partitionEpoch > cur.partitionEpoch) {
      cur.isr = [...meta.isr];
      cur.partitionEpoch = meta.partitionEpoch;
      cur.pendingIsr = null;
      maybeAdvanceHw(sim, b, key);
    }
    return;
  }
  if (b.lead[key]) resignLeadership(sim, b, key);
  const f = b.follow[key];
  if (!f || f.leader !== meta.leader || f.leaderEpoch !== meta.leaderEpoch) {
    b.follow[key] = { leader: meta.leader, leaderEpoch: meta.leaderEpoch };
  }
}

function becomeLeader(
  sim: Sim,
  b: BrokerState,
  key: string,
  log: LogState,
  meta: PartitionMeta,
): void {
  // The new epoch starts at the current log end: records above it will be this leader's.
  if (lastEpoch(log) < meta.leaderEpoch)
    log.epochCache.push({ epoch: meta.leaderEpoch, startOffset: log.leo });
  const followers: LeaderState['followers'] = {};
  for (const id of meta.replicas) {
    if (id === b.id) continue;
    followers[id] = {
      logEndOffset: -1,
      lastCaughtUpTimeMs: meta.isr.includes(id) ? sim.now : 0,
      lastFetchTimeMs: 0,
      lastFetchLeaderLogEndOffset: 0,
    };
  }
  b.lead[key] = {
    leaderEpoch: meta.leaderEpoch,
    partitionEpoch: meta.partitionEpoch,
    isr: [...meta.isr],
    pendingIsr: null,
    pendingSince: 0,
    followers,
  };
  delete b.follow[key];
  maybeAdvanceHw(sim, b, key);
}

function resignLeadership(sim: Sim, b: BrokerState, key: string): void {
  delete b.lead[key];
  failPurgatoryFor(sim, b, key, 'NOT_LEADER_OR_FOLLOWER');
  wakeParked(sim, b, key, 'any');
}

// ---------------------------------------------------------------------------------------------
// Follower side: the replica fetcher (one per leader broker)
// ---------------------------------------------------------------------------------------------

/** Send a fetch to every leader this broker follows, unless one is already in flight. */
export function startReplicaFetchers(sim: Sim, b: BrokerState): void {
  if (b.status !== 'running') return;
  const byLeader = new Map<number, string[]>();
  for (const [key, f] of Object.entries(b.follow)) {
    if (f.leader < 0 || f.leader === b.id) continue;
    const list = byLeader.get(f.leader);
    if (list) list.push(key);
    else byLeader.set(f.leader, [key]);
  }
  for (const [leader, keys] of byLeader) {
    const fetcher = (b.fetchers[leader] ??= { inFlight: false, backoff: false, reqId: 0 });
    if (fetcher.inFlight || fetcher.backoff) continue;
    sendReplicaFetch(sim, b, leader, keys);
  }
}

function sendReplicaFetch(sim: Sim, b: BrokerState, leader: number, keys: string[]): void {
  const fetcher = b.fetchers[leader];
  const reqId = ++b.nextToken;
  fetcher.inFlight = true;
  fetcher.reqId = reqId;
  const partitions = keys.map((key) => {
    const log = b.logs[key];
    return {
      topic: log.topic,
      partition: log.partition,
      fetchOffset: log.leo,
      lastFetchedEpoch: lastEpoch(log),
      currentLeaderEpoch: b.follow[key].leaderEpoch,
    };
  });
  const maxWaitMs = Number(b.config.eff['replica.fetch.wait.max.ms']);
  sim.send(brokerNode(b.id), b.inc, brokerNode(leader), 'replica-fetch', {
    reqId,
    replicaId: b.id,
    brokerEpoch: b.inc,
    maxWaitMs,
    partitions,
  });
  const timeout = maxWaitMs + Number(b.config.eff['replica.socket.timeout.ms']);
  sim.timer(
    brokerNode(b.id),
    b.inc,
    'broker.replica-fetch-timeout',
    timeout,
    reqId,
    String(leader),
  );
}

/** No answer in time (the leader is cut off): give up on that fetch and try again. */
export function onReplicaFetchTimeout(
  sim: Sim,
  b: BrokerState,
  leader: number,
  reqId: number,
): void {
  const fetcher = b.fetchers[leader];
  if (!fetcher || !fetcher.inFlight || fetcher.reqId !== reqId) return;
  fetcher.inFlight = false;
  backoffFetcher(sim, b, leader);
}

/** The leader's broker refused the connection (it is down): back off, then retry. */
export function onReplicaFetchDisconnect(
  sim: Sim,
  b: BrokerState,
  leader: number,
  reqId: number,
): void {
  onReplicaFetchTimeout(sim, b, leader, reqId);
}

function backoffFetcher(sim: Sim, b: BrokerState, leader: number): void {
  const fetcher = b.fetchers[leader];
  if (fetcher.backoff) return;
  fetcher.backoff = true;
  sim.timer(
    brokerNode(b.id),
    b.inc,
    'broker.replica-fetch-backoff',
    Number(b.config.eff['replica.fetch.backoff.ms']),
    undefined,
    String(leader),
  );
}

export function resumeReplicaFetcher(sim: Sim, b: BrokerState, leader: number): void {
  const fetcher = b.fetchers[leader];
  if (fetcher) fetcher.backoff = false;
  startReplicaFetchers(sim, b);
}

export function onReplicaFetchResponse(
  sim: Sim,
  b: BrokerState,
  msg: Message<'replica-fetch-response'>,
): void {
  const leader = Number(msg.from.slice('broker:'.length));
  const fetcher = b.fetchers[leader];
  if (!fetcher || fetcher.reqId !== msg.body.reqId) return;
  fetcher.inFlight = false;
  let needBackoff = false;
  for (const part of msg.body.partitions) {
    const key = tpKey(part.topic, part.partition);
    const f = b.follow[key];
    if (!f || f.leader !== leader) continue;
    const log = b.logs[key];
    if (part.error === 'OFFSET_OUT_OF_RANGE') {
      // Our log ends before the leader's log start (retention moved on): start from there.
      resetLogTo(log, part.logStartOffset);
    } else if (part.error) {
      needBackoff = true;
    } else if (part.divergingEpoch) {
      truncateToDivergence(sim, b, log, part.divergingEpoch, part.logStartOffset);
    } else {
      appendFromLeader(sim, b, log, part.batches);
      log.hw = Math.max(log.hw, Math.min(part.highWatermark, log.leo));
      advanceLogStart(log, part.logStartOffset);
    }
  }
  if (needBackoff) backoffFetcher(sim, b, leader);
  else startReplicaFetchers(sim, b);
}

function appendFromLeader(sim: Sim, b: BrokerState, log: LogState, batches: Batch[]): void {
  const limits = segmentLimits(sim, log.topic);
  for (const batch of batches) {
    const end = batch.baseOffset + batch.records.length;
    if (end <= log.leo) continue;
    if (batch.baseOffset !== log.leo) {
      // A gap or overlap means our log and the leader's disagree; the next fetch sorts it out.
      if (batch.baseOffset > log.leo) break;
      continue;
    }
    storeBatch(sim, b, log, batch, limits);
  }
}

/**
 * Append a batch whose offsets are set (by this leader, or copied from it), remember its
 * producer sequence, and announce it (and any new segment) as events.
 */
export function storeBatch(
  sim: Sim,
  b: BrokerState,
  log: LogState,
  batch: Batch,
  limits: SegmentLimits,
): void {
  const rolled = appendBatch(log, batch, limits);
  if (rolled && log.segments.length > 1) {
    sim.emit({
      type: 'log.segment-rolled',
      topic: log.topic,
      partition: log.partition,
      brokerId: b.id,
      baseOffset: batch.baseOffset,
    });
  }
  recordProducerBatch(log, batch);
  sim.emit({
    type: 'record.appended',
    topic: log.topic,
    partition: log.partition,
    offset: batch.baseOffset,
    count: batch.records.length,
    brokerId: b.id,
    leaderEpoch: batch.epoch,
  });
}

function truncateToDivergence(
  sim: Sim,
  b: BrokerState,
  log: LogState,
  diverging: { epoch: number; endOffset: number },
  leaderLogStart: number,
): void {
  const before = log.leo;
  let target: number;
  if (diverging.epoch < 0 || diverging.endOffset < 0) {
    // The leader has no epoch at or below ours: nothing of our log is known to be shared.
    target = Math.min(leaderLogStart, log.leo);
  } else {
    const own = endOffsetForEpoch(log.epochCache, diverging.epoch, log.leo);
    target =
      own.epoch === diverging.epoch
        ? Math.min(own.endOffset, diverging.endOffset, log.leo)
        : Math.min(own.endOffset < 0 ? log.logStartOffset : own.endOffset, log.leo);
  }
  const nextBid = () => sim.world.nextBatchId++;
  let removed;
  if (target < log.logStartOffset) {
    // Below our own log start (an unclean leader with a shorter history): like Kafka's
    // truncateFullyAndStartAt, drop everything and start an empty log at the target.
    removed = truncateTo(log, log.logStartOffset, nextBid);
    resetLogTo(log, target);
  } else {
    removed = truncateTo(log, target, nextBid);
  }
  rebuildProducerState(log);
  reportTruncation(sim, b, log, removed, before);
}

function reportTruncation(
  sim: Sim,
  b: BrokerState,
  log: LogState,
  removed: TruncatedRecord[],
  before: number,
): void {
  if (removed.length === 0) return;
  sim.emit({
    type: 'log.truncated',
    topic: log.topic,
    partition: log.partition,
    brokerId: b.id,
    fromOffset: removed[0].offset,
    toOffset: before,
    lostAcked: removed.filter((r) => r.acked).map((r) => ({ offset: r.offset, key: r.record.key })),
  });
}

// ---------------------------------------------------------------------------------------------
// Leader side: serving follower fetches, the high watermark and the ISR
// ---------------------------------------------------------------------------------------------

export function handleReplicaFetch(sim: Sim, b: BrokerState, msg: Message<'replica-fetch'>): void {
  const follower = msg.body.replicaId;
  let anyData = false;
  let anyError = false;
  for (const part of msg.body.partitions) {
    const key = tpKey(part.topic, part.partition);
    const lead = b.lead[key];
    const log = b.logs[key];
    if (!lead || !log || part.currentLeaderEpoch !== lead.leaderEpoch) {
      anyError = true;
      continue;
    }
    if (
      diverges(log, part.lastFetchedEpoch, part.fetchOffset) ||
      part.fetchOffset < log.logStartOffset
    ) {
      anyError = true;
      continue;
    }
    const state = lead.followers[follower];
    if (!state) continue;
    lead.followers[follower] = onFollowerFetch(state, part.fetchOffset, log.leo, sim.now);
    maybeExpandIsr(sim, b, key, follower);
    maybeAdvanceHw(sim, b, key);
    if (part.fetchOffset < log.leo) anyData = true;
  }
  if (!anyData && !anyError && msg.body.maxWaitMs > 0) {
    park(sim, b, msg, msg.body.maxWaitMs);
    return;
  }
  respondReplicaFetch(sim, b, msg);
}

function diverges(log: LogState, lastFetchedEpoch: number, fetchOffset: number): boolean {
  if (fetchOffset > log.leo) return true;
  if (lastFetchedEpoch < 0) return false;
  const eo = endOffsetForEpoch(log.epochCache, lastFetchedEpoch, log.leo);
  return eo.epoch < lastFetchedEpoch || eo.endOffset < fetchOffset;
}

/** Build and send the answer to a follower fetch with what the log holds now. */
export function respondReplicaFetch(sim: Sim, b: BrokerState, msg: Message<'replica-fetch'>): void {
  let bytes = 0;
  let recordCount = 0;
  const refs: { offset: number; key: string | null }[] = [];
  const partitions = msg.body.partitions.map((part) => {
    const key = tpKey(part.topic, part.partition);
    const lead = b.lead[key];
    const log = b.logs[key];
    const base = {
      topic: part.topic,
      partition: part.partition,
      highWatermark: log?.hw ?? 0,
      logStartOffset: log?.logStartOffset ?? 0,
    };
    if (!lead || !log)
      return { ...base, error: 'NOT_LEADER_OR_FOLLOWER', batches: [], divergingEpoch: null };
    if (part.currentLeaderEpoch < lead.leaderEpoch)
      return { ...base, error: 'FENCED_LEADER_EPOCH', batches: [], divergingEpoch: null };
    if (part.currentLeaderEpoch > lead.leaderEpoch)
      return { ...base, error: 'UNKNOWN_LEADER_EPOCH', batches: [], divergingEpoch: null };
    if (diverges(log, part.lastFetchedEpoch, part.fetchOffset)) {
      const eo =
        part.fetchOffset > log.leo && part.lastFetchedEpoch < 0
          ? { epoch: lastEpoch(log), endOffset: log.leo }
          : endOffsetForEpoch(log.epochCache, part.lastFetchedEpoch, log.leo);
      return {
        ...base,
        error: null,
        batches: [],
        divergingEpoch: { epoch: eo.epoch, endOffset: eo.endOffset },
      };
    }
    if (part.fetchOffset < log.logStartOffset)
      return { ...base, error: 'OFFSET_OUT_OF_RANGE', batches: [], divergingEpoch: null };
    const batches = readBatches(
      log,
      part.fetchOffset,
      log.leo,
      REPLICA_FETCH_MAX_BYTES - bytes,
      () => sim.world.nextBatchId++,
    );
    for (const batch of batches) {
      bytes += batch.bytes;
      recordCount += batch.records.length;
      if (refs.length < 16)
        for (let i = 0; i < batch.records.length && refs.length < 16; i++)
          refs.push({ offset: batch.baseOffset + i, key: batch.records[i].key });
    }
    return { ...base, error: null, batches, divergingEpoch: null };
  });
  const single = partitions.length === 1 ? partitions[0] : undefined;
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'replica-fetch-response',
    { reqId: msg.body.reqId, partitions },
    {
      toInc: msg.fromInc,
      ...(single ? { topic: single.topic, partition: single.partition } : {}),
      ...(recordCount > 0 ? { records: refs, recordCount } : {}),
    },
  );
}

function maybeExpandIsr(sim: Sim, b: BrokerState, key: string, follower: number): void {
  const lead = b.lead[key];
  if (lead.isr.includes(follower) || lead.pendingIsr) return;
  const log = b.logs[key];
  const state = lead.followers[follower];
  const epochStart =
    log.epochCache.find((e) => e.epoch === lead.leaderEpoch)?.startOffset ?? log.leo;
  const ok = canJoinIsr({
    followerLogEndOffset: state.logEndOffset,
    leaderHighWatermark: log.hw,
    leaderEpochStartOffset: epochStart,
    eligible: b.liveBrokers.includes(follower),
  });
  if (!ok) return;
  const replicas = b.meta[key]?.replicas ?? [...lead.isr, follower];
  proposeIsr(
    sim,
    b,
    key,
    replicas.filter((id) => id === follower || lead.isr.includes(id)),
  );
}

function proposeIsr(
  sim: Sim,
  b: BrokerState,
  key: string,
  newIsr: number[],
  lagging: { brokerId: number; lagMs: number }[] = [],
): void {
  const lead = b.lead[key];
  const controller = sim.world.controller.activeId;
  if (controller === null) return;
  const log = b.logs[key];
  lead.pendingIsr = newIsr;
  lead.pendingSince = sim.now;
  sim.send(brokerNode(b.id), b.inc, brokerNode(controller), 'alter-partition', {
    reqId: ++b.nextToken,
    topic: log.topic,
    partition: log.partition,
    brokerEpoch: b.inc,
    leaderEpoch: lead.leaderEpoch,
    partitionEpoch: lead.partitionEpoch,
    newIsr,
    lagging,
    maxLagMs: Number(b.config.eff['replica.lag.time.max.ms']),
  });
}

export function onAlterPartitionResponse(
  sim: Sim,
  b: BrokerState,
  msg: Message<'alter-partition-response'>,
): void {
  const key = tpKey(msg.body.topic, msg.body.partition);
  const lead = b.lead[key];
  if (!lead) return;
  lead.pendingIsr = null;
  const meta = msg.body.meta;
  if (meta && meta.leaderEpoch === lead.leaderEpoch && meta.partitionEpoch >= lead.partitionEpoch) {
    lead.isr = [...meta.isr];
    lead.partitionEpoch = meta.partitionEpoch;
  }
  maybeAdvanceHw(sim, b, key);
}

/** Periodic ISR check (every replica.lag.time.max.ms / 2): drop followers that fell behind. */
export function onIsrCheck(sim: Sim, b: BrokerState): void {
  const lagMax = Number(b.config.eff['replica.lag.time.max.ms']);
  for (const [key, lead] of Object.entries(b.lead)) {
    if (lead.pendingIsr && sim.now - lead.pendingSince > lagMax) lead.pendingIsr = null;
    if (lead.pendingIsr) continue;
    const log = b.logs[key];
    const stale = lead.isr.filter(
      (id) => id !== b.id && !isCaughtUp(lead.followers[id], log.leo, sim.now, lagMax),
    );
    if (stale.length > 0)
      proposeIsr(
        sim,
        b,
        key,
        lead.isr.filter((id) => !stale.includes(id)),
        stale.map((id) => ({
          brokerId: id,
          lagMs: sim.now - (lead.followers[id]?.lastCaughtUpTimeMs ?? 0),
        })),
      );
  }
}

/** Kafka's HW rule (kafka-spec 3.3); on an increase, release acks=all producers and consumers. */
export function maybeAdvanceHw(sim: Sim, b: BrokerState, key: string): void {
  const lead = b.lead[key];
  const log = b.logs[key];
  if (!lead || !log) return;
  const meta = b.meta[key];
  const replicas = meta?.replicas ?? [b.id, ...Object.keys(lead.followers).map(Number)];
  const topicCfg = sim.world.topics[log.topic].config.eff;
  const lagMax = Number(b.config.eff['replica.lag.time.max.ms']);
  const maximal = lead.pendingIsr ? [...new Set([...lead.isr, ...lead.pendingIsr])] : lead.isr;
  const followers = [];
  for (const id of replicas) {
    if (id === b.id) continue;
    const st = lead.followers[id];
    if (!st) continue;
    followers.push({
      brokerId: id,
      logEndOffset: st.logEndOffset,
      inMaximalIsr: maximal.includes(id),
      caughtUpAndEligible: b.liveBrokers.includes(id) && isCaughtUp(st, log.leo, sim.now, lagMax),
    });
  }
  const hw = nextHighWatermark({
    leaderLogEndOffset: log.leo,
    currentHighWatermark: log.hw,
    isrSize: lead.isr.length,
    effectiveMinIsr: effectiveMinIsr(Number(topicCfg['min.insync.replicas']), replicas.length),
    followers,
  });
  if (hw <= log.hw) return;
  log.hw = hw;
  sim.emit({
    type: 'hw.advanced',
    topic: log.topic,
    partition: log.partition,
    brokerId: b.id,
    highWatermark: hw,
  });
  completePurgatory(sim, b, key);
  wakeParked(sim, b, key, 'fetch');
}
