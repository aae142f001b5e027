// Combined placement (process.roles=broker,controller): controller N runs inside broker N, in
// one process with one network address. The broker's life is the controller's: a crash, a
// graceful stop or a restart of the broker does the same to its controller, and cutting the
// broker off cuts both. Their messages share the node ("broker:N") and its incarnation.
import type { Sim } from '../sim/sim';
import type { BrokerState, TimerName } from '../sim/world';
import type { MessageKind } from '../types';
import {
  healControllerNode,
  isolateControllerNode,
  restartControllerNode,
  stopControllerNode,
} from './nodes';
import type { ControllerNodeState } from './state';

/** The controller running inside broker `brokerId`, if the quorum is combined and has one. */
export function combinedControllerOf(sim: Sim, brokerId: number): ControllerNodeState | null {
  const q = sim.world.quorum;
  if (q?.placement !== 'combined') return null;
  const n = q.controllers[brokerId - 1];
  return n !== undefined && n.id === brokerId ? n : null;
}

/** Requests and answers that a combined node's controller part handles (the rest: its broker). */
const CONTROLLER_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>([
  'vote',
  'vote-response',
  'begin-quorum-epoch',
  'metadata-fetch',
  'metadata-fetch-response',
  'broker-registration',
  'broker-heartbeat',
  'alter-partition',
  'envelope',
]);

export function isControllerMessage(kind: MessageKind): boolean {
  return CONTROLLER_KINDS.has(kind);
}

export function isControllerTimer(name: TimerName): boolean {
  return name.startsWith('raft.') || name.startsWith('controller.');
}

/** Broker `b` stopped (crash or graceful): its controller stops with it. */
export function onCombinedBrokerStopped(sim: Sim, b: BrokerState): void {
  const n = combinedControllerOf(sim, b.id);
  if (n === null) return;
  if (n.status === 'running') stopControllerNode(sim, n, b.inc);
  else n.inc = b.inc;
}

/** Broker `b` started: its controller starts with it (at t=0 it is already running). */
export function onCombinedBrokerStarted(sim: Sim, b: BrokerState): void {
  const n = combinedControllerOf(sim, b.id);
  if (n === null) return;
  if (n.status !== 'running') restartControllerNode(sim, n, b.inc);
  else n.inc = b.inc;
}

/** Broker `b` was cut off or healed (the network already says so): so was its controller. */
export function onCombinedBrokerIsolation(sim: Sim, b: BrokerState, isolated: boolean): void {
  const n = combinedControllerOf(sim, b.id);
  if (n === null) return;
  if (isolated) isolateControllerNode(sim, n);
  else healControllerNode(sim, n);
}
