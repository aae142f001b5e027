// Long-session benchmark (issue 16; budgets in docs/engine.md "Budgets"): records a session the
// way the page drives it at 100x (the worker's own Session: checkpoints and markers included;
// one advance per 16.7 ms frame, a view every frame) and prints wall time and heap per
// simulated hour at the start and the end of the run. The cost of an hour late in the run must
// stay within 2x of an early hour: nothing on a hot path may walk the whole retained log.
//
//   npm run bench:long                       both runs below (a few minutes)
//   BENCH_LONG_DAYS=7 BENCH_LONG_RATE_HOURS=1 (defaults) change the lengths
//   BENCH_LONG_ONLY=default|rate              one of the two runs
// `BENCH_LONG=1 npm run bench` runs it after the engine benchmark (it takes far longer than the
// rest, so `npm run bench` alone only says how to run it).
import os from 'node:os';
import type { Scenario } from '../src/engine';
import { DEFAULT_SCENARIO } from '../src/scenario';
import { Session } from '../src/worker/session';

const HOUR = 3_600_000;
const FRAME_MS = 16.7 * 100;
const DAYS = Number(process.env.BENCH_LONG_DAYS || 7);
const RATE_HOURS = Number(process.env.BENCH_LONG_RATE_HOURS || 1);
const ONLY = process.env.BENCH_LONG_ONLY ?? '';
/** How many hours at each end are printed (and averaged for the ratio). */
const EDGE = 3;

/** One producer at the Edit producer dialog's maximum rate, on the default scene's cluster. */
export function rateScenario(): Scenario {
  const base = DEFAULT_SCENARIO;
  return {
    ...base,
    title: '1,000 records/s',
    producers: base.producers!.map((p) => ({ ...p, ratePerSec: 1000 })),
  };
}

/** One stretch of simulated time (an hour, or a tenth of one for the fast producer). */
interface Hour {
  hour: number;
  wallMs: number;
  heapMb: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

function heapNow(): number {
  // A settled figure where the run allows it (node --expose-gc), else what is in use now.
  (globalThis as { gc?: () => void }).gc?.();
  return mb(process.memoryUsage().heapUsed);
}

function runLong(
  name: string,
  scenario: Scenario,
  hours: number,
  sampleEvery: number,
  unit = HOUR,
): Hour[] {
  const unitName = unit === HOUR ? 'hour' : `${unit / 60_000} min`;
  const session = new Session(scenario);
  const out: Hour[] = [];
  let t = 0;
  let start = performance.now();
  console.log(
    `\n${name}: ${hours} x ${unitName} simulated, at 100x frames (${FRAME_MS} sim ms each)`,
  );
  for (let h = 1; h <= hours; h++) {
    while (t < h * unit) {
      t = Math.min(h * unit, t + FRAME_MS);
      session.advanceTo(t);
      session.drainEvents();
      session.current.view();
    }
    const wallMs = performance.now() - start;
    const heapMb = heapNow();
    out.push({ hour: h, wallMs, heapMb });
    if (h <= EDGE || h > hours - EDGE || h % sampleEvery === 0)
      console.log(
        `  ${unitName} ${String(h).padStart(3)}: ${(wallMs / 1000).toFixed(2)} s wall, heap ${heapMb.toFixed(1)} MB, checkpoints ${mb(session.checkpointBytes()).toFixed(1)} MB, accounted ${mb(session.memory().bytes).toFixed(1)} MB`,
      );
    start = performance.now();
  }
  return out;
}

function summarise(hours: Hour[], unitName = 'hour'): void {
  const edge = Math.min(EDGE, Math.floor(hours.length / 2));
  if (edge === 0) return;
  const avg = (xs: Hour[]) => xs.reduce((s, x) => s + x.wallMs, 0) / xs.length;
  // The very first hour carries the JIT's warm-up; the start is taken after it.
  const first = hours.length > edge * 2 ? hours.slice(1, edge + 1) : hours.slice(0, edge);
  const last = hours.slice(-edge);
  const ratio = avg(last) / avg(first);
  console.log(
    `  per-${unitName} wall: start ${(avg(first) / 1000).toFixed(2)} s, end ${(avg(last) / 1000).toFixed(2)} s, end/start ${ratio.toFixed(2)}x (budget <= 2x: ${ratio <= 2 ? 'within' : 'OVER'})`,
  );
  console.log(
    `  heap: start ${first[0].heapMb.toFixed(1)} MB, end ${last[last.length - 1].heapMb.toFixed(1)} MB`,
  );
}

export function runLongBench(): void {
  console.log(
    `Long-session benchmark; machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}, load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  if (ONLY !== 'rate') summarise(runLong('Default scene', DEFAULT_SCENARIO, DAYS * 24, 12));
  if (ONLY !== 'default')
    summarise(
      runLong(
        'Default scene, producer at 1,000 records/s',
        rateScenario(),
        RATE_HOURS * 10,
        1,
        HOUR / 10,
      ),
      '6 min',
    );
}

if (process.argv[1]?.endsWith('long.bench.ts')) runLongBench();
