// A consumer process: created in a group, (re)started as a brand-new member, crashed without a
// word (the coordinator notices after session.timeout.ms), or closed with a final commit and
// LeaveGroup (the group rebalances at once).
import { metadataRefreshDelay } from '../metadataAge';
import * as cfg from '../../config/access';
import { newSlot, refreshSlot, setExplicit } from '../../config/resolve';
import { brokerNode, consumerNode } from '../../sim/ids';
import type { Sim } from '../../sim/sim';
import type { ConsumerState, GroupRecord } from '../../sim/world';
import type { ConfigMap } from '../../types';
import { dropPartitions } from './assignment';
import { commit } from './commits';
import { findCoordinator } from './coordinatorLookup';
import { requestMetadata } from './metadata';
import { noDeadlineChecks } from './network';
import {
  newCommits,
  newFetcher,
  newMembership,
  newMetadata,
  newPollLoop,
  newPositions,
} from './state';

export function createConsumer(
  sim: Sim,
  group: GroupRecord,
  consumerId: string,
  overrides?: ConfigMap,
): ConsumerState {
  const slot = newSlot('consumer');
  slot.explicit = { ...group.config.explicit };
  setExplicit(slot.explicit, overrides, 'user');
  refreshSlot(sim.world, slot);
  const c: ConsumerState = {
    id: consumerId,
    node: consumerNode(consumerId),
    groupId: group.id,
    status: 'joining',
    inc: 0,
    config: slot,
    requests: {
      nextReqId: 1,
      pending: [],
      deadlineChecks: noDeadlineChecks(),
      retrying: [],
      knownBrokers: sim.world.brokers.map((b) => b.id),
      brokerFailedAt: {},
    },
    metadata: newMetadata(),
    membership: newMembership(),
    positions: newPositions(),
    fetcher: newFetcher(),
    poll: newPollLoop(),
    commits: newCommits(0),
    lastError: null,
    consumed: 0,
  };
  sim.world.consumers[consumerId] = c;
  group.consumerIds.push(consumerId);
  sim.emit({ type: 'consumer.added', groupId: group.id, consumerId, t: sim.now });
  startConsumer(sim, c);
  return c;
}

/** (Re)start the client process: a new incarnation that joins as a brand-new member. */
export function startConsumer(sim: Sim, c: ConsumerState): void {
  c.inc = sim.world.nextInc++;
  c.status = 'joining';
  // A new member: nothing owned, no member id, no coordinator yet. (Timer tokens carry on; the
  // old process's timers are stale by their incarnation anyway.)
  const { heartbeatToken, lastCoordinatorAck } = c.membership;
  c.membership = { ...newMembership(), heartbeatToken, lastCoordinatorAck, rejoinNeeded: true };
  c.metadata.inFlight = false;
  c.positions = newPositions();
  c.fetcher = newFetcher();
  c.poll = {
    ...newPollLoop(),
    token: c.poll.token,
    pollTimeoutToken: c.poll.pollTimeoutToken,
    lastPollAt: sim.now,
  };
  c.commits = newCommits(sim.now);
  c.requests.pending = [];
  c.requests.deadlineChecks = noDeadlineChecks();
  c.requests.retrying = [];
  requestMetadata(sim, c);
  findCoordinator(sim, c);
  sim.timer(c.node, c.inc, 'consumer.metadata-refresh', metadataRefreshDelay(c.config));
}

/** Crash: the process dies without a word; the coordinator notices after session.timeout.ms. */
export function killConsumer(sim: Sim, c: ConsumerState): void {
  c.status = 'crashed';
  c.inc = sim.world.nextInc++;
  sim.emit({
    type: 'consumer.failed',
    groupId: c.groupId,
    consumerId: c.id,
    memberId: c.membership.memberId,
    reason: { code: 'process-crashed' },
    t: sim.now,
  });
  dropPartitions(c, c.membership.owned);
}

/** close(): commit (with auto-commit), then LeaveGroup so the group rebalances at once. */
export function closeConsumer(sim: Sim, c: ConsumerState): void {
  const m = c.membership;
  if (m.coordinator !== null && m.memberId && m.generation >= 0) {
    if (cfg.bool(c.config, 'enable.auto.commit')) commit(sim, c);
    // Sent as the process ends: nobody waits for the answer.
    sim.send(c.node, c.inc, brokerNode(m.coordinator), 'leave-group', {
      reqId: c.requests.nextReqId++,
      groupId: c.groupId,
      memberId: m.memberId,
    });
  }
  c.status = 'closed';
  c.inc = sim.world.nextInc++;
  dropPartitions(c, c.membership.owned);
}
