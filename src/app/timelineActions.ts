// The timeline's actions for the registry (actions.ts): Step back, Previous event, Next event and
// Share, with their keys; and Reset made undoable (it keeps the session it leaves, so the notice
// can bring it back: nothing the learner built is lost without a way back).
import type { Action, ActionContext } from './actions';
import type { SimClient } from './client';
import type { SimState, SimStore } from './store';

const running = (s: SimState) => s.status === 'ready';

export const TIMELINE_ACTIONS = {
  stepBack: {
    id: 'stepBack',
    labelKey: 'timeline.stepBack',
    shortcut: { keys: [','], label: ',' },
    perform: (ctx) => void ctx.client.stepBack(),
    enabled: running,
  },
  previousEvent: {
    id: 'previousEvent',
    labelKey: 'timeline.previousEvent',
    shortcut: { keys: ['<'], label: '<' },
    perform: (ctx) => seekMarker(ctx, 'previous'),
    enabled: running,
  },
  nextEvent: {
    id: 'nextEvent',
    labelKey: 'timeline.nextEvent',
    shortcut: { keys: ['>'], label: '>' },
    perform: (ctx) => seekMarker(ctx, 'next'),
    enabled: running,
  },
  share: {
    id: 'share',
    labelKey: 'share.share',
    perform: (ctx) => ctx.store.setState({ dialog: { kind: 'share' } }),
    enabled: running,
  },
} satisfies Record<string, Action>;

/** Walking the notable events is for looking closely, as Step is: it pauses. */
function seekMarker(ctx: ActionContext, direction: 'next' | 'previous'): void {
  ctx.client.setPlaying(false);
  void ctx.client.seek({ kind: 'marker', direction });
}

/**
 * Start the scenario again, keeping the session it leaves (commands and play head) so that the
 * notice's Undo can load it back.
 */
export async function resetUndoably(ctx: ActionContext): Promise<void> {
  const { store, client } = ctx;
  const left = store.getState().status === 'ready' ? await client.exportSession() : null;
  const result = await client.reset();
  if (!result.ok || !left) return;
  store.setState({
    timelineNotice: {
      id: Date.now(),
      kind: 'reset',
      saved: left.scenario,
      at: left.scenario.playhead?.at ?? 0,
    },
  });
}

/** The notice's Undo: bring back the future a fork dropped, or the session Reset left. */
export async function undoNotice(
  client: Pick<SimClient, 'undoFork' | 'load'>,
  store: SimStore,
): Promise<void> {
  const notice = store.getState().timelineNotice;
  if (!notice) return;
  store.setState({ timelineNotice: null });
  if (notice.kind === 'fork') await client.undoFork();
  else await client.load({ kind: 'scenario', scenario: notice.saved }, { remember: false });
}
