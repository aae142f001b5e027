// npm run fuzz -- --seeds N [--from S] [--jobs J] [--size fuzz|ci] [--fast] [--verbose]
//                 [--ignore invariant,...] [--batch B]
//
// Runs N simulated worlds (seeds S .. S+N-1), prints every failing seed with the invariant it
// broke, one summary line per batch and a total; exits non-zero if any seed failed. A failing
// seed replays exactly: `npm run fuzz -- --seeds 1 --from <seed> --verbose`.
import { fork } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CI_SIZE, FUZZ_SIZE, generatePlan } from './plan';
import { describeFailure, runPlan, type RunResult } from './runner';

interface Options {
  seeds: number;
  from: number;
  jobs: number;
  size: 'fuzz' | 'ci';
  fast: boolean;
  verbose: boolean;
  ignore: string[];
  batch: number;
}

interface Outcome {
  seed: number;
  ok: boolean;
  ms: number;
  line: string;
  invariant: string | null;
  details: string;
}

const USAGE =
  'usage: npm run fuzz -- --seeds N [--from S] [--jobs J] [--size fuzz|ci] [--fast] [--verbose] [--ignore a,b] [--batch B]';

function parse(argv: string[]): Options & { worker: number[] | null } {
  const o: Options & { worker: number[] | null } = {
    seeds: 100,
    from: 1,
    jobs: Math.max(1, Math.min(cpus().length, 4)),
    size: 'fuzz',
    fast: false,
    verbose: false,
    ignore: [],
    batch: 25,
    worker: null,
  };
  const int = (name: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`${name} needs a whole number >= ${min}, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--seeds':
        o.seeds = int(a, argv[++i], 1);
        break;
      case '--from':
        o.from = int(a, argv[++i], 0);
        break;
      case '--jobs':
        o.jobs = int(a, argv[++i], 1);
        break;
      case '--batch':
        o.batch = int(a, argv[++i], 1);
        break;
      case '--size': {
        const v = argv[++i];
        if (v !== 'fuzz' && v !== 'ci') throw new Error(`--size is fuzz or ci, got ${v}`);
        o.size = v;
        break;
      }
      case '--fast':
        o.fast = true;
        break;
      case '--verbose':
        o.verbose = true;
        break;
      case '--ignore':
        o.ignore = (argv[++i] ?? '').split(',').filter(Boolean);
        break;
      case '--worker':
        o.worker = (argv[++i] ?? '').split(',').filter(Boolean).map(Number);
        break;
      case '--':
        break;
      default:
        throw new Error(`unknown argument ${a}\n${USAGE}`);
    }
  }
  return o;
}

function runSeed(seed: number, o: Options): Outcome {
  const started = performance.now();
  const result: RunResult = runPlan(generatePlan(seed, o.size === 'ci' ? CI_SIZE : FUZZ_SIZE), {
    checkEveryStep: !o.fast,
    ignore: o.ignore,
  });
  const ms = performance.now() - started;
  const f = result.failure;
  return {
    seed,
    ok: result.ok,
    ms,
    invariant: f?.invariant ?? null,
    line: f
      ? `FAIL seed ${seed}: ${f.invariant} at t=${f.t} ms: ${f.message.split('\n')[0].replace(`${f.invariant}: `, '')}`
      : `ok   seed ${seed}: ${result.steps} steps, ${result.stats.acked} acked, ${result.stats.consumed} consumed, ${(ms / 1000).toFixed(2)} s`,
    details: f ? describeFailure(result) : '',
  };
}

/** Run the seeds in `jobs` child processes (or here, for one job); outcomes arrive in any order. */
function runAll(o: Options, seeds: number[], onOutcome: (x: Outcome) => void): Promise<void> {
  if (o.jobs === 1 || seeds.length === 1) {
    for (const seed of seeds) onOutcome(runSeed(seed, o));
    return Promise.resolve();
  }
  const self = fileURLToPath(import.meta.url);
  const jobs = Math.min(o.jobs, seeds.length);
  const passOn = [
    '--size',
    o.size,
    ...(o.fast ? ['--fast'] : []),
    ...(o.ignore.length ? ['--ignore', o.ignore.join(',')] : []),
  ];
  const children = Array.from({ length: jobs }, (_, k) => {
    const mine = seeds.filter((_, i) => i % jobs === k);
    return new Promise<void>((resolve, reject) => {
      const child = fork(self, ['--worker', mine.join(','), ...passOn], { stdio: 'inherit' });
      child.on('message', (m) => onOutcome(m as Outcome));
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`fuzz worker ${k} exited with code ${code}`)),
      );
    });
  });
  return Promise.all(children).then(() => undefined);
}

async function main(): Promise<number> {
  const o = parse(process.argv.slice(2));
  if (o.worker) {
    for (const seed of o.worker) process.send!(runSeed(seed, o));
    return 0;
  }
  const seeds = Array.from({ length: o.seeds }, (_, i) => o.from + i);
  const started = performance.now();
  const done = new Map<number, Outcome>();
  let nextBatch = 0;
  let batchStarted = started;
  const flush = () => {
    // Print whole batches, in seed order, as soon as they are complete.
    while (nextBatch * o.batch < seeds.length) {
      const batch = seeds.slice(nextBatch * o.batch, (nextBatch + 1) * o.batch);
      if (!batch.every((s) => done.has(s))) return;
      const outcomes = batch.map((s) => done.get(s)!);
      const failed = outcomes.filter((x) => !x.ok);
      for (const x of failed) console.log(o.verbose ? x.details : x.line);
      if (o.verbose) for (const x of outcomes.filter((y) => y.ok)) console.log(x.line);
      const now = performance.now();
      console.log(
        `seeds ${batch[0]}-${batch[batch.length - 1]}: ${outcomes.length - failed.length} ok, ${failed.length} failed${failed.length ? ` (${failed.map((x) => x.seed).join(' ')})` : ''} in ${((now - batchStarted) / 1000).toFixed(1)} s`,
      );
      batchStarted = now;
      nextBatch++;
    }
  };
  await runAll(o, seeds, (x) => {
    done.set(x.seed, x);
    flush();
  });
  const failed = seeds.map((s) => done.get(s)!).filter((x) => !x.ok);
  const byInvariant = new Map<string, number>();
  for (const x of failed) byInvariant.set(x.invariant!, (byInvariant.get(x.invariant!) ?? 0) + 1);
  console.log(
    `fuzz: ${seeds.length} seeds (${seeds[0]}-${seeds[seeds.length - 1]}, size ${o.size}${o.fast ? ', fast' : ''}), ${seeds.length - failed.length} ok, ${failed.length} failed in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      (failed.length
        ? `\nfailing seeds: ${failed.map((x) => x.seed).join(' ')}\nby invariant: ${[...byInvariant].map(([k, n]) => `${k} ${n}`).join(', ')}`
        : ''),
  );
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
  },
);
