// Long-poll fetches (Kafka's fetch purgatory): a fetch that finds no new data waits at the broker
// until data arrives or its max wait expires, then is answered with whatever the log holds then.
import { removeAt } from '../sim/arrays';
import { brokerNode, parseTp } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { BrokerState, Message, ParkedFetch } from '../sim/world';
import { respondConsumerFetch, respondReplicaFetch } from './fetchResponses';

export function park(
  sim: Sim,
  b: BrokerState,
  msg: Message<'replica-fetch'> | Message<'fetch'>,
  waitMs: number,
): void {
  const token = ++b.nextToken;
  const parked: ParkedFetch = { msg, token, dueAt: -1 };
  b.parked.push(parked);
  parked.dueAt = sim.timer(brokerNode(b.id), b.inc, 'broker.fetch-wait', waitMs, token);
}

function respond(sim: Sim, b: BrokerState, msg: ParkedFetch['msg']): void {
  if (msg.kind === 'replica-fetch') respondReplicaFetch(sim, b, msg);
  else respondConsumerFetch(sim, b, msg);
}

/**
 * New data for partition `key`: answer the parked fetches that include it. Follower fetches wake
 * on appends ('replica-fetch'), consumer fetches when the HW moves ('fetch'), all on 'any'.
 */
export function wakeParked(
  sim: Sim,
  b: BrokerState,
  key: string,
  kind: 'replica-fetch' | 'fetch' | 'any',
): void {
  const parked = b.parked;
  if (parked.length === 0) return;
  const { topic, partition } = parseTp(key);
  // Split the parked fetches into those that wake and those that keep waiting, in one pass.
  let ready: ParkedFetch[] | null = null;
  let kept = 0;
  for (let i = 0; i < parked.length; i++) {
    const p = parked[i];
    if (wakes(p, topic, partition, kind)) (ready ??= []).push(p);
    else parked[kept++] = p;
  }
  if (ready === null) return;
  parked.length = kept;
  for (const p of ready) {
    // Answered before its max wait: that timer has nothing left to do.
    sim.cancelTimer(p.dueAt, brokerNode(b.id), b.inc, 'broker.fetch-wait', p.token);
    respond(sim, b, p.msg);
  }
}

function wakes(
  p: ParkedFetch,
  topic: string,
  partition: number,
  kind: 'replica-fetch' | 'fetch' | 'any',
): boolean {
  if (kind !== 'any' && p.msg.kind !== kind) return false;
  for (const part of p.msg.body.partitions)
    if (part.partition === partition && part.topic === topic) return true;
  return false;
}

export function onParkedFetchTimeout(sim: Sim, b: BrokerState, token: number): void {
  // Parked fetches stay in token order (parking appends, answering removes): binary search.
  const parked = b.parked;
  let lo = 0;
  let hi = parked.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = parked[mid].token;
    if (t === token) {
      const p = removeAt(parked, mid);
      respond(sim, b, p.msg);
      return;
    }
    if (t < token) lo = mid + 1;
    else hi = mid - 1;
  }
}
