// How long a client waits before its next periodic metadata refresh. Kafka's client
// (Metadata.timeToNextUpdate, NetworkClient's metadata updater) refreshes when the metadata is
// older than metadata.max.age.ms, but never sooner than retry.backoff.ms after its last attempt,
// and never while a refresh is in flight. So metadata.max.age.ms = 0 means "always stale": a new
// request as soon as the backoff allows, not a timer that fires again at the same instant. With
// retry.backoff.ms = 0 too, the engine's clock step (1 ms) is the floor.
import * as cfg from '../config/access';
import type { ConfigSlot } from '../sim/world';

export function metadataRefreshDelay(config: ConfigSlot<'producer' | 'consumer'>): number {
  const age = cfg.int(config, 'metadata.max.age.ms');
  const backoff = cfg.int(config, 'retry.backoff.ms');
  return Math.max(age, backoff, 1);
}
