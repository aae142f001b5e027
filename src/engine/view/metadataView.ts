// The KRaft quorum as the page sees it (design.md 3.10): who is the active controller in which
// epoch, and per controller node its Raft role and its copy of the metadata log.
import { controllerHostNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { KraftQuorum, MetadataEntry } from '../quorum/state';
import type { MetadataLog } from '../quorum/metadataLog';
import type { MetadataView } from '../types';
import { quorumHealth } from '../quorum/voters';

/** Records the inspector lists per controller: the newest of its log. */
const RECENT_RECORDS = 8;

function recentEntries(log: MetadataLog<MetadataEntry>): MetadataView['nodes'][number]['recent'] {
  const out: MetadataView['nodes'][number]['recent'] = [];
  for (let b = log.batches.length - 1; b >= 0 && out.length < RECENT_RECORDS; b--) {
    const batch = log.batches[b];
    for (let i = batch.records.length - 1; i >= 0 && out.length < RECENT_RECORDS; i--)
      out.push({ offset: batch.baseOffset + i, epoch: batch.epoch, record: batch.records[i] });
  }
  return out;
}

export function metadataView(sim: Sim, q: KraftQuorum): MetadataView {
  const nodes = q.controllers.map((n) => ({
    id: n.id,
    alive: n.status === 'running',
    isolated: sim.isIsolated(controllerHostNode(n.id)),
    // A controller being added observes (copies the log, has no vote) until it joins.
    role:
      n.status !== 'running' ? ('stopped' as const) : n.observer ? ('observer' as const) : n.role,
    voter: !n.observer,
    epoch: n.epoch,
    logEndOffset: n.log.leo,
    highWatermark: Math.max(0, n.hw),
    logStartOffset: n.log.logStartOffset,
    votedFor: n.votedFor,
    recent: recentEntries(n.log),
  }));
  const { live, needed, lost } = quorumHealth(sim);
  return {
    mode: 'kraft',
    placement: q.placement ?? 'dedicated',
    activeController: sim.world.controller.activeId,
    epoch: sim.world.controller.epoch,
    nodes,
    quorum: { live, needed, lost },
  };
}
