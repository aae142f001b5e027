// Finding the group's coordinator (FindCoordinator to the least recently failed broker), and
// forgetting it when it stops answering or says it is not the coordinator any more.
import type { Sim } from '../../sim/sim';
import type { RequestKind } from '../../sim/messages';
import type { ConsumerState } from '../../sim/world';
import { pickBroker } from '../pickBroker';
import { request } from './network';
import { isRunning } from './state';

/** Errors that mean "find the coordinator again". */
export const COORDINATOR_ERRORS = new Set([
  'NOT_COORDINATOR',
  'COORDINATOR_NOT_AVAILABLE',
  'COORDINATOR_LOAD_IN_PROGRESS',
  'NETWORK_EXCEPTION',
  'REQUEST_TIMED_OUT',
]);

/** The requests a consumer sends to its coordinator. */
const COORDINATOR_REQUESTS = new Set<RequestKind>([
  'join-group',
  'sync-group',
  'heartbeat',
  'offset-commit',
  'offset-fetch',
]);

export function findCoordinator(sim: Sim, c: ConsumerState): void {
  const m = c.membership;
  if (m.coordinatorInFlight || !isRunning(c)) return;
  m.coordinatorInFlight = true;
  const broker = pickBroker(c.requests.knownBrokers, c.requests.brokerFailedAt);
  request(sim, c, broker, 'find-coordinator', (reqId) => ({ reqId, groupId: c.groupId }));
}

/** Forget the coordinator and everything asked of it; find it again (and rejoin if mid-join). */
export function coordinatorLost(sim: Sim, c: ConsumerState): void {
  const m = c.membership;
  if (m.joinInFlight || m.syncInFlight) m.rejoinNeeded = true;
  m.coordinator = null;
  m.joinInFlight = false;
  m.syncInFlight = false;
  c.requests.pending = c.requests.pending.filter((p) => !COORDINATOR_REQUESTS.has(p.kind));
  findCoordinator(sim, c);
}
