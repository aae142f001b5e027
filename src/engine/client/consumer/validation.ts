// Position validation after a leader change (KIP-320; Kafka's SubscriptionState
// maybeValidatePositionForCurrentLeader / maybeCompleteValidation): when a partition's leader
// epoch moves on, a position that knows the epoch of its last record asks the new leader where
// that epoch ends (OffsetsForLeaderEpoch). If the log was truncated below the position (an
// unclean election), the consumer resumes at the divergence point, or, when the leader does not
// know the epoch at all, resets by auto.offset.reset; with auto.offset.reset=none it stops with
// Kafka's LogTruncationException instead.
import * as cfg from '../../config/access';
import { parseTp, tpKey } from '../../sim/ids';
import type { Sim } from '../../sim/sim';
import type { ConsumerState, Message } from '../../sim/world';
import { setPosition } from './assignment';
import { requestMetadata } from './metadata';
import { request, retryLater } from './network';

/** Whether `tp` may be fetched: not awaiting validation, not stopped by a truncation. */
export function isValidated(c: ConsumerState, tp: string): boolean {
  return !(tp in c.positions.validation);
}

/**
 * Called before fetching `tp`: if its leader epoch changed since the position was validated,
 * validate it now (returns true: do not fetch yet). A position without the epoch of its last
 * record (set from a committed offset or a reset) takes the new epoch without validation.
 */
export function needsValidation(c: ConsumerState, tp: string, leaderEpoch: number): boolean {
  const pos = c.positions;
  if (pos.leaderEpoch[tp] === leaderEpoch) return false;
  if (!(tp in pos.offsetEpoch)) {
    pos.leaderEpoch[tp] = leaderEpoch;
    return false;
  }
  return true;
}

/** Send OffsetsForLeaderEpoch for `tps` (positions to validate) to their leader. */
export function validatePositions(sim: Sim, c: ConsumerState, leader: number, tps: string[]): void {
  const pos = c.positions;
  const reqId = request(sim, c, leader, 'offsets-for-leader-epoch', (reqId) => ({
    reqId,
    partitions: tps.map((tp) => {
      const { topic, partition } = parseTp(tp);
      return {
        topic,
        partition,
        currentLeaderEpoch: c.metadata.leaders[tp].leaderEpoch,
        leaderEpoch: pos.offsetEpoch[tp],
      };
    }),
  }));
  for (const tp of tps)
    pos.validation[tp] = {
      reqId,
      offset: c.fetcher.fetchOffset[tp],
      currentLeaderEpoch: c.metadata.leaders[tp].leaderEpoch,
    };
}

/** The OffsetsForLeaderEpoch request failed as a whole: validate again after a backoff. */
export function onValidationFailed(sim: Sim, c: ConsumerState, reqId: number): void {
  const v = c.positions.validation;
  for (const tp of Object.keys(v)) if (v[tp].reqId === reqId) delete v[tp];
  requestMetadata(sim, c);
  retryLater(sim, c, 'fetch');
}

/** The new leader's answer; returns the partitions to reset by auto.offset.reset. */
export function onOffsetsForLeaderEpoch(
  sim: Sim,
  c: ConsumerState,
  msg: Message<'offsets-for-leader-epoch-response'>,
): string[] {
  const pos = c.positions;
  const resetNeeded: string[] = [];
  const policy = cfg.choice(c.config, 'auto.offset.reset') as 'earliest' | 'latest' | 'none';
  let retry = false;
  for (const r of msg.body.results) {
    const tp = tpKey(r.topic, r.partition);
    const v = pos.validation[tp];
    if (!v || v.reqId !== msg.body.reqId) continue;
    delete pos.validation[tp];
    // The position moved meanwhile (a reset, a new assignment): this answer is about another.
    if (!c.membership.owned.includes(tp) || c.fetcher.fetchOffset[tp] !== v.offset) continue;
    if (r.error) {
      retry = true;
      continue;
    }
    const unknownEpoch = r.endOffset < 0 || r.leaderEpoch < 0;
    if (!unknownEpoch && r.endOffset >= v.offset) {
      pos.leaderEpoch[tp] = v.currentLeaderEpoch;
      continue;
    }
    sim.emit({
      type: 'consumer.log-truncation',
      groupId: c.groupId,
      consumerId: c.id,
      topic: r.topic,
      partition: r.partition,
      offset: v.offset,
      divergentOffset: unknownEpoch ? null : r.endOffset,
      resetPolicy: policy,
      t: sim.now,
    });
    if (policy === 'none') {
      // LogTruncationException: the application must seek; the partition is not fetched.
      c.lastError = 'LOG_TRUNCATION';
      pos.validation[tp] = {
        reqId: -1,
        offset: v.offset,
        currentLeaderEpoch: v.currentLeaderEpoch,
      };
    } else if (unknownEpoch) {
      // The leader knows nothing of the position's epoch: reset by auto.offset.reset.
      delete c.fetcher.fetchOffset[tp];
      delete pos.offsetEpoch[tp];
      if (!pos.unknown.includes(tp)) pos.unknown.push(tp);
      resetNeeded.push(tp);
    } else {
      // Resume at the first offset known to diverge (seekValidated).
      setPosition(c, tp, r.endOffset);
      pos.offsetEpoch[tp] = r.leaderEpoch;
      pos.leaderEpoch[tp] = v.currentLeaderEpoch;
      sim.emit({
        type: 'offset.reset',
        groupId: c.groupId,
        consumerId: c.id,
        topic: r.topic,
        partition: r.partition,
        offset: r.endOffset,
        reason: { code: 'log-truncation', from: v.offset },
        t: sim.now,
      });
    }
  }
  if (retry) {
    requestMetadata(sim, c);
    retryLater(sim, c, 'fetch');
  }
  return resetNeeded;
}
