// A recorded session in the scenario format (design.md 3.7). An exported session (a file or a
// share link) is a scenario whose `actions` hold, after the scenario's own timed actions, the
// user's commands with their place in the event order (`afterSeq`), plus the `playhead` where it
// opens. Old files and links have neither field and load as before.
import type { Command, EngineError, Scenario } from '../engine';

/** A user command as the worker's session records it. */
export interface RecordedCommand {
  /** Sim ms when it was given. */
  at: number;
  /** How many engine events had run when it was given (Engine.eventsRun). */
  afterSeq: number;
  command: Command;
}

export type Playhead = NonNullable<Scenario['playhead']>;

export interface SessionParts {
  /** The scenario as authored: its own actions only, no play head. */
  scenario: Scenario;
  /** The recorded commands, in the order they were given. */
  log: RecordedCommand[];
  /** For each entry of `log`, its index in the file's `actions` (to name it in an error). */
  actionIndex: number[];
  playhead: Playhead | null;
}

/** Separate a scenario into what the engine builds and what the session replays. */
export function splitSession(scenario: Scenario): SessionParts {
  const own: NonNullable<Scenario['actions']> = [];
  const log: RecordedCommand[] = [];
  const actionIndex: number[] = [];
  (scenario.actions ?? []).forEach((action, i) => {
    const { at, afterSeq, ...command } = action;
    if (afterSeq === undefined) {
      own.push(action);
    } else {
      log.push({ at, afterSeq, command: command as Command });
      actionIndex.push(i);
    }
  });
  const base: Scenario = { ...scenario };
  delete base.playhead;
  if (scenario.actions) base.actions = own;
  return { scenario: base, log, actionIndex, playhead: scenario.playhead ?? null };
}

/** The scenario that `splitSession` turns back into `base`, `log` and `playhead`. */
export function sessionScenario(
  base: Scenario,
  log: readonly RecordedCommand[],
  playhead: Playhead | null,
): Scenario {
  const recorded = log.map(({ at, afterSeq, command }) => ({ at, afterSeq, ...command }));
  const scenario: Scenario = { ...base };
  delete scenario.playhead;
  const actions = [...(base.actions ?? []), ...recorded];
  if (actions.length > 0) scenario.actions = actions;
  if (playhead) scenario.playhead = playhead;
  return scenario;
}

/** The scenario a recorded session was recorded on: its own actions, no commands, no play head. */
export function withoutRecording(scenario: Scenario): Scenario {
  return splitSession(scenario).scenario;
}

/** Recorded commands must keep the order they were given in: time and position never go back. */
export function checkRecordedOrder(scenario: Scenario): EngineError[] {
  const errors: EngineError[] = [];
  let previous: { index: number; at: number; afterSeq: number } | null = null;
  (scenario.actions ?? []).forEach((action, index) => {
    if (action.afterSeq === undefined) return;
    const current = { index, at: action.at, afterSeq: action.afterSeq };
    if (previous && (current.afterSeq < previous.afterSeq || current.at < previous.at)) {
      errors.push({
        code: 'RECORDING_OUT_OF_ORDER',
        message:
          `actions[${index}] (after ${current.afterSeq} events at ${current.at} ms) comes after ` +
          `actions[${previous.index}] (after ${previous.afterSeq} events at ${previous.at} ms): ` +
          'recorded commands must stay in the order they were given',
        field: `actions[${index}].afterSeq`,
        params: { index, previous: previous.index },
      });
    }
    previous = current;
  });
  return errors;
}
