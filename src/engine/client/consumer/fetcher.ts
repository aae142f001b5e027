// Fetching (Kafka's Fetcher): one fetch per leader for the owned partitions that have a position,
// nothing in flight and nothing buffered; answers fill the buffer the poll loop drains. Positions
// without a committed offset come from auto.offset.reset through ListOffsets.
import * as cfg from '../../config/access';
import type { Sim } from '../../sim/sim';
import { parseTp, tpKey } from '../../sim/ids';
import { indexAtOrAfter, nextOffset } from '../../records/batch';
import type { ConsumerState, Message } from '../../sim/world';
import { setPosition } from './assignment';
import { leaderOf, requestMetadata } from './metadata';
import { request, retryLater } from './network';
import { isRunning } from './state';
import { isValidated, needsValidation, validatePositions } from './validation';

const LEADER_ERRORS = new Set([
  'NOT_LEADER_OR_FOLLOWER',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
  'LEADER_NOT_AVAILABLE',
  'NETWORK_EXCEPTION',
  'REQUEST_TIMED_OUT',
]);

/** Fetch for owned partitions with a position, no fetch in flight and nothing buffered. */
export function maybeFetch(sim: Sim, c: ConsumerState): void {
  if (!isRunning(c)) return;
  const f = c.fetcher;
  // Leaders in the order of their first fetchable partition, each with its partitions (a
  // consumer owns a handful, so two short lists beat a Map).
  let leaders: number[] | null = null;
  let lists: string[][] | null = null;
  let toValidate: Map<number, string[]> | null = null;
  let needMetadata = false;
  for (const tp of c.membership.owned) {
    if (f.inFlight[tp] || !(tp in f.fetchOffset) || (f.buffer[tp]?.length ?? 0) > 0) continue;
    if (!isValidated(c, tp)) continue;
    const leader = leaderOf(c, tp);
    if (leader < 0) {
      needMetadata = true;
      continue;
    }
    if (needsValidation(c, tp, c.metadata.leaders[tp].leaderEpoch)) {
      toValidate ??= new Map();
      const list = toValidate.get(leader);
      if (list === undefined) toValidate.set(leader, [tp]);
      else list.push(tp);
      continue;
    }
    if (leaders === null || lists === null) {
      leaders = [leader];
      lists = [[tp]];
      continue;
    }
    const at = leaders.indexOf(leader);
    if (at < 0) {
      leaders.push(leader);
      lists.push([tp]);
    } else lists[at].push(tp);
  }
  if (needMetadata) requestMetadata(sim, c);
  toValidate?.forEach((tps, leader) => validatePositions(sim, c, leader, tps));
  if (leaders === null || lists === null) return;
  for (let i = 0; i < leaders.length; i++) {
    const leader = leaders[i];
    const tps = lists[i];
    const reqId = request(sim, c, leader, 'fetch', (reqId) => ({
      reqId,
      groupId: c.groupId,
      maxWaitMs: cfg.int(c.config, 'fetch.max.wait.ms'),
      partitions: tps.map((tp) => {
        const { topic, partition } = parseTp(tp);
        const fetchOffset = f.fetchOffset[tp];
        return {
          topic,
          partition,
          fetchOffset,
          currentLeaderEpoch: c.metadata.leaders[tp].leaderEpoch,
        };
      }),
    }));
    for (const tp of tps) f.inFlight[tp] = reqId;
  }
}

/** A fetch failed as a whole (timeout, connection refused): its partitions may fetch again. */
export function onFetchFailed(c: ConsumerState, reqId: number): void {
  const inFlight = c.fetcher.inFlight;
  for (const tp of Object.keys(inFlight)) if (inFlight[tp] === reqId) inFlight[tp] = 0;
}

/** Buffer what a fetch brought, wake the poll loop, and fetch again where possible. */
export function onFetchResponse(sim: Sim, c: ConsumerState, msg: Message<'fetch-response'>): void {
  const f = c.fetcher;
  let refresh = false;
  let reset: string[] | null = null;
  for (const part of msg.body.partitions) {
    const tp = tpKey(part.topic, part.partition);
    // An answer to a fetch sent before the position moved (a reset, a seek) is stale: Kafka
    // discards it, since its records start at the old offset.
    if (f.inFlight[tp] !== msg.body.reqId) continue;
    f.inFlight[tp] = 0;
    if (!c.membership.owned.includes(tp) || !(tp in f.fetchOffset)) continue;
    if (part.error) {
      if (part.error === 'OFFSET_OUT_OF_RANGE') (reset ??= []).push(tp);
      else if (LEADER_ERRORS.has(part.error)) refresh = true;
      continue;
    }
    const info = c.metadata.leaders[tp];
    if (info) info.hw = part.highWatermark;
    if (part.batches.length === 0) continue;
    const buf = (f.buffer[tp] ??= []);
    for (const batch of part.batches) {
      const from = indexAtOrAfter(batch, f.fetchOffset[tp]);
      if (from >= batch.count) continue;
      buf.push({ batch, from });
      f.fetchOffset[tp] = nextOffset(batch);
    }
  }
  if (reset !== null) {
    const unknown = c.positions.unknown;
    for (const tp of reset) if (!unknown.includes(tp)) unknown.push(tp);
    resetPositions(sim, c, reset);
  }
  if (refresh) requestMetadata(sim, c);
  if (!c.poll.active) schedulePoll(sim, c, 0);
  maybeFetch(sim, c);
}

/** Run a step of the application's poll loop after `delay` ms. */
export function schedulePoll(sim: Sim, c: ConsumerState, delay: number): void {
  c.poll.active = true;
  c.poll.token++;
  sim.timer(c.node, c.inc, 'consumer.poll', delay, c.poll.token);
}

/** auto.offset.reset: earliest = log start offset, latest = high watermark (ListOffsets). */
export function resetPositions(sim: Sim, c: ConsumerState, tps: string[]): void {
  const policy = cfg.choice(c.config, 'auto.offset.reset');
  if (tps.length === 0) return;
  if (policy === 'none') {
    c.lastError = 'NO_OFFSET_FOR_PARTITION';
    return;
  }
  const byLeader = new Map<number, string[]>();
  for (const tp of tps) {
    const leader = leaderOf(c, tp);
    if (leader < 0) {
      requestMetadata(sim, c);
      retryLater(sim, c, 'offsets');
      continue;
    }
    const list = byLeader.get(leader);
    if (list === undefined) byLeader.set(leader, [tp]);
    else list.push(tp);
  }
  const awaiting = (c.positions.awaitingReset ??= {});
  for (const tp of tps) awaiting[tp] = true;
  const timestamp: -1 | -2 = policy === 'earliest' ? -2 : -1;
  byLeader.forEach((list, leader) => {
    request(sim, c, leader, 'list-offsets', (reqId) => ({
      reqId,
      partitions: list.map((tp) => {
        const { topic, partition } = parseTp(tp);
        return { topic, partition, timestamp };
      }),
    }));
  });
}

export function onListOffsets(
  sim: Sim,
  c: ConsumerState,
  msg: Message<'list-offsets-response'>,
): void {
  const policy = cfg.choice(c.config, 'auto.offset.reset');
  for (const r of msg.body.results) {
    const tp = tpKey(r.topic, r.partition);
    if (!c.membership.owned.includes(tp) || !c.positions.unknown.includes(tp)) continue;
    if (r.error) {
      requestMetadata(sim, c);
      retryLater(sim, c, 'offsets');
      continue;
    }
    setPosition(c, tp, r.offset);
    delete c.positions.awaitingReset?.[tp];
    c.positions.unknown = c.positions.unknown.filter((x) => x !== tp);
    sim.emit({
      type: 'offset.reset',
      groupId: c.groupId,
      consumerId: c.id,
      topic: r.topic,
      partition: r.partition,
      offset: r.offset,
      reason: { code: 'auto-offset-reset', policy: policy as 'earliest' | 'latest' },
      t: sim.now,
    });
  }
  maybeFetch(sim, c);
}
