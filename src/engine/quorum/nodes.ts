// The dedicated controller nodes of a KRaft quorum: created with the world, started, killed,
// restarted, cut off and healed; their messages and timers; and whether a majority is left.
import {
  handleAlterPartition,
  handleBrokerHeartbeat,
  handleBrokerRegistration,
  onLeaderBalanceCheck,
  onSessionCheck,
} from '../controller/controller';
import { afterAlterPartition } from '../controller/reassignment';
import { handleEnvelope } from '../broker/admin';
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
  resumeAsFollower,
  resetParkedBrokerFetches,
  resumeAsLeader,
  startAsObserver,
} from './raft';
import { inControllerScope } from './scope';
import { checkQuorumLiveness, quorumOf } from './voters';
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
    controllers.push({ ...newControllerNode(id, log), epoch: 1, votedFor: voters[0], hw: log.leo });
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
      case 'broker-registration':
        return handleBrokerRegistration(sim, host, msg);
      case 'broker-heartbeat':
        return handleBrokerHeartbeat(sim, host, msg);
      case 'envelope':
        return handleEnvelope(sim, host, msg);
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
/** A running controller node with `log`, in no epoch yet, knowing no leader. */
function newControllerNode(id: number, log: ControllerNodeState['log']): ControllerNodeState {
  return {
    id,
    status: 'running',
    inc: 1,
    epoch: 0,
    votedFor: null,
    log,
    role: 'unattached',
    leaderId: null,
    hw: 0,
    hasFetchedFromLeader: false,
    granted: [],
    retries: 0,
    token: 0,
    fetchInFlight: false,
    nextReqId: 0,
    leader: null,
  };
}

/**
 * A new dedicated controller (kafka-storage format --no-initial-controllers, then
 * kafka-metadata-quorum add-controller): it starts with an empty log as an observer and joins
 * the voters once the leader has added it (raft.ts maybeAddVoter).
 */
export function addControllerNode(sim: Sim): ControllerNodeState {
  const q = quorumOf(sim);
  const id = Math.max(...q.controllers.map((c) => c.id)) + 1;
  const n: ControllerNodeState = {
    observer: true,
    ...newControllerNode(id, createMetadataLog<MetadataEntry>()),
  };
  q.controllers.push(n);
  q.joining = { id };
  sim.emit({ type: 'controller.node-started', controllerId: id, restart: false, t: sim.now });
  startAsObserver(sim, n);
  return n;
}

export function stopControllerNode(sim: Sim, n: ControllerNodeState, inc = n.inc + 1): void {
  if (n.leader !== null) {
    const leader = n.leader;
    n.leader = null;
    onLeadershipLost(sim, n, leader, 'stopped');
    resetParkedBrokerFetches(sim, n, leader);
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
