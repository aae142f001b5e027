// The consumer's side of the classic group protocol (kafka-spec 5.2-5.4, Kafka's
// ConsumerCoordinator): join with MEMBER_ID_REQUIRED, the leader runs the assignor, sync,
// heartbeats, eager or cooperative revocation, and what the coordinator's errors mean for the
// member (rejoin, find the coordinator again, or partitions lost).
import { dict } from '../../sim/dict';
import * as cfg from '../../config/access';
import { assign, rebalanceProtocolOf } from '../../kernels';
import type { Sim } from '../../sim/sim';
import type { ConsumerState, Message } from '../../sim/world';
import type { AssignorName } from '../../types';
import { dropPartitions, revokeAll } from './assignment';
import { commit, fetchCommittedOffsets } from './commits';
import { COORDINATOR_ERRORS, coordinatorLost, findCoordinator } from './coordinatorLookup';
import { groupTopics, request, retryLater } from './network';
import { brokerNode } from '../../sim/ids';
import { isRunning } from './state';

const assignorOf = (c: ConsumerState) =>
  cfg.choice(c.config, 'partition.assignment.strategy') as AssignorName;
const isCooperative = (c: ConsumerState) => rebalanceProtocolOf(assignorOf(c)) === 'cooperative';
const autoCommit = (c: ConsumerState) => cfg.bool(c.config, 'enable.auto.commit');

/** The coordinator no longer knows this member (or its generation): its partitions are lost. */
const isFenced = (error: string | null) =>
  error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION';

/**
 * onPartitionsLost (KIP-429): another member may already own them, so nothing is committed and
 * nothing is claimed when rejoining; an unknown member also forgets its member id.
 */
function losePartitions(sim: Sim, c: ConsumerState, error: string | null): void {
  const m = c.membership;
  if (error === 'UNKNOWN_MEMBER_ID') m.memberId = '';
  m.generation = -1;
  m.lastAssignment = [];
  revokeAll(sim, c);
}

// ---------------------------------------------------------------------------------------------
// The coordinator found
// ---------------------------------------------------------------------------------------------

export function onFindCoordinator(
  sim: Sim,
  c: ConsumerState,
  msg: Message<'find-coordinator-response'>,
): void {
  const m = c.membership;
  m.coordinatorInFlight = false;
  if (msg.body.error) {
    retryLater(sim, c, 'coordinator');
    return;
  }
  m.coordinator = msg.body.coordinator;
  m.lastCoordinatorAck = sim.now;
  if (m.rejoinNeeded) return maybeRejoin(sim, c);
  // A new coordinator hears from us at once: our session there is already running.
  if (m.memberId && m.generation >= 0) sendHeartbeat(sim, c);
  startHeartbeats(sim, c);
  fetchCommittedOffsets(sim, c);
}

// ---------------------------------------------------------------------------------------------
// Joining the group
// ---------------------------------------------------------------------------------------------

/** Ask this consumer to rejoin its group (a setting that needs a rebalance changed). */
export function requestRejoin(sim: Sim, c: ConsumerState): void {
  c.membership.rejoinNeeded = true;
  maybeRejoin(sim, c);
}

/**
 * Rejoin if the member must and can: not mid-join, and with a coordinator (else find one). The
 * JoinGroup goes out from poll() (Kafka's ConsumerCoordinator.poll): while the application is
 * processing what the last poll returned, the rejoin waits for its next poll.
 */
export function maybeRejoin(sim: Sim, c: ConsumerState): void {
  const m = c.membership;
  if (!isRunning(c) || m.joinInFlight || m.syncInFlight) return;
  if (c.poll.active) {
    m.rejoinNeeded = true;
    return;
  }
  if (m.coordinator === null) {
    findCoordinator(sim, c);
    return;
  }
  m.rejoinNeeded = false;
  if (c.status === 'stable') c.status = 'rebalancing';
  if (m.memberId === '' && m.generation < 0 && m.owned.length > 0) {
    // The member left (max.poll.interval.ms) or was reset: its partitions are lost, not revoked,
    // so nothing is committed for them (Kafka's onJoinPrepare).
    revokeAll(sim, c);
  } else if (!isCooperative(c) && m.owned.length > 0) {
    // Eager: revoke everything before joining (committing first when auto-commit is on).
    if (autoCommit(c)) commit(sim, c);
    revokeAll(sim, c);
  }
  m.joinInFlight = true;
  request(sim, c, m.coordinator, 'join-group', (reqId) => ({
    reqId,
    groupId: c.groupId,
    memberId: m.memberId,
    sessionTimeoutMs: cfg.int(c.config, 'session.timeout.ms'),
    rebalanceTimeoutMs: cfg.int(c.config, 'max.poll.interval.ms'),
    protocol: assignorOf(c),
    topics: groupTopics(sim, c),
    ownedPartitions: isCooperative(c) ? [...m.owned] : [...m.lastAssignment],
    generation: m.generation,
  }));
}

export function onJoinResponse(
  sim: Sim,
  c: ConsumerState,
  msg: Message<'join-group-response'>,
): void {
  const m = c.membership;
  m.joinInFlight = false;
  const body = msg.body;
  if (!COORDINATOR_ERRORS.has(body.error ?? '')) m.lastCoordinatorAck = sim.now;
  if (body.error === 'MEMBER_ID_REQUIRED') {
    m.memberId = body.memberId;
    m.rejoinNeeded = true;
    return maybeRejoin(sim, c);
  }
  if (body.error) {
    if (isFenced(body.error)) losePartitions(sim, c, body.error);
    m.rejoinNeeded = true;
    if (COORDINATOR_ERRORS.has(body.error)) return coordinatorLost(sim, c);
    return retryLater(sim, c, 'join');
  }
  m.generation = body.generation;
  m.memberId = body.memberId;
  // Joined (COMPLETING_REBALANCE): Java enables the heartbeat thread here.
  startHeartbeats(sim, c);
  let assignments: Record<string, string[]> | null = null;
  if (body.leader === body.memberId)
    assignments = runAssignor(c, body.protocol as AssignorName, body.members);
  else delete m.assignedCounts;
  m.syncInFlight = true;
  request(sim, c, m.coordinator!, 'sync-group', (reqId) => ({
    reqId,
    groupId: c.groupId,
    generation: m.generation,
    memberId: m.memberId,
    assignments,
  }));
}

/** The group leader computes everyone's assignment with the agreed assignor (client-side). */
function runAssignor(
  c: ConsumerState,
  protocol: AssignorName,
  members: Message<'join-group-response'>['body']['members'],
): Record<string, string[]> {
  const counts = c.metadata.partitionCounts;
  const partitionsPerTopic = dict<number>();
  const snapshot = dict<number>();
  for (const m of members)
    for (const t of m.topics) {
      snapshot[t] = counts[t] ?? -1;
      if (counts[t] !== undefined) partitionsPerTopic[t] = counts[t];
    }
  c.membership.assignedCounts = snapshot;
  return assign(
    protocol,
    members.map((m) => ({
      memberId: m.memberId,
      topics: m.topics,
      ownedPartitions: m.ownedPartitions,
      generation: m.generation,
    })),
    partitionsPerTopic,
  );
}

export function onSyncResponse(
  sim: Sim,
  c: ConsumerState,
  msg: Message<'sync-group-response'>,
): void {
  const m = c.membership;
  m.syncInFlight = false;
  const body = msg.body;
  if (!COORDINATOR_ERRORS.has(body.error ?? '')) m.lastCoordinatorAck = sim.now;
  if (body.error) {
    if (isFenced(body.error)) losePartitions(sim, c, body.error);
    m.rejoinNeeded = true;
    if (COORDINATOR_ERRORS.has(body.error)) return coordinatorLost(sim, c);
    return maybeRejoin(sim, c);
  }
  const assigned = body.assignment;
  const revoked = m.owned.filter((tp) => !assigned.includes(tp));
  const added = assigned.filter((tp) => !m.owned.includes(tp));
  if (revoked.length > 0 && autoCommit(c)) commit(sim, c);
  dropPartitions(c, revoked);
  m.owned = [...m.owned, ...added];
  m.lastAssignment = [...assigned];
  c.positions.unknown.push(...added);
  c.status = 'stable';
  sim.emit({
    type: 'consumer.assigned',
    groupId: c.groupId,
    consumerId: c.id,
    generation: m.generation,
    partitions: [...m.owned],
    revoked,
    t: sim.now,
  });
  fetchCommittedOffsets(sim, c);
  // Cooperative: having given partitions up, rejoin at once so they can be reassigned. The
  // leader also rejoins when the metadata changed while it was assigning (a topic created,
  // deleted or given partitions mid-rebalance): its assignment no longer covers the cluster.
  if ((isCooperative(c) && revoked.length > 0) || assignmentOutdated(c)) {
    m.rejoinNeeded = true;
    maybeRejoin(sim, c);
  }
}

/** Kafka's leader check: the partition counts it assigned from differ from today's metadata. */
function assignmentOutdated(c: ConsumerState): boolean {
  const snapshot = c.membership.assignedCounts;
  if (snapshot === undefined) return false;
  const counts = c.metadata.partitionCounts;
  for (const t of Object.keys(snapshot)) if ((counts[t] ?? -1) !== snapshot[t]) return true;
  return false;
}

/** The leader saw a partition count change: the group must rebalance (Kafka's metadata check). */
export function onPartitionCountsChanged(sim: Sim, c: ConsumerState): void {
  if (c.status !== 'stable') return;
  c.membership.rejoinNeeded = true;
  maybeRejoin(sim, c);
}

// ---------------------------------------------------------------------------------------------
// Heartbeats
// ---------------------------------------------------------------------------------------------

function startHeartbeats(sim: Sim, c: ConsumerState): void {
  const m = c.membership;
  m.heartbeatToken++;
  sim.timer(
    c.node,
    c.inc,
    'consumer.heartbeat',
    cfg.int(c.config, 'heartbeat.interval.ms'),
    m.heartbeatToken,
  );
}

/** The member has its JoinGroup answer: Java's heartbeat thread runs. */
function hasJoined(c: ConsumerState): boolean {
  const m = c.membership;
  return m.memberId !== '' && m.generation >= 0 && !m.joinInFlight;
}

/**
 * Java's heartbeat thread, pollTimeoutExpired: the application spent more than
 * max.poll.interval.ms since its last poll(). The member leaves the group (maybeLeaveGroup:
 * LeaveGroup, member id and generation reset) so the others can take its partitions; it joins
 * again, as a new member, from its next poll. Returns whether it left.
 */
function maybeLeaveOnPollTimeout(sim: Sim, c: ConsumerState): boolean {
  const m = c.membership;
  const maxPollInterval = cfg.int(c.config, 'max.poll.interval.ms');
  if (!c.poll.active || sim.now - c.poll.lastPollAt < maxPollInterval) return false;
  if (!hasJoined(c) || m.syncInFlight || m.coordinator === null) return false;
  sim.emit({
    type: 'consumer.poll-timeout',
    groupId: c.groupId,
    consumerId: c.id,
    memberId: m.memberId,
    maxPollIntervalMs: maxPollInterval,
    t: sim.now,
  });
  // A best-effort LeaveGroup: nobody waits for the answer (Kafka does not resend it).
  sim.send(c.node, c.inc, brokerNode(m.coordinator), 'leave-group', {
    reqId: c.requests.nextReqId++,
    groupId: c.groupId,
    memberId: m.memberId,
  });
  m.memberId = '';
  m.generation = -1;
  m.rejoinNeeded = true;
  c.status = 'rebalancing';
  return true;
}

/** The max.poll.interval.ms timer armed at the last poll() ran out. */
export function onPollTimeout(sim: Sim, c: ConsumerState, token: number): void {
  if (token !== c.poll.pollTimeoutToken || !isRunning(c)) return;
  maybeLeaveOnPollTimeout(sim, c);
}

export function onHeartbeatTimer(sim: Sim, c: ConsumerState, token: number): void {
  const m = c.membership;
  if (token !== m.heartbeatToken || !isRunning(c)) return;
  maybeLeaveOnPollTimeout(sim, c);
  // Java's heartbeat thread is quiet until the member has joined, and while its JoinGroup waits
  // (PREPARING_REBALANCE); it heartbeats once the JoinGroup is answered, also while waiting for
  // the assignment (COMPLETING_REBALANCE).
  const joined = hasJoined(c);
  if (
    m.coordinator !== null &&
    joined &&
    sim.now - m.lastCoordinatorAck > cfg.int(c.config, 'session.timeout.ms')
  ) {
    // Like Java's heartbeat thread: no answer for a whole session means the coordinator is gone.
    coordinatorLost(sim, c);
  } else if (m.coordinator !== null && joined) {
    sendHeartbeat(sim, c);
  }
  sim.timer(
    c.node,
    c.inc,
    'consumer.heartbeat',
    cfg.int(c.config, 'heartbeat.interval.ms'),
    m.heartbeatToken,
  );
}

function sendHeartbeat(sim: Sim, c: ConsumerState): void {
  const m = c.membership;
  request(sim, c, m.coordinator!, 'heartbeat', (reqId) => ({
    reqId,
    groupId: c.groupId,
    generation: m.generation,
    memberId: m.memberId,
  }));
}

export function onHeartbeatResponse(
  sim: Sim,
  c: ConsumerState,
  msg: Message<'heartbeat-response'>,
  sentGeneration: number,
): void {
  const m = c.membership;
  const error = msg.body.error;
  if (!COORDINATOR_ERRORS.has(error ?? '')) m.lastCoordinatorAck = sim.now;
  if (!error || m.joinInFlight || m.syncInFlight || sentGeneration !== m.generation) return;
  if (COORDINATOR_ERRORS.has(error)) return coordinatorLost(sim, c);
  if (isFenced(error)) losePartitions(sim, c, error);
  m.rejoinNeeded = true;
  maybeRejoin(sim, c);
}

/** A commit was refused: find the coordinator again, or rejoin (having lost the partitions). */
export function onCommitError(
  sim: Sim,
  c: ConsumerState,
  error: string,
  sentGeneration: number,
): void {
  if (COORDINATOR_ERRORS.has(error)) return coordinatorLost(sim, c);
  // An answer about a generation we have since left says nothing about the current one.
  if (sentGeneration !== c.membership.generation) return;
  if (isFenced(error)) losePartitions(sim, c, error);
  if (
    error === 'REBALANCE_IN_PROGRESS' ||
    error === 'ILLEGAL_GENERATION' ||
    error === 'UNKNOWN_MEMBER_ID'
  ) {
    c.membership.rejoinNeeded = true;
    maybeRejoin(sim, c);
  }
}
