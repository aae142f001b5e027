// Partition reassignment on the KRaft controller (AlterPartitionReassignments, as
// kafka-reassign-partitions --execute sends it) and the broker removal built on it. Kafka's three
// phases: the replica set grows to target + old with the ISR unchanged; the added replicas fetch
// from the leader and join the ISR through the leader's AlterPartition; when every target replica
// is in the ISR the controller commits: the replica set becomes the target, the removed replicas
// leave the ISR, the leader epoch is bumped (a new leader is elected if the old one was removed),
// and the removed brokers delete their logs when the update reaches them.
// Internal partitions hold no replicated data in the model: they move in one step.
import { brokerNode, tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import { isInternalTopic } from '../sim/internalTopics';
import type { ControllerPartition } from '../sim/world';
import { changePartition, controllerCanAct, isAcceptableLeader, publish } from './controller';
import { write } from './write';
import { inControllerScope } from '../quorum/scope';

export function isReassigning(sim: Sim, key: string): boolean {
  return !!sim.world.controller.reassignments?.[key];
}

/** Phase 1: grow the replica set to target + old (target first); the ISR stays as it is. */
export function startReassignment(sim: Sim, p: ControllerPartition, target: number[]): void {
  const adding = target.filter((id) => !p.replicas.includes(id));
  const removing = p.replicas.filter((id) => !target.includes(id));
  const change = { type: 'PartitionChangeRecord', topic: p.topic, partition: p.partition } as const;
  if (isInternalTopic(p.topic)) {
    write(sim, [{ ...change, replicas: [...target] }]);
    const live = target.filter((id) => isAcceptableLeader(sim, id));
    changePartition(sim, p, live.length > 0 ? live : p.isr.filter((id) => target.includes(id)), {
      reason: { code: 'reassignment', brokerId: removing[0] ?? -1 },
      avoid: removing[0],
    });
    return;
  }
  write(sim, [
    {
      ...change,
      replicas: [...target, ...removing],
      addingReplicas: adding,
      removingReplicas: removing,
    },
  ]);
  sim.emit({
    type: 'partition.reassignment-started',
    topic: p.topic,
    partition: p.partition,
    target: [...target],
    adding,
    removing,
    t: sim.now,
  });
}

/**
 * Phase 3, after an ISR change: if every target replica is in the ISR, commit the reassignment
 * (PartitionChangeBuilder.completeReassignmentIfNeeded). Returns true if it did.
 */
export function completeReassignmentIfDone(sim: Sim, p: ControllerPartition): boolean {
  const key = tpKey(p.topic, p.partition);
  const r = sim.world.controller.reassignments?.[key];
  if (!r || !r.target.every((id) => p.isr.includes(id))) return false;
  const previousLeader = p.leader;
  const isr = r.target.filter((id) => p.isr.includes(id));
  const leaderStays = r.target.includes(p.leader) && isAcceptableLeader(sim, p.leader);
  const leader = leaderStays
    ? p.leader
    : (r.target.find((id) => isr.includes(id) && isAcceptableLeader(sim, id)) ?? -1);
  // Replicas were removed: a new leader epoch fences them (their fetches are refused).
  write(sim, [
    {
      type: 'PartitionChangeRecord',
      topic: p.topic,
      partition: p.partition,
      replicas: [...r.target],
      isr,
      ...(leader === previousLeader ? { leaderEpochBump: true } : { leader }),
      addingReplicas: [],
      removingReplicas: [],
    },
  ]);
  sim.emit({
    type: 'partition.reassignment-completed',
    topic: p.topic,
    partition: p.partition,
    replicas: [...p.replicas],
    isr: [...p.isr],
    leader: p.leader,
    t: sim.now,
  });
  if (p.leader !== previousLeader && p.leader >= 0)
    sim.emit({
      type: 'partition.leader-elected',
      topic: p.topic,
      partition: p.partition,
      leader: p.leader,
      previousLeader,
      leaderEpoch: p.leaderEpoch,
      isr: [...p.isr],
      unclean: false,
      reason: { code: 'reassignment', brokerId: previousLeader },
      t: sim.now,
    });
  return true;
}

/** After the active controller (on `hostId`) handled an AlterPartition: commit if complete. */
export function afterAlterPartition(
  sim: Sim,
  hostId: number,
  topic: string,
  partition: number,
): void {
  if (sim.world.controller.activeId !== hostId || !controllerCanAct(sim)) return;
  const p = sim.world.controller.partitions[tpKey(topic, partition)];
  if (!p || !completeReassignmentIfDone(sim, p)) return;
  publish(sim, [p]);
  retireEmptyBrokers(sim);
}

// ---------------------------------------------------------------------------------------------
// Removing a broker
// ---------------------------------------------------------------------------------------------

/** Replicas per broker over every partition (target sets of ongoing reassignments included). */
function replicaCounts(sim: Sim): Map<number, number> {
  const counts = new Map<number, number>();
  for (const p of Object.values(sim.world.controller.partitions))
    for (const id of p.replicas) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export type RemovalPlan =
  | { ok: true; moves: { p: ControllerPartition; target: number[] }[] }
  | { ok: false; topic: string; partition: number; replicationFactor: number; brokers: number };

/**
 * Where each replica of `brokerId` goes: to the live broker (registered, unfenced, not shutting
 * down or being removed) with the fewest replicas that does not hold the partition yet, lowest id
 * first; the new replica takes the removed one's place in the list (so preferred-leader order
 * holds). The first partition that finds no such broker is the reason to refuse.
 */
export function planRemoval(sim: Sim, brokerId: number): RemovalPlan {
  const c = sim.world.controller;
  const removing = new Set([...(c.removingBrokers ?? []), brokerId]);
  const candidates = sim.world.brokers
    .map((b) => b.id)
    .filter((id) => !removing.has(id) && isAcceptableLeader(sim, id));
  const counts = replicaCounts(sim);
  const moves: { p: ControllerPartition; target: number[] }[] = [];
  for (const p of Object.values(c.partitions)) {
    if (!p.replicas.includes(brokerId)) continue;
    const free = candidates.filter((id) => !p.replicas.includes(id));
    if (free.length === 0)
      return {
        ok: false,
        topic: p.topic,
        partition: p.partition,
        replicationFactor: p.replicas.length,
        brokers: candidates.length,
      };
    const to = free.reduce((a, b) => ((counts.get(b) ?? 0) < (counts.get(a) ?? 0) ? b : a));
    counts.set(to, (counts.get(to) ?? 0) + 1);
    moves.push({ p, target: p.replicas.map((id) => (id === brokerId ? to : id)) });
  }
  return { ok: true, moves };
}

/** Start removing `brokerId`: reassign its replicas, then (when it hosts none) retire it. */
export function beginBrokerRemoval(
  sim: Sim,
  brokerId: number,
  moves: { p: ControllerPartition; target: number[] }[],
): void {
  const c = sim.world.controller;
  (c.removingBrokers ??= []).push(brokerId);
  const user = moves.filter((m) => !isInternalTopic(m.p.topic)).length;
  sim.emit({ type: 'broker.removal-started', brokerId, partitions: user, t: sim.now });
  for (const m of moves) startReassignment(sim, m.p, m.target);
  publish(
    sim,
    moves.map((m) => m.p),
  );
  retireEmptyBrokers(sim);
}

function hostsReplicas(sim: Sim, brokerId: number): boolean {
  return Object.values(sim.world.controller.partitions).some((p) => p.replicas.includes(brokerId));
}

/**
 * A broker being removed that no longer hosts any replica: a running one is asked to shut down
 * (controlled shutdown, through a timer on the broker); a stopped one is unregistered at once.
 */
export function retireEmptyBrokers(sim: Sim): void {
  for (const id of [...(sim.world.controller.removingBrokers ?? [])]) {
    if (hostsReplicas(sim, id)) continue;
    const b = sim.broker(id)!;
    if (b.status !== 'running') unregisterBroker(sim, id);
    else if (!b.shuttingDown) sim.timer(brokerNode(id), b.inc, 'broker.remove', 0);
  }
}

/** A stopped broker that was being removed and hosts nothing: UnregisterBroker. */
export function unregisterIfRemoving(sim: Sim, brokerId: number): void {
  const removing = sim.world.controller.removingBrokers ?? [];
  if (!removing.includes(brokerId) || hostsReplicas(sim, brokerId)) return;
  // Called when the broker stops (its own shutdown, not a controller request): under a KRaft
  // quorum the unregistration is a controller operation of its own.
  inControllerScope(sim, () => unregisterBroker(sim, brokerId));
}

function unregisterBroker(sim: Sim, brokerId: number): void {
  const c = sim.world.controller;
  c.removingBrokers = (c.removingBrokers ?? []).filter((id) => id !== brokerId);
  write(sim, [{ type: 'UnregisterBrokerRecord', brokerId }]);
  const b = sim.broker(brokerId)!;
  b.removed = true;
  sim.emit({ type: 'broker.unregistered', brokerId, t: sim.now });
}
