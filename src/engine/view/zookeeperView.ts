// The ZooKeeper ensemble as the page sees it (design.md 3.10): each server's state, the open
// sessions, and the znode tree with Kafka's metadata in it (bounded, like partitionLog).
import { zkNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { ZkEnsemble } from '../zookeeper/state';
import type { ZooKeeperView, ZnodeView } from '../types';
import { ensembleHealth } from '../zookeeper/ensemble';

/** The most znodes a view carries (a big cluster has one state znode per partition). */
export const ZNODES_IN_VIEW = 400;

function controllerOf(zk: ZkEnsemble): number | null {
  const node = zk.tree.nodes['/controller'];
  if (!node) return null;
  const id = (JSON.parse(node.data) as { brokerid?: number }).brokerid;
  return typeof id === 'number' ? id : null;
}

export function zookeeperView(sim: Sim, zk: ZkEnsemble): ZooKeeperView {
  const clients: Record<number, number[]> = {};
  // A broker counts as connected to a server that is up (one that just died still has the
  // broker's belief until its read timeout, which the picture should not repeat).
  for (const b of sim.world.brokers) {
    const server = b.zk ? zk.servers[b.zk.server - 1] : undefined;
    if (b.status === 'running' && b.zk?.state === 'connected' && server?.status === 'running')
      (clients[b.zk.server] ??= []).push(b.id);
  }
  const nodes = zk.servers.map((s) => ({
    id: s.id,
    alive: s.status === 'running',
    isolated: sim.isIsolated(zkNode(s.id)),
    role: s.status === 'running' ? s.role : ('stopped' as const),
    // Added by reconfig, without a vote until the reconfig commits.
    voter: !s.joining,
    epoch: s.epoch,
    lastZxid: s.lastZxid,
    clients: clients[s.id] ?? [],
  }));
  const { live, needed, lost } = ensembleHealth(sim);
  const owners = zk.owners;
  const paths = Object.keys(zk.tree.nodes)
    .filter((p) => p !== '/' && p !== '/zookeeper' && !p.startsWith('/zookeeper/'))
    .sort();
  const znodes: ZnodeView[] = paths.slice(0, ZNODES_IN_VIEW).map((path) => {
    const n = zk.tree.nodes[path];
    return {
      path,
      data: n.data,
      version: n.version,
      czxid: n.czxid,
      ephemeralOwner: n.ephemeralOwner === 0 ? null : (owners[n.ephemeralOwner]?.brokerId ?? null),
    };
  });
  return {
    mode: 'zookeeper',
    // Who holds /controller now (null while nobody does, as after its owner's session expired).
    activeController: controllerOf(zk),
    epoch: sim.world.controller.epoch,
    nodes,
    quorum: { live, needed, lost },
    sessions: zk.sessions.sessions
      .filter((s) => !s.closing && owners[s.sessionId])
      .map((s) => ({
        brokerId: owners[s.sessionId].brokerId,
        sessionId: s.sessionId,
        timeoutMs: s.timeout,
        expiresAt: s.expiresAt,
      })),
    znodes,
    znodesTotal: paths.length,
  };
}
