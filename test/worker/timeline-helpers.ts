// Shared by the timeline tests: random user sessions (the page's advance, step and commands) and
// a reference that runs them on a plain engine, never saved or restored, to compare a seek with.
import fc from 'fast-check';
import {
  createEngine,
  type Command,
  type Engine,
  type Scenario,
  type SimEvent,
} from '../../src/engine';
import type { Session, SessionOptions } from '../../src/worker/session';

/** Checkpoints every 40 events, thinned to a few: every way a seek can start is exercised. */
export const BUSY_CHECKPOINTS: SessionOptions = {
  checkpoints: {
    minGapEvents: 40,
    bytesPerGapEvent: Infinity,
    budgetBytes: 900_000,
    keepRecent: 2,
  },
};

/** What the page does: advance the clock (dt 0 ends the current millisecond), step, command. */
export type Op =
  { kind: 'advance'; dt: number } | { kind: 'step' } | { kind: 'command'; pick: number };

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      dt: fc.integer({ min: 0, max: 6000 }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('step' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('command' as const), pick: fc.nat() }) },
);

/** Commands that make sense in `scenario` (some will be refused at times, as in real use). */
export function commandsFor(scenario: Scenario): Command[] {
  const commands: Command[] = [];
  for (let id = 1; id <= scenario.cluster.brokers; id++) {
    commands.push(
      { type: 'killBroker', brokerId: id },
      { type: 'restartBroker', brokerId: id },
      { type: 'isolateBroker', brokerId: id },
      { type: 'healBroker', brokerId: id },
    );
  }
  for (const p of scenario.producers ?? []) {
    commands.push({ type: 'produce', producerId: p.id, key: 'k', value: 'v' });
  }
  for (const g of scenario.groups ?? []) {
    commands.push({ type: 'addConsumer', groupId: g.id });
    commands.push({ type: 'killConsumer', consumerId: `${g.id}-1` });
  }
  commands.push({ type: 'electPreferredLeaders' }, { type: 'addBroker' });
  return commands;
}

/** The page's advance as the session reads it: every event up to the end of that millisecond. */
export function advanceEndOfMs(engine: Engine, ms: number): void {
  engine.advanceTo(ms);
  for (let t = engine.nextEventTime(); t !== null && t <= ms; t = engine.nextEventTime()) {
    engine.step();
  }
}

/** Advance targets are relative to the clock when the op runs; this fixes them for both sides. */
export interface Applied {
  op: Op;
  /** advance: the target ms; command: the command. */
  to?: number;
  command?: Command;
  /** Where the op left the play head. */
  after: { position: number; at: number };
  /** A command given while more events of that millisecond were still to run. */
  midMillisecond?: boolean;
}

/** Run `ops` on a live session (at its recording edge), returning what each op did exactly. */
export function playSession(session: Session, scenario: Scenario, ops: Op[]): Applied[] {
  const commands = commandsFor(scenario);
  const here = () => ({ position: session.current.eventsRun, at: session.current.now });
  return ops.map((op): Applied => {
    switch (op.kind) {
      case 'advance': {
        const to = session.current.now + op.dt;
        session.advanceTo(to);
        return { op, to, after: here() };
      }
      case 'step':
        session.step();
        return { op, after: here() };
      case 'command': {
        const command = commands[op.pick % commands.length];
        const midMillisecond = session.current.nextEventTime() === session.current.now;
        const result = session.dispatch(command);
        return { op, command, after: here(), midMillisecond: result.ok && midMillisecond };
      }
    }
  });
}

function applyTo(engine: Engine, a: Applied): void {
  if (a.op.kind === 'advance') advanceEndOfMs(engine, a.to!);
  else if (a.op.kind === 'step') engine.step();
  else engine.dispatch(a.command!);
}

export interface Expected {
  view: unknown;
  next: SimEvent[];
}

/** A fresh engine, never restored: the run up to just after `applied[cut]`, then what follows. */
export function referenceAfterOp(
  scenario: Scenario,
  applied: Applied[],
  cut: number,
  n: number,
): Expected {
  const engine = createEngine(scenario);
  engine.drainEvents();
  applied.slice(0, cut + 1).forEach((a) => applyTo(engine, a));
  const view = engine.view();
  engine.drainEvents();
  return { view, next: continueRun(engine, applied.slice(cut + 1), n) };
}

/** A fresh engine, never restored: the run at the end of sim millisecond `ms`, then what follows. */
export function referenceAtTime(
  scenario: Scenario,
  applied: Applied[],
  ms: number,
  n: number,
): Expected {
  const engine = createEngine(scenario);
  engine.drainEvents();
  let i = 0;
  for (; i < applied.length; i++) {
    const a = applied[i];
    if (a.op.kind === 'advance' && a.to! > ms) break;
    if (a.op.kind === 'step') {
      const t = engine.nextEventTime();
      if (t === null || t > ms) break;
    }
    applyTo(engine, a);
  }
  advanceEndOfMs(engine, ms);
  const view = engine.view();
  engine.drainEvents();
  return { view, next: continueRun(engine, applied.slice(i), n) };
}

/** The first `n` events of the rest of the run (the remaining ops, then single steps). */
function continueRun(engine: Engine, rest: Applied[], n: number): SimEvent[] {
  const events: SimEvent[] = [];
  for (const a of rest) {
    if (events.length >= n) break;
    applyTo(engine, a);
    events.push(...engine.drainEvents());
  }
  while (events.length < n && engine.step()) events.push(...engine.drainEvents());
  return events.slice(0, n);
}

/** What the session shows at its play head, and the first `n` events of playing on by steps. */
export function observe(session: Session, n: number): Expected {
  const view = session.current.view();
  session.drainEvents();
  const next: SimEvent[] = [];
  while (next.length < n && session.step()) next.push(...session.drainEvents());
  return { view, next: next.slice(0, n) };
}
