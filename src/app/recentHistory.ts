// The recent past that `window.__kafkaSim.events()` and `.flights()` return: a frame listener
// that keeps the last few thousand engine events and messages put on the wire.
import type { SimEvent } from '../engine';
import type { Flight } from '../worker/protocol';
import type { FrameListener } from './client';

/** Events kept for `window.__kafkaSim.events()`. */
export const RECENT_EVENTS = 5000;
export const RECENT_FLIGHTS = 1000;

export class RecentHistory {
  private recentEvents: SimEvent[] = [];
  private recentFlights: Flight[] = [];

  readonly onFrame: FrameListener = (frame) => {
    if (frame.cause === 'load') {
      this.recentEvents = [];
      this.recentFlights = [];
    }
    this.recentEvents = keepLast(this.recentEvents, frame.events, RECENT_EVENTS);
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
  kept.push(...added);
  return kept.length > max ? kept.slice(-max) : kept;
}
