// Why an admin command finds no active controller, in words that say what to do about it: the
// KRaft quorum has lost its majority, ZooKeeper has lost its quorum, no broker is left to become
// the (ZooKeeper-mode) controller, or an election is under way. The catalogues word each case
// (errors.CONTROLLER_NOT_AVAILABLE_<context>).
import { majoritySize } from '../kernels/raft';
import { brokerNode, controllerNode, zkNode } from '../sim/ids';
import type { NodeId } from '../types';
import type { Sim } from '../sim/sim';
import { fail, type Result } from './results';

/** How many of `nodes` are up and reachable, against the majority they need. */
function count(sim: Sim, nodes: { status: string; node: NodeId }[]) {
  const live = nodes.filter((n) => n.status === 'running' && !sim.isIsolated(n.node)).length;
  return { live, total: nodes.length, needed: majoritySize(nodes.length) };
}

export function controllerUnavailable(sim: Sim): Result {
  const q = sim.world.quorum;
  const zk = sim.world.zookeeper;
  if (q) {
    const {
      live,
      total: voters,
      needed,
    } = count(
      sim,
      q.controllers.map((n) => ({ status: n.status, node: controllerNode(n.id) })),
    );
    if (live < needed)
      return fail(
        'CONTROLLER_NOT_AVAILABLE',
        `no active controller: the controller quorum has lost its majority (${live} of ${voters} controllers reachable, ${needed} needed); restart or heal a controller`,
        undefined,
        { context: 'quorumLost', live, voters, needed },
      );
  } else if (zk) {
    const {
      live,
      total: servers,
      needed,
    } = count(
      sim,
      zk.servers.map((s) => ({ status: s.status, node: zkNode(s.id) })),
    );
    if (live < needed)
      return fail(
        'CONTROLLER_NOT_AVAILABLE',
        `no active controller: ZooKeeper has lost its quorum (${live} of ${servers} servers reachable, ${needed} needed); restart or heal a ZooKeeper server`,
        undefined,
        { context: 'zookeeperLost', live, servers, needed },
      );
    const brokers = count(
      sim,
      sim.world.brokers.map((b) => ({ status: b.status, node: brokerNode(b.id) })),
    );
    if (brokers.live === 0)
      return fail(
        'CONTROLLER_NOT_AVAILABLE',
        'no active controller: no broker is running to become the controller; start a broker',
        undefined,
        { context: 'noBroker' },
      );
  }
  return fail(
    'CONTROLLER_NOT_AVAILABLE',
    'no active controller right now: one is being elected; try again in a moment',
    undefined,
    { context: 'electing' },
  );
}
