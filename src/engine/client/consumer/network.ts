// The consumer's requests to brokers: each has an id, is remembered until its answer (with the
// member's generation at the time) and times out after request.timeout.ms (plus the fetch wait
// for a fetch). Failed kinds of request are retried after retry.backoff.ms, one retry per kind.
import * as cfg from '../../config/access';
import type { Sim } from '../../sim/sim';
import { requestTimeoutDelay } from '../requestTimeout';
import { retryBackoffDelay } from '../retryBackoff';
import { removeAt } from '../../sim/arrays';
import { brokerNode } from '../../sim/ids';
import type { Bodies, RequestKind } from '../../sim/messages';
import type { ClientRequests, ConsumerState, PendingRequest } from '../../sim/world';

/** What a consumer retries after a failure (one pending retry each). */
export type RetryKind = 'metadata' | 'coordinator' | 'join' | 'offsets' | 'fetch';

/** Send a request to `broker`; `body` builds it around the request's id, which it returns. */
export function request<K extends RequestKind>(
  sim: Sim,
  c: ConsumerState,
  broker: number,
  kind: K,
  body: (reqId: number) => Bodies[K],
): number {
  const reqs = c.requests;
  const reqId = reqs.nextReqId++;
  const wait = kind === 'fetch' ? cfg.int(c.config, 'fetch.max.wait.ms') : 0;
  const deadline = sim.now + requestTimeoutDelay(cfg.int(c.config, 'request.timeout.ms') + wait);
  reqs.pending.push({ reqId, kind, broker, generation: c.membership.generation, deadline });
  sim.send(c.node, c.inc, brokerNode(broker), kind, body(reqId));
  const lane = laneOf(kind);
  const check = reqs.deadlineChecks[lane];
  if (check.at < 0 || deadline < check.at) armDeadlineCheck(sim, c, lane, deadline);
  return reqId;
}

/**
 * Fetches wait fetch.max.wait.ms longer than other requests, so each kind gets its own deadline
 * check: within one lane a later request has a later deadline, and the check never needs to
 * move earlier (unless request.timeout.ms is lowered while requests are out).
 */
const LANES = ['fetch', 'other'] as const;
type Lane = 0 | 1;
const laneOf = (kind: RequestKind): Lane => (kind === 'fetch' ? 0 : 1);

/** The answer to request `reqId` came: forget the request; what was asked. */
export function takeAnswered(c: ConsumerState, reqId: number): PendingRequest | undefined {
  const all = c.requests.pending;
  let i = 0;
  while (i < all.length && all[i].reqId !== reqId) i++;
  if (i === all.length) return undefined;
  const pending = all[i];
  removeAt(all, i);
  return pending;
}

/** Check the lane's deadlines at `at` (its earliest one). */
function armDeadlineCheck(sim: Sim, c: ConsumerState, lane: Lane, at: number): void {
  const check = c.requests.deadlineChecks[lane];
  const name = 'consumer.request-timeout';
  if (check.at >= 0) sim.cancelTimer(check.handle, c.node, c.inc, name, check.token, LANES[lane]);
  check.at = at;
  check.token++;
  check.handle = sim.timer(c.node, c.inc, name, at - sim.now, check.token, LANES[lane]);
}

/**
 * A lane's deadline check is due: its requests whose deadline has come are the ones timed out,
 * in the order they were sent; then the check waits for the lane's next deadline.
 */
export function checkDeadlines(
  sim: Sim,
  c: ConsumerState,
  laneName: string | undefined,
  token: number,
  timedOut: (reqId: number) => void,
): void {
  const lane: Lane = laneName === LANES[0] ? 0 : 1;
  const check = c.requests.deadlineChecks[lane];
  if (token !== check.token) return;
  check.at = -1;
  const inLane = (p: PendingRequest) => laneOf(p.kind) === lane;
  const expired = c.requests.pending.filter((p) => inLane(p) && p.deadline <= sim.now);
  for (const p of expired) timedOut(p.reqId);
  let next = -1;
  // (A request that outlived its deadline belongs to a process that stopped running.)
  for (const p of c.requests.pending)
    if (inLane(p) && p.deadline > sim.now && (next < 0 || p.deadline < next)) next = p.deadline;
  if (next >= 0 && (check.at < 0 || next < check.at)) armDeadlineCheck(sim, c, lane, next);
}

/** No deadline check armed (a new process: the old one's timers died with it). */
export function noDeadlineChecks(): ClientRequests['deadlineChecks'] {
  return [
    { at: -1, handle: -1, token: 0 },
    { at: -1, handle: -1, token: 0 },
  ];
}

/** Try `what` again after retry.backoff.ms; one pending retry per kind, so retries never multiply. */
export function retryLater(sim: Sim, c: ConsumerState, what: RetryKind): void {
  if (c.requests.retrying.includes(what)) return;
  c.requests.retrying.push(what);
  sim.timer(c.node, c.inc, 'consumer.retry', retryBackoffDelay(c.config), undefined, what);
}

/** The topics the consumer's group subscribes to. */
export function groupTopics(sim: Sim, c: ConsumerState): string[] {
  return sim.world.groups[c.groupId]?.topics ?? [];
}
