// What this browser remembers about how the page looks: presenter mode, the message kinds hidden
// and the side panel's width. Read once at start (?presenter=1 or 0 in the address wins over
// the remembered choice), written back whenever one of them changes. Storage may be blocked
// (private windows, sandboxed frames): then nothing is remembered and nothing breaks.
import { HIDEABLE_TRAFFIC, type HiddenTraffic } from './traffic';
import type { SimStore } from './store';

export interface Preferences {
  presenter: boolean;
  hiddenTraffic: HiddenTraffic;
  sidePanelWidth: number;
}

/** The part of Storage used here (so tests can pass a Map-backed one). */
export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'kafka-sim.view';

export const SIDE_PANEL = { min: 260, max: 720, initial: 350 };

export function clampPanelWidth(width: number): number {
  if (!Number.isFinite(width)) return SIDE_PANEL.initial;
  return Math.round(Math.max(SIDE_PANEL.min, Math.min(SIDE_PANEL.max, width)));
}

function read(storage: PreferenceStorage | null): Partial<Preferences> {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return {};
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const out: Partial<Preferences> = {};
    if (typeof parsed.presenter === 'boolean') out.presenter = parsed.presenter;
    if (typeof parsed.sidePanelWidth === 'number') {
      out.sidePanelWidth = clampPanelWidth(parsed.sidePanelWidth);
    }
    if (parsed.hiddenTraffic && typeof parsed.hiddenTraffic === 'object') {
      const hidden: HiddenTraffic = {};
      const given = parsed.hiddenTraffic as Record<string, unknown>;
      for (const kind of HIDEABLE_TRAFFIC) {
        if (typeof given[kind] === 'boolean') hidden[kind] = given[kind];
      }
      out.hiddenTraffic = hidden;
    }
    return out;
  } catch {
    return {};
  }
}

/** The preferences to start with: the address, then what was remembered. */
export function loadPreferences(
  search: string,
  storage: PreferenceStorage | null,
): Partial<Preferences> {
  const out = read(storage);
  const flag = new URLSearchParams(search).get('presenter');
  if (flag === '1' || flag === 'true') out.presenter = true;
  if (flag === '0' || flag === 'false') out.presenter = false;
  return out;
}

/** Write the preferences back whenever they change. Returns the unsubscribe function. */
export function rememberPreferences(store: SimStore, storage: PreferenceStorage | null) {
  const pick = (): Preferences => {
    const s = store.getState();
    return {
      presenter: s.presenter,
      hiddenTraffic: s.hiddenTraffic,
      sidePanelWidth: s.sidePanelWidth,
    };
  };
  let last = JSON.stringify(pick());
  return store.subscribe(() => {
    const next = JSON.stringify(pick());
    if (next === last) return;
    last = next;
    try {
      storage?.setItem(KEY, next);
    } catch {
      // Not remembered; the page still works.
    }
  });
}

/** The browser's localStorage, or null where it is blocked. */
export function browserStorage(): PreferenceStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
