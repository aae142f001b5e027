// Choosing something to inspect: the title buttons toggle, and the side panel (hidden on narrow
// screens) opens to show the details.
import { beforeEach, describe, expect, it } from 'vitest';
import { createSimStore, type SimStore } from '../../src/app/store';
import { select } from '../../src/ui/scene/selection';

describe('select', () => {
  let store: SimStore;
  beforeEach(() => {
    store = createSimStore();
    store.setState({ selection: null, sidePanelOpen: false });
  });

  it('opens the side panel to show what was chosen', () => {
    select(store, { kind: 'broker', id: 1 });
    expect(store.getState()).toMatchObject({
      selection: { kind: 'broker', id: 1 },
      sidePanelOpen: true,
    });
  });

  it('closes the selection when the same thing is chosen again, leaving the panel alone', () => {
    select(store, { kind: 'group', id: 'billing' });
    select(store, { kind: 'group', id: 'billing' });
    expect(store.getState()).toMatchObject({ selection: null, sidePanelOpen: true });
  });
});
