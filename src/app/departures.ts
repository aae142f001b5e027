// Consumers that have left their group (closed, or crashed and timed out) stay on the group's
// card for a while, greyed with their Restart button, so the learner sees who went; then they
// fade and leave the picture (the inspector still lists them). Measured in sim time, so a paused
// scene keeps them, and going back in time brings them back.
import type { FrameListener } from './client';
import type { SimState, SimStore } from './store';
import { isLiveConsumer } from '../engine/status';

/** Sim ms a departed consumer stays drawn, and how long of that it spends fading. */
export const DEPARTED_SHOWN_MS = 15_000;
export const DEPARTED_FADE_MS = 4_000;

/** consumerId -> how far it has gone: still shown but fading, or gone from the picture. */
export type Departures = Record<string, 'fading' | 'gone'>;

/**
 * Closed or crashed, and no longer a member of its group: the group has moved on to a generation
 * without it (a crashed consumer stays a member until its session times out and the group
 * rebalances), or has no members left.
 */
export function hasDeparted(s: SimState, id: string): boolean {
  const c = s.consumers[id];
  if (!c || isLiveConsumer(c.status)) return false;
  const group = s.groups[c.groupId];
  if (!group) return true;
  return group.generation > c.generation || group.state === 'Empty' || group.state === 'Dead';
}

export function departureStage(since: number, now: number): 'shown' | 'fading' | 'gone' {
  const age = now - since;
  if (age >= DEPARTED_SHOWN_MS) return 'gone';
  if (age >= DEPARTED_SHOWN_MS - DEPARTED_FADE_MS) return 'fading';
  return 'shown';
}

function sameDepartures(a: Departures, b: Departures): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** A frame listener that keeps the store's `departed` up to date. */
export function trackDepartures(store: SimStore): FrameListener {
  const since = new Map<string, number>();
  return (frame) => {
    if (frame.cause === 'load') since.clear();
    const s = store.getState();
    const next: Departures = Object.create(null) as Departures;
    for (const id of s.consumerIds) {
      if (!hasDeparted(s, id)) {
        since.delete(id);
        continue;
      }
      const at = since.get(id);
      // A later moment than `now` means the play head went back before it left.
      if (at === undefined || at > frame.now) since.set(id, frame.now);
      const stage = departureStage(since.get(id)!, frame.now);
      if (stage !== 'shown') next[id] = stage;
    }
    for (const id of since.keys()) if (!(id in s.consumers)) since.delete(id);
    if (!sameDepartures(next, s.departed)) store.setState({ departed: next });
  };
}
