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
import type { ConsumerState } from '../../sim/world';

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
  const pending = { reqId, kind, broker, generation: c.membership.generation, timeoutAt: -1 };
  reqs.pending.push(pending);
  sim.send(c.node, c.inc, brokerNode(broker), kind, body(reqId));
  const wait = kind === 'fetch' ? cfg.int(c.config, 'fetch.max.wait.ms') : 0;
  pending.timeoutAt = sim.timer(
    c.node,
    c.inc,
    'consumer.request-timeout',
    requestTimeoutDelay(cfg.int(c.config, 'request.timeout.ms') + wait),
    reqId,
  );
  return reqId;
}

/** The answer to request `reqId` came: forget the request and its timeout; what was asked. */
export function takeAnswered(sim: Sim, c: ConsumerState, reqId: number) {
  const all = c.requests.pending;
  let i = 0;
  while (i < all.length && all[i].reqId !== reqId) i++;
  if (i === all.length) return undefined;
  const pending = all[i];
  removeAt(all, i);
  sim.cancelTimer(pending.timeoutAt, c.node, c.inc, 'consumer.request-timeout', reqId);
  return pending;
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
