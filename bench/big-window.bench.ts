// The big scene's measured stretch, run once, for counting instructions (docs/engine.md
// "Speed of the big scene"): wall time on a shared 2-core machine varies by a third from run to
// run, so an A/B of an engine change counts instructions instead:
//   valgrind --tool=cachegrind --cache-sim=no node --single-threaded --import tsx bench/big-window.bench.ts
// once with BENCH_WINDOW_S=20 and once with BENCH_WINDOW_S=0; the difference is the window's.
// (--single-threaded keeps the JIT and the GC on the main thread, so the count repeats to 0.1%.)
import { createEngine } from '../src/engine';
import { bigScenario } from '../src/scenario/big';

const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 20);

const engine = createEngine(bigScenario());
for (let t = 100; t <= 5000; t += 100) {
  engine.advanceTo(t);
  engine.drainEvents();
}
let events = 0;
for (let t = 5100; t <= 5000 + WINDOW_S * 1000; t += 100) {
  engine.advanceTo(t);
  events += engine.drainEvents().length;
}
console.log(`big scene: ${WINDOW_S} sim s after a 5 s warm-up, ${events} events`);
