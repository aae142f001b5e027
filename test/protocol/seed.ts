// fast-check runs with a seed printed up front, so any failure replays with FC_SEED=<seed>.
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2147483647;
let printed = false;

export function fcParams<T>(numRuns = 200): fc.Parameters<T> {
  if (!printed) {
    console.info(`fast-check seed ${seed} (replay: FC_SEED=${seed} npx vitest run test/protocol)`);
    printed = true;
  }
  return { seed, numRuns };
}
