// The group coordinator (kafka-spec.md 5.1-5.2) runs on the broker that leads the group's
// __consumer_offsets partition. The group's record stands for what Kafka persists in that
// partition, so a new coordinator continues from it after a failover. This file routes group
// requests and timers; the protocol is in rebalance.ts, committed offsets in offsets.ts.
import { createGroup } from '../../commands/createGroup';
import { brokerNode, isExternalNode } from '../../sim/ids';
import { coordinatorPartitionKey } from '../../sim/internalTopics';
import type { Sim } from '../../sim/sim';
import type { BrokerState, GroupRecord, Task } from '../../sim/world';
import { onCommit, onOffsetFetch } from './offsets';
import {
  armSession,
  completeJoin,
  dropMembersWhere,
  onHeartbeat,
  onJoin,
  onLeave,
  onInitialDelayEnd,
  onSync,
  prepareRebalance,
  removeMember,
} from './rebalance';
import { replyError, type GroupRequest } from './replies';

function isCoordinator(sim: Sim, b: BrokerState, groupId: string): boolean {
  const key = coordinatorPartitionKey(sim.world, groupId);
  return key !== null && b.meta[key]?.leader === b.id;
}

export function onGroupRequest(sim: Sim, b: BrokerState, msg: GroupRequest): void {
  const groupId = msg.body.groupId;
  let group = sim.world.groups[groupId];
  if (!isCoordinator(sim, b, groupId) || (!group && !isExternalNode(msg.from))) {
    replyError(sim, b, msg, 'NOT_COORDINATOR');
    return;
  }
  if (!group) {
    // A group nobody has used: Kafka creates it on a new member's JoinGroup or on a commit
    // outside any generation; it answers other requests as for a member it does not know.
    const creates =
      (msg.kind === 'join-group' && msg.body.memberId === '') ||
      (msg.kind === 'offset-commit' && msg.body.generation < 0);
    if (msg.kind === 'offset-fetch') return onOffsetFetch(sim, b, null, msg);
    if (!creates) return replyError(sim, b, msg, 'UNKNOWN_MEMBER_ID');
    group = createGroup(sim, groupId, [], {}, 'user');
  }
  if (!isLoadedOn(sim, group, b)) loadGroup(sim, b, group);
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

/**
 * Whether this life of broker `b` has taken over the group in the current leader epoch of its
 * __consumer_offsets partition (a restart, or leading that partition again, loads it again).
 */
function isLoadedOn(sim: Sim, group: GroupRecord, b: BrokerState): boolean {
  return (
    group.coordinator === b.id &&
    group.coordinatorInc === b.inc &&
    group.coordinatorEpoch === offsetsLeaderEpoch(sim, b, group.id)
  );
}

function offsetsLeaderEpoch(sim: Sim, b: BrokerState, groupId: string): number {
  const key = coordinatorPartitionKey(sim.world, groupId);
  return key === null ? -1 : (b.meta[key]?.leaderEpoch ?? -1);
}

/** Take over a group (this broker now leads its __consumer_offsets partition). */
function loadGroup(sim: Sim, b: BrokerState, group: GroupRecord): void {
  if (group.coordinator !== b.id)
    sim.emit({
      type: 'group.coordinator-changed',
      groupId: group.id,
      coordinator: b.id,
      t: sim.now,
    });
  group.coordinator = b.id;
  group.coordinatorInc = b.inc;
  group.coordinatorEpoch = offsetsLeaderEpoch(sim, b, group.id);
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
    if (coordinatorPartitionKey(sim.world, group.id) === partitionKey && !isLoadedOn(sim, group, b))
      loadGroup(sim, b, group);
  }
}

/** How soon a coordinator cut off from the network looks at a due group timer again. */
const ISOLATED_RECHECK_MS = 1000;

export function onGroupTimer(sim: Sim, b: BrokerState, task: Extract<Task, { k: 'timer' }>): void {
  // A coordinator cut off from the network cannot write to __consumer_offsets, so nothing it
  // decides alone (expiring members, ending a phase) would be committed: it looks again later.
  if (sim.isIsolated(brokerNode(b.id))) {
    sim.timer(brokerNode(b.id), b.inc, task.name, ISOLATED_RECHECK_MS, task.token, task.arg);
    return;
  }
  if (task.name === 'group.session-expiry') {
    const [groupId, memberId] = JSON.parse(task.arg!) as [string, string];
    const group = sim.world.groups[groupId];
    const member = group?.members[memberId];
    if (
      !member ||
      member.sessionToken !== task.token ||
      !isLoadedOn(sim, group, b) ||
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
      t: sim.now,
    });
    removeMember(sim, b, group, member, {
      code: 'member-session-timeout',
      consumerId: member.consumerId,
      memberId,
    });
    return;
  }
  const group = sim.world.groups[task.arg!];
  if (!group || !isLoadedOn(sim, group, b) || !isCoordinator(sim, b, group.id)) return;
  if (
    task.name === 'group.join-deadline' &&
    task.token === group.joinToken &&
    group.state === 'PreparingRebalance'
  ) {
    if (group.initialDelayUntil > 0) onInitialDelayEnd(sim, b, group);
    else completeJoin(sim, b, group);
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
