// The KRaft quorum as the page sees it (design.md 3.10): who is the active controller in which
// epoch, and per controller node its Raft role and its copy of the metadata log.
import { majoritySize } from '../kernels/raft';
import { controllerNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { KraftQuorum } from '../quorum/state';
import type { MetadataView } from '../types';

export function metadataView(sim: Sim, q: KraftQuorum): MetadataView {
  const nodes = q.controllers.map((n) => ({
    id: n.id,
    alive: n.status === 'running',
    isolated: sim.isIsolated(controllerNode(n.id)),
    role: n.status === 'running' ? n.role : ('stopped' as const),
    epoch: n.epoch,
    logEndOffset: n.log.leo,
    highWatermark: Math.max(0, n.hw),
  }));
  const live = nodes.filter((n) => n.alive && !n.isolated).length;
  const needed = majoritySize(nodes.length);
  return {
    mode: 'kraft',
    activeController: sim.world.controller.activeId,
    epoch: sim.world.controller.epoch,
    nodes,
    quorum: { live, needed, lost: live < needed },
  };
}
