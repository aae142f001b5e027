// How long a client waits before it tries a failed step again. Kafka allows retry.backoff.ms = 0
// (atLeast(0)); a real client then retries at once, but its clock moves while it does. In the
// engine a retry at the same instant that fails again at once (no coordinator known, no leader
// for a reset) would loop at one simulated millisecond forever, so the engine's clock step (1 ms)
// is the floor, as for a network hop (sim/hop.ts; the 'minimum-hop' simplification).
import * as cfg from '../config/access';
import { MIN_HOP_MS } from '../sim/hop';
import type { ConfigSlot } from '../sim/world';

export function retryBackoffDelay(config: ConfigSlot<'producer' | 'consumer'>): number {
  return Math.max(MIN_HOP_MS, cfg.int(config, 'retry.backoff.ms'));
}
