// Commands on the servers of a ZooKeeper ensemble (ZooKeeper mode): kill (the process dies; its
// transaction log stays on disk), restart, isolate and heal. Refused, naming the problem, when the
// cluster has no ensemble or no such server.
import { zkNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { Command } from '../types';
import { LIMITS } from '../limits';
import { withinTotal } from './limitChecks';
import {
  addZkServer,
  healZkServer,
  isolateZkServer,
  restartZkServer,
  stopZkServer,
} from '../zookeeper/ensemble';
import type { ZkServer } from '../zookeeper/state';
import { fail, OK, type Result } from './results';

type ZooKeeperCommand = Extract<
  Command,
  { type: 'killZooKeeper' | 'restartZooKeeper' | 'isolateZooKeeper' | 'healZooKeeper' }
>;

function findServer(sim: Sim, id: number): ZkServer | Result {
  const zk = sim.world.zookeeper;
  if (!zk)
    return fail(
      'NO_ZOOKEEPER',
      'this cluster has no ZooKeeper ensemble (cluster.metadata.mode is not zookeeper)',
      'nodeId',
    );
  const s = zk.servers.find((x) => x.id === id);
  if (!s) {
    const last = zk.servers.length;
    return fail(
      'UNKNOWN_ZOOKEEPER_NODE',
      `nodeId: no ZooKeeper server zk-${id} (the servers are zk-1..zk-${last})`,
      'nodeId',
      { nodeId: id, last },
    );
  }
  return s;
}

/** addZooKeeper: a new server joins the ensemble by dynamic reconfig (ZooKeeper 3.5+). */
export function addZooKeeper(sim: Sim): Result {
  const zk = sim.world.zookeeper;
  if (!zk)
    return fail(
      'NO_ZOOKEEPER',
      'this cluster has no ZooKeeper ensemble (cluster.metadata.mode is not zookeeper)',
      'type',
    );
  const limit = withinTotal(
    'ZooKeeperServers',
    zk.servers.length,
    1,
    LIMITS.zookeeperNodes,
    'type',
  );
  if (!limit.ok) return limit;
  const joining = zk.servers.find((s) => s.joining);
  if (joining)
    return fail(
      'RECONFIG_IN_PROGRESS',
      `ZooKeeper server zk-${joining.id} is still joining the ensemble: one reconfig at a time`,
      'type',
      { nodeId: joining.id },
    );
  addZkServer(sim);
  return OK;
}

export function applyZooKeeperCommand(sim: Sim, cmd: ZooKeeperCommand): Result {
  const s = findServer(sim, cmd.nodeId);
  if (!('status' in s)) return s;
  const isolated = sim.isIsolated(zkNode(s.id));
  const refuse = (code: string, state: string) =>
    fail(code, `ZooKeeper server zk-${s.id} ${state}`, 'nodeId', { nodeId: s.id });
  switch (cmd.type) {
    case 'killZooKeeper':
      if (s.status !== 'running') return refuse('ZOOKEEPER_NOT_RUNNING', 'is not running');
      stopZkServer(sim, s);
      return OK;
    case 'restartZooKeeper':
      if (s.status === 'running') return refuse('ZOOKEEPER_RUNNING', 'is already running');
      restartZkServer(sim, s);
      return OK;
    case 'isolateZooKeeper':
      if (isolated) return refuse('ALREADY_ISOLATED', 'is already isolated');
      isolateZkServer(sim, s);
      return OK;
    case 'healZooKeeper':
      if (!isolated) return refuse('NOT_ISOLATED', 'is not isolated');
      healZkServer(sim, s);
      return OK;
  }
}
