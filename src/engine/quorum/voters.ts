// Who votes in the KRaft quorum and whether a majority of them is there. A controller being
// added (KIP-853) observes until its VotersRecord commits, so it counts for neither.
import { majoritySize } from '../kernels/raft';
import { controllerHostNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { ControllerNodeState, KraftQuorum } from './state';

export function quorumOf(sim: Sim): KraftQuorum {
  return sim.world.quorum!;
}

export function voters(q: KraftQuorum): ControllerNodeState[] {
  return q.controllers.filter((c) => !c.observer);
}

export function voterIds(q: KraftQuorum): number[] {
  return voters(q).map((c) => c.id);
}

/** The voters that are up and reachable, against the majority the quorum needs. */
export function quorumHealth(sim: Sim) {
  const all = voters(quorumOf(sim));
  const live = all.filter(
    (n) => n.status === 'running' && !sim.isIsolated(controllerHostNode(n.id)),
  ).length;
  const needed = majoritySize(all.length);
  return { live, voters: all.length, needed, lost: live < needed };
}

/** Say when the voters that are up and reachable stop (or start again) being a majority. */
export function checkQuorumLiveness(sim: Sim): void {
  const q = quorumOf(sim);
  const { live, voters: count, needed, lost } = quorumHealth(sim);
  if (lost === q.lost) return;
  q.lost = lost;
  sim.emit({
    type: lost ? 'metadata.quorum-lost' : 'metadata.quorum-restored',
    live,
    voters: count,
    needed,
    t: sim.now,
  });
}
