// A broker that is no longer a replica of a partition (its topic was deleted, or a reassignment
// moved the replica elsewhere) stops leading or following it and deletes its log, as Kafka's
// ReplicaManager does on StopReplica(delete) / a metadata delta without the partition.
import { parseTp } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { BrokerState } from '../sim/world';
import { wakeParked } from './fetchPurgatory';
import { failPurgatoryFor } from './producePurgatory';

export function removeReplica(sim: Sim, b: BrokerState, key: string): void {
  if (b.lead[key]) {
    delete b.lead[key];
    failPurgatoryFor(sim, b, key, 'NOT_LEADER_OR_FOLLOWER');
    wakeParked(sim, b, key, 'any');
  }
  if (key in b.follow) {
    const { [key]: _gone, ...rest } = b.follow;
    b.follow = rest;
  }
  delete b.meta[key];
  delete b.logs[key];
}

/**
 * Every replica of `topic` this broker holds or believes in (the topic was deleted). As the
 * coordinator of a group it also drops the group's offsets of the topic (onPartitionsDeleted):
 * a commit that reached it before this update is not kept either.
 */
export function removeTopicReplicas(sim: Sim, b: BrokerState, topic: string): void {
  const keys = new Set([...Object.keys(b.meta), ...Object.keys(b.logs)]);
  for (const key of keys) if (parseTp(key).topic === topic) removeReplica(sim, b, key);
  for (const g of Object.values(sim.world.groups)) {
    if (g.coordinator !== b.id) continue;
    for (const key of Object.keys(g.committed)) {
      if (parseTp(key).topic !== topic) continue;
      delete g.committed[key];
      if (g.committedEpochs) delete g.committedEpochs[key];
    }
  }
}

/** A full snapshot arrived: drop every replica and log of a partition it does not name. */
export function removeStrayReplicas(
  sim: Sim,
  b: BrokerState,
  partitions: readonly { topic: string; partition: number }[],
): void {
  const known = new Set(partitions.map((p) => `${p.topic}\u0000${p.partition}`));
  const keys = new Set([...Object.keys(b.meta), ...Object.keys(b.logs)]);
  for (const key of keys) {
    const { topic, partition } = parseTp(key);
    if (!known.has(`${topic}\u0000${partition}`)) removeReplica(sim, b, key);
  }
}
