// A broker reacting to the controller's metadata for a partition it hosts: become its leader
// (a new leader epoch, fresh follower fetch state), follow a new leader, or resign (waiting
// produce and fetch requests are answered at once). Internal topics hold no replicated data here.
import { isInternalTopic } from '../sim/internalTopics';
import { tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { BrokerState, LeaderState, LogState, PartitionMeta } from '../sim/world';
import { wakeParked } from './fetchPurgatory';
import { maybeAdvanceHw } from './highWatermark';
import { assignEpochStartOffset, createLog } from './log';
import { failPurgatoryFor } from './producePurgatory';

function logFor(b: BrokerState, topic: string, partition: number): LogState {
  const key = tpKey(topic, partition);
  return (b.logs[key] ??= createLog(topic, partition));
}

export function becomeFollowerOrLeader(sim: Sim, b: BrokerState, meta: PartitionMeta): void {
  if (isInternalTopic(meta.topic)) return;
  const key = tpKey(meta.topic, meta.partition);
  const log = logFor(b, meta.topic, meta.partition);
  if (meta.leader === b.id) {
    const cur = b.lead[key];
    if (!cur || cur.leaderEpoch !== meta.leaderEpoch) {
      becomeLeader(sim, b, key, log, meta);
    } else if (meta.partitionEpoch > cur.partitionEpoch) {
      cur.isr = [...meta.isr];
      cur.partitionEpoch = meta.partitionEpoch;
      // A reassignment added replicas: they start out of the ISR, to be caught up.
      for (const id of meta.replicas)
        if (id !== b.id && !cur.followers[id])
          cur.followers[id] = {
            logEndOffset: -1,
            lastCaughtUpTimeMs: 0,
            lastFetchTimeMs: 0,
            lastFetchLeaderLogEndOffset: 0,
          };
      cur.pendingIsr = null;
      maybeAdvanceHw(sim, b, key);
    }
    return;
  }
  if (b.lead[key]) resignLeadership(sim, b, key);
  const f = b.follow[key];
  if (!f || f.leader !== meta.leader || f.leaderEpoch !== meta.leaderEpoch) {
    // A new map, never a change in place: the replica fetchers keep their grouping by leader
    // per map (replicaFetcher.ts).
    b.follow = { ...b.follow, [key]: { leader: meta.leader, leaderEpoch: meta.leaderEpoch } };
  }
}

function becomeLeader(
  sim: Sim,
  b: BrokerState,
  key: string,
  log: LogState,
  meta: PartitionMeta,
): void {
  assignEpochStartOffset(log, meta.leaderEpoch);
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
  stopFollowing(b, key);
  maybeAdvanceHw(sim, b, key);
}

/**
 * Forget the follower state of `key`: a new map without it, never a change in place (the replica
 * fetchers keep their grouping by leader per map).
 */
function stopFollowing(b: BrokerState, key: string): void {
  if (!(key in b.follow)) return;
  const { [key]: _gone, ...rest } = b.follow;
  b.follow = rest;
}

function resignLeadership(sim: Sim, b: BrokerState, key: string): void {
  delete b.lead[key];
  failPurgatoryFor(sim, b, key, 'NOT_LEADER_OR_FOLLOWER');
  wakeParked(sim, b, key, 'any');
}
