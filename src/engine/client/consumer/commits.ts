// Committed offsets: where a newly assigned partition starts (OffsetFetch, else
// auto.offset.reset), and committing consumed positions (every auto.commit.interval.ms with
// auto-commit, else after each poll's records). What a refused commit means for the group is
// membership's business (membership.ts).
import * as cfg from '../../config/access';
import type { Sim } from '../../sim/sim';
import { parseTp, tpKey } from '../../sim/ids';
import type { ConsumerState, Message } from '../../sim/world';
import { setPosition } from './assignment';
import { COORDINATOR_ERRORS, coordinatorLost } from './coordinatorLookup';
import { maybeFetch, resetPositions } from './fetcher';
import { request, retryLater } from './network';

/** Ask the coordinator for the committed offsets of partitions without a position. */
export function fetchCommittedOffsets(sim: Sim, c: ConsumerState): void {
  const coordinator = c.membership.coordinator;
  // Only partitions with no position at all (Kafka's INITIALIZING), not those awaiting a reset.
  const partitions = c.positions.unknown.filter((tp) => !c.positions.awaitingReset?.[tp]);
  if (partitions.length === 0 || coordinator === null) return;
  request(sim, c, coordinator, 'offset-fetch', (reqId) => ({
    reqId,
    groupId: c.groupId,
    partitions,
  }));
}

export function onOffsetFetch(
  sim: Sim,
  c: ConsumerState,
  msg: Message<'offset-fetch-response'>,
): void {
  if (msg.body.error) {
    if (COORDINATOR_ERRORS.has(msg.body.error)) coordinatorLost(sim, c);
    return retryLater(sim, c, 'offsets');
  }
  const pos = c.positions;
  const toReset: string[] = [];
  for (const [tp, offset] of Object.entries(msg.body.offsets)) {
    if (!pos.unknown.includes(tp) || pos.awaitingReset?.[tp]) continue;
    if (offset >= 0) {
      setPosition(c, tp, offset);
      // A committed leader epoch makes the position one to validate (KIP-320).
      const epoch = msg.body.leaderEpochs?.[tp] ?? -1;
      if (epoch >= 0) c.positions.offsetEpoch[tp] = epoch;
      c.commits.committed[tp] = offset;
    } else {
      toReset.push(tp);
    }
  }
  pos.unknown = pos.unknown.filter((tp) => !(tp in pos.byPartition));
  resetPositions(sim, c, toReset);
  maybeFetch(sim, c);
}

/** Commit every auto.commit.interval.ms (auto-commit on), checked at each poll. */
export function maybeAutoCommit(sim: Sim, c: ConsumerState): void {
  if (!cfg.bool(c.config, 'enable.auto.commit')) return;
  if (sim.now - c.commits.lastAutoCommit < cfg.int(c.config, 'auto.commit.interval.ms')) return;
  c.commits.lastAutoCommit = sim.now;
  commit(sim, c);
}

/** Commit the consumed positions that changed since the last commit. */
export function commit(sim: Sim, c: ConsumerState): void {
  const m = c.membership;
  if (m.coordinator === null || !m.memberId || m.generation < 0) return;
  const positions = c.positions.byPartition;
  const committed = c.commits.committed;
  const offsets: { topic: string; partition: number; offset: number; leaderEpoch: number }[] = [];
  for (const tp of m.owned) {
    const offset = positions[tp];
    if (offset === undefined || offset === committed[tp]) continue;
    const { topic, partition } = parseTp(tp);
    offsets.push({ topic, partition, offset, leaderEpoch: c.positions.offsetEpoch[tp] ?? -1 });
  }
  if (offsets.length === 0) return;
  request(sim, c, m.coordinator, 'offset-commit', (reqId) => ({
    reqId,
    groupId: c.groupId,
    generation: m.generation,
    memberId: m.memberId,
    offsets,
  }));
}

/** Record a commit's answer; returns its error (for membership to act on), or null. */
export function onCommitResponse(
  c: ConsumerState,
  msg: Message<'offset-commit-response'>,
): string | null {
  const error = msg.body.error;
  if (!error) {
    for (const o of msg.body.offsets) c.commits.committed[tpKey(o.topic, o.partition)] = o.offset;
    return null;
  }
  c.lastError = error;
  return error;
}
