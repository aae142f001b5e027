// The event log's own small store: recent engine events as log lines, the kind filters, and the
// latest important event for the screen-reader announcer. Kept apart from the structural store
// so that a busy log never re-renders the scene.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SimEvent } from '../engine';
import { coalesceKey, eventInfo, EVENT_CATEGORIES, type EventCategory } from './eventText';

export interface LogEntry {
  id: number;
  event: SimEvent;
  category: EventCategory;
  important: boolean;
  /** How many identical consecutive events this line stands for. */
  count: number;
  coalesce: string | null;
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
  append(events: SimEvent[], wallNow: number): void;
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

  const append = (events: SimEvent[], wallNow: number) => {
    const state = store.getState();
    const { filters } = state;
    let entries = state.entries;
    let changed = false;
    let latestImportant: SimEvent | null = null;
    let importantCount = 0;
    for (const event of events) {
      const info = eventInfo(event);
      if (info.important) {
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
        entries[entries.length - 1] = { ...last, event, count: last.count + 1 };
        continue;
      }
      entries.push({
        id: nextId++,
        event,
        category: info.category,
        important: info.important,
        count: 1,
        coalesce,
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
    append,
    setFilter(category: EventCategory, on: boolean) {
      store.setState({ filters: { ...store.getState().filters, [category]: on } });
    },
    clear() {
      store.setState({ entries: [] });
    },
  });
}
