// Gzip size of the initial JS (what index.html loads before first render) and of the worker
// chunk, against the 200 KB budget of design.md section 5. Reads the build in dist/.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 200;
const dist = 'dist';
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/index.html not found: run `npm run build` first (npm run size does).');
  process.exit(1);
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
// Scripts and module preloads named by index.html are the initial JS.
const initial = [
  ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g),
].map((m) => m[1].replace(/^\.?\//, ''));
const assets = readdirSync(join(dist, 'assets'));
// The engine's worker starts with the page; the code lab's worker (KafkaJS) loads on demand.
const workers = assets
  .filter((f) => /^engine\.worker/i.test(f) && f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const lazy = assets
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`)
  .filter((f) => !initial.includes(f) && !workers.includes(f));

const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const row = (label: string, files: string[]) => {
  const kb = files.reduce((sum, f) => sum + gz(f), 0);
  console.log(
    `${label.padEnd(14)} ${kb.toFixed(1).padStart(7)} KB gzip  (${files.join(', ') || 'none'})`,
  );
  return kb;
};

console.log(`Bundle sizes (budget: initial JS <= ${BUDGET_KB} KB gzip)`);
const initialKb = row('initial JS', initial);
row('worker chunk', workers);
row('lazy chunks', lazy);
if (initial.length === 0) {
  console.error('Found no script in dist/index.html: the size check cannot run.');
  process.exit(1);
}
if (initialKb > BUDGET_KB) {
  console.error(`Initial JS ${initialKb.toFixed(1)} KB is over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
console.log(`Initial JS is within budget (${((initialKb / BUDGET_KB) * 100).toFixed(0)}%).`);
