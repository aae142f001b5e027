// Turns the engine's network events into flights the canvas can animate. When a frame carries
// more messages than a person can follow, messages between the same two nodes are merged into one
// "batch" flight that says how many it stands for: the picture stays readable at any rate.
import type { SimEvent } from '../engine';
import type { Flight } from './protocol';

/** Above this many flights in one frame, merge. */
export const MERGE_ABOVE = 160;
/** Never send more than this many flights in one frame (after merging). */
export const MAX_FLIGHTS_PER_FRAME = 400;
const KEY_SAMPLE = 4;

type NetSent = Extract<SimEvent, { type: 'net.sent' }>;

export function toFlight(e: NetSent): Flight {
  const flight: Flight = {
    id: e.id,
    from: e.from,
    to: e.to,
    kind: e.kind,
    sentAt: e.sentAt,
    deliverAt: e.deliverAt,
    dropped: e.dropped,
    keys: (e.records ?? []).slice(0, KEY_SAMPLE).map((r) => r.key),
    recordCount: e.recordCount ?? e.records?.length ?? 0,
    merged: 1,
  };
  if (e.topic !== undefined) flight.topic = e.topic;
  if (e.partition !== undefined) flight.partition = e.partition;
  if (e.error !== undefined) flight.error = e.error;
  return flight;
}

/** Merge flights between the same endpoints (and of the same data/control class). */
export function mergeFlights(flights: Flight[]): Flight[] {
  if (flights.length <= MERGE_ABOVE) return flights;
  const groups = new Map<string, Flight>();
  for (const f of flights) {
    const dataClass = f.recordCount > 0 ? 'data' : f.kind;
    const key = `${f.from}|${f.to}|${dataClass}|${f.error ?? ''}`;
    const merged = groups.get(key);
    if (!merged) {
      groups.set(key, { ...f, keys: [...f.keys] });
      continue;
    }
    merged.merged += f.merged;
    merged.recordCount += f.recordCount;
    merged.dropped = merged.dropped && f.dropped;
    for (const k of f.keys) if (merged.keys.length < KEY_SAMPLE) merged.keys.push(k);
    if (merged.topic !== f.topic) delete merged.topic;
    if (merged.partition !== f.partition) delete merged.partition;
  }
  const out = [...groups.values()];
  if (out.length <= MAX_FLIGHTS_PER_FRAME) return out;
  // Still too many distinct routes: keep the ones that carry records first.
  out.sort((a, b) => Number(b.recordCount > 0) - Number(a.recordCount > 0) || a.sentAt - b.sentAt);
  return out.slice(0, MAX_FLIGHTS_PER_FRAME);
}

/** Split drained events: traffic becomes flights, the rest stays as events. */
export function splitTraffic(events: SimEvent[]): {
  events: SimEvent[];
  flights: Flight[];
  lostFlights: { id: number; at: number }[];
} {
  const rest: SimEvent[] = [];
  const flights: Flight[] = [];
  const lostFlights: { id: number; at: number }[] = [];
  for (const e of events) {
    if (e.type === 'net.sent') flights.push(toFlight(e));
    else if (e.type === 'net.dropped') lostFlights.push({ id: e.id, at: e.t });
    else rest.push(e);
  }
  return { events: rest, flights: mergeFlights(flights), lostFlights };
}
