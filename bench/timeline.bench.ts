// Timeline benchmark (design.md 3.7 and section 5), in Node on the worker's own code: records a
// session of the default scene the way the page drives it at 100x (one advance per 16.7 ms
// frame), then measures seeks to random moments of its first 30 minutes (budget p95 <= 150 ms),
// the checkpoint bytes of an hour (budget <= 64 MB), how fast a seek replays, and what recording
// costs over a plain engine. Prints numbers; it does not pass or fail.
//
//   npm run bench:timeline        BENCH_SEEKS=200 (seeks per pattern), BENCH_BIG=1 adds the big scene
import os from 'node:os';
import { createEngine, type Command, type Scenario } from '../src/engine';
import { bigScenario, DEFAULT_SCENARIO } from '../src/scenario';
import { Session } from '../src/worker/session';

const SEEKS = Number(process.env.BENCH_SEEKS || 200);
const FRAME_MS = 16.7 * 100; // sim ms per frame at 100x
const MINUTE = 60_000;
const SEEK_BUDGET_P95_MS = 150;
const MEMORY_BUDGET_MB = 64;

/** A few user commands, so seeks replay commands too: broker 2 dies for a while, twice. */
const COMMANDS: { at: number; command: Command }[] = [
  { at: 5 * MINUTE, command: { type: 'killBroker', brokerId: 2 } },
  { at: 7 * MINUTE, command: { type: 'restartBroker', brokerId: 2 } },
  { at: 20 * MINUTE, command: { type: 'isolateBroker', brokerId: 3 } },
  { at: 21 * MINUTE, command: { type: 'healBroker', brokerId: 3 } },
];

/** A small seeded generator (mulberry32), so every run seeks to the same moments. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** What the page drives: a Session, or a plain Engine to compare with. */
interface Driven {
  advanceTo(ms: number): void;
  dispatch(command: Command): unknown;
  drainEvents(): unknown;
}

/** Play from `from` to `until` ms the way the page does, giving the commands at their times. */
function play(driven: Driven, from: number, until: number): number {
  const start = performance.now();
  for (let t = from + FRAME_MS; t <= until; t += FRAME_MS) {
    for (const c of COMMANDS) {
      if (c.at > t - FRAME_MS && c.at <= t) {
        driven.advanceTo(c.at);
        driven.dispatch(c.command);
      }
    }
    driven.advanceTo(t);
    driven.drainEvents();
  }
  driven.advanceTo(until);
  driven.drainEvents();
  return performance.now() - start;
}

/** The same frames on a plain engine: what recording adds is the difference. */
function playPlain(scenario: Scenario, until: number): number {
  return play(createEngine(scenario), 0, until);
}

interface SeekStats {
  times: number[];
  replayed: number;
  replayMs: number;
  from: Record<string, number>;
}

function seekMany(session: Session, targets: number[]): SeekStats {
  const stats: SeekStats = { times: [], replayed: 0, replayMs: 0, from: {} };
  for (const at of targets) {
    const start = performance.now();
    session.seek({ kind: 'time', at });
    const took = performance.now() - start;
    stats.times.push(took);
    const from = session.lastSeekFrom ?? 'head';
    stats.from[from] = (stats.from[from] ?? 0) + 1;
  }
  return stats;
}

function report(name: string, stats: SeekStats): void {
  const p95 = percentile(stats.times, 95);
  console.log(
    `  ${name}: p50 ${ms(percentile(stats.times, 50))}, p95 ${ms(p95)}, max ${ms(Math.max(...stats.times))}` +
      `  (budget p95 <= ${SEEK_BUDGET_P95_MS} ms: ${p95 <= SEEK_BUDGET_P95_MS ? 'within' : 'OVER'}); started from ${JSON.stringify(stats.from)}`,
  );
}

/** Replay speed: restore the checkpoint before `at` and replay to it, timing each part. */
function replaySpeed(session: Session): void {
  const list = session.checkpointList();
  const samples: { restoreMs: number; events: number; replayMs: number; simMs: number }[] = [];
  for (let i = 0; i + 1 < list.length; i += Math.max(1, Math.floor(list.length / 12))) {
    const from = list[i];
    const to = list[i + 1];
    session.seek({ kind: 'time', at: 0 }); // so that the next seek restores, not runs on
    const start = performance.now();
    session.seek({ kind: 'moment', position: from.moment.position, at: from.moment.at });
    // A seek to a checkpoint's own moment is only its restore.
    const restored = performance.now();
    session.seek({ kind: 'moment', position: to.moment.position - 1 });
    const replayed = performance.now();
    samples.push({
      restoreMs: restored - start,
      events: to.moment.position - 1 - from.moment.position,
      replayMs: replayed - restored,
      simMs: to.moment.at - from.moment.at,
    });
  }
  const events = samples.reduce((s, x) => s + x.events, 0);
  const replayMs = samples.reduce((s, x) => s + x.replayMs, 0);
  const simMs = samples.reduce((s, x) => s + x.simMs, 0);
  console.log(
    `  restore of a checkpoint: p50 ${ms(
      percentile(
        samples.map((s) => s.restoreMs),
        50,
      ),
    )}, max ${ms(Math.max(...samples.map((s) => s.restoreMs)))}`,
  );
  console.log(
    `  replay: ${Math.round(events / (replayMs / 1000)).toLocaleString('en')} events/s, ${Math.round(simMs / replayMs)}x real time` +
      ` (gaps between checkpoints replayed: p50 ${percentile(
        samples.map((s) => s.events),
        50,
      )} events)`,
  );
}

console.log(
  'Timeline benchmark: the default scene recorded at 100x (one advance per 16.7 ms frame)',
);
console.log(
  `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`,
);
console.log(
  `User commands in the session: ${COMMANDS.map((c) => `${c.command.type} at ${c.at / MINUTE} min`).join(', ')}`,
);

// Warm-up (JIT), then the session.
play(new Session(DEFAULT_SCENARIO), 0, 2 * MINUTE);
const session = new Session(DEFAULT_SCENARIO);
const recordMs = play(session, 0, 30 * MINUTE);
const plainMs = playPlain(DEFAULT_SCENARIO, 30 * MINUTE);
console.log(
  `\nRecording 30 minutes: ${ms(recordMs)} wall (plain engine, same frames: ${ms(plainMs)}; recording adds ${((recordMs / plainMs - 1) * 100).toFixed(0)}%)`,
);
console.log(
  `  checkpoints: ${session.checkpointList().length}, ${mb(session.checkpointBytes())}; markers: ${session.timeline().markers.length}`,
);

const rng = random(7);
const thirty = 30 * MINUTE;
console.log(`\nSeek, ${SEEKS} each, in a 30-minute session:`);
report(
  'random moments',
  seekMany(
    session,
    Array.from({ length: SEEKS }, () => Math.floor(rng() * thirty)),
  ),
);
// Scrubbing: dragging the play head backwards and forwards in small steps.
let scrub = Math.floor(rng() * thirty);
report(
  'scrubbing (steps of -2..+2 s)',
  seekMany(
    session,
    Array.from(
      { length: SEEKS },
      () => (scrub = Math.min(thirty, Math.max(0, scrub + Math.floor((rng() - 0.5) * 4000)))),
    ),
  ),
);
{
  session.seek({ kind: 'time', at: Math.floor(rng() * thirty) });
  const times: number[] = [];
  for (let i = 0; i < Math.min(SEEKS, 50); i++) {
    const start = performance.now();
    session.seek({ kind: 'stepBack' });
    times.push(performance.now() - start);
  }
  console.log(
    `  step back (50 in a row): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`,
  );
}
console.log('\nReplay speed (restore a checkpoint, replay to the next):');
replaySpeed(session);

// An hour: the rest of the recording, from the end of the first 30 minutes.
session.seek({ kind: 'time', at: thirty });
const heapBefore = process.memoryUsage().heapUsed;
play(session, thirty, 60 * MINUTE);
const bytes = session.checkpointBytes();
const list = session.checkpointList();
console.log(
  `\nAn hour: ${list.length} checkpoints, ${mb(bytes)} (budget <= ${MEMORY_BUDGET_MB} MB: ${bytes <= MEMORY_BUDGET_MB * 2 ** 20 ? 'within' : 'OVER'}); newest ${mb(list[list.length - 1].bytes)}`,
);
console.log(
  `  heap used from 30 to 60 min: ${mb(heapBefore)} -> ${mb(process.memoryUsage().heapUsed)} (checkpoints grow by design up to the budget)`,
);
const hour = seekMany(
  session,
  Array.from({ length: SEEKS }, () => Math.floor(rng() * 60 * MINUTE)),
);
console.log(
  `  random seeks in the hour: p50 ${ms(percentile(hour.times, 50))}, p95 ${ms(percentile(hour.times, 95))}`,
);

if (process.env.BENCH_BIG) {
  const SIM = 60_000;
  console.log(`\nBig scene (50 brokers, 500 partitions, 20 x 20 consumers), ${SIM / 1000} sim s:`);
  const plain = playPlain(bigScenario(), SIM);
  const big = new Session(bigScenario());
  const recorded = play(big, 0, SIM);
  console.log(
    `  recording ${ms(recorded)} wall vs plain ${ms(plain)} (+${((recorded / plain - 1) * 100).toFixed(0)}%)`,
  );
  console.log(`  checkpoints: ${big.checkpointList().length}, ${mb(big.checkpointBytes())}`);
  const bigSeeks = seekMany(big, [SIM / 4, (3 * SIM) / 4, SIM / 2].map(Math.floor));
  console.log(`  seeks: ${bigSeeks.times.map(ms).join(', ')}`);
}
