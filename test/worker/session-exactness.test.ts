// The timeline's promise (design.md 3.7): restoring any moment of a recorded session is exact.
// For many random sessions (a built-in scenario, random advances, single steps and user commands,
// some right after a step, so between two events of one millisecond), seeking to random moments
// gives the same view and the same next events as a plain engine that ran the same session
// without ever being saved or restored. Checkpoints are taken often and thinned hard here, so
// seeks start from checkpoints, from the scenario, and from the play head.
//
// The seed is printed; run another with TIMELINE_SEED=<n> npx vitest run test/worker.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from '../../src/scenario';
import { Session } from '../../src/worker/session';
import {
  BUSY_CHECKPOINTS,
  observe,
  opArb,
  playSession,
  referenceAfterOp,
  referenceAtTime,
  type Applied,
} from './timeline-helpers';

const SEED = Number(process.env.TIMELINE_SEED ?? 20_260_611);
const RUNS = Number(process.env.TIMELINE_RUNS ?? 30);
/** Events compared after each seek. */
const NEXT = 40;

const sessionArb = fc.record({
  scenario: fc.integer({ min: 0, max: BUILTIN_SCENARIOS.length - 1 }),
  ops: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: opArb.map((op) => [op]) },
      // A command right after one or more single steps: between two events of a millisecond.
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.integer({ min: 1, max: 3 }), fc.nat())
          .map(([steps, pick]) => [
            ...Array.from({ length: steps }, () => ({ kind: 'step' as const })),
            { kind: 'command' as const, pick },
          ]),
      },
    ),
    { minLength: 3, maxLength: 14 },
  ),
  // Where to seek, as a fraction of the recording (fc.double leans hard towards 0 and 1).
  samples: fc.array(
    fc.tuple(
      fc.boolean(),
      fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
    ),
    {
      minLength: 3,
      maxLength: 6,
    },
  ),
});

/** The op to cut after for a moment sample: commands given at the same moment belong to it. */
function momentCut(applied: Applied[], index: number): number {
  let cut = index;
  while (applied[cut + 1]?.op.kind === 'command') cut++;
  return cut;
}

describe('session: seeking is exact', () => {
  it(`any moment comes back as a run that never stopped (seed ${SEED}, ${RUNS} runs)`, () => {
    console.log(`session exactness: seed ${SEED}, ${RUNS} runs (TIMELINE_SEED to change)`);
    const startedFrom = { head: 0, checkpoint: 0, scenario: 0 };
    // Moments between two events of one millisecond: seeks that landed there, and commands given there.
    let seeksMidMillisecond = 0;
    let commandsMidMillisecond = 0;
    fc.assert(
      fc.property(sessionArb, ({ scenario: which, ops, samples }) => {
        const scenario = BUILTIN_SCENARIOS[which].scenario;
        const session = new Session(scenario, BUSY_CHECKPOINTS);
        const applied = playSession(session, scenario, ops.flat());
        commandsMidMillisecond += applied.filter((a) => a.midMillisecond).length;
        const end = session.timeline().end;
        for (const [byTime, where] of samples) {
          if (byTime) {
            const ms = Math.floor(where * end);
            session.seek({ kind: 'time', at: ms });
            const expected = referenceAtTime(scenario, applied, ms, NEXT);
            expect(session.current.now).toBe(ms);
            expect(observe(session, NEXT)).toEqual(expected);
          } else {
            const cut = momentCut(applied, Math.floor(where * (applied.length - 1)));
            const { position, at } = applied[cut].after;
            session.seek({ kind: 'moment', position, at });
            expect(session.current.eventsRun).toBe(position);
            expect(session.current.now).toBe(at);
            if (session.current.nextEventTime() === at) seeksMidMillisecond++;
            expect(observe(session, NEXT)).toEqual(referenceAfterOp(scenario, applied, cut, NEXT));
          }
          startedFrom[session.lastSeekFrom!]++;
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Seeks started from the play head, from checkpoints and from the scenario alike.
    console.log('seeks started from', startedFrom, {
      seeksMidMillisecond,
      commandsMidMillisecond,
    });
    expect(Math.min(...Object.values(startedFrom))).toBeGreaterThan(0);
    expect(seeksMidMillisecond).toBeGreaterThan(0);
    expect(commandsMidMillisecond).toBeGreaterThan(0);
  });

  it(`step back lands on the moment before the last step (seed ${SEED})`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: BUILTIN_SCENARIOS.length - 1 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 3, max: 6 }),
        (which, warmup, steps) => {
          const scenario = BUILTIN_SCENARIOS[which].scenario;
          const session = new Session(scenario, BUSY_CHECKPOINTS);
          const ops = [
            { kind: 'advance' as const, dt: warmup },
            ...Array.from({ length: steps }, () => ({ kind: 'step' as const })),
          ];
          const applied = playSession(session, scenario, ops);
          // Back over the last step, then over the one before: each time the moment after the
          // previous step, exactly (the run of the same ops one step shorter).
          for (let back = 1; back <= 2; back++) {
            expect(session.seek({ kind: 'stepBack' }).ok).toBe(true);
            const cut = applied.length - 1 - back;
            const { view } = referenceAfterOp(scenario, applied, cut, 0);
            expect(session.current.view()).toEqual(view);
          }
        },
      ),
      { seed: SEED, numRuns: 12 },
    );
  });
});
