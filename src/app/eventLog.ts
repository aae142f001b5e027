// The event log's own small store: recent engine events as log lines, the kind filters, and the
// latest important event for the screen-reader announcer. Kept apart from the structural store
// so that a busy log never re-renders the scene.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SimEvent } from '../engine';
import type { EventPlace } from '../worker/protocol';
import { coalesceKey, eventInfo, EVENT_CATEGORIES, type EventCategory } from './eventText';

export interface LogEntry {
  id: number;
  event: SimEvent;
  category: EventCategory;
  important: boolean;
  /** How many identical consecutive events this line stands for. */
  count: number;
  coalesce: string | null;
  /** Where the (latest) event happened in the session's history; null if the worker did not say. */
  place: EventPlace | null;
}

export interface EventLogState {
  entries: LogEntry[];
  filters: Record<EventCategory, boolean>;
  /** The latest important event, for the aria-live announcer. */
  announcement: { id: number; event: SimEvent; more: number } | null;
}

/** Lines kept in the log (older ones scroll away). */
export const MAX_LOG_ENTRIES = 300;
/** Wall ms between two announcements: a burst is summed up as "…and N more". */
export const ANNOUNCE_EVERY_MS = 1500;

export type EventLogStore = StoreApi<EventLogState> & {
  append(events: SimEvent[], wallNow: number, places?: readonly EventPlace[]): void;
  /**
   * Events of the past at a new play head (a seek's replay): the ones after the last line are
   * added, quietly (nothing is announced: they are not news).
   */
  appendPast(events: SimEvent[], places: readonly EventPlace[]): void;
  /** The play head moved back to `place`: forget what happened after it (replay brings it back). */
  dropAfter(place: EventPlace, now: number): void;
  setFilter(category: EventCategory, on: boolean): void;
  clear(): void;
};

export function defaultFilters(): Record<EventCategory, boolean> {
  const filters = Object.fromEntries(EVENT_CATEGORIES.map((c) => [c, true])) as Record<
    EventCategory,
    boolean
  >;
  // Every record is a lot of lines: off until asked for.
  filters.records = false;
  return filters;
}

export function createEventLogStore(): EventLogStore {
  const store = createStore<EventLogState>(() => ({
    entries: [],
    filters: defaultFilters(),
    announcement: null,
  }));
  let nextId = 1;
  let lastAnnounceWall = -Infinity;
  // Important events not yet announced: the latest is spoken, the others counted.
  let pendingEvent: SimEvent | null = null;
  let pendingCount = 0;

  const add = (
    events: SimEvent[],
    places: readonly EventPlace[] | undefined,
    wallNow: number,
    past: boolean,
  ) => {
    const state = store.getState();
    const { filters } = state;
    let entries = state.entries;
    let changed = false;
    let latestImportant: SimEvent | null = null;
    let importantCount = 0;
    const lastPlace = past ? lastOf(entries.map((e) => e.place)) : null;
    for (const [i, event] of events.entries()) {
      const place = places?.[i] ?? null;
      if (past && lastPlace && place && comparePlaces(place, lastPlace) <= 0) continue;
      const info = eventInfo(event);
      if (info.important && !past) {
        latestImportant = event;
        importantCount++;
      }
      // Lines hidden by a filter are not kept: the log stays short and fast.
      if (!filters[info.category]) continue;
      const coalesce = coalesceKey(event);
      const last = entries.at(-1);
      if (!changed) entries = [...entries];
      changed = true;
      if (coalesce && last && last.coalesce === coalesce) {
        entries[entries.length - 1] = { ...last, event, place, count: last.count + 1 };
        continue;
      }
      entries.push({
        id: nextId++,
        event,
        category: info.category,
        important: info.important,
        count: 1,
        coalesce,
        place,
      });
    }
    const patch: Partial<EventLogState> = {};
    if (changed) {
      patch.entries =
        entries.length > MAX_LOG_ENTRIES
          ? entries.slice(entries.length - MAX_LOG_ENTRIES)
          : entries;
    }
    if (latestImportant) {
      pendingEvent = latestImportant;
      pendingCount += importantCount;
    }
    if (pendingEvent && wallNow - lastAnnounceWall >= ANNOUNCE_EVERY_MS) {
      patch.announcement = { id: nextId++, event: pendingEvent, more: pendingCount - 1 };
      lastAnnounceWall = wallNow;
      pendingEvent = null;
      pendingCount = 0;
    }
    if (patch.entries || patch.announcement) store.setState(patch);
  };

  return Object.assign(store, {
    append: (events: SimEvent[], wallNow: number, places?: readonly EventPlace[]) =>
      add(events, places, wallNow, false),
    appendPast: (events: SimEvent[], places: readonly EventPlace[]) => add(events, places, 0, true),
    setFilter(category: EventCategory, on: boolean) {
      store.setState({ filters: { ...store.getState().filters, [category]: on } });
    },
    dropAfter(place: EventPlace, now: number) {
      const entries = store.getState().entries;
      const kept = entries.filter((e) => !isAfter(e, place, now));
      pendingEvent = null;
      pendingCount = 0;
      if (kept.length !== entries.length) store.setState({ entries: kept });
    },
    clear() {
      store.setState({ entries: [] });
    },
  });
}

/** Did this line's event happen after the play head at `place` (sim ms `now`)? */
export function isAfter(entry: LogEntry, place: EventPlace, now: number): boolean {
  if (entry.event.t > now) return true;
  if (!entry.place) return false;
  return comparePlaces(entry.place, place) > 0;
}

/** The last place given in `places`, or null. */
export function lastOf(places: readonly (EventPlace | null)[]): EventPlace | null {
  for (let i = places.length - 1; i >= 0; i--) if (places[i]) return places[i];
  return null;
}

export function comparePlaces(a: EventPlace, b: EventPlace): number {
  return a.position - b.position || a.applied - b.applied;
}
