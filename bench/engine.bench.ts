// Engine speed in Node (design.md section 5), printed against the budgets (no pass or fail):
// - throughput: records per second produced, replicated to RF 3 and consumed by one group, on a
//   3-broker, 12-partition scenario with Kafka's defaults;
// - scale: how many times faster than real time the big scene runs (50 brokers, 500 partitions
//   RF 3, 20 groups x 20 consumers, classroom preset): 20 sim seconds after a 5 s warm-up,
//   events drained every 100 ms as the worker does.
import os from 'node:os';
import { createEngine, LIMITS, type Scenario } from '../src/engine';
import { bigScenario } from '../src/scenario/big';
import { runLongBench } from './long.bench';

const BUDGET_RECORDS_PER_SEC = 500_000;
/** The floor the groundwork issue asks for; design.md section 5 aims at 100x. */
const BUDGET_BIG_SCENE_FACTOR = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BIG_RUNS = Number(process.env.BENCH_BIG_RUNS ?? 5);
const SIM_SECONDS = Number(process.env.BENCH_SIM_SECONDS ?? 10);
// 10,000 records/s by default (10 producers at the limit): 200,000/s needs 200 producers, which
// takes minutes and about 2 GB of heap on the 2-core reference machine (BENCH_RATE=200000).
const RATE = Number(process.env.BENCH_RATE ?? 10_000);
const PRODUCERS = Math.ceil(RATE / LIMITS.ratePerSec);

export function benchScenario(seed: number): Scenario {
  return {
    version: 1,
    seed,
    preset: 'kafka-defaults',
    cluster: { brokers: 3, config: { 'min.insync.replicas': 2 } },
    topics: [{ name: 'bench', partitions: 12, replicationFactor: 3 }],
    // The offered rate is split over as many producers as the per-producer limit requires
    // (LIMITS.ratePerSec; one producer at 200,000/s is refused since the limits came in).
    producers: Array.from({ length: PRODUCERS }, (_, i) => ({
      id: `load-${i + 1}`,
      topic: 'bench',
      ratePerSec: RATE / PRODUCERS,
      keys: Array.from({ length: 64 }, (_, k) => `key-${k}`),
      config: { acks: 'all', 'linger.ms': 5 },
    })),
    groups: [
      {
        id: 'readers',
        topics: ['bench'],
        consumers: 3,
        config: { 'auto.offset.reset': 'earliest' },
      },
    ],
  };
}

interface RunResult {
  seconds: number;
  produced: number;
  consumed: number;
  events: number;
  peakHeapMb: number;
}

function run(seed: number): RunResult {
  const engine = createEngine(benchScenario(seed));
  let consumed = 0;
  let produced = 0;
  let events = 0;
  let peakHeap = 0;
  const start = process.hrtime.bigint();
  for (let t = 100; t <= SIM_SECONDS * 1000; t += 100) {
    engine.advanceTo(t);
    for (const e of engine.drainEvents()) {
      events++;
      if (e.type === 'record.consumed') consumed++;
      else if (e.type === 'record.acked') produced++;
    }
    if (t % 1000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, produced, consumed, events, peakHeapMb: peakHeap / 1024 / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface BigRunResult {
  /** Sim seconds per wall second, and per second of this process's CPU time. */
  factor: number;
  cpuFactor: number;
  events: number;
}

function runBigScene(): BigRunResult {
  const engine = createEngine(bigScenario());
  for (let t = 100; t <= 5000; t += 100) {
    engine.advanceTo(t);
    engine.drainEvents();
  }
  let events = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let t = 5100; t <= 25_000; t += 100) {
    engine.advanceTo(t);
    events += engine.drainEvents().length;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return { factor: 20 / seconds, cpuFactor: 20 / cpuSeconds, events };
}

console.log(
  `Engine benchmark: 3 brokers, 12 partitions, RF 3, acks=all, one group; ${SIM_SECONDS} sim s at ${RATE} records/s offered by ${PRODUCERS} producers`,
);
console.log(
  `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`,
);
run(0); // warm-up (JIT)
const results: RunResult[] = [];
for (let i = 1; i <= RUNS; i++) {
  const r = run(i);
  results.push(r);
  console.log(
    `  run ${i}: ${r.seconds.toFixed(2)} s wall, ${r.produced} acked, ${r.consumed} consumed, ${r.events} events, peak heap ${r.peakHeapMb.toFixed(0)} MB`,
  );
}
const recordsPerSec = median(results.map((r) => r.consumed / r.seconds));
const eventsPerSec = median(results.map((r) => r.events / r.seconds));
const peak = Math.max(...results.map((r) => r.peakHeapMb));
console.log(`\nMedian of ${RUNS} runs:`);
console.log(
  `  records/s (produced, replicated x3, consumed): ${Math.round(recordsPerSec).toLocaleString('en')}  (budget >= ${BUDGET_RECORDS_PER_SEC.toLocaleString('en')}: ${recordsPerSec >= BUDGET_RECORDS_PER_SEC ? 'within' : 'OVER'})`,
);
console.log(`  events/s: ${Math.round(eventsPerSec).toLocaleString('en')}`);
console.log(`  peak heap: ${peak.toFixed(0)} MB`);

console.log(
  `\nBig scene: 50 brokers, 500 partitions RF 3, 20 groups x 20 consumers, classroom preset; 20 sim s after a 5 s warm-up`,
);
runBigScene(); // warm-up (JIT)
const big: BigRunResult[] = [];
for (let i = 1; i <= BIG_RUNS; i++) {
  const r = runBigScene();
  big.push(r);
  console.log(
    `  run ${i}: ${r.factor.toFixed(1)}x real time (${r.cpuFactor.toFixed(1)}x per CPU second), ${r.events} events`,
  );
}
const bigFactor = median(big.map((r) => r.factor));
console.log(`\nMedian of ${BIG_RUNS} runs:`);
console.log(
  `  big scene: ${bigFactor.toFixed(1)}x real time (${median(big.map((r) => r.cpuFactor)).toFixed(1)}x per CPU second)  (budget >= ${BUDGET_BIG_SCENE_FACTOR}x: ${bigFactor >= BUDGET_BIG_SCENE_FACTOR ? 'within' : 'OVER'})`,
);
console.log(
  `  records/s: ${Math.round(recordsPerSec).toLocaleString('en')} (see above); machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores`,
);

// The long-session benchmark (7 simulated days; issue 16) takes far longer than the rest.
if (process.env.BENCH_LONG === '1') {
  console.log('');
  runLongBench();
} else {
  console.log(
    '\nLong sessions (7 simulated days, 1,000 records/s for an hour): BENCH_LONG=1 npm run bench, or npm run bench:long',
  );
}
