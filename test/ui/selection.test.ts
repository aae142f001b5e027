// Choosing something to inspect: the title buttons toggle, and the side panel (hidden on narrow
// screens) opens to show the details.
import { beforeEach, describe, expect, it } from 'vitest';
import { simStore } from '../../src/app/store';
import { select } from '../../src/ui/scene/selection';

describe('select', () => {
  beforeEach(() => simStore.setState({ selection: null, sidePanelOpen: false }));

  it('opens the side panel to show what was chosen', () => {
    select({ kind: 'broker', id: 1 });
    expect(simStore.getState()).toMatchObject({
      selection: { kind: 'broker', id: 1 },
      sidePanelOpen: true,
    });
  });

  it('closes the selection when the same thing is chosen again, leaving the panel alone', () => {
    select({ kind: 'group', id: 'billing' });
    select({ kind: 'group', id: 'billing' });
    expect(simStore.getState()).toMatchObject({ selection: null, sidePanelOpen: true });
  });
});
