// How long one trip across the network takes. A real network never answers in no time, and the
// engine relies on that: a request answered at once (a fetch with no wait), a reconnect with no
// backoff or a request that times out at once would otherwise loop at one simulated instant
// forever. So a hop takes at least MIN_HOP_MS even when network.latencyMs is 0 (docs/engine.md,
// "Time and the network").

/** The shortest network hop, in ms: one step of the simulated clock. */
export const MIN_HOP_MS = 1;

/** The time one hop takes, given the link's latency (plus jitter) for it. */
export function hopMs(latencyMs: number): number {
  return Math.max(MIN_HOP_MS, latencyMs);
}
