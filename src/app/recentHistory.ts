// The recent past that `window.__kafkaSim.events()` and `.flights()` return: a frame listener
// that keeps the last few thousand engine events and messages put on the wire. When the play
// head moves back, what happened after it is forgotten (playing on brings it back).
import type { SimEvent } from '../engine';
import type { EventPlace, Flight } from '../worker/protocol';
import type { FrameListener } from './client';
import { comparePlaces, lastOf } from './eventLog';

/** Events kept for `window.__kafkaSim.events()`. */
export const RECENT_EVENTS = 5000;
export const RECENT_FLIGHTS = 1000;

export class RecentHistory {
  private recentEvents: SimEvent[] = [];
  /** Where each of recentEvents happened (null: the worker did not say). */
  private recentPlaces: (EventPlace | null)[] = [];
  private recentFlights: Flight[] = [];

  readonly onFrame: FrameListener = (frame) => {
    if (frame.cause === 'load') {
      this.recentEvents = [];
      this.recentPlaces = [];
      this.recentFlights = [];
    }
    if (frame.cause === 'seek' && frame.session) {
      const head = frame.session;
      const keep = this.recentEvents.map(
        (e, i) =>
          e.t <= frame.now &&
          !(this.recentPlaces[i] && comparePlaces(this.recentPlaces[i], head) > 0),
      );
      this.recentEvents = this.recentEvents.filter((_, i) => keep[i]);
      this.recentPlaces = this.recentPlaces.filter((_, i) => keep[i]);
      // The frame brings the messages in the air there again.
      const again = new Set(frame.flights.map((f) => f.id));
      this.recentFlights = this.recentFlights.filter(
        (f) => f.sentAt <= frame.now && !again.has(f.id),
      );
    }
    if (frame.replayed) {
      // The recent past at the new play head, after what is still kept.
      const last = lastOf(this.recentPlaces);
      const { events, places } = frame.replayed;
      const fresh = events.map((_, i) => !last || comparePlaces(places[i], last) > 0);
      this.recentEvents = keepLast(
        this.recentEvents,
        events.filter((_, i) => fresh[i]),
        RECENT_EVENTS,
      );
      this.recentPlaces = keepLast(
        this.recentPlaces,
        places.filter((_, i) => fresh[i]),
        RECENT_EVENTS,
      );
    }
    const places = frame.events.map((_, i) => frame.places?.[i] ?? null);
    this.recentEvents = keepLast(this.recentEvents, frame.events, RECENT_EVENTS);
    this.recentPlaces = keepLast(this.recentPlaces, places, RECENT_EVENTS);
    this.recentFlights = keepLast(this.recentFlights, frame.flights, RECENT_FLIGHTS);
  };

  events(): SimEvent[] {
    return [...this.recentEvents];
  }

  flights(): Flight[] {
    return [...this.recentFlights];
  }
}

function keepLast<T>(kept: T[], added: T[], max: number): T[] {
  if (added.length === 0) return kept;
  if (added.length >= max) return added.slice(-max);
  // One by one: a spread of a big frame (tens of thousands of events) overflows the stack.
  for (const item of added) kept.push(item);
  return kept.length > max ? kept.slice(-max) : kept;
}
