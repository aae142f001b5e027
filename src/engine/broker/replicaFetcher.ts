// The follower's side of replication (kafka-spec 3.1, 3.6): one replica fetcher per leader broker
// sends a fetch for every partition it follows there, with its log end and last fetched epoch;
// the answer is appended, or truncated to where the logs diverge, or restarts an empty log at the
// leader's log start. No answer in time, or an error, backs the fetcher off before it retries.
import * as cfg from '../config/access';
import { brokerIdOf, brokerNode, tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { BrokerState, Message } from '../sim/world';
import { appendAsFollower, truncateToDivergence } from './appends';
import { followLeaderHw } from './highWatermark';
import { advanceLogStart, lastEpoch, resetLogTo } from './log';

/**
 * The followed partitions grouped by leader, leaders in the order of their first partition in
 * `b.follow`. Derived data, kept per follow map: every change of the map replaces it (see
 * leadership.ts), so the grouping is built once per change instead of after every fetch answer.
 */
const groupings = new WeakMap<BrokerState['follow'], Map<number, string[]>>();

function followedByLeader(b: BrokerState): Map<number, string[]> {
  const follow = b.follow;
  let byLeader = groupings.get(follow);
  if (byLeader !== undefined) return byLeader;
  byLeader = new Map();
  for (const key of Object.keys(follow)) {
    const leader = follow[key].leader;
    if (leader < 0 || leader === b.id) continue;
    const list = byLeader.get(leader);
    if (list) list.push(key);
    else byLeader.set(leader, [key]);
  }
  groupings.set(follow, byLeader);
  return byLeader;
}

/** Send a fetch to every leader this broker follows, unless one is already in flight. */
export function startReplicaFetchers(sim: Sim, b: BrokerState): void {
  if (b.status !== 'running') return;
  followedByLeader(b).forEach((keys, leader) => {
    // A fetcher already busy with this leader will come back here when it is done.
    const fetcher = (b.fetchers[leader] ??= {
      inFlight: false,
      backoff: false,
      reqId: 0,
      timeoutAt: -1,
    });
    if (!fetcher.inFlight && !fetcher.backoff) sendReplicaFetch(sim, b, leader, keys);
  });
}

function sendReplicaFetch(sim: Sim, b: BrokerState, leader: number, keys: string[]): void {
  const fetcher = b.fetchers[leader];
  const reqId = ++b.nextToken;
  fetcher.inFlight = true;
  fetcher.reqId = reqId;
  const partitions = keys.map((key) => {
    const log = b.logs[key];
    return {
      topic: log.topic,
      partition: log.partition,
      fetchOffset: log.leo,
      lastFetchedEpoch: lastEpoch(log),
      currentLeaderEpoch: b.follow[key].leaderEpoch,
    };
  });
  const maxWaitMs = cfg.int(b.config, 'replica.fetch.wait.max.ms');
  sim.send(brokerNode(b.id), b.inc, brokerNode(leader), 'replica-fetch', {
    reqId,
    replicaId: b.id,
    brokerEpoch: b.inc,
    maxWaitMs,
    partitions,
  });
  const timeout = maxWaitMs + cfg.int(b.config, 'replica.socket.timeout.ms');
  fetcher.timeoutAt = sim.timer(
    brokerNode(b.id),
    b.inc,
    'broker.replica-fetch-timeout',
    timeout,
    reqId,
    String(leader),
  );
}

/** No answer in time (the leader is cut off), or the leader's broker refused the connection
 * (it is down): give up on that fetch, back off, then try again. */
export function onReplicaFetchFailed(
  sim: Sim,
  b: BrokerState,
  leader: number,
  reqId: number,
): void {
  const fetcher = b.fetchers[leader];
  if (!fetcher || !fetcher.inFlight || fetcher.reqId !== reqId) return;
  fetcher.inFlight = false;
  backoffFetcher(sim, b, leader);
}

function backoffFetcher(sim: Sim, b: BrokerState, leader: number): void {
  const fetcher = b.fetchers[leader];
  if (fetcher.backoff) return;
  fetcher.backoff = true;
  sim.timer(
    brokerNode(b.id),
    b.inc,
    'broker.replica-fetch-backoff',
    cfg.int(b.config, 'replica.fetch.backoff.ms'),
    undefined,
    String(leader),
  );
}

export function resumeReplicaFetcher(sim: Sim, b: BrokerState, leader: number): void {
  const fetcher = b.fetchers[leader];
  if (fetcher) fetcher.backoff = false;
  startReplicaFetchers(sim, b);
}

export function onReplicaFetchResponse(
  sim: Sim,
  b: BrokerState,
  msg: Message<'replica-fetch-response'>,
): void {
  const leader = brokerIdOf(msg.from);
  const fetcher = b.fetchers[leader];
  if (!fetcher || fetcher.reqId !== msg.body.reqId) return;
  if (fetcher.inFlight) {
    const timer = 'broker.replica-fetch-timeout';
    sim.cancelTimer(
      fetcher.timeoutAt,
      brokerNode(b.id),
      b.inc,
      timer,
      fetcher.reqId,
      String(leader),
    );
  }
  fetcher.inFlight = false;
  let needBackoff = false;
  for (const part of msg.body.partitions) {
    const key = tpKey(part.topic, part.partition);
    const f = b.follow[key];
    if (!f || f.leader !== leader) continue;
    const log = b.logs[key];
    if (part.error === 'OFFSET_OUT_OF_RANGE') {
      // Our log ends before the leader's log start (retention moved on): start from there.
      resetLogTo(log, part.logStartOffset);
    } else if (part.error) {
      needBackoff = true;
    } else if (part.divergingEpoch) {
      truncateToDivergence(sim, b, log, part.divergingEpoch);
    } else {
      appendAsFollower(sim, b, log, part.batches);
      followLeaderHw(log, part.highWatermark);
      advanceLogStart(log, part.logStartOffset);
    }
  }
  if (needBackoff) backoffFetcher(sim, b, leader);
  else fetchAgain(sim, b, leader);
}

/**
 * The fetcher for `leader` is done with its answer: fetch again for what this broker follows
 * there. Only this fetcher became idle (every other one is in flight or backing off: whatever
 * idles a fetcher, a change of leaders, a heal, the end of a backoff, starts them all again), so
 * there is no need to look at the others.
 */
function fetchAgain(sim: Sim, b: BrokerState, leader: number): void {
  if (b.status !== 'running') return;
  const keys = followedByLeader(b).get(leader);
  const fetcher = b.fetchers[leader];
  if (keys !== undefined && !fetcher.inFlight && !fetcher.backoff)
    sendReplicaFetch(sim, b, leader, keys);
}
