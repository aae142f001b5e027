// Frames -> the store. A load resets what each slice resets on a new scenario; structural changes
// are merged record by record. A big change (a big scene loading, 400 consumers rebalancing) is
// applied over a few animation frames, so no single frame re-renders hundreds of components.
import type { FrameListener, TickListener } from './client';
import { CHANGES_PER_FRAME, splitChanges } from './simulationSlice';
import { applyViewChanges, stateOnLoad, type SimStore } from './store';
import type { ViewChanges } from '../worker/protocol';

export class StructureFeed {
  private queued: ViewChanges[] = [];

  constructor(private readonly store: SimStore) {}

  readonly onFrame: FrameListener = (frame) => {
    if (frame.cause === 'load') {
      this.queued = [];
      this.store.setState(stateOnLoad());
    }
    if (!frame.changes) return;
    const [first, ...rest] = splitChanges(frame.changes, CHANGES_PER_FRAME);
    this.apply(first);
    this.queued.push(...rest);
  };

  /** One queued piece per animation frame. */
  readonly onTick: TickListener = () => {
    const next = this.queued.shift();
    if (next) this.apply(next);
  };

  private apply(changes: ViewChanges): void {
    this.store.setState((state) => applyViewChanges(state, changes));
  }
}
