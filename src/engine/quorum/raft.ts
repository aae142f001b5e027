// KRaft's Raft among the controller nodes (kafka-spec §4.2, Kafka's KafkaRaftClient): pre-vote
// and vote by epoch, BeginQuorumEpoch, followers pulling the `__cluster_metadata` log with
// long-poll fetches, the leader's majority high watermark, and check-quorum. The leader becomes
// the active controller once its epoch's LeaderChangeMessage is committed (activation.ts).
//
// Timing: `controller.quorum.election.timeout.ms` (Kafka 1000, classroom 2000) drives elections;
// the fetch timeout is twice that (Kafka's own defaults: 2000 for 1000) and the leader resigns
// after 1.5 fetch timeouts without fetches from a majority. Kafka 4.0's rules: a voter that
// loses contact becomes prospective and asks for pre-votes (KIP-996) before it bumps the epoch.
import * as cfg from '../config/access';
import {
  binaryExponentialElectionBackoffMs,
  checkQuorumTimeoutMs,
  handleVoteRequest,
  majoritySize,
  quorumHighWatermark,
  randomElectionTimeoutMs,
  recordVoterFetch,
  startCheckQuorum,
  timeUntilCheckQuorumExpires,
  type ElectionView,
} from '../kernels/raft';
import { brokerNode, controllerHostNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { Message, MetadataImage } from '../sim/world';
import type { NodeId } from '../types';
import {
  appendAsFollower,
  appendAsLeader,
  endOffsetAndEpoch,
  epochAt,
  installSnapshot,
  lastFetchedEpoch,
  read,
  takeSnapshot,
  truncateToEndOffset,
  validateFetch,
} from './metadataLog';
import type { ControllerNodeState, LeaderRole, MetadataEntry } from './state';
import { committedAdvanced, committedImage, onLeaderCommitted, onLeadershipLost } from './commit';
import { checkQuorumLiveness, quorumOf, voterIds, voters } from './voters';

/** Records a fetch answer may carry (Kafka counts bytes; a few hundred records is plenty). */
const MAX_FETCH_RECORDS = 500;
/** Committed records kept behind a snapshot before the log prefix is dropped. */
const SNAPSHOT_AFTER_RECORDS = 1000;
/** `controller.quorum.fetch.max.wait.ms`-like long poll of a follower's fetch (Kafka: 500). */
export const FETCH_MAX_WAIT_MS = 500;
/** `controller.quorum.election.backoff.max.ms` (Kafka's default). */
const ELECTION_BACKOFF_MAX_MS = 1000;

export interface RaftTiming {
  electionTimeoutMs: number;
  fetchTimeoutMs: number;
}

/** The quorum's timing, from the cluster's broker configs (controllers share them here). */
export function raftTiming(sim: Sim): RaftTiming {
  const election = cfg.int(sim.world.brokers[0].config, 'controller.quorum.election.timeout.ms');
  return { electionTimeoutMs: election, fetchTimeoutMs: 2 * election };
}

// ---------------------------------------------------------------------------------------------
// State changes (QuorumState's transitions); each one invalidates the previous state's timers
// ---------------------------------------------------------------------------------------------

function newState(n: ControllerNodeState): void {
  n.token++;
  n.granted = [];
  n.fetchInFlight = false;
}

function electionTimer(sim: Sim, n: ControllerNodeState, delay?: number): void {
  const wait =
    delay ?? randomElectionTimeoutMs(raftTiming(sim).electionTimeoutMs, (k) => sim.rng.below(k));
  sim.timer(controllerHostNode(n.id), n.inc, 'raft.election-timeout', wait, n.token);
}

/** No leader known in `epoch` (a higher epoch was seen, or the node just started). */
export function becomeUnattached(sim: Sim, n: ControllerNodeState, epoch: number): void {
  leaveLeadership(sim, n, 'higher-epoch');
  if (epoch > n.epoch) {
    n.epoch = epoch;
    n.votedFor = null;
  }
  n.role = 'unattached';
  n.leaderId = null;
  newState(n);
  electionTimer(sim, n);
}

/** Lost contact: ask the other voters whether they would vote, without bumping the epoch. */
function becomeProspective(sim: Sim, n: ControllerNodeState): void {
  leaveLeadership(sim, n, 'check-quorum');
  n.role = 'prospective';
  startElection(sim, n, true);
}

/** The pre-vote won: a real election in the next epoch, voting for itself. */
function becomeCandidate(sim: Sim, n: ControllerNodeState): void {
  n.role = 'candidate';
  n.epoch++;
  n.votedFor = n.id;
  startElection(sim, n, false);
}

function startElection(sim: Sim, n: ControllerNodeState, preVote: boolean): void {
  n.leaderId = null;
  newState(n);
  n.granted = [n.id];
  sim.emit({
    type: 'metadata.election-started',
    controllerId: n.id,
    epoch: n.epoch,
    preVote,
    t: sim.now,
  });
  requestVotes(sim, n, preVote);
  electionTimer(sim, n);
  // A quorum of one has its majority already.
  maybeWin(sim, n);
}

function becomeLeader(sim: Sim, n: ControllerNodeState): void {
  const q = quorumOf(sim);
  n.retries = 0;
  // Only the leader's own end is known; each follower's arrives with its first fetch.
  takeLeadership(sim, n, n.log.leo, false, (id) => (id === n.id ? n.log.leo : -1));
  appendAsLeader<MetadataEntry>(n.log, n.epoch, [
    { type: 'LeaderChangeMessage', leaderId: n.id, voters: voterIds(q) },
  ]);
  n.leader!.voters[n.id].endOffset = n.log.leo;
  for (const other of voters(q)) {
    if (other.id === n.id) continue;
    sim.send(controllerHostNode(n.id), n.inc, controllerHostNode(other.id), 'begin-quorum-epoch', {
      epoch: n.epoch,
      leaderId: n.id,
    });
  }
  updateHighWatermark(sim, n);
}

/** The leader's state (LeaderState) and its check-quorum timer. */
function takeLeadership(
  sim: Sim,
  n: ControllerNodeState,
  epochStartOffset: number,
  active: boolean,
  endOffsetOf: (voterId: number) => number,
): void {
  n.role = 'leader';
  n.leaderId = n.id;
  newState(n);
  const { fetchTimeoutMs } = raftTiming(sim);
  n.leader = {
    epochStartOffset,
    voters: {},
    checkQuorum: startCheckQuorum(sim.now, fetchTimeoutMs),
    parked: [],
    active,
    pending: [],
  };
  for (const id of voterIds(quorumOf(sim))) n.leader.voters[id] = { endOffset: endOffsetOf(id) };
  const wait = checkQuorumTimeoutMs(fetchTimeoutMs);
  sim.timer(controllerHostNode(n.id), n.inc, 'raft.check-quorum', wait, n.token);
}

export function becomeFollower(
  sim: Sim,
  n: ControllerNodeState,
  epoch: number,
  leaderId: number,
): void {
  if (n.role === 'follower' && n.epoch === epoch && n.leaderId === leaderId) return;
  leaveLeadership(sim, n, 'higher-epoch');
  if (epoch > n.epoch) n.votedFor = null;
  n.epoch = epoch;
  follow(sim, n, leaderId, false);
}

/** t=0: `n` has led epoch 1 for a while; every voter has its LeaderChangeMessage. */
export function resumeAsLeader(sim: Sim, n: ControllerNodeState): void {
  takeLeadership(sim, n, 0, true, () => n.log.leo);
}

/** t=0: `n` follows the first voter and is in contact with it. */
export function resumeAsFollower(sim: Sim, n: ControllerNodeState, leaderId: number): void {
  follow(sim, n, leaderId, true);
}

/** Follow `leaderId` in the current epoch: fetch from it, with the fetch timeout running. */
function follow(sim: Sim, n: ControllerNodeState, leaderId: number, inContact: boolean): void {
  n.role = 'follower';
  n.leaderId = leaderId;
  n.hasFetchedFromLeader = inContact;
  newState(n);
  restartFetchTimer(sim, n);
  sendFetch(sim, n);
}

/** A leader stepping down: it stops acting as the controller and its uncommitted writes go. */
function leaveLeadership(
  sim: Sim,
  n: ControllerNodeState,
  reason: 'higher-epoch' | 'check-quorum',
): void {
  if (n.role !== 'leader' || n.leader === null) return;
  const leader = n.leader;
  n.leader = null;
  onLeadershipLost(sim, n, leader, reason);
}

// ---------------------------------------------------------------------------------------------
// Votes
// ---------------------------------------------------------------------------------------------

function requestVotes(sim: Sim, n: ControllerNodeState, preVote: boolean): void {
  const end = endOffsetAndEpoch(n.log);
  for (const other of voters(quorumOf(sim))) {
    if (other.id === n.id) continue;
    sim.send(controllerHostNode(n.id), n.inc, controllerHostNode(other.id), 'vote', {
      epoch: n.epoch,
      candidateId: n.id,
      preVote,
      lastEpoch: end.epoch,
      lastEndOffset: end.offset,
    });
  }
}

function electionView(n: ControllerNodeState): ElectionView {
  return {
    epoch: n.epoch,
    role: n.role,
    ...(n.votedFor !== null ? { votedFor: n.votedFor } : {}),
    ...(n.leaderId !== null ? { leaderId: n.leaderId } : {}),
    hasFetchedFromLeader: n.hasFetchedFromLeader,
  };
}

function onVote(sim: Sim, n: ControllerNodeState, msg: Message<'vote'>): void {
  const req = msg.body;
  // An observer has no vote to give (it is not in the voter set).
  if (n.observer) {
    sim.send(
      controllerHostNode(n.id),
      n.inc,
      msg.from,
      'vote-response',
      { epoch: n.epoch, preVote: req.preVote, granted: false, leaderId: n.leaderId, error: null },
      { toInc: msg.fromInc },
    );
    return;
  }
  const decision = handleVoteRequest(electionView(n), endOffsetAndEpoch(n.log), {
    candidateId: req.candidateId,
    candidateEpoch: req.epoch,
    preVote: req.preVote,
    lastEpoch: req.lastEpoch,
    lastEndOffset: req.lastEndOffset,
  });
  if (decision.state.epoch > n.epoch) becomeUnattached(sim, n, decision.state.epoch);
  if (decision.votedNow) {
    n.votedFor = req.candidateId;
    // A granted vote gives the candidate time to win before this voter tries itself.
    newState(n);
    electionTimer(sim, n);
  }
  sim.send(
    controllerHostNode(n.id),
    n.inc,
    msg.from,
    'vote-response',
    {
      epoch: n.epoch,
      preVote: req.preVote,
      granted: decision.granted,
      leaderId: n.leaderId,
      error: decision.error ?? null,
    },
    { toInc: msg.fromInc },
  );
}

function onVoteResponse(sim: Sim, n: ControllerNodeState, msg: Message<'vote-response'>): void {
  const r = msg.body;
  if (r.epoch > n.epoch) {
    if (r.leaderId !== null) becomeFollower(sim, n, r.epoch, r.leaderId);
    else becomeUnattached(sim, n, r.epoch);
    return;
  }
  if (r.epoch < n.epoch) return;
  const round = r.preVote ? 'prospective' : 'candidate';
  // Refused by a voter that still follows a leader of this epoch: follow it too (KIP-996).
  if (n.role === 'prospective' && !r.granted && r.leaderId !== null && r.leaderId !== n.id) {
    becomeFollower(sim, n, r.epoch, r.leaderId);
    return;
  }
  if (n.role !== round || !r.granted) return;
  const voter = Number(msg.from.slice(msg.from.indexOf(':') + 1));
  if (!n.granted.includes(voter)) n.granted.push(voter);
  maybeWin(sim, n);
}

function maybeWin(sim: Sim, n: ControllerNodeState): void {
  if (n.granted.length < majoritySize(voterIds(quorumOf(sim)).length)) return;
  if (n.role === 'prospective') becomeCandidate(sim, n);
  else if (n.role === 'candidate') becomeLeader(sim, n);
}

function onElectionTimeout(sim: Sim, n: ControllerNodeState): void {
  // An observer never stands for election: it looks for the leader instead.
  if (n.observer) return seekLeader(sim, n);
  switch (n.role) {
    case 'unattached':
    case 'resigned':
      return becomeProspective(sim, n);
    case 'prospective':
    case 'candidate': {
      // Lost (or split) the round: back off, then ask again.
      n.retries++;
      const backoff = binaryExponentialElectionBackoffMs(n.retries, ELECTION_BACKOFF_MAX_MS, (k) =>
        sim.rng.below(k),
      );
      n.role = 'unattached';
      newState(n);
      electionTimer(sim, n, backoff);
      return;
    }
    default:
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// The leader: BeginQuorumEpoch, fetches, the high watermark, check-quorum
// ---------------------------------------------------------------------------------------------

function onBeginQuorumEpoch(
  sim: Sim,
  n: ControllerNodeState,
  msg: Message<'begin-quorum-epoch'>,
): void {
  const { epoch, leaderId } = msg.body;
  if (epoch >= n.epoch && leaderId !== n.id) becomeFollower(sim, n, epoch, leaderId);
}

function onFetch(sim: Sim, n: ControllerNodeState, msg: Message<'metadata-fetch'>): void {
  const req = msg.body;
  const leader = n.leader;
  if (n.role !== 'leader' || leader === null || req.epoch !== n.epoch) {
    answerFetch(sim, n, msg.from, msg.fromInc, req.reqId, {
      error: req.epoch < n.epoch ? 'FENCED_LEADER_EPOCH' : 'NOT_LEADER_OR_FOLLOWER',
    });
    return;
  }
  if (req.broker) return onBrokerFetch(sim, n, msg);
  const answer = validateFetch(n.log, req.fetchOffset, req.lastFetchedEpoch, MAX_FETCH_RECORDS);
  if (answer.kind === 'records') {
    const progress = leader.voters[req.replicaId];
    if (progress) {
      progress.endOffset = req.fetchOffset;
    }
    leader.checkQuorum = recordVoterFetch(
      leader.checkQuorum,
      req.replicaId,
      n.id,
      voterIds(quorumOf(sim)),
      sim.now,
      raftTiming(sim).fetchTimeoutMs,
    );
    updateHighWatermark(sim, n);
    maybeAddVoter(sim, n, req.replicaId, req.fetchOffset);
    // Nothing new and the follower knows the HW: wait for records (a long poll).
    if (answer.batches.length === 0 && req.knownHw >= n.hw) {
      park(sim, n, {
        from: req.replicaId,
        fromInc: msg.fromInc,
        reqId: req.reqId,
        fetchOffset: req.fetchOffset,
      });
      return;
    }
  }
  answerFetch(sim, n, msg.from, msg.fromInc, req.reqId, { answer });
}

/**
 * A broker's fetch (an observer that applies what it reads): it is sent committed records only,
 * the committed image if it has none or its position is gone, or it waits for a commit.
 */
function onBrokerFetch(sim: Sim, n: ControllerNodeState, msg: Message<'metadata-fetch'>): void {
  const req = msg.body;
  const answered = answerBrokerFetch(sim, n, brokerNode(req.replicaId), msg.fromInc, req);
  if (answered) return;
  park(sim, n, {
    from: req.replicaId,
    fromInc: msg.fromInc,
    reqId: req.reqId,
    fetchOffset: req.fetchOffset,
    broker: true,
    sentAt: msg.sentAt,
  });
}

/** A fetch waits at the leader for records (a long poll) until its max wait is over. */
function park(sim: Sim, n: ControllerNodeState, entry: LeaderRole['parked'][number]): void {
  n.leader!.parked.push(entry);
  sim.timer(
    controllerHostNode(n.id),
    n.inc,
    'raft.fetch-wait',
    FETCH_MAX_WAIT_MS,
    n.token,
    parkedName(entry),
  );
}

/**
 * Answer a broker's fetch if there is something committed for it (or `always`, when its long
 * poll is over); false if it should wait. A leader whose epoch has not begun answers nothing.
 */
function answerBrokerFetch(
  sim: Sim,
  n: ControllerNodeState,
  to: NodeId,
  toInc: number,
  req: { reqId: number; fetchOffset: number },
  always = false,
): boolean {
  const hw = n.leader?.active ? n.hw : -1;
  const empty = req.fetchOffset === 0 || req.fetchOffset < n.log.logStartOffset;
  if (hw > 0 && empty) {
    const image = committedImage(sim);
    const snapshotId = { endOffset: image.endOffset, epoch: n.epoch };
    answerFetch(sim, n, to, toInc, req.reqId, { answer: { kind: 'snapshot', snapshotId }, image });
    return true;
  }
  if (hw <= req.fetchOffset && !always) return false;
  const count = Math.min(MAX_FETCH_RECORDS, Math.max(0, hw - req.fetchOffset));
  const batches = empty || count === 0 ? [] : read(n.log, req.fetchOffset, count);
  answerFetch(sim, n, to, toInc, req.reqId, { answer: { kind: 'records', batches } });
  return true;
}

/**
 * AddRaftVoter (KIP-853): once the controller being added has caught up (it asks for everything
 * the leader's log held at its previous fetch, as Kafka's lastCaughtUpTimestamp tells), the active
 * leader appends a VotersRecord naming it (once; again if a new leader lacks it). It votes once
 * that record is committed (Kafka counts it from the append; see docs/engine.md).
 */
function maybeAddVoter(sim: Sim, n: ControllerNodeState, replicaId: number, fetchOffset: number) {
  const q = quorumOf(sim);
  const joining = q.joining;
  if (joining?.id !== replicaId || !n.leader?.active) return;
  const previous = joining.leoAtFetch;
  joining.leoAtFetch = { epoch: n.epoch, leo: n.log.leo };
  const caughtUp = previous?.epoch === n.epoch && fetchOffset >= previous.leo;
  if (!caughtUp) return;
  if (joining.offset !== undefined && joining.offset >= n.log.logStartOffset) {
    const held = joining.offset < n.log.leo && epochAt(n.log, joining.offset) === joining.epoch;
    if (held) return;
  }
  joining.offset = n.log.leo;
  joining.epoch = n.epoch;
  appendAsQuorumLeader(sim, n, [{ type: 'VotersRecord', voters: [...voterIds(q), replicaId] }]);
}

/** The VotersRecord is committed: the new controller is a voter from now on. */
function finishAddingVoter(sim: Sim, n: ControllerNodeState): void {
  const q = quorumOf(sim);
  const joining = q.joining;
  if (joining?.offset === undefined || n.hw <= joining.offset) return;
  if (epochAt(n.log, joining.offset) !== joining.epoch) return;
  const added = q.controllers.find((c) => c.id === joining.id);
  q.joining = undefined;
  if (!added) return;
  delete added.observer;
  n.leader!.voters[added.id] = { endOffset: -1 };
  sim.emit({
    type: 'controller.voter-added',
    controllerId: added.id,
    voters: voterIds(q),
    t: sim.now,
  });
  checkQuorumLiveness(sim);
}

function answerFetch(
  sim: Sim,
  n: ControllerNodeState,
  to: string,
  toInc: number,
  reqId: number,
  result: {
    answer?: ReturnType<typeof validateFetch<MetadataEntry>>;
    error?: string;
    image?: MetadataImage;
  },
): void {
  sim.send(
    controllerHostNode(n.id),
    n.inc,
    to,
    'metadata-fetch-response',
    {
      reqId,
      epoch: n.epoch,
      leaderId: n.leaderId,
      highWatermark: n.hw,
      answer: result.answer ?? null,
      error: result.error ?? null,
      ...(result.image ? { image: result.image } : {}),
    },
    { toInc },
  );
}

/**
 * Answer parked fetches: new records were appended or the HW moved (brokers wait for a commit),
 * or `only` names the one whose long poll is over.
 */
function releaseParked(sim: Sim, n: ControllerNodeState, only?: string): void {
  const leader = n.leader!;
  const keep: typeof leader.parked = [];
  for (const p of leader.parked) {
    if (only !== undefined && parkedName(p) !== only) {
      keep.push(p);
      continue;
    }
    if (p.broker) {
      if (!answerBrokerFetch(sim, n, brokerNode(p.from), p.fromInc, p, only !== undefined))
        keep.push(p);
      continue;
    }
    const answer = validateFetch(n.log, p.fetchOffset, n.epoch, MAX_FETCH_RECORDS);
    answerFetch(sim, n, controllerHostNode(p.from), p.fromInc, p.reqId, { answer });
  }
  leader.parked = keep;
}

/** A parked fetch's name in its fetch-wait timer. */
function parkedName(p: LeaderRole['parked'][number]): string {
  return p.broker ? `broker:${p.from}:${p.reqId}` : `${p.from}:${p.reqId}`;
}

/**
 * The leader stops: brokers waiting in a long poll see their connection reset (the process is
 * gone, its host answers), so they fetch from the next leader without waiting for a timeout.
 */
export function resetParkedBrokerFetches(
  sim: Sim,
  n: ControllerNodeState,
  leader: LeaderRole,
): void {
  for (const p of leader.parked) {
    if (!p.broker) continue;
    sim.resetRequest({
      from: brokerNode(p.from),
      fromInc: p.fromInc,
      to: controllerHostNode(n.id),
      kind: 'metadata-fetch',
      reqId: p.reqId,
      sentAt: p.sentAt ?? sim.now,
    });
  }
}

/** The leader appends records of its epoch; followers waiting in a long poll get them at once. */
export function appendAsQuorumLeader(
  sim: Sim,
  n: ControllerNodeState,
  entries: MetadataEntry[],
): number {
  appendAsLeader(n.log, n.epoch, entries);
  n.leader!.voters[n.id].endOffset = n.log.leo;
  releaseParked(sim, n);
  updateHighWatermark(sim, n);
  return n.log.leo;
}

function updateHighWatermark(sim: Sim, n: ControllerNodeState): void {
  const leader = n.leader!;
  const ends = voterIds(quorumOf(sim)).map((id) => {
    const e = leader.voters[id]?.endOffset;
    return e === undefined || e < 0 ? undefined : e;
  });
  const hw = quorumHighWatermark(ends, leader.epochStartOffset, n.hw < 0 ? undefined : n.hw);
  if (hw === undefined || hw <= n.hw) return;
  n.hw = hw;
  onLeaderCommitted(sim, n);
  finishAddingVoter(sim, n);
  releaseParked(sim, n);
  committedAdvanced(sim, n);
  if (n.hw - n.log.logStartOffset > 2 * SNAPSHOT_AFTER_RECORDS)
    takeSnapshot(n.log, n.hw - SNAPSHOT_AFTER_RECORDS);
}

function onCheckQuorum(sim: Sim, n: ControllerNodeState): void {
  if (n.role !== 'leader' || n.leader === null) return;
  const left = timeUntilCheckQuorumExpires(
    n.leader.checkQuorum,
    sim.now,
    voterIds(quorumOf(sim)).length,
  );
  if (left === Infinity) return;
  if (left > 0) {
    sim.timer(controllerHostNode(n.id), n.inc, 'raft.check-quorum', left, n.token);
    return;
  }
  // No majority fetched in time: this leader may be cut off, and must not keep acting.
  leaveLeadership(sim, n, 'check-quorum');
  n.role = 'resigned';
  newState(n);
  electionTimer(sim, n);
}

// ---------------------------------------------------------------------------------------------
// Followers: fetching the log
// ---------------------------------------------------------------------------------------------

function restartFetchTimer(sim: Sim, n: ControllerNodeState): void {
  n.token++;
  sim.timer(
    controllerHostNode(n.id),
    n.inc,
    'raft.fetch-timeout',
    raftTiming(sim).fetchTimeoutMs,
    n.token,
  );
}

function sendFetch(sim: Sim, n: ControllerNodeState): void {
  if (n.role !== 'follower' || n.leaderId === null || n.fetchInFlight) return;
  fetchFrom(sim, n, n.leaderId);
}

/** A Fetch of `__cluster_metadata` from controller `target`, from this node's log end. */
function fetchFrom(sim: Sim, n: ControllerNodeState, target: number): void {
  n.fetchInFlight = true;
  sim.send(controllerHostNode(n.id), n.inc, controllerHostNode(target), 'metadata-fetch', {
    reqId: ++n.nextReqId,
    epoch: n.epoch,
    replicaId: n.id,
    fetchOffset: n.log.leo,
    lastFetchedEpoch: lastFetchedEpoch(n.log),
    knownHw: n.hw,
    maxWaitMs: FETCH_MAX_WAIT_MS,
  });
}

function onFetchResponse(
  sim: Sim,
  n: ControllerNodeState,
  msg: Message<'metadata-fetch-response'>,
): void {
  const r = msg.body;
  if (r.epoch > n.epoch) {
    if (r.leaderId !== null) becomeFollower(sim, n, r.epoch, r.leaderId);
    else becomeUnattached(sim, n, r.epoch);
    return;
  }
  // An observer looking for the leader: the answer named it.
  if (n.observer && n.role === 'unattached' && r.reqId === n.nextReqId) {
    n.fetchInFlight = false;
    if (r.leaderId !== null && r.leaderId !== n.id) becomeFollower(sim, n, r.epoch, r.leaderId);
    return;
  }
  if (n.role !== 'follower' || r.epoch !== n.epoch || r.reqId !== n.nextReqId) return;
  n.fetchInFlight = false;
  if (r.error !== null || r.answer === null) {
    if (n.observer) seekLeader(sim, n);
    return;
  }
  n.hasFetchedFromLeader = true;
  restartFetchTimer(sim, n);
  const answer = r.answer;
  if (answer.kind === 'records') appendAsFollower(n.log, answer.batches);
  else if (answer.kind === 'diverging') truncateToEndOffset(n.log, answer.divergingEpoch);
  else installSnapshot(n.log, answer.snapshotId);
  if (r.highWatermark > n.hw) {
    n.hw = Math.min(r.highWatermark, n.log.leo);
    committedAdvanced(sim, n);
  }
  if (n.hw - n.log.logStartOffset > 2 * SNAPSHOT_AFTER_RECORDS)
    takeSnapshot(n.log, n.hw - SNAPSHOT_AFTER_RECORDS);
  sendFetch(sim, n);
}

function onFetchTimeout(sim: Sim, n: ControllerNodeState): void {
  if (n.observer) seekLeader(sim, n);
  else if (n.role === 'follower') becomeProspective(sim, n);
}

/** A controller just added (KIP-853): it observes, looking for the leader to copy the log from. */
export function startAsObserver(sim: Sim, n: ControllerNodeState): void {
  seekLeader(sim, n);
}

/**
 * An observer without a leader asks the voters in turn (Kafka's observers fetch from the
 * bootstrap servers): the answer names the leader, which it then follows.
 */
function seekLeader(sim: Sim, n: ControllerNodeState): void {
  const others = voters(quorumOf(sim)).filter((v) => v.id !== n.id);
  n.role = 'unattached';
  n.leaderId = null;
  newState(n);
  restartFetchTimer(sim, n);
  if (others.length === 0) return;
  fetchFrom(sim, n, others[n.retries++ % others.length].id);
}

function onFetchWait(sim: Sim, n: ControllerNodeState, which: string): void {
  if (n.role === 'leader' && n.leader !== null) releaseParked(sim, n, which);
}

// ---------------------------------------------------------------------------------------------
// Dispatch
// ---------------------------------------------------------------------------------------------

/** A Raft message for `n`; false if it is not one (the controller's own requests). */
export function onRaftMessage(sim: Sim, n: ControllerNodeState, msg: Message): boolean {
  if (msg.kind === 'vote') onVote(sim, n, msg);
  else if (msg.kind === 'vote-response') onVoteResponse(sim, n, msg);
  else if (msg.kind === 'begin-quorum-epoch') onBeginQuorumEpoch(sim, n, msg);
  else if (msg.kind === 'metadata-fetch') onFetch(sim, n, msg);
  else if (msg.kind === 'metadata-fetch-response') onFetchResponse(sim, n, msg);
  else return false;
  return true;
}

/** A Raft timer of `n`; false if it is not one (the controller's own timers). */
export function onRaftTimer(
  sim: Sim,
  n: ControllerNodeState,
  name: string,
  token: number | undefined,
  arg: string | undefined,
): boolean {
  if (!name.startsWith('raft.')) return false;
  if (token !== n.token) return true;
  if (name === 'raft.election-timeout') onElectionTimeout(sim, n);
  else if (name === 'raft.fetch-timeout') onFetchTimeout(sim, n);
  else if (name === 'raft.check-quorum') onCheckQuorum(sim, n);
  else if (name === 'raft.fetch-wait') onFetchWait(sim, n, arg!);
  return true;
}
