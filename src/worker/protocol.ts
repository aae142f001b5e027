// Messages between the main thread and the engine worker. Versioned so that a stale tab and a
// new worker (or the other way round) fail loudly instead of misreading each other.
export const PROTOCOL_VERSION = 1;

export type ToWorker = { type: 'hello'; protocol: number } | { type: 'advance'; to: number };

export type FromWorker =
  | { type: 'ready'; protocol: number; engineVersion: string; now: number }
  | { type: 'frame'; now: number }
  | { type: 'error'; message: string };
