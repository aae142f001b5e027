// Keeps the user's work (issue 15): the session (scenario, command log, play head, as the
// timeline exports it) is copied to localStorage every few seconds once the user has given a
// command, so a reload or a crash loses nothing. The last copy is also "the last good moment" a
// stuck worker is restarted from. On the next load the page offers to restore it.
import type { Scenario } from '../engine';
import type { SimClient } from './client';
import type { SimStore } from './store';

export const SESSION_KEY = 'kafka-sim.session';
/** The most characters kept (the scenario parser's own size limit, src/scenario/limits.ts). */
export const MAX_KEPT_CHARS = 1_000_000;
/** Wall ms between copies while the play head moves. */
export const KEEP_EVERY_MS = 2000;

interface Kept {
  title: string | null;
  commands: number;
  at: number;
  scenario: Scenario;
}

/** Commands the user gave in a recorded session (actions stamped with afterSeq). */
const userCommands = (scenario: Scenario) =>
  (scenario.actions ?? []).filter((a) => a.afterSeq !== undefined).length;

export class SessionKeeper {
  /** The newest copy: the last good moment, for a restart. */
  lastGood: Scenario | null = null;
  /** A command was given after the last copy was written. */
  private unsaved = false;
  private busy = false;
  private lastCopy = -Infinity;
  /** The session on show has commands of the user's (no export is asked for otherwise). */
  private hasWork = false;

  constructor(
    private readonly client: SimClient,
    private readonly store: SimStore,
    private readonly storage: Storage | null,
    private readonly now: () => number,
  ) {
    client.onDispatch((_command, result) => {
      if (result.ok) {
        this.hasWork = true;
        this.unsaved = true;
        void this.copy();
      }
    });
    client.onFrame((frame) => {
      // A new scenario starts without the user's work; a restored session brings its own.
      if (frame.cause === 'load') this.hasWork = false;
      if (frame.session && frame.session.applied > 0) this.hasWork = true;
    });
    client.onTick(({ running }) => {
      if (running && this.hasWork && this.now() - this.lastCopy > KEEP_EVERY_MS) void this.copy();
    });
  }

  /** Work that a reload would lose: a command not yet copied (the browser may then warn). */
  hasUnsavedWork(): boolean {
    return this.unsaved;
  }

  /** The session kept from an earlier visit, offered in the store; null if none. */
  offerRestore(): void {
    const kept = this.read();
    if (!kept) return;
    this.store.setState({
      restoreOffer: {
        title: kept.title,
        commands: kept.commands,
        seconds: Math.round(kept.at / 1000),
        scenario: kept.scenario,
      },
    });
  }

  forget(): void {
    this.storage?.removeItem(SESSION_KEY);
  }

  private read(): Kept | null {
    try {
      const text = this.storage?.getItem(SESSION_KEY);
      if (!text) return null;
      const kept = JSON.parse(text) as Kept;
      return kept && typeof kept === 'object' && kept.scenario ? kept : null;
    } catch {
      return null;
    }
  }

  private async copy(): Promise<void> {
    const state = this.store.getState();
    if (this.busy || state.status !== 'ready' || state.workerTrouble || state.error) return;
    this.busy = true;
    this.lastCopy = this.now();
    try {
      const { scenario } = await this.client.exportSession();
      const commands = userCommands(scenario);
      // Only the user's own work is kept: a session nobody changed is just its scenario.
      if (commands === 0) return;
      this.lastGood = scenario;
      const kept: Kept = {
        title: this.store.getState().scenarioTitle,
        commands,
        at: scenario.playhead?.at ?? 0,
        scenario,
      };
      const text = JSON.stringify(kept);
      if (text.length > MAX_KEPT_CHARS) {
        this.store.setState({
          sessionTooBig: {
            size: Math.ceil(text.length / 1000),
            limit: MAX_KEPT_CHARS / 1000,
          },
        });
        return;
      }
      this.storage?.setItem(SESSION_KEY, text);
      this.unsaved = false;
      if (this.store.getState().sessionTooBig) this.store.setState({ sessionTooBig: null });
    } catch {
      // Storage full or refused (private mode): the work stays unsaved, the page warns on leave.
    } finally {
      this.busy = false;
    }
  }
}
