// The partitions a consumer owns and its position in each (Kafka's SubscriptionState): taking
// partitions on, giving them up (and saying so), and setting a partition's position.
import type { Sim } from '../../sim/sim';
import type { ConsumerState } from '../../sim/world';

/** Forget everything about partitions `tps`: positions, fetched records, records in hand. */
export function dropPartitions(c: ConsumerState, tps: string[]): void {
  for (const tp of tps) {
    delete c.positions.byPartition[tp];
    delete c.positions.offsetEpoch[tp];
    delete c.positions.leaderEpoch[tp];
    delete c.positions.validation[tp];
    delete c.positions.awaitingReset?.[tp];
    delete c.fetcher.fetchOffset[tp];
    delete c.fetcher.buffer[tp];
    delete c.fetcher.inFlight[tp];
  }
  const m = c.membership;
  m.owned = m.owned.filter((tp) => !tps.includes(tp));
  c.positions.unknown = c.positions.unknown.filter((tp) => !tps.includes(tp));
  // Records poll() already returned are the application's: it processes them all the same.
  for (const r of c.poll.inHand) if (tps.includes(r.tp)) r.revoked = true;
}

/** Give up every owned partition and say so (eager revocation, or partitions lost). */
export function revokeAll(sim: Sim, c: ConsumerState): void {
  const m = c.membership;
  if (m.owned.length === 0) return;
  const revoked = [...m.owned];
  dropPartitions(c, revoked);
  sim.emit({
    type: 'consumer.assigned',
    groupId: c.groupId,
    consumerId: c.id,
    generation: m.generation,
    partitions: [],
    revoked,
    t: sim.now,
  });
}

/** The position of `tp` is known now: consume and fetch from `offset`. */
export function setPosition(c: ConsumerState, tp: string, offset: number): void {
  c.positions.byPartition[tp] = offset;
  c.fetcher.fetchOffset[tp] = offset;
  // A fetch in flight asked for the old position: its answer will be discarded; fetch anew.
  c.fetcher.inFlight[tp] = 0;
  // A position set by offset alone: no epoch to validate it with (KIP-320 skips validation).
  delete c.positions.offsetEpoch[tp];
  delete c.positions.leaderEpoch[tp];
  delete c.positions.validation[tp];
  c.fetcher.buffer[tp] = [];
  // Records in hand from before are still processed, but the position is this one.
  for (const r of c.poll.inHand) if (r.tp === tp) r.revoked = true;
}
