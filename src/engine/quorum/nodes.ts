// The dedicated controller nodes of a KRaft quorum: created with the world, started, killed,
// restarted, cut off and healed; their messages and timers; and whether a majority is left.
import {
  handleAlterPartition,
  handleBrokerHeartbeat,
  onLeaderBalanceCheck,
  onSessionCheck,
} from '../controller/controller';
import { afterAlterPartition } from '../controller/reassignment';
import { majoritySize } from '../kernels/raft';
import { controllerHostNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { Message, Task } from '../sim/world';
import type { ControllerPlacement } from '../types';
import { appendAsLeader, createMetadataLog } from './metadataLog';
import { controllerHostOf, onLeadershipLost, scheduleNoOp } from './commit';
import { onNoOpTimer } from './writes';
import {
  becomeUnattached,
  onRaftMessage,
  onRaftTimer,
  quorumOf,
  resumeAsFollower,
  resumeAsLeader,
} from './raft';
import { inControllerScope } from './scope';
import type { ControllerNodeState, KraftQuorum, MetadataEntry } from './state';

export const FIRST_CONTROLLER_ID = 1001;

/**
 * The quorum at t=0, as a cluster that has been running: every voter holds the same log (one
 * LeaderChangeMessage of epoch 1, committed), and the lowest id leads epoch 1. The metadata the
 * world was built with stands for what the log held before (a snapshot). Dedicated controllers
 * are nodes 1001..; combined ones run inside brokers 1..count and take their ids.
 */
export function createKraftQuorum(count: number, placement: ControllerPlacement): KraftQuorum {
  const controllers: ControllerNodeState[] = [];
  const first = placement === 'combined' ? 1 : FIRST_CONTROLLER_ID;
  const voters = Array.from({ length: count }, (_, i) => first + i);
  for (const id of voters) {
    const log = createMetadataLog<MetadataEntry>();
    appendAsLeader<MetadataEntry>(log, 1, [
      { type: 'LeaderChangeMessage', leaderId: voters[0], voters },
    ]);
    controllers.push({
      id,
      status: 'running',
      inc: 1,
      epoch: 1,
      votedFor: voters[0],
      log,
      role: 'unattached',
      leaderId: null,
      hw: log.leo,
      hasFetchedFromLeader: false,
      granted: [],
      retries: 0,
      token: 0,
      fetchInFlight: false,
      nextReqId: 0,
      leader: null,
    });
  }
  return {
    mode: 'kraft',
    ...(placement === 'combined' ? { placement } : {}),
    controllers,
    committedOffset: 1,
    lost: false,
    started: false,
    orphans: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Messages and timers
// ---------------------------------------------------------------------------------------------

export function onControllerNodeMessage(sim: Sim, n: ControllerNodeState, msg: Message): void {
  if (onRaftMessage(sim, n, msg)) return;
  // The controller's own requests reach it only while it is the active controller.
  if (sim.world.controller.activeId !== n.id) return;
  const host = controllerHostOf(sim, n);
  inControllerScope(sim, () => {
    switch (msg.kind) {
      case 'broker-heartbeat':
        return handleBrokerHeartbeat(sim, host, msg);
      case 'alter-partition':
        handleAlterPartition(sim, host, msg);
        return afterAlterPartition(sim, n.id, msg.body.topic, msg.body.partition);
      default:
        return;
    }
  });
}

export function onControllerNodeTimer(
  sim: Sim,
  n: ControllerNodeState,
  task: Extract<Task, { k: 'timer' }>,
): void {
  if (onRaftTimer(sim, n, task.name, task.token, task.arg)) return;
  if (task.name === 'controller.noop') return onNoOpTimer(sim, n, task.token);
  if (sim.world.controller.activeId !== n.id) return;
  const host = controllerHostOf(sim, n);
  inControllerScope(sim, () => {
    if (task.name === 'controller.session-check') onSessionCheck(sim, host, Number(task.arg));
    else if (task.name === 'controller.leader-balance') onLeaderBalanceCheck(sim, host);
  });
}

// ---------------------------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------------------------

/** At t=0: the first voter has led epoch 1 for a while and is the active controller. */
export function startKraftQuorum(sim: Sim): void {
  const q = quorumOf(sim);
  q.started = true;
  const [first, ...others] = q.controllers;
  resumeAsLeader(sim, first);
  for (const n of others) resumeAsFollower(sim, n, first.id);
  scheduleNoOp(sim, first);
}

/** Stop controller `n`; `inc` is its next incarnation (a combined one takes its broker's). */
export function stopControllerNode(sim: Sim, n: ControllerNodeState, inc = n.inc + 1): void {
  if (n.leader !== null) {
    const leader = n.leader;
    n.leader = null;
    onLeadershipLost(sim, n, leader, 'stopped');
  }
  n.status = 'stopped';
  n.inc = inc;
  n.role = 'unattached';
  n.leaderId = null;
  n.granted = [];
  n.fetchInFlight = false;
  n.hasFetchedFromLeader = false;
  n.token++;
  sim.emit({ type: 'controller.node-stopped', controllerId: n.id, t: sim.now });
  checkQuorumLiveness(sim);
}

export function restartControllerNode(sim: Sim, n: ControllerNodeState, inc = n.inc + 1): void {
  n.status = 'running';
  n.inc = inc;
  sim.emit({ type: 'controller.node-started', controllerId: n.id, restart: true, t: sim.now });
  becomeUnattached(sim, n, n.epoch);
  checkQuorumLiveness(sim);
}

export function isolateControllerNode(sim: Sim, n: ControllerNodeState): void {
  sim.setIsolated(controllerHostNode(n.id), true);
  sim.emit({ type: 'controller.node-isolated', controllerId: n.id, t: sim.now });
  checkQuorumLiveness(sim);
}

export function healControllerNode(sim: Sim, n: ControllerNodeState): void {
  sim.setIsolated(controllerHostNode(n.id), false);
  sim.emit({ type: 'controller.node-healed', controllerId: n.id, t: sim.now });
  checkQuorumLiveness(sim);
}

/** The voters that are up and reachable, against the majority the quorum needs. */
export function quorumHealth(sim: Sim) {
  const q = quorumOf(sim);
  const live = q.controllers.filter(
    (n) => n.status === 'running' && !sim.isIsolated(controllerHostNode(n.id)),
  ).length;
  const voters = q.controllers.length;
  const needed = majoritySize(voters);
  return { live, voters, needed, lost: live < needed };
}

/** Say when the voters that are up and reachable stop (or start again) being a majority. */
export function checkQuorumLiveness(sim: Sim): void {
  const q = quorumOf(sim);
  const { live, voters, needed, lost } = quorumHealth(sim);
  if (lost === q.lost) return;
  q.lost = lost;
  sim.emit({
    type: lost ? 'metadata.quorum-lost' : 'metadata.quorum-restored',
    live,
    voters,
    needed,
    t: sim.now,
  });
}
