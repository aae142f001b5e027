// The timeline slice: what the timeline bar draws besides the moving play head (that one is
// written from the frame buffer every animation frame): the markers of what happened, whether a
// fork can be undone, and the notice that offers an Undo (a command given in the past dropped
// the recorded future; Reset started the scenario again).
import type { Scenario } from '../engine';
import type { TimelineMarker } from '../worker/protocol';

export type TimelineNotice =
  /** A command given in the past dropped what was recorded after sim ms `at`. */
  | { id: number; kind: 'fork'; at: number }
  /** Reset started the scenario again; `saved` is the session it left (Undo loads it). */
  | { id: number; kind: 'reset'; saved: Scenario; at: number };

export interface TimelineState {
  markers: TimelineMarker[];
  canUndoFork: boolean;
  timelineNotice: TimelineNotice | null;
}

export function initialTimelineState(): TimelineState {
  return { markers: [], canUndoFork: false, timelineNotice: null };
}

/**
 * A new scenario starts a new recording: no markers, nothing to undo. The notice stays: Reset
 * sets its own around the load (a fork's notice goes with canUndoFork, see timelineFeed.ts).
 */
export function timelineOnLoad(): Partial<TimelineState> {
  return { markers: [], canUndoFork: false };
}
