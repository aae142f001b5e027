// The group coordinator (kafka-spec.md 5.1-5.2): the classic protocol's JoinGroup / SyncGroup /
// Heartbeat / LeaveGroup state machine, generations, session and rebalance timeouts, and
// committed offsets. It runs on the broker that leads the group's __consumer_offsets partition.
// The group's state stands for what Kafka persists in that partition, so a new coordinator
// continues from it after a failover.
import { brokerNode, tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { BrokerState, GroupMember, GroupState, Message, Task } from '../sim/world';
import type { AssignorName, RebalanceReason } from '../types';
import { coordinatorPartitionKey } from '../sim/internalTopics';

type GroupRequest =
  | Message<'join-group'>
  | Message<'sync-group'>
  | Message<'heartbeat'>
  | Message<'leave-group'>
  | Message<'offset-commit'>
  | Message<'offset-fetch'>;

const consumerIdOf = (node: string) => node.slice('consumer:'.length);

function isCoordinator(sim: Sim, b: BrokerState, groupId: string): boolean {
  const key = coordinatorPartitionKey(sim.world, groupId);
  return key !== null && b.meta[key]?.leader === b.id;
}

function brokerCfg(b: BrokerState, key: string): number {
  return Number(b.config.eff[key]);
}

export function onGroupRequest(sim: Sim, b: BrokerState, raw: Message): void {
  const msg = raw as GroupRequest;
  const groupId = msg.body.groupId;
  const group = sim.world.groups[groupId];
  if (!group || !isCoordinator(sim, b, groupId)) {
    replyError(sim, b, msg, 'NOT_COORDINATOR');
    return;
  }
  if (!isLoadedOn(group, b)) loadGroup(sim, b, group);
  switch (msg.kind) {
    case 'join-group':
      return onJoin(sim, b, group, msg);
    case 'sync-group':
      return onSync(sim, b, group, msg);
    case 'heartbeat':
      return onHeartbeat(sim, b, group, msg);
    case 'leave-group':
      return onLeave(sim, b, group, msg);
    case 'offset-commit':
      return onCommit(sim, b, group, msg);
    case 'offset-fetch':
      return onOffsetFetch(sim, b, group, msg);
  }
}

function replyError(sim: Sim, b: BrokerState, msg: GroupRequest, error: string): void {
  const reqId = msg.body.reqId;
  const from = brokerNode(b.id);
  const opts = { toInc: msg.fromInc, error };
  switch (msg.kind) {
    case 'join-group':
      return sim.send(
        from,
        b.inc,
        msg.from,
        'join-group-response',
        {
          reqId,
          error,
          generation: -1,
          protocol: '',
          leader: '',
          memberId: msg.body.memberId,
          members: [],
        },
        opts,
      );
    case 'sync-group':
      return sim.send(
        from,
        b.inc,
        msg.from,
        'sync-group-response',
        { reqId, error, assignment: [] },
        opts,
      );
    case 'heartbeat':
      return sim.send(from, b.inc, msg.from, 'heartbeat-response', { reqId, error }, opts);
    case 'leave-group':
      return sim.send(from, b.inc, msg.from, 'leave-group-response', { reqId, error }, opts);
    case 'offset-commit':
      return sim.send(
        from,
        b.inc,
        msg.from,
        'offset-commit-response',
        { reqId, error, offsets: [] },
        opts,
      );
    case 'offset-fetch':
      return sim.send(
        from,
        b.inc,
        msg.from,
        'offset-fetch-response',
        { reqId, error, offsets: {} },
        opts,
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Coordinator failover
// ---------------------------------------------------------------------------------------------

/** Take over a group (this broker now leads its __consumer_offsets partition). */
const isLoadedOn = (group: GroupState, b: BrokerState) =>
  group.coordinator === b.id && group.coordinatorInc === b.inc;

export function loadGroup(sim: Sim, b: BrokerState, group: GroupState): void {
  if (group.coordinator !== b.id)
    sim.emit({ type: 'group.coordinator-changed', groupId: group.id, coordinator: b.id });
  group.coordinator = b.id;
  group.coordinatorInc = b.inc;
  // Parked requests lived on the old coordinator; an unfinished rebalance starts over.
  for (const m of Object.values(group.members)) {
    m.joinRequest = null;
    m.syncRequest = null;
    armSession(sim, b, group, m);
  }
  if (group.state === 'PreparingRebalance' || group.state === 'CompletingRebalance') {
    group.state = 'Stable';
    prepareRebalance(sim, b, group, { code: 'coordinator-moved', coordinator: b.id });
  }
}

/** Called when metadata makes `b` the leader of an __consumer_offsets partition. */
export function loadGroupsForPartition(sim: Sim, b: BrokerState, partitionKey: string): void {
  for (const group of Object.values(sim.world.groups)) {
    if (coordinatorPartitionKey(sim.world, group.id) === partitionKey && !isLoadedOn(group, b))
      loadGroup(sim, b, group);
  }
}

// ---------------------------------------------------------------------------------------------
// Membership and the rebalance state machine
// ---------------------------------------------------------------------------------------------

function armSession(sim: Sim, b: BrokerState, group: GroupState, m: GroupMember): void {
  m.sessionToken++;
  sim.timer(
    brokerNode(b.id),
    b.inc,
    'group.session-expiry',
    m.sessionTimeoutMs,
    m.sessionToken,
    JSON.stringify([group.id, m.memberId]),
  );
}

function rebalanceTimeout(group: GroupState): number {
  let max = 0;
  for (const m of Object.values(group.members)) max = Math.max(max, m.rebalanceTimeoutMs);
  return max;
}

function onJoin(sim: Sim, b: BrokerState, group: GroupState, msg: Message<'join-group'>): void {
  const body = msg.body;
  const consumerId = consumerIdOf(msg.from);
  if (
    body.sessionTimeoutMs < brokerCfg(b, 'group.min.session.timeout.ms') ||
    body.sessionTimeoutMs > brokerCfg(b, 'group.max.session.timeout.ms')
  ) {
    return replyError(sim, b, msg, 'INVALID_SESSION_TIMEOUT');
  }
  if (body.memberId === '') {
    // JoinGroup v4+: hand out a member id and ask the client to join again with it.
    const memberId = `${consumerId}-${sim.rng.hex8()}`;
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
  if (!member && group.state !== 'Empty' && group.protocol && group.protocol !== body.protocol) {
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
      assignment: [],
    };
    group.members[body.memberId] = member;
    sim.emit({ type: 'consumer.joined', groupId: group.id, consumerId, memberId: body.memberId });
  }
  member.topics = body.topics;
  member.ownedPartitions = body.ownedPartitions;
  member.generation = body.generation;
  member.sessionTimeoutMs = body.sessionTimeoutMs;
  member.rebalanceTimeoutMs = body.rebalanceTimeoutMs;
  member.joinRequest = msg;
  armSession(sim, b, group, member);
  if (group.state !== 'PreparingRebalance') {
    const code = isNew ? 'member-joined' : 'member-rejoined';
    prepareRebalance(sim, b, group, { code, consumerId, memberId: body.memberId });
  } else if (group.initialDelayUntil > sim.now && isNew) {
    // group.initial.rebalance.delay.ms: each new member of a new group extends the wait.
    const delay = brokerCfg(b, 'group.initial.rebalance.delay.ms');
    group.initialDelayUntil = Math.min(sim.now + delay, group.initialDelayUntil + delay);
    scheduleJoinDeadline(sim, b, group, group.initialDelayUntil - sim.now);
  }
  maybeCompleteJoin(sim, b, group);
}

function scheduleJoinDeadline(sim: Sim, b: BrokerState, group: GroupState, delayMs: number): void {
  group.joinToken++;
  sim.timer(brokerNode(b.id), b.inc, 'group.join-deadline', delayMs, group.joinToken, group.id);
}

function prepareRebalance(
  sim: Sim,
  b: BrokerState,
  group: GroupState,
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
  });
  if (wasEmpty) {
    const delay = brokerCfg(b, 'group.initial.rebalance.delay.ms');
    group.initialDelayUntil = sim.now + delay;
    scheduleJoinDeadline(sim, b, group, delay);
  } else {
    group.initialDelayUntil = 0;
    scheduleJoinDeadline(sim, b, group, rebalanceTimeout(group));
  }
}

function maybeCompleteJoin(sim: Sim, b: BrokerState, group: GroupState): void {
  if (group.state !== 'PreparingRebalance' || group.initialDelayUntil > sim.now) return;
  if (Object.values(group.members).every((m) => m.joinRequest !== null))
    completeJoin(sim, b, group);
}

/** Remove the members that missed a phase of the rebalance (they are out of the group). */
function dropMembersWhere(
  sim: Sim,
  group: GroupState,
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
    });
  }
  return dropped;
}

/** The join phase ends: drop members that did not rejoin, bump the generation, answer all. */
function completeJoin(sim: Sim, b: BrokerState, group: GroupState): void {
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
        members: isLeader
          ? members.map((x) => ({
              memberId: x.memberId,
              topics: x.topics,
              ownedPartitions: x.ownedPartitions,
              generation: x.generation,
            }))
          : [],
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

/** Each member votes for its assignor; the most votes wins (ties: first seen). */
function chooseProtocol(members: GroupMember[]): string {
  const votes = new Map<string, number>();
  for (const m of members) {
    const p = m.joinRequest?.body.protocol ?? 'range';
    votes.set(p, (votes.get(p) ?? 0) + 1);
  }
  let best = '';
  let bestVotes = -1;
  for (const [p, v] of votes) if (v > bestVotes) [best, bestVotes] = [p, v];
  return best;
}

function onSync(sim: Sim, b: BrokerState, group: GroupState, msg: Message<'sync-group'>): void {
  const body = msg.body;
  const member = group.members[body.memberId];
  if (!member) return replyError(sim, b, msg, 'UNKNOWN_MEMBER_ID');
  if (body.generation !== group.generation) return replyError(sim, b, msg, 'ILLEGAL_GENERATION');
  if (group.state === 'PreparingRebalance' || group.state === 'Empty')
    return replyError(sim, b, msg, 'REBALANCE_IN_PROGRESS');
  armSession(sim, b, group, member);
  if (group.state === 'Stable') {
    sendAssignment(sim, b, msg, member.assignment);
    return;
  }
  member.syncRequest = msg;
  if (body.memberId === group.leaderMemberId && body.assignments) {
    const previous: Record<string, string[]> = {};
    for (const m of Object.values(group.members)) {
      previous[m.consumerId] = m.ownedPartitions;
      m.assignment = body.assignments[m.memberId] ?? [];
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
    });
    for (const m of Object.values(group.members)) {
      if (m.syncRequest) sendAssignment(sim, b, m.syncRequest, m.assignment);
      m.syncRequest = null;
    }
  }
}

function sendAssignment(
  sim: Sim,
  b: BrokerState,
  req: Message<'sync-group'>,
  assignment: string[],
): void {
  sim.send(
    brokerNode(b.id),
    b.inc,
    req.from,
    'sync-group-response',
    { reqId: req.body.reqId, error: null, assignment },
    { toInc: req.fromInc },
  );
}

function onHeartbeat(sim: Sim, b: BrokerState, group: GroupState, msg: Message<'heartbeat'>): void {
  const member = group.members[msg.body.memberId];
  if (!member || group.state === 'Empty' || group.state === 'Dead')
    return replyError(sim, b, msg, 'UNKNOWN_MEMBER_ID');
  armSession(sim, b, group, member);
  if (group.state !== 'Stable') return replyError(sim, b, msg, 'REBALANCE_IN_PROGRESS');
  if (msg.body.generation !== group.generation)
    return replyError(sim, b, msg, 'ILLEGAL_GENERATION');
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'heartbeat-response',
    { reqId: msg.body.reqId, error: null },
    { toInc: msg.fromInc },
  );
}

function removeMember(
  sim: Sim,
  b: BrokerState,
  group: GroupState,
  member: GroupMember,
  reason: RebalanceReason,
): void {
  delete group.members[member.memberId];
  if (group.leaderMemberId === member.memberId) group.leaderMemberId = null;
  if (group.state === 'PreparingRebalance') maybeCompleteJoin(sim, b, group);
  else prepareRebalance(sim, b, group, reason);
}

function onLeave(sim: Sim, b: BrokerState, group: GroupState, msg: Message<'leave-group'>): void {
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
  });
  removeMember(sim, b, group, member, {
    code: 'member-left',
    consumerId: member.consumerId,
    memberId: member.memberId,
  });
}

function onCommit(
  sim: Sim,
  b: BrokerState,
  group: GroupState,
  msg: Message<'offset-commit'>,
): void {
  const body = msg.body;
  const standalone = body.generation < 0 && body.memberId === '' && group.state === 'Empty';
  if (!standalone) {
    // Kafka's order: a group waiting for SyncGroup refuses every commit as "rebalancing".
    if (group.state === 'CompletingRebalance')
      return replyError(sim, b, msg, 'REBALANCE_IN_PROGRESS');
    const member = group.members[body.memberId];
    if (!member) return replyError(sim, b, msg, 'UNKNOWN_MEMBER_ID');
    if (body.generation !== group.generation) return replyError(sim, b, msg, 'ILLEGAL_GENERATION');
  }
  const consumerId = standalone ? null : group.members[body.memberId].consumerId;
  for (const o of body.offsets) {
    const key = tpKey(o.topic, o.partition);
    if (group.committed[key] === o.offset) continue;
    group.committed[key] = o.offset;
    sim.emit({
      type: 'offset.committed',
      groupId: group.id,
      consumerId,
      topic: o.topic,
      partition: o.partition,
      offset: o.offset,
    });
  }
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'offset-commit-response',
    { reqId: body.reqId, error: null, offsets: body.offsets },
    { toInc: msg.fromInc },
  );
}

function onOffsetFetch(
  sim: Sim,
  b: BrokerState,
  group: GroupState,
  msg: Message<'offset-fetch'>,
): void {
  const offsets: Record<string, number> = {};
  for (const tp of msg.body.partitions) offsets[tp] = group.committed[tp] ?? -1;
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'offset-fetch-response',
    { reqId: msg.body.reqId, error: null, offsets },
    { toInc: msg.fromInc },
  );
}

// ---------------------------------------------------------------------------------------------
// Coordinator timers
// ---------------------------------------------------------------------------------------------

export function onGroupTimer(sim: Sim, b: BrokerState, task: Extract<Task, { k: 'timer' }>): void {
  // A coordinator cut off from the network cannot write to __consumer_offsets, so nothing it
  // decides alone (expiring members, ending a phase) would be committed: it waits.
  if (sim.isIsolated(brokerNode(b.id))) return;
  if (task.name === 'group.session-expiry') {
    const [groupId, memberId] = JSON.parse(task.arg!) as [string, string];
    const group = sim.world.groups[groupId];
    const member = group?.members[memberId];
    if (
      !member ||
      member.sessionToken !== task.token ||
      !isLoadedOn(group, b) ||
      !isCoordinator(sim, b, groupId)
    )
      return;
    // A member parked in JoinGroup or SyncGroup counts as alive.
    if (member.joinRequest || member.syncRequest) return;
    sim.emit({
      type: 'consumer.failed',
      groupId,
      consumerId: member.consumerId,
      memberId,
      reason: { code: 'member-session-timeout', consumerId: member.consumerId, memberId },
    });
    removeMember(sim, b, group, member, {
      code: 'member-session-timeout',
      consumerId: member.consumerId,
      memberId,
    });
    return;
  }
  const group = sim.world.groups[task.arg!];
  if (!group || !isLoadedOn(group, b) || !isCoordinator(sim, b, group.id)) return;
  if (
    task.name === 'group.join-deadline' &&
    task.token === group.joinToken &&
    group.state === 'PreparingRebalance'
  ) {
    if (group.initialDelayUntil > sim.now) return;
    group.initialDelayUntil = 0;
    completeJoin(sim, b, group);
  } else if (
    task.name === 'group.sync-deadline' &&
    task.token === group.syncToken &&
    group.state === 'CompletingRebalance'
  ) {
    // Members that did not send SyncGroup in time are removed; the rest rebalance again.
    const consumerIds = dropMembersWhere(sim, group, (m) => m.syncRequest === null);
    if (group.leaderMemberId && !group.members[group.leaderMemberId]) group.leaderMemberId = null;
    prepareRebalance(sim, b, group, { code: 'members-missed-sync', consumerIds });
  }
}

/** resetOffsets (kafka-consumer-groups --reset-offsets): only for a group with no active members. */
export function resetCommitted(
  sim: Sim,
  group: GroupState,
  topic: string,
  offsets: Record<number, number>,
): void {
  for (const [partition, offset] of Object.entries(offsets)) {
    group.committed[tpKey(topic, Number(partition))] = offset;
    sim.emit({
      type: 'offset.committed',
      groupId: group.id,
      consumerId: null,
      topic,
      partition: Number(partition),
      offset,
    });
  }
}
