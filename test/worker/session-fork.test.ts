// A command given while the play head is in the past forks the session (design.md 3.7): the
// recorded future after that point is dropped, the new branch runs as if the command had been
// given there in the first place, and one undo brings the dropped future back, exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine';
import { BUILTIN_SCENARIOS, DEFAULT_SCENARIO } from '../../src/scenario';
import { Session } from '../../src/worker/session';
import {
  BUSY_CHECKPOINTS,
  commandsFor,
  opArb,
  playSession,
  referenceAfterOp,
  referenceAtTime,
  type Applied,
} from './timeline-helpers';

const SEED = Number(process.env.TIMELINE_SEED ?? 20_260_611);

describe('session: fork and undo', () => {
  it('a command in the past drops the recorded future; undo brings it back', () => {
    const session = new Session(DEFAULT_SCENARIO);
    session.advanceTo(20_000);
    expect(session.dispatch({ type: 'killBroker', brokerId: 1 })).toEqual({ ok: true });
    session.advanceTo(40_000);
    const original = session.current.view();
    const originalMarkers = session.timeline().markers;
    expect(originalMarkers.some((m) => m.kind === 'election' && m.at > 20_000)).toBe(true);

    session.seek({ kind: 'time', at: 10_000 });
    expect(session.dispatch({ type: 'isolateBroker', brokerId: 3 })).toEqual({
      ok: true,
      forked: true,
    });
    // The future is gone: the recording ends here, without the kill and what followed it.
    const forked = session.timeline();
    expect(forked.end).toBe(10_000);
    expect(forked.canUndoFork).toBe(true);
    expect(forked.markers.every((m) => m.at <= 10_000)).toBe(true);
    expect(session.commandLog().map((c) => c.command.type)).toEqual(['isolateBroker']);

    // The new branch is the run where the isolation came at 10 s and the kill never did.
    session.advanceTo(40_000);
    const reference = createEngine(DEFAULT_SCENARIO);
    reference.advanceTo(10_000);
    reference.dispatch({ type: 'isolateBroker', brokerId: 3 });
    reference.advanceTo(40_000);
    expect(session.current.view()).toEqual(reference.view());
    expect(session.current.view().brokers.find((b) => b.id === 1)?.status).toBe('running');

    // Undo: back at the fork point, before the new command, with the old future ahead.
    expect(session.seek({ kind: 'time', at: 5000 }).ok).toBe(true);
    expect(session.timeline().canUndoFork).toBe(true);
    expect(session.undoFork()).toBe(true);
    expect(session.current.now).toBe(10_000);
    const atFork = createEngine(DEFAULT_SCENARIO);
    atFork.advanceTo(10_000);
    expect(session.current.view()).toEqual(atFork.view());
    expect(session.timeline()).toMatchObject({ end: 40_000, canUndoFork: false });
    expect(session.timeline().markers).toEqual(originalMarkers);
    expect(session.commandLog().map((c) => c.command.type)).toEqual(['killBroker']);
    session.seek({ kind: 'time', at: 40_000 });
    expect(session.current.view()).toEqual(original);
    // Only once.
    expect(session.undoFork()).toBe(false);
  });

  it('a seek past the end of the recording stops at the end', () => {
    const session = new Session(DEFAULT_SCENARIO);
    session.advanceTo(8000);
    const end = session.timeline();
    session.seek({ kind: 'time', at: 1000 });
    session.seek({ kind: 'time', at: 60_000 });
    expect(session.timeline()).toMatchObject({ now: 8000, position: end.position, end: 8000 });
    session.seek({ kind: 'moment', position: end.position + 500 });
    expect(session.timeline()).toMatchObject({ now: 8000, position: end.position });
  });

  it('a refused command in the past changes nothing and does not fork', () => {
    const session = new Session(DEFAULT_SCENARIO);
    session.advanceTo(20_000);
    session.seek({ kind: 'time', at: 5000 });
    const result = session.dispatch({ type: 'killBroker', brokerId: 9 });
    expect(result.ok).toBe(false);
    expect(session.timeline()).toMatchObject({ end: 20_000, canUndoFork: false });
  });

  it('playing on from the past replays the recorded commands where they were given', () => {
    const session = new Session(DEFAULT_SCENARIO);
    session.advanceTo(3000);
    session.step();
    session.step();
    session.dispatch({ type: 'killBroker', brokerId: 2 });
    session.advanceTo(15_000);
    const recorded = session.current.view();
    session.seek({ kind: 'time', at: 1000 });
    session.advanceTo(15_000);
    expect(session.current.view()).toEqual(recorded);
    expect(session.timeline().canUndoFork).toBe(false);
  });

  it(`random forks match a run that took the other branch from the start (seed ${SEED})`, () => {
    let forks = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: BUILTIN_SCENARIOS.length - 1 }),
        fc.array(opArb, { minLength: 4, maxLength: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.nat(),
        fc.integer({ min: 0, max: 8000 }),
        fc.integer({ min: 0, max: 1000 }),
        (which, ops, forkWhere, pick, after, lookWhere) => {
          const scenario = BUILTIN_SCENARIOS[which].scenario;
          const session = new Session(scenario, BUSY_CHECKPOINTS);
          const applied = playSession(session, scenario, ops);
          const end = session.timeline().end;
          // Fork right after an op (commands given at the same moment stay before the fork).
          let cut = Math.floor((forkWhere / 1000) * (applied.length - 1));
          while (applied[cut + 1]?.op.kind === 'command') cut++;
          const forkAt = applied[cut].after;
          session.seek({ kind: 'moment', ...forkAt });
          const before = session.timeline();
          const hadFuture = before.endPosition > forkAt.position || before.end > forkAt.at;
          const commands = commandsFor(scenario);
          const command = commands[pick % commands.length];
          const result = session.dispatch(command);
          if (!result.ok) return; // refused where it was given: nothing to fork
          expect(result.forked ?? false).toBe(hadFuture);
          const branch: Applied[] = [
            ...applied.slice(0, cut + 1),
            { op: { kind: 'command', pick }, command, after: forkAt },
          ];
          const to = session.current.now + after;
          session.advanceTo(to);
          branch.push({ op: { kind: 'advance', dt: after }, to, after: forkAt });
          expect(session.current.view()).toEqual(
            referenceAfterOp(scenario, branch, branch.length - 1, 0).view,
          );
          if (!result.forked) return;
          forks++;
          // Undo, then any moment of the old future is as it was.
          expect(session.undoFork()).toBe(true);
          expect(session.timeline().end).toBe(end);
          const ms = Math.floor((lookWhere / 1000) * end);
          session.seek({ kind: 'time', at: ms });
          expect(session.current.view()).toEqual(referenceAtTime(scenario, applied, ms, 0).view);
        },
      ),
      { seed: SEED, numRuns: 15 },
    );
    expect(forks).toBeGreaterThan(5);
  });
});
