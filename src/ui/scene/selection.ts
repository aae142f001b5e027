// Choosing what the inspector shows, from the scene, the event log or the keyboard.
import { useCallback } from 'react';
import { useSim, useSimStore } from '../../app/SimulatorProvider';
import type { SimStore } from '../../app/store';
import { sameSelection, type Selection } from '../../app/uiSlice';

export function select(store: SimStore, selection: Selection | null): void {
  const current = store.getState().selection;
  // Choosing the same thing again closes it: the title buttons act as toggles.
  const next = sameSelection(current, selection) ? null : selection;
  // The details are in the side panel: show it if it was hidden (narrow screens start so).
  store.setState(next ? { selection: next, sidePanelOpen: true } : { selection: null });
}

/** `select` in this simulator's store. */
export function useSelect(): (selection: Selection | null) => void {
  const store = useSimStore();
  return useCallback((selection) => select(store, selection), [store]);
}

export function selectionId(selection: Selection): string {
  switch (selection.kind) {
    case 'broker':
      return `broker:${selection.id}`;
    case 'topic':
      return `topic:${selection.name}`;
    case 'partition':
      return `partition:${selection.key}`;
    default:
      return `${selection.kind}:${selection.id}`;
  }
}

/** The inverse of selectionId, for the scene's data-select attributes. */
export function parseSelectionId(text: string): Selection | null {
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const kind = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  switch (kind) {
    case 'broker':
    case 'controller':
    case 'zookeeper':
      return { kind, id: Number(rest) };
    case 'topic':
      return { kind, name: rest };
    case 'partition':
      return { kind, key: rest };
    case 'producer':
    case 'group':
    case 'consumer':
      return { kind, id: rest };
    default:
      return null;
  }
}

export function useIsSelected(selection: Selection): boolean {
  return useSim((s) => sameSelection(s.selection, selection));
}
