// Frames -> the timeline slice. Every frame says where the play head stands in the recording;
// when its markers changed (markersRevision), the feed asks the worker for the timeline again
// (one request at a time). A fork's Undo notice goes away when the worker can no longer undo it.
import type { FrameListener, SimClient } from './client';
import type { SimStore } from './store';

export function followTimeline(client: SimClient, store: SimStore): FrameListener {
  let revision = -1;
  let asking = false;
  let askAgain = false;

  const refresh = async (): Promise<void> => {
    if (asking) {
      askAgain = true;
      return;
    }
    asking = true;
    try {
      const data = await client.timeline();
      store.setState({ markers: data.markers });
    } finally {
      asking = false;
      if (askAgain) {
        askAgain = false;
        void refresh();
      }
    }
  };

  return (frame) => {
    if (frame.cause === 'load') revision = -1;
    const session = frame.session;
    if (!session) return;
    if (session.markersRevision !== revision) {
      revision = session.markersRevision;
      void refresh();
    }
    const state = store.getState();
    if (state.canUndoFork !== session.canUndoFork) {
      const forkGone = !session.canUndoFork && state.timelineNotice?.kind === 'fork';
      store.setState({
        canUndoFork: session.canUndoFork,
        ...(forkGone ? { timelineNotice: null } : {}),
      });
    }
  };
}
