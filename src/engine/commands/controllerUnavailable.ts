// Why an admin command finds no active controller, in words that say what to do about it: the
// KRaft quorum has lost its majority, ZooKeeper has lost its quorum, no broker is left to become
// the (ZooKeeper-mode) controller, or an election is under way. The catalogues word each case
// (errors.CONTROLLER_NOT_AVAILABLE_<context>).
import { quorumHealth } from '../quorum/voters';
import { brokerNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import { ensembleHealth } from '../zookeeper/ensemble';
import { fail, type Result } from './results';

export function controllerUnavailable(sim: Sim): Result {
  if (sim.world.quorum) {
    const { live, voters, needed, lost } = quorumHealth(sim);
    if (lost)
      return fail(
        'CONTROLLER_NOT_AVAILABLE',
        `no active controller: the controller quorum has lost its majority (${live} of ${voters} controllers reachable, ${needed} needed); restart or heal a controller`,
        undefined,
        { context: 'quorumLost', live, voters, needed },
      );
  } else if (sim.world.zookeeper) {
    const { live, voters: servers, needed, lost } = ensembleHealth(sim);
    if (lost)
      return fail(
        'CONTROLLER_NOT_AVAILABLE',
        `no active controller: ZooKeeper has lost its quorum (${live} of ${servers} servers reachable, ${needed} needed); restart or heal a ZooKeeper server`,
        undefined,
        { context: 'zookeeperLost', live, servers, needed },
      );
    const brokerUp = sim.world.brokers.some(
      (b) => b.status === 'running' && !sim.isIsolated(brokerNode(b.id)),
    );
    if (!brokerUp)
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
