// Rebalances as the group card shows them. The partitions each consumer has given up in the
// rebalance that is running (revoked, and not assigned to it again yet). The view only says what a consumer owns now; what it gave up is in
// the consumer.assigned events. Eager consumers give up everything as a rebalance starts;
// cooperative ones only the partitions that move, and keep reading the rest. The group card
// shows both, so the two protocols look as different as they are.
import type { SimEvent } from '../engine';
import type { GroupInfo } from '../worker/protocol';
import type { FrameListener } from './client';
import type { SimState, SimStore } from './store';

/** consumerId -> partitions ("topic-N") it gave up and does not own yet. */
export type Revocations = Record<string, string[]>;

/** The revocations after `events`; the same object when nothing changed. */
export function applyRevocationEvents(current: Revocations, events: SimEvent[]): Revocations {
  let next = current;
  const set = (consumerId: string, partitions: string[]) => {
    if (!partitions.length && !(consumerId in next)) return;
    if (next === current) next = Object.assign(Object.create(null) as Revocations, current);
    if (partitions.length) next[consumerId] = partitions;
    else delete next[consumerId];
  };
  for (const e of events) {
    switch (e.type) {
      // Every assignment says what was taken away; the next one (the rebalance done) clears it.
      case 'consumer.assigned':
        set(
          e.consumerId,
          e.revoked.filter((p) => !e.partitions.includes(p)),
        );
        break;
      case 'consumer.failed':
      case 'consumer.left':
        set(e.consumerId, []);
        break;
      default:
        break;
    }
  }
  return next;
}

/**
 * A frame listener that keeps the store's revocations up to date. A new scenario starts clean,
 * and so does a seek (it brings no events to tell what was revoked at the new moment).
 */
export function trackRevocations(store: SimStore): FrameListener {
  return (frame) => {
    const current = store.getState().revoked;
    const fresh = frame.cause === 'load' || frame.cause === 'seek';
    const next = applyRevocationEvents(fresh ? {} : current, frame.events);
    if (next !== current) store.setState({ revoked: next });
  };
}

/**
 * A rebalance is under way: the group is in one of its phases, a member has not taken up the new
 * assignment yet, or one still waits for what it gave up (cooperative: the follow-up rebalance).
 * A new group's first one is not news.
 */
export function isRebalancing(s: SimState, group: GroupInfo): boolean {
  if (group.generation === 0) return false;
  if (group.state === 'PreparingRebalance' || group.state === 'CompletingRebalance') return true;
  return group.consumerIds.some(
    (id) => id in s.revoked || s.consumers[id]?.status === 'rebalancing',
  );
}
