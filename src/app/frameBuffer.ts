// Fast state, read by the canvas and by DOM writers every animation frame without React renders:
// the display clock, messages in flight, fast-moving numbers (offsets, positions, counters) and
// the highlights that fade out. Listeners are called once per animation frame.
import type { Flight, FrameMessage, PartitionFast, SessionInfo } from '../worker/protocol';
import type { ConsumerFast, ProducerFast } from '../worker/protocol';
import { highlightsFor, type Highlight } from './highlights';

export interface LiveFlight extends Flight {
  /** Sim time at which the message was lost on the way, if it was. */
  lostAt: number | null;
}

export interface LiveHighlight extends Highlight {
  id: number;
  /** Wall ms it has been shown while playing; it fades out after HIGHLIGHT_MS. */
  age: number;
}

/** How long a highlight stays (wall ms of playing time; paused, it stays put). */
export const HIGHLIGHT_MS = 3500;
/** A lost message fades out over this much sim time after it was lost. */
export const LOST_FADE_MS = 600;
/** Safety cap: never keep more flights than this. */
export const MAX_LIVE_FLIGHTS = 4000;
const MAX_HIGHLIGHTS = 60;

/** Called once per animation frame, after the buffer moved on. */
export type BufferListener = (buffer: FrameBuffer) => void;

export class FrameBuffer {
  /** The sim time being drawn this animation frame. */
  displayNow = 0;
  /** The worker's latest sim time. */
  engineNow = 0;
  nextEventTime: number | null = null;
  /** Where the play head stands in the recording (the timeline bar draws it every frame). */
  session: SessionInfo | null = null;
  flights: LiveFlight[] = [];
  partitions = new Map<string, PartitionFast>();
  producers = new Map<string, ProducerFast>();
  consumers = new Map<string, ConsumerFast>();
  highlights: LiveHighlight[] = [];
  /** Bumped whenever fast numbers change: DOM writers skip work when it has not moved. */
  fastVersion = 0;
  /** Bumped whenever flights or highlights are added or removed. */
  flightsVersion = 0;

  private listeners = new Set<BufferListener>();
  private nextHighlightId = 1;

  subscribe(listener: BufferListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Forget everything (a new scenario was loaded). */
  clear(): void {
    this.flights = [];
    this.partitions.clear();
    this.producers.clear();
    this.consumers.clear();
    this.highlights = [];
    this.displayNow = 0;
    this.engineNow = 0;
    this.session = null;
    this.fastVersion++;
    this.flightsVersion++;
  }

  applyFrame(frame: FrameMessage): void {
    this.engineNow = frame.now;
    this.nextEventTime = frame.nextEventTime;
    if (frame.session) this.session = frame.session;
    if (frame.cause === 'seek') this.jumpedTo(frame);
    if (frame.flights.length > 0) {
      for (const f of frame.flights) this.flights.push({ ...f, lostAt: null });
      if (this.flights.length > MAX_LIVE_FLIGHTS) {
        this.flights = this.flights.slice(this.flights.length - MAX_LIVE_FLIGHTS);
      }
      this.flightsVersion++;
    }
    if (frame.lostFlights.length > 0) {
      const lost = new Map(frame.lostFlights.map((l) => [l.id, l.at]));
      for (const f of this.flights) {
        const at = lost.get(f.id);
        if (at !== undefined) f.lostAt = at;
      }
      this.flightsVersion++;
    }
    if (frame.fast) {
      const fast = frame.fast;
      if (frame.changes?.full) {
        this.partitions.clear();
        this.producers.clear();
        this.consumers.clear();
      }
      for (const [k, v] of Object.entries(fast.partitions)) this.partitions.set(k, v);
      for (const [k, v] of Object.entries(fast.producers)) this.producers.set(k, v);
      for (const [k, v] of Object.entries(fast.consumers)) this.consumers.set(k, v);
      this.fastVersion++;
    }
    for (const event of frame.events) {
      for (const h of highlightsFor(event)) this.addHighlight(h);
    }
  }

  /**
   * The play head jumped to `frame.now`. Messages sent later are not in the air there; those
   * sent before it still are (until they land), unless the frame brings them again (it carries
   * the messages in the air that the seek's replay saw). Highlights belong to the old moment.
   */
  private jumpedTo(frame: FrameMessage): void {
    const now = frame.now;
    const again = new Set(frame.flights.map((f) => f.id));
    this.flights = this.flights.filter((f) => f.sentAt <= now && !again.has(f.id));
    for (const f of this.flights) if (f.lostAt !== null && f.lostAt > now) f.lostAt = null;
    this.highlights = [];
    this.flightsVersion++;
  }

  addHighlight(h: Highlight): void {
    // One highlight per target and kind of news: a repeat restarts it, and a newer state of the
    // same thing replaces the old one (started replaces crashed, back in ISR replaces left ISR),
    // so a badge never outlives its condition.
    const target = JSON.stringify(h.target);
    const family = familyOf(h.labelKey);
    this.highlights = this.highlights.filter(
      (x) => familyOf(x.labelKey) !== family || JSON.stringify(x.target) !== target,
    );
    this.highlights.push({ ...h, id: this.nextHighlightId++, age: 0 });
    if (this.highlights.length > MAX_HIGHLIGHTS) this.highlights.shift();
    this.flightsVersion++;
  }

  /** Advance highlight ages and drop finished flights. Called once per animation frame. */
  tick(dtWall: number, playing: boolean): void {
    if (playing && this.highlights.length > 0) {
      for (const h of this.highlights) h.age += dtWall;
      const before = this.highlights.length;
      this.highlights = this.highlights.filter((h) => h.age < HIGHLIGHT_MS);
      if (this.highlights.length !== before) this.flightsVersion++;
    }
    const now = this.displayNow;
    const before = this.flights.length;
    this.flights = this.flights.filter((f) => !flightFinished(f, now));
    if (this.flights.length !== before) this.flightsVersion++;
  }

  notify(): void {
    for (const listener of this.listeners) listener(this);
  }
}

/** Highlight labels that speak of the same condition: a newer one replaces an older one. */
const FAMILIES: Record<string, string> = {
  crashed: 'broker-state',
  stopped: 'broker-state',
  started: 'broker-state',
  fenced: 'broker-state',
  isolated: 'network',
  healed: 'network',
  isrShrunk: 'isr',
  isrExpanded: 'isr',
  newLeader: 'leader',
  uncleanLeader: 'leader',
  leaderEpoch: 'partition-leader',
  offline: 'partition-leader',
  rebalancing: 'group',
  generation: 'group',
};

function familyOf(labelKey: string): string {
  return FAMILIES[labelKey] ?? labelKey;
}

export function flightFinished(f: LiveFlight, now: number): boolean {
  if (f.lostAt !== null) return now > f.lostAt + LOST_FADE_MS;
  if (f.dropped) return now > (f.sentAt + f.deliverAt) / 2 + LOST_FADE_MS;
  return now > f.deliverAt;
}

/**
 * Where a flight is along its path at sim time `now`: 0 at the sender, 1 at the receiver, with
 * an opacity that fades a lost message out. null when it is not on the wire at `now`.
 */
export function flightProgress(
  f: LiveFlight,
  now: number,
): { at: number; opacity: number; lost: boolean } | null {
  if (now < f.sentAt) return null;
  const span = Math.max(1, f.deliverAt - f.sentAt);
  const at = Math.min(1, (now - f.sentAt) / span);
  const lostAt = f.lostAt ?? (f.dropped ? (f.sentAt + f.deliverAt) / 2 : null);
  if (lostAt !== null && now >= lostAt) {
    const stopAt = Math.min(1, (lostAt - f.sentAt) / span);
    const fade = 1 - (now - lostAt) / LOST_FADE_MS;
    return fade > 0 ? { at: stopAt, opacity: fade, lost: true } : null;
  }
  if (now > f.deliverAt) return null;
  return { at, opacity: 1, lost: false };
}
