// Who moves the high watermark: the leader, by Kafka's rule over its followers' fetch state
// (kafka-spec 3.3), releasing acks=all producers and long-polling consumers when it rises; and a
// follower, which takes the leader's HW from each fetch answer (never above its own log end).
import * as cfg from '../config/access';
import { effectiveMinIsr, isCaughtUp, nextHighWatermark } from '../kernels';
import type { Sim } from '../sim/sim';
import type { BrokerState, LogState } from '../sim/world';
import { wakeParked } from './fetchPurgatory';
import { completePurgatory } from './producePurgatory';

/** Kafka's HW rule on the leader of `key`; on an increase, answer whoever waited for it. */
export function maybeAdvanceHw(sim: Sim, b: BrokerState, key: string): void {
  const lead = b.lead[key];
  const log = b.logs[key];
  // A deleted topic (the metadata update is still on its way here) has no config to read.
  const topic = sim.world.topics[log?.topic ?? ''];
  if (!lead || !log || !topic) return;
  // The HW never passes the leader's log end: once there, the rule cannot move it.
  if (log.hw >= log.leo) return;
  const meta = b.meta[key];
  const replicas = meta?.replicas ?? [b.id, ...Object.keys(lead.followers).map(Number)];
  const lagMax = cfg.int(b.config, 'replica.lag.time.max.ms');
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
    effectiveMinIsr: effectiveMinIsr(cfg.int(topic.config, 'min.insync.replicas'), replicas.length),
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
    t: sim.now,
  });
  completePurgatory(sim, b, key);
  wakeParked(sim, b, key, 'fetch');
}

/**
 * A follower takes the leader's high watermark from each fetch answer, kept within its own log
 * (Kafka's UnifiedLog.updateHighWatermark): it can go down, e.g. after a truncation to a new
 * leader whose HW is behind (stalled under min.insync.replicas, or after an unclean election).
 */
export function followLeaderHw(log: LogState, leaderHw: number): void {
  log.hw = Math.max(log.logStartOffset, Math.min(leaderHw, log.leo));
}
