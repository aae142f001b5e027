// The group coordinator's membership state machine (kafka-spec 5.1-5.2, the classic protocol):
// JoinGroup with MEMBER_ID_REQUIRED, the join phase (group.initial.rebalance.delay.ms, the
// rebalance timeout), the protocol vote, SyncGroup with the leader's assignment, heartbeats,
// LeaveGroup, generations and session timeouts. Each member's session is a timer re-armed by
// every request it sends.
import * as cfg from '../../config/access';
import { brokerNode, clientIdOf, isExternalNode } from '../../sim/ids';
import type { Bodies } from '../../sim/messages';
import type { Sim } from '../../sim/sim';
import type { BrokerState, GroupMember, GroupRecord, Message } from '../../sim/world';
import type { AssignorName, RebalanceReason } from '../../types';
import { replyError } from './replies';

/** The session timer's `arg` of each member: the same string at every heartbeat, built once. */
const sessionArgs = new WeakMap<GroupMember, string>();

function sessionArg(group: GroupRecord, m: GroupMember): string {
  let arg = sessionArgs.get(m);
  if (arg === undefined) sessionArgs.set(m, (arg = JSON.stringify([group.id, m.memberId])));
  return arg;
}

export function armSession(sim: Sim, b: BrokerState, group: GroupRecord, m: GroupMember): void {
  const arg = sessionArg(group, m);
  // The session starts again: the timer for the old one would find its token stale.
  const old = m.sessionTimer;
  if (old) sim.cancelTimer(old.at, old.node, old.inc, 'group.session-expiry', m.sessionToken, arg);
  m.sessionToken++;
  const node = brokerNode(b.id);
  const at = sim.timer(
    node,
    b.inc,
    'group.session-expiry',
    m.sessionTimeoutMs,
    m.sessionToken,
    arg,
  );
  m.sessionTimer = { at, node, inc: b.inc };
}

function rebalanceTimeout(group: GroupRecord): number {
  let max = 0;
  for (const m of Object.values(group.members)) max = Math.max(max, m.rebalanceTimeoutMs);
  return max;
}

export function onJoin(
  sim: Sim,
  b: BrokerState,
  group: GroupRecord,
  msg: Message<'join-group'>,
): void {
  const body = msg.body;
  // A built-in consumer is its node; a real client's member is known by its member id (one
  // client id may run many consumers, over connections that change with the coordinator).
  const external = isExternalNode(msg.from);
  const consumerId = external ? body.memberId : clientIdOf(msg.from);
  if (
    body.sessionTimeoutMs < cfg.int(b.config, 'group.min.session.timeout.ms') ||
    body.sessionTimeoutMs > cfg.int(b.config, 'group.max.session.timeout.ms')
  ) {
    return replyError(sim, b, msg, 'INVALID_SESSION_TIMEOUT');
  }
  if (body.memberId === '') {
    // JoinGroup v4+: hand out a member id and ask the client to join again with it.
    const memberId = `${external ? (body.clientId ?? '') : consumerId}-${sim.rng.hex8()}`;
    group.pending[memberId] = sim.now;
    sim.send(
      brokerNode(b.id),
      b.inc,
      msg.from,
      'join-group-response',
      {
        reqId: body.reqId,
        error: 'MEMBER_ID_REQUIRED',
        generation: -1,
        protocol: '',
        leader: '',
        memberId,
        members: [],
      },
      { toInc: msg.fromInc },
    );
    return;
  }
  let member = group.members[body.memberId];
  if (!member && !(body.memberId in group.pending))
    return replyError(sim, b, msg, 'UNKNOWN_MEMBER_ID');
  // A new member must speak the group's assignor; existing members may switch (the vote decides).
  if (!member && !sharesAProtocol(group, body)) {
    return replyError(sim, b, msg, 'INCONSISTENT_GROUP_PROTOCOL');
  }
  const isNew = !member;
  if (!member) {
    delete group.pending[body.memberId];
    member = {
      memberId: body.memberId,
      consumerId,
      topics: body.topics,
      ownedPartitions: body.ownedPartitions,
      generation: body.generation,
      sessionTimeoutMs: body.sessionTimeoutMs,
      rebalanceTimeoutMs: body.rebalanceTimeoutMs,
      joinRequest: null,
      syncRequest: null,
      sessionToken: 0,
      sessionTimer: null,
      assignment: [],
    };
    group.members[body.memberId] = member;
    sim.emit({
      type: 'consumer.joined',
      groupId: group.id,
      consumerId,
      memberId: body.memberId,
      t: sim.now,
    });
  }
  member.topics = body.topics;
  member.ownedPartitions = body.ownedPartitions;
  member.generation = body.generation;
  member.sessionTimeoutMs = body.sessionTimeoutMs;
  member.rebalanceTimeoutMs = body.rebalanceTimeoutMs;
  if (body.protocols) {
    member.protocols = body.protocols;
    if (body.clientId !== undefined) member.clientId = body.clientId;
    // A group real clients made has the topics its members subscribe to (for the picture).
    for (const topic of body.topics) if (!group.topics.includes(topic)) group.topics.push(topic);
  }
  member.joinRequest = msg;
  armSession(sim, b, group, member);
  if (group.state !== 'PreparingRebalance') {
    const code = isNew ? 'member-joined' : 'member-rejoined';
    prepareRebalance(sim, b, group, { code, consumerId, memberId: body.memberId });
  } else if (group.initialDelayUntil > 0 && isNew) {
    // A new member during the initial delay: when the delay ends it is extended (Kafka sets
    // newMemberAdded while the group came from Empty; the join timer looks at it).
    group.newMemberAdded = true;
  }
  maybeCompleteJoin(sim, b, group);
}

function scheduleJoinDeadline(sim: Sim, b: BrokerState, group: GroupRecord, delayMs: number): void {
  group.joinToken++;
  sim.timer(brokerNode(b.id), b.inc, 'group.join-deadline', delayMs, group.joinToken, group.id);
}

export function prepareRebalance(
  sim: Sim,
  b: BrokerState,
  group: GroupRecord,
  reason: RebalanceReason,
): void {
  const wasEmpty = group.state === 'Empty';
  if (group.state === 'CompletingRebalance') {
    for (const m of Object.values(group.members)) {
      if (m.syncRequest) replyError(sim, b, m.syncRequest, 'REBALANCE_IN_PROGRESS');
      m.syncRequest = null;
    }
  }
  group.state = 'PreparingRebalance';
  sim.emit({
    type: 'group.rebalance-started',
    groupId: group.id,
    reason,
    generation: group.generation,
    t: sim.now,
  });
  if (wasEmpty) {
    // The group is new: give the members more time to join. Later joiners extend the delay,
    // delay by delay, up to the rebalance timeout in all (Kafka's prepareRebalance).
    const delay = cfg.int(b.config, 'group.initial.rebalance.delay.ms');
    group.initialDelayUntil = sim.now + delay;
    group.initialDelayMs = delay;
    group.initialRemainingMs = Math.max(rebalanceTimeout(group) - delay, 0);
    group.newMemberAdded = false;
    scheduleJoinDeadline(sim, b, group, delay);
  } else {
    group.initialDelayUntil = 0;
    scheduleJoinDeadline(sim, b, group, rebalanceTimeout(group));
  }
}

/**
 * The initial delay ended (Kafka's tryCompleteInitialRebalanceElseSchedule): if a member joined
 * during it and some of the rebalance timeout is left, wait one more delay (at most what is
 * left); otherwise the join phase ends.
 */
export function onInitialDelayEnd(sim: Sim, b: BrokerState, group: GroupRecord): void {
  if (group.newMemberAdded && group.initialRemainingMs !== 0) {
    group.newMemberAdded = false;
    const delay = Math.min(
      cfg.int(b.config, 'group.initial.rebalance.delay.ms'),
      group.initialRemainingMs,
    );
    group.initialRemainingMs = Math.max(group.initialRemainingMs - group.initialDelayMs, 0);
    group.initialDelayMs = delay;
    group.initialDelayUntil = sim.now + delay;
    scheduleJoinDeadline(sim, b, group, delay);
    return;
  }
  group.initialDelayUntil = 0;
  group.newMemberAdded = false;
  completeJoin(sim, b, group);
}

function maybeCompleteJoin(sim: Sim, b: BrokerState, group: GroupRecord): void {
  // An initial rebalance ends only when its delay does (Kafka: previous state Empty).
  if (group.state !== 'PreparingRebalance' || group.initialDelayUntil > 0) return;
  if (Object.values(group.members).every((m) => m.joinRequest !== null))
    completeJoin(sim, b, group);
}

/** Remove the members that missed a phase of the rebalance (they are out of the group). */
export function dropMembersWhere(
  sim: Sim,
  group: GroupRecord,
  missed: (m: GroupMember) => boolean,
): string[] {
  const dropped: string[] = [];
  for (const m of Object.values(group.members)) {
    if (!missed(m)) continue;
    dropped.push(m.consumerId);
    delete group.members[m.memberId];
    sim.emit({
      type: 'consumer.left',
      groupId: group.id,
      consumerId: m.consumerId,
      memberId: m.memberId,
      t: sim.now,
    });
  }
  return dropped;
}

/** The join phase ends: drop members that did not rejoin, bump the generation, answer all. */
export function completeJoin(sim: Sim, b: BrokerState, group: GroupRecord): void {
  dropMembersWhere(sim, group, (m) => m.joinRequest === null);
  group.generation++;
  const members = Object.values(group.members);
  if (members.length === 0) {
    group.state = 'Empty';
    group.leaderMemberId = null;
    sim.emit({
      type: 'group.rebalance-completed',
      groupId: group.id,
      generation: group.generation,
      protocol: (group.protocol ?? 'range') as AssignorName,
      leader: '',
      assignment: {},
      revoked: {},
      t: sim.now,
    });
    return;
  }
  group.protocol = chooseProtocol(members);
  if (!group.leaderMemberId || !group.members[group.leaderMemberId])
    group.leaderMemberId = members[0].memberId;
  group.state = 'CompletingRebalance';
  for (const m of members) {
    const req = m.joinRequest!;
    const isLeader = m.memberId === group.leaderMemberId;
    sim.send(
      brokerNode(b.id),
      b.inc,
      req.from,
      'join-group-response',
      {
        reqId: req.body.reqId,
        error: null,
        generation: group.generation,
        protocol: group.protocol,
        leader: group.leaderMemberId,
        memberId: m.memberId,
        members: isLeader ? members.map((x) => memberMetadata(x, group.protocol!)) : [],
      },
      { toInc: req.fromInc },
    );
    m.joinRequest = null;
    armSession(sim, b, group, m);
  }
  group.syncToken++;
  sim.timer(
    brokerNode(b.id),
    b.inc,
    'group.sync-deadline',
    rebalanceTimeout(group),
    group.syncToken,
    group.id,
  );
}

/** What the leader is told of a member in the JoinGroup answer. */
function memberMetadata(m: GroupMember, protocol: string) {
  const metadata = m.protocols?.find((p) => p.name === protocol)?.metadata;
  return {
    memberId: m.memberId,
    topics: m.topics,
    ownedPartitions: m.ownedPartitions,
    generation: m.generation,
    ...(metadata === undefined ? {} : { metadata }),
  };
}

/** The assignors a member supports, in its order of preference. */
function protocolsOf(m: GroupMember): string[] {
  return m.protocols?.map((p) => p.name) ?? [m.joinRequest?.body.protocol ?? 'range'];
}

/**
 * Whether a new member may join. Built-in consumers name one assignor, which must be the group's
 * (unless the group is Empty); a real client names several, and one of them must be supported
 * by every member already in the group (Kafka's GenericGroup.supportsProtocols).
 */
function sharesAProtocol(group: GroupRecord, body: Bodies['join-group']): boolean {
  if (group.state === 'Empty') return true;
  if (!body.protocols) return !group.protocol || group.protocol === body.protocol;
  let candidates = new Set(body.protocols.map((p) => p.name));
  for (const m of Object.values(group.members)) {
    const supported = new Set(protocolsOf(m));
    candidates = new Set([...candidates].filter((p) => supported.has(p)));
  }
  return candidates.size > 0;
}

/**
 * Each member votes for its assignor; the most votes wins (ties: first seen). With real clients
 * (several assignors each), Kafka's vote: the candidates are the assignors every member supports,
 * and each member votes for the first candidate in its own order.
 */
function chooseProtocol(members: GroupMember[]): string {
  if (members.some((m) => m.protocols)) {
    const supported = members.map((m) => protocolsOf(m));
    const candidates = supported[0].filter((p) => supported.every((list) => list.includes(p)));
    const votes = new Map<string, number>(candidates.map((p) => [p, 0]));
    for (const list of supported) {
      const choice = list.find((p) => votes.has(p));
      if (choice !== undefined) votes.set(choice, votes.get(choice)! + 1);
    }
    return maxVotes(votes);
  }
  const votes = new Map<string, number>();
  for (const m of members) {
    const p = m.joinRequest?.body.protocol ?? 'range';
    votes.set(p, (votes.get(p) ?? 0) + 1);
  }
  return maxVotes(votes);
}

function maxVotes(votes: Map<string, number>): string {
  let best = '';
  let bestVotes = -1;
  for (const [p, v] of votes) if (v > bestVotes) [best, bestVotes] = [p, v];
  return best;
}

export function onSync(
  sim: Sim,
  b: BrokerState,
  group: GroupRecord,
  msg: Message<'sync-group'>,
): void {
  const body = msg.body;
  const member = group.members[body.memberId];
  if (!member) return replyError(sim, b, msg, 'UNKNOWN_MEMBER_ID');
  if (body.generation !== group.generation) return replyError(sim, b, msg, 'ILLEGAL_GENERATION');
  if (group.state === 'PreparingRebalance' || group.state === 'Empty')
    return replyError(sim, b, msg, 'REBALANCE_IN_PROGRESS');
  armSession(sim, b, group, member);
  if (group.state === 'Stable') {
    sendAssignment(sim, b, msg, member);
    return;
  }
  member.syncRequest = msg;
  if (body.memberId === group.leaderMemberId && body.assignments) {
    const previous: Record<string, string[]> = {};
    for (const m of Object.values(group.members)) {
      previous[m.consumerId] = m.ownedPartitions;
      m.assignment = body.assignments[m.memberId] ?? [];
      const bytes = body.assignmentBytes?.[m.memberId];
      if (bytes !== undefined) m.assignmentBytes = bytes;
      else delete m.assignmentBytes;
    }
    group.state = 'Stable';
    const assignment: Record<string, string[]> = {};
    const revoked: Record<string, string[]> = {};
    for (const m of Object.values(group.members)) {
      assignment[m.consumerId] = m.assignment;
      const lost = (previous[m.consumerId] ?? []).filter((tp) => !m.assignment.includes(tp));
      if (lost.length > 0) revoked[m.consumerId] = lost;
    }
    sim.emit({
      type: 'group.rebalance-completed',
      groupId: group.id,
      generation: group.generation,
      protocol: group.protocol as AssignorName,
      leader: group.members[group.leaderMemberId!].consumerId,
      assignment,
      revoked,
      t: sim.now,
    });
    for (const m of Object.values(group.members)) {
      if (m.syncRequest) sendAssignment(sim, b, m.syncRequest, m);
      m.syncRequest = null;
    }
  }
}

function sendAssignment(
  sim: Sim,
  b: BrokerState,
  req: Message<'sync-group'>,
  member: GroupMember,
): void {
  const { assignment, assignmentBytes } = member;
  sim.send(
    brokerNode(b.id),
    b.inc,
    req.from,
    'sync-group-response',
    {
      reqId: req.body.reqId,
      error: null,
      assignment,
      ...(assignmentBytes === undefined ? {} : { assignmentBytes }),
    },
    { toInc: req.fromInc },
  );
}

export function onHeartbeat(
  sim: Sim,
  b: BrokerState,
  group: GroupRecord,
  msg: Message<'heartbeat'>,
): void {
  // Kafka's order: the member, then its generation, then the group's state.
  const member = group.members[msg.body.memberId];
  if (!member) return replyError(sim, b, msg, 'UNKNOWN_MEMBER_ID');
  if (msg.body.generation !== group.generation)
    return replyError(sim, b, msg, 'ILLEGAL_GENERATION');
  armSession(sim, b, group, member);
  if (group.state === 'PreparingRebalance') return replyError(sim, b, msg, 'REBALANCE_IN_PROGRESS');
  // Stable, or CompletingRebalance: a member that has its JoinGroup answer heartbeats while it
  // waits for the assignment, and that is a normal heartbeat.
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'heartbeat-response',
    { reqId: msg.body.reqId, error: null },
    { toInc: msg.fromInc },
  );
}

export function removeMember(
  sim: Sim,
  b: BrokerState,
  group: GroupRecord,
  member: GroupMember,
  reason: RebalanceReason,
): void {
  delete group.members[member.memberId];
  if (group.leaderMemberId === member.memberId) group.leaderMemberId = null;
  if (group.state === 'PreparingRebalance') maybeCompleteJoin(sim, b, group);
  else prepareRebalance(sim, b, group, reason);
}

export function onLeave(
  sim: Sim,
  b: BrokerState,
  group: GroupRecord,
  msg: Message<'leave-group'>,
): void {
  const member = group.members[msg.body.memberId];
  if (!member) return replyError(sim, b, msg, 'UNKNOWN_MEMBER_ID');
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'leave-group-response',
    { reqId: msg.body.reqId, error: null },
    { toInc: msg.fromInc },
  );
  sim.emit({
    type: 'consumer.left',
    groupId: group.id,
    consumerId: member.consumerId,
    memberId: member.memberId,
    t: sim.now,
  });
  removeMember(sim, b, group, member, {
    code: 'member-left',
    consumerId: member.consumerId,
    memberId: member.memberId,
  });
}
