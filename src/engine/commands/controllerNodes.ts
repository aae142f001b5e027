// Commands on the dedicated controller nodes of a KRaft quorum: kill (the process dies; its
// log and vote stay on disk), restart, isolate and heal. Refused, naming the problem, when the
// cluster has no quorum (ZooKeeper mode) or no such controller.
import { controllerNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { Command } from '../types';
import { LIMITS } from '../limits';
import { withinTotal } from './limitChecks';
import {
  addControllerNode,
  healControllerNode,
  isolateControllerNode,
  restartControllerNode,
  stopControllerNode,
} from '../quorum/nodes';
import type { ControllerNodeState } from '../quorum/state';
import { fail, OK, type Result } from './results';

type ControllerCommand = Extract<
  Command,
  { type: 'killController' | 'restartController' | 'isolateController' | 'healController' }
>;

function findController(sim: Sim, id: number): ControllerNodeState | Result {
  const q = sim.world.quorum;
  if (!q)
    return fail(
      'NO_CONTROLLER_QUORUM',
      'this cluster keeps its metadata in ZooKeeper (cluster.metadata.mode is zookeeper): it has no KRaft controllers',
      'controllerId',
    );
  const n = q.controllers.find((c) => c.id === id);
  if (!n) {
    const first = q.controllers[0].id;
    const last = q.controllers[q.controllers.length - 1].id;
    return fail(
      'UNKNOWN_CONTROLLER',
      `controllerId: no controller ${id} (controllers are ${first}..${last})`,
      'controllerId',
      { controllerId: id, first, last },
    );
  }
  return n;
}

/** addController: a new dedicated controller that joins the voters once caught up (KIP-853). */
export function addController(sim: Sim): Result {
  const q = sim.world.quorum;
  if (!q)
    return fail(
      'NO_CONTROLLER_QUORUM',
      'this cluster keeps its metadata in ZooKeeper (cluster.metadata.mode is zookeeper): it has no KRaft controllers',
      'type',
    );
  if (q.placement === 'combined')
    return fail(
      'COMBINED_PLACEMENT',
      'the controllers run inside brokers here (combined placement): a new controller would need a new combined node, which is not modelled',
      'type',
    );
  const limit = withinTotal('Controllers', q.controllers.length, 1, LIMITS.controllers, 'type');
  if (!limit.ok) return limit;
  if (q.joining)
    return fail(
      'VOTER_CHANGE_IN_PROGRESS',
      `controller ${q.joining.id} is still joining the voters: one voter change at a time`,
      'type',
      { controllerId: q.joining.id },
    );
  addControllerNode(sim);
  return OK;
}

export function applyControllerCommand(sim: Sim, cmd: ControllerCommand): Result {
  const n = findController(sim, cmd.controllerId);
  if (!('status' in n)) return n;
  const isolated = sim.isIsolated(controllerNode(n.id));
  const refuse = (code: string, state: string) =>
    fail(code, `controller ${n.id} ${state}`, 'controllerId', { controllerId: n.id });
  switch (cmd.type) {
    case 'killController':
      if (n.status !== 'running') return refuse('CONTROLLER_NOT_RUNNING', 'is not running');
      stopControllerNode(sim, n);
      return OK;
    case 'restartController':
      if (n.status === 'running') return refuse('CONTROLLER_RUNNING', 'is already running');
      restartControllerNode(sim, n);
      return OK;
    case 'isolateController':
      if (isolated) return refuse('ALREADY_ISOLATED', 'is already isolated');
      isolateControllerNode(sim, n);
      return OK;
    case 'healController':
      if (!isolated) return refuse('NOT_ISOLATED', 'is not isolated');
      healControllerNode(sim, n);
      return OK;
  }
}
