// The leader's side of ISR membership (kafka-spec 3.4): it proposes shrinking the ISR when a
// follower falls behind for replica.lag.time.max.ms and expanding it when one catches up, with
// AlterPartition to the controller, and adopts the controller's answer.
import * as cfg from '../config/access';
import { canJoinIsr, isCaughtUp } from '../kernels';
import { brokerNode, controllerHostNode, tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { BrokerState, Message } from '../sim/world';
import { maybeAdvanceHw } from './highWatermark';
import { epochStartOffset } from './log';

/** A follower fetched: if it is out of the ISR and has caught up, propose adding it. */
export function maybeExpandIsr(sim: Sim, b: BrokerState, key: string, follower: number): void {
  const lead = b.lead[key];
  if (lead.isr.includes(follower) || lead.pendingIsr) return;
  const log = b.logs[key];
  const state = lead.followers[follower];
  const ok = canJoinIsr({
    followerLogEndOffset: state.logEndOffset,
    leaderHighWatermark: log.hw,
    leaderEpochStartOffset: epochStartOffset(log, lead.leaderEpoch),
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
  sim.send(brokerNode(b.id), b.inc, controllerHostNode(controller), 'alter-partition', {
    reqId: ++b.nextToken,
    topic: log.topic,
    partition: log.partition,
    brokerEpoch: b.inc,
    leaderEpoch: lead.leaderEpoch,
    partitionEpoch: lead.partitionEpoch,
    newIsr,
    lagging,
    maxLagMs: cfg.int(b.config, 'replica.lag.time.max.ms'),
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
  const lagMax = cfg.int(b.config, 'replica.lag.time.max.ms');
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
