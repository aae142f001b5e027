// The engine's public surface (design.md 3.1). Everything above the engine imports from here.
export { ENGINE_VERSION } from './version';

/** A minimal engine: a sim clock that only moves forward. The full engine replaces this. */
export interface Engine {
  readonly now: number;
  advanceTo(ms: number): void;
}

export function createEngine(): Engine {
  let now = 0;
  return {
    get now() {
      return now;
    },
    advanceTo(ms: number) {
      if (ms > now) now = Math.floor(ms);
    },
  };
}
