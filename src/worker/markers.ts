// The timeline's markers: the events a learner should notice, kept few enough to draw. A burst of
// like events (a broker dies: every partition it led elects a leader, every ISR shrinks) becomes
// one marker with a count; past `maxMarkers`, the two closest markers of one sort are merged.
import type { SimEvent } from '../engine';
import { compareMoments, type SessionMoment } from './moment';
import type { MarkerKind, TimelineMarker } from './protocol';

export interface MarkerPolicy {
  /** Like events within this many sim ms of the previous one join its marker. */
  burstMs: number;
  maxMarkers: number;
}

export const DEFAULT_MARKER_POLICY: MarkerPolicy = { burstMs: 1000, maxMarkers: 400 };

/** The marker kind of an event, or null if it is not one to notice. */
export function markerKind(event: SimEvent, byUser: boolean): MarkerKind | null {
  switch (event.type) {
    case 'command.applied':
      return byUser ? 'command' : 'action';
    case 'partition.leader-elected':
    case 'partition.offline':
    case 'controller.changed':
      return 'election';
    case 'isr.shrunk':
    case 'isr.expanded':
      return 'isr';
    case 'broker.fenced':
      return 'fencing';
    case 'log.truncated':
      return event.lostAcked.length > 0 ? 'data-lost' : null;
    case 'record.failed':
      return event.retriable ? null : 'produce-failed';
    case 'group.rebalance-started':
    case 'group.rebalance-completed':
      return 'rebalance';
    default:
      return null;
  }
}

interface Marker {
  kind: MarkerKind;
  /** What may merge: the same event type (and, for commands, the same command type). */
  sort: string;
  event: SimEvent;
  first: SessionMoment;
  last: SessionMoment;
  count: number;
}

/** A moment that ends markers, and those markers. */
export interface MarkerStop {
  at: SessionMoment;
  markers: TimelineMarker[];
}

/** What removeAfter took away, to put back when a fork is undone. */
export interface RemovedMarkers {
  removed: Marker[];
  /** A burst that straddled the cut, as it was before being cut. */
  cut: Marker | null;
}

export class MarkerList {
  private items: Marker[] = [];
  /** Changes whenever the list does. */
  revision = 0;

  constructor(readonly policy: MarkerPolicy = DEFAULT_MARKER_POLICY) {}

  get count(): number {
    return this.items.length;
  }

  /** Note `event`, which happened right before `moment`, if it is notable. */
  add(event: SimEvent, moment: SessionMoment, byUser: boolean): void {
    const kind = markerKind(event, byUser);
    if (!kind) return;
    const sort = event.type === 'command.applied' ? `${kind}:${event.command.type}` : event.type;
    const burst = this.burstOf(sort, event.t);
    if (burst) {
      burst.last = { ...moment };
      burst.count++;
    } else {
      this.items.push({ kind, sort, event, first: { ...moment }, last: { ...moment }, count: 1 });
      if (this.items.length > this.policy.maxMarkers) this.mergeClosest();
    }
    this.revision++;
  }

  list(): TimelineMarker[] {
    return this.items.map(toWire);
  }

  /**
   * Where `Next event` lands: the soonest moment after `moment` that ends a marker, with the
   * markers ending there (one engine event can make several: a fence, ISR shrinks, an election).
   */
  next(moment: SessionMoment): MarkerStop | null {
    return this.nearest((m) => compareMoments(m.last, moment) > 0, 1);
  }

  /** Where `Previous event` lands: the latest moment before `moment` that ends a marker. */
  previous(moment: SessionMoment): MarkerStop | null {
    return this.nearest((m) => compareMoments(m.last, moment) < 0, -1);
  }

  // Markers are in the order of their first event; a merged one may end after later ones begin,
  // so look at them all.
  private nearest(accept: (m: Marker) => boolean, direction: 1 | -1): MarkerStop | null {
    let best: SessionMoment | null = null;
    for (const m of this.items) {
      if (accept(m) && (!best || direction * compareMoments(m.last, best) < 0)) best = m.last;
    }
    if (!best) return null;
    const at = best;
    const markers = this.items.filter((m) => compareMoments(m.last, at) === 0).map(toWire);
    return { at, markers };
  }

  /** Drop what happened after `moment` (a fork); a burst across it keeps only its first event. */
  removeAfter(moment: SessionMoment): RemovedMarkers {
    const kept = this.items.filter((m) => compareMoments(m.first, moment) <= 0);
    const removed = this.items.slice(kept.length);
    const straddling = kept.find((m) => compareMoments(m.last, moment) > 0) ?? null;
    let cut: Marker | null = null;
    if (straddling) {
      cut = { ...straddling };
      straddling.last = straddling.first;
      straddling.count = 1;
    }
    this.items = kept;
    this.revision++;
    return { removed, cut };
  }

  /** Undo removeAfter (the markers added since the cut must have been removed first). */
  putBack({ removed, cut }: RemovedMarkers): void {
    if (cut) {
      const index = this.items.findIndex((m) => compareMoments(m.first, cut.first) === 0);
      if (index >= 0) this.items[index] = cut;
    }
    // One by one: a long recording can have more markers than a spread's arguments fit the stack.
    for (const m of removed) this.items.push(m);
    this.revision++;
  }

  private burstOf(sort: string, t: number): Marker | null {
    // Bursts interleave (an election between two ISR shrinks), so look back a little way.
    for (let i = this.items.length - 1; i >= Math.max(0, this.items.length - 16); i--) {
      const m = this.items[i];
      if (t - m.last.at > this.policy.burstMs) return null;
      if (m.sort === sort) return m;
    }
    return null;
  }

  /** Merge the two markers of one sort that are closest in time. */
  private mergeClosest(): void {
    const previousOfSort = new Map<string, number>();
    let keep = -1;
    let drop = -1;
    let bestGap = Infinity;
    for (let i = 0; i < this.items.length; i++) {
      const m = this.items[i];
      const before = previousOfSort.get(m.sort);
      if (before !== undefined && m.first.at - this.items[before].last.at < bestGap) {
        bestGap = m.first.at - this.items[before].last.at;
        keep = before;
        drop = i;
      }
      previousOfSort.set(m.sort, i);
    }
    if (drop < 0) {
      // Every marker is of a different sort (more sorts than room): drop the oldest.
      this.items.shift();
      return;
    }
    const merged = this.items[keep];
    merged.last = this.items[drop].last;
    merged.count += this.items[drop].count;
    this.items.splice(drop, 1);
  }
}

function toWire(m: Marker): TimelineMarker {
  return {
    kind: m.kind,
    event: m.event,
    position: m.first.position,
    at: m.first.at,
    count: m.count,
    lastPosition: m.last.position,
    lastAt: m.last.at,
  };
}
