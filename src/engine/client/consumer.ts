// The consumer client (kafka-spec.md 5.2-5.6): find the coordinator, join the group (the leader
// runs the assignor), eager or cooperative revocation, heartbeats, positions from committed
// offsets or auto.offset.reset, fetching from partition leaders up to the high watermark, the
// poll loop with max.poll.records and a per-record processing time, and auto or manual commit.
import { assign, rebalanceProtocolOf } from '../kernels';
import { newSlot, refreshSlot, setExplicit } from '../config/resolve';
import { pickBroker } from './pickBroker';
import { brokerNode, consumerNode, parseTp, tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { ConsumerState, GroupState, Message, Task } from '../sim/world';
import type { AssignorName, ConfigMap, MessageKind } from '../types';

const num = (c: ConsumerState, key: string) => Number(c.config.eff[key]);
const assignorOf = (c: ConsumerState) =>
  String(c.config.eff['partition.assignment.strategy']) as AssignorName;
const isCooperative = (c: ConsumerState) => rebalanceProtocolOf(assignorOf(c)) === 'cooperative';
const isActive = (c: ConsumerState) => c.status !== 'crashed' && c.status !== 'closed';

const COORDINATOR_ERRORS = new Set([
  'NOT_COORDINATOR',
  'COORDINATOR_NOT_AVAILABLE',
  'COORDINATOR_LOAD_IN_PROGRESS',
  'NETWORK_EXCEPTION',
  'REQUEST_TIMED_OUT',
]);
const LEADER_ERRORS = new Set([
  'NOT_LEADER_OR_FOLLOWER',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
  'LEADER_NOT_AVAILABLE',
  'NETWORK_EXCEPTION',
  'REQUEST_TIMED_OUT',
]);

// ---------------------------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------------------------

export function createConsumer(
  sim: Sim,
  group: GroupState,
  consumerId: string,
  overrides?: ConfigMap,
): ConsumerState {
  const slot = newSlot();
  slot.explicit = { ...group.config.explicit };
  setExplicit(slot.explicit, overrides, 'user');
  refreshSlot(sim.world, 'consumer', slot);
  const c: ConsumerState = {
    id: consumerId,
    node: consumerNode(consumerId),
    groupId: group.id,
    status: 'joining',
    inc: 0,
    config: slot,
    memberId: '',
    generation: -1,
    coordinator: null,
    coordinatorInFlight: false,
    owned: [],
    lastAssignment: [],
    positions: {},
    fetchPos: {},
    needsPosition: [],
    buffer: {},
    inHand: [],
    pollToken: 0,
    lastAutoCommit: 0,
    lastCoordinatorAck: 0,
    retrying: [],
    partitionCounts: {},
    lastError: null,
    leaders: {},
    fetchInFlight: {},
    lastCommitted: {},
    polling: false,
    joinInFlight: false,
    syncInFlight: false,
    rejoinNeeded: false,
    heartbeatToken: 0,
    metadataInFlight: false,
    knownBrokers: sim.world.brokers.map((b) => b.id),
    brokerFailedAt: {},
    pending: {},
    consumed: 0,
    nextReqId: 1,
  };
  sim.world.consumers[consumerId] = c;
  group.consumerIds.push(consumerId);
  sim.emit({ type: 'consumer.added', groupId: group.id, consumerId });
  startConsumer(sim, c);
  return c;
}

/** (Re)start the client process: a new incarnation that joins as a brand-new member. */
export function startConsumer(sim: Sim, c: ConsumerState): void {
  c.inc = sim.world.nextInc++;
  c.status = 'joining';
  c.memberId = '';
  c.generation = -1;
  c.coordinator = null;
  c.coordinatorInFlight = false;
  c.owned = [];
  c.lastAssignment = [];
  c.positions = {};
  c.fetchPos = {};
  c.needsPosition = [];
  c.buffer = {};
  c.inHand = [];
  c.fetchInFlight = {};
  c.lastCommitted = {};
  c.polling = false;
  c.joinInFlight = false;
  c.syncInFlight = false;
  c.rejoinNeeded = true;
  c.metadataInFlight = false;
  c.pending = {};
  c.retrying = [];
  c.lastAutoCommit = sim.now;
  requestMetadata(sim, c);
  findCoordinator(sim, c);
  sim.timer(c.node, c.inc, 'consumer.metadata-refresh', num(c, 'metadata.max.age.ms'));
}

/** Crash: the process dies without a word; the coordinator notices after session.timeout.ms. */
export function killConsumer(sim: Sim, c: ConsumerState): void {
  c.status = 'crashed';
  c.inc = sim.world.nextInc++;
  sim.emit({
    type: 'consumer.failed',
    groupId: c.groupId,
    consumerId: c.id,
    memberId: c.memberId,
    reason: { code: 'process-crashed' },
  });
  dropPartitions(c, c.owned);
}

/** close(): commit (with auto-commit), then LeaveGroup so the group rebalances at once. */
export function closeConsumer(sim: Sim, c: ConsumerState): void {
  if (c.coordinator !== null && c.memberId && c.generation >= 0) {
    if (c.config.eff['enable.auto.commit'] === true) commit(sim, c);
    const reqId = c.nextReqId++;
    sim.send(c.node, c.inc, brokerNode(c.coordinator), 'leave-group', {
      reqId,
      groupId: c.groupId,
      memberId: c.memberId,
    });
  }
  c.status = 'closed';
  c.inc = sim.world.nextInc++;
  dropPartitions(c, c.owned);
}

/** The coordinator no longer knows this member (or its generation): its partitions are lost. */
const isFenced = (error: string | null) =>
  error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION';

/**
 * onPartitionsLost (KIP-429): another member may already own them, so nothing is committed and
 * nothing is claimed when rejoining; an unknown member also forgets its member id.
 */
function losePartitions(sim: Sim, c: ConsumerState, error: string | null): void {
  if (error === 'UNKNOWN_MEMBER_ID') c.memberId = '';
  c.generation = -1;
  c.lastAssignment = [];
  revokeAll(sim, c);
}

/** Give up every owned partition and say so (eager revocation, or partitions lost). */
function revokeAll(sim: Sim, c: ConsumerState): void {
  if (c.owned.length === 0) return;
  const revoked = [...c.owned];
  dropPartitions(c, revoked);
  sim.emit({
    type: 'consumer.assigned',
    groupId: c.groupId,
    consumerId: c.id,
    generation: c.generation,
    partitions: [],
    revoked,
  });
}

function dropPartitions(c: ConsumerState, tps: string[]): void {
  for (const tp of tps) {
    delete c.positions[tp];
    delete c.fetchPos[tp];
    delete c.buffer[tp];
    delete c.fetchInFlight[tp];
  }
  c.owned = c.owned.filter((tp) => !tps.includes(tp));
  c.needsPosition = c.needsPosition.filter((tp) => !tps.includes(tp));
  c.inHand = c.inHand.filter((r) => !tps.includes(r.tp));
}

// ---------------------------------------------------------------------------------------------
// Requests with timeouts
// ---------------------------------------------------------------------------------------------

function request(
  sim: Sim,
  c: ConsumerState,
  broker: number,
  kind: MessageKind,
  body: Record<string, unknown>,
): number {
  const reqId = c.nextReqId++;
  c.pending[reqId] = { kind, broker, generation: c.generation };
  sim.send(c.node, c.inc, brokerNode(broker), kind, { reqId, ...body } as never);
  const wait = kind === 'fetch' ? num(c, 'fetch.max.wait.ms') : 0;
  sim.timer(c.node, c.inc, 'consumer.request-timeout', num(c, 'request.timeout.ms') + wait, reqId);
  return reqId;
}

/** Try `what` again after retry.backoff.ms; one pending retry per kind, so retries never multiply. */
function retryLater(sim: Sim, c: ConsumerState, what: string): void {
  if (c.retrying.includes(what)) return;
  c.retrying.push(what);
  sim.timer(c.node, c.inc, 'consumer.retry', num(c, 'retry.backoff.ms'), undefined, what);
}

// ---------------------------------------------------------------------------------------------
// Metadata and coordinator discovery
// ---------------------------------------------------------------------------------------------

function groupTopics(sim: Sim, c: ConsumerState): string[] {
  return sim.world.groups[c.groupId]?.topics ?? [];
}

function requestMetadata(sim: Sim, c: ConsumerState): void {
  if (c.metadataInFlight) return;
  c.metadataInFlight = true;
  request(sim, c, pickBroker(c.knownBrokers, c.brokerFailedAt), 'metadata', {
    topics: groupTopics(sim, c),
  });
}

function onMetadata(sim: Sim, c: ConsumerState, msg: Message<'metadata-response'>): void {
  c.metadataInFlight = false;
  if (msg.body.brokers.length > 0) c.knownBrokers = [...msg.body.brokers];
  let countsChanged = false;
  let missing = false;
  for (const t of msg.body.topics) {
    if (t.error) {
      missing = true;
      continue;
    }
    if (
      c.partitionCounts[t.name] !== undefined &&
      c.partitionCounts[t.name] !== t.partitions.length
    )
      countsChanged = true;
    c.partitionCounts[t.name] = t.partitions.length;
    for (const m of t.partitions) {
      const key = tpKey(m.topic, m.partition);
      const hw = c.leaders[key]?.hw ?? 0;
      c.leaders[key] = { leader: m.leader, leaderEpoch: m.leaderEpoch, hw };
      if (m.leader < 0) missing = true;
    }
  }
  if (missing) retryLater(sim, c, 'metadata');
  // The leader notices new partitions and asks for a rebalance (Kafka's metadata snapshot check).
  if (countsChanged && c.status === 'stable') {
    c.rejoinNeeded = true;
    maybeRejoin(sim, c, 'partitions added');
  }
  maybeFetch(sim, c);
}

function findCoordinator(sim: Sim, c: ConsumerState): void {
  if (c.coordinatorInFlight || !isActive(c)) return;
  c.coordinatorInFlight = true;
  request(sim, c, pickBroker(c.knownBrokers, c.brokerFailedAt), 'find-coordinator', {
    groupId: c.groupId,
  });
}

function onFindCoordinator(
  sim: Sim,
  c: ConsumerState,
  msg: Message<'find-coordinator-response'>,
): void {
  c.coordinatorInFlight = false;
  if (msg.body.error) {
    retryLater(sim, c, 'coordinator');
    return;
  }
  c.coordinator = msg.body.coordinator;
  c.lastCoordinatorAck = sim.now;
  if (c.rejoinNeeded) return maybeRejoin(sim, c, 'coordinator found');
  // A new coordinator hears from us at once: our session there is already running.
  if (c.memberId && c.generation >= 0) sendHeartbeat(sim, c);
  startHeartbeats(sim, c);
  fetchCommittedOffsets(sim, c);
}

const COORDINATOR_REQUESTS = new Set<MessageKind>([
  'join-group',
  'sync-group',
  'heartbeat',
  'offset-commit',
  'offset-fetch',
]);

/** Forget the coordinator and everything asked of it; find it again (and rejoin if mid-join). */
function coordinatorLost(sim: Sim, c: ConsumerState): void {
  if (c.joinInFlight || c.syncInFlight) c.rejoinNeeded = true;
  c.coordinator = null;
  c.joinInFlight = false;
  c.syncInFlight = false;
  for (const [reqId, p] of Object.entries(c.pending))
    if (COORDINATOR_REQUESTS.has(p.kind)) delete c.pending[reqId];
  findCoordinator(sim, c);
}

// ---------------------------------------------------------------------------------------------
// Joining the group
// ---------------------------------------------------------------------------------------------

/** Ask this consumer to rejoin its group (a setting that needs a rebalance changed). */
export function requestRejoin(sim: Sim, c: ConsumerState): void {
  c.rejoinNeeded = true;
  maybeRejoin(sim, c, 'config changed');
}

function maybeRejoin(sim: Sim, c: ConsumerState, _reason: string): void {
  if (!isActive(c) || c.joinInFlight || c.syncInFlight) return;
  if (c.coordinator === null) {
    findCoordinator(sim, c);
    return;
  }
  c.rejoinNeeded = false;
  if (c.status === 'stable') c.status = 'rebalancing';
  if (!isCooperative(c) && c.owned.length > 0) {
    // Eager: revoke everything before joining (committing first when auto-commit is on).
    if (c.config.eff['enable.auto.commit'] === true) commit(sim, c);
    revokeAll(sim, c);
  }
  c.joinInFlight = true;
  request(sim, c, c.coordinator, 'join-group', {
    groupId: c.groupId,
    memberId: c.memberId,
    sessionTimeoutMs: num(c, 'session.timeout.ms'),
    rebalanceTimeoutMs: num(c, 'max.poll.interval.ms'),
    protocol: assignorOf(c),
    topics: groupTopics(sim, c),
    ownedPartitions: isCooperative(c) ? [...c.owned] : [...c.lastAssignment],
    generation: c.generation,
  });
}

function onJoinResponse(sim: Sim, c: ConsumerState, msg: Message<'join-group-response'>): void {
  c.joinInFlight = false;
  const body = msg.body;
  if (!COORDINATOR_ERRORS.has(body.error ?? '')) c.lastCoordinatorAck = sim.now;
  if (body.error === 'MEMBER_ID_REQUIRED') {
    c.memberId = body.memberId;
    c.rejoinNeeded = true;
    return maybeRejoin(sim, c, 'member id');
  }
  if (body.error) {
    if (isFenced(body.error)) losePartitions(sim, c, body.error);
    c.rejoinNeeded = true;
    if (COORDINATOR_ERRORS.has(body.error)) return coordinatorLost(sim, c);
    return retryLater(sim, c, 'join');
  }
  c.generation = body.generation;
  c.memberId = body.memberId;
  let assignments: Record<string, string[]> | null = null;
  if (body.leader === body.memberId)
    assignments = runAssignor(c, body.protocol as AssignorName, body.members);
  c.syncInFlight = true;
  request(sim, c, c.coordinator!, 'sync-group', {
    groupId: c.groupId,
    generation: c.generation,
    memberId: c.memberId,
    assignments,
  });
}

/** The group leader computes everyone's assignment with the agreed assignor (client-side). */
function runAssignor(
  c: ConsumerState,
  protocol: AssignorName,
  members: Message<'join-group-response'>['body']['members'],
): Record<string, string[]> {
  const partitionsPerTopic: Record<string, number> = {};
  for (const m of members)
    for (const t of m.topics)
      if (c.partitionCounts[t] !== undefined) partitionsPerTopic[t] = c.partitionCounts[t];
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

function onSyncResponse(sim: Sim, c: ConsumerState, msg: Message<'sync-group-response'>): void {
  c.syncInFlight = false;
  const body = msg.body;
  if (!COORDINATOR_ERRORS.has(body.error ?? '')) c.lastCoordinatorAck = sim.now;
  if (body.error) {
    if (isFenced(body.error)) losePartitions(sim, c, body.error);
    c.rejoinNeeded = true;
    if (COORDINATOR_ERRORS.has(body.error)) return coordinatorLost(sim, c);
    return maybeRejoin(sim, c, body.error);
  }
  const assigned = body.assignment;
  const revoked = c.owned.filter((tp) => !assigned.includes(tp));
  const added = assigned.filter((tp) => !c.owned.includes(tp));
  if (revoked.length > 0 && c.config.eff['enable.auto.commit'] === true) commit(sim, c);
  dropPartitions(c, revoked);
  c.owned = [...c.owned, ...added];
  c.lastAssignment = [...assigned];
  c.needsPosition.push(...added);
  c.status = 'stable';
  sim.emit({
    type: 'consumer.assigned',
    groupId: c.groupId,
    consumerId: c.id,
    generation: c.generation,
    partitions: [...c.owned],
    revoked,
  });
  fetchCommittedOffsets(sim, c);
  startHeartbeats(sim, c);
  // Cooperative: having given partitions up, rejoin at once so they can be reassigned.
  if (isCooperative(c) && revoked.length > 0) {
    c.rejoinNeeded = true;
    maybeRejoin(sim, c, 'revoked partitions');
  }
}

// ---------------------------------------------------------------------------------------------
// Heartbeats
// ---------------------------------------------------------------------------------------------

function startHeartbeats(sim: Sim, c: ConsumerState): void {
  c.heartbeatToken++;
  sim.timer(c.node, c.inc, 'consumer.heartbeat', num(c, 'heartbeat.interval.ms'), c.heartbeatToken);
}

function onHeartbeatTimer(sim: Sim, c: ConsumerState, token: number): void {
  if (token !== c.heartbeatToken || !isActive(c)) return;
  const busy = c.joinInFlight || c.syncInFlight;
  if (
    c.coordinator !== null &&
    !busy &&
    sim.now - c.lastCoordinatorAck > num(c, 'session.timeout.ms')
  ) {
    // Like Java's heartbeat thread: no answer for a whole session means the coordinator is gone.
    coordinatorLost(sim, c);
  } else if (c.coordinator !== null && c.memberId && !busy) {
    sendHeartbeat(sim, c);
  }
  sim.timer(c.node, c.inc, 'consumer.heartbeat', num(c, 'heartbeat.interval.ms'), c.heartbeatToken);
}

function sendHeartbeat(sim: Sim, c: ConsumerState): void {
  request(sim, c, c.coordinator!, 'heartbeat', {
    groupId: c.groupId,
    generation: c.generation,
    memberId: c.memberId,
  });
}

function onHeartbeatResponse(
  sim: Sim,
  c: ConsumerState,
  msg: Message<'heartbeat-response'>,
  sentGeneration: number,
): void {
  const error = msg.body.error;
  if (!COORDINATOR_ERRORS.has(error ?? '')) c.lastCoordinatorAck = sim.now;
  if (!error || c.joinInFlight || c.syncInFlight || sentGeneration !== c.generation) return;
  if (COORDINATOR_ERRORS.has(error)) return coordinatorLost(sim, c);
  if (isFenced(error)) losePartitions(sim, c, error);
  c.rejoinNeeded = true;
  maybeRejoin(sim, c, error);
}

// ---------------------------------------------------------------------------------------------
// Positions: committed offsets, auto.offset.reset
// ---------------------------------------------------------------------------------------------

function fetchCommittedOffsets(sim: Sim, c: ConsumerState): void {
  if (c.needsPosition.length === 0 || c.coordinator === null) return;
  request(sim, c, c.coordinator, 'offset-fetch', {
    groupId: c.groupId,
    partitions: [...c.needsPosition],
  });
}

function onOffsetFetch(sim: Sim, c: ConsumerState, msg: Message<'offset-fetch-response'>): void {
  if (msg.body.error) {
    if (COORDINATOR_ERRORS.has(msg.body.error)) coordinatorLost(sim, c);
    return retryLater(sim, c, 'offsets');
  }
  const toReset: string[] = [];
  for (const [tp, offset] of Object.entries(msg.body.offsets)) {
    if (!c.needsPosition.includes(tp)) continue;
    if (offset >= 0) {
      setPosition(c, tp, offset);
      c.lastCommitted[tp] = offset;
    } else {
      toReset.push(tp);
    }
  }
  c.needsPosition = c.needsPosition.filter((tp) => !(tp in c.positions));
  resetPositions(sim, c, toReset);
  maybeFetch(sim, c);
}

function setPosition(c: ConsumerState, tp: string, offset: number): void {
  c.positions[tp] = offset;
  c.fetchPos[tp] = offset;
  c.buffer[tp] = [];
  c.inHand = c.inHand.filter((r) => r.tp !== tp);
}

/** auto.offset.reset: earliest = log start offset, latest = high watermark (ListOffsets). */
function resetPositions(sim: Sim, c: ConsumerState, tps: string[]): void {
  const policy = String(c.config.eff['auto.offset.reset']);
  if (tps.length === 0) return;
  if (policy === 'none') {
    c.lastError = 'NO_OFFSET_FOR_PARTITION';
    return;
  }
  const byLeader = new Map<number, string[]>();
  for (const tp of tps) {
    const leader = c.leaders[tp]?.leader ?? -1;
    if (leader < 0) {
      requestMetadata(sim, c);
      retryLater(sim, c, 'offsets');
      continue;
    }
    byLeader.set(leader, [...(byLeader.get(leader) ?? []), tp]);
  }
  const timestamp = policy === 'earliest' ? -2 : -1;
  for (const [leader, list] of byLeader) {
    request(sim, c, leader, 'list-offsets', {
      partitions: list.map((tp) => ({ ...parseTp(tp), timestamp })),
    });
  }
}

function onListOffsets(sim: Sim, c: ConsumerState, msg: Message<'list-offsets-response'>): void {
  const policy = String(c.config.eff['auto.offset.reset']);
  for (const r of msg.body.results) {
    const tp = tpKey(r.topic, r.partition);
    if (!c.owned.includes(tp) || !c.needsPosition.includes(tp)) continue;
    if (r.error) {
      requestMetadata(sim, c);
      retryLater(sim, c, 'offsets');
      continue;
    }
    setPosition(c, tp, r.offset);
    c.needsPosition = c.needsPosition.filter((x) => x !== tp);
    sim.emit({
      type: 'offset.reset',
      groupId: c.groupId,
      consumerId: c.id,
      topic: r.topic,
      partition: r.partition,
      offset: r.offset,
      reason: { code: 'auto-offset-reset', policy: policy as 'earliest' | 'latest' },
    });
  }
  maybeFetch(sim, c);
}

// ---------------------------------------------------------------------------------------------
// Fetching and the poll loop
// ---------------------------------------------------------------------------------------------

/** Fetch for owned partitions with a position, no fetch in flight and nothing buffered. */
function maybeFetch(sim: Sim, c: ConsumerState): void {
  if (!isActive(c)) return;
  const byLeader = new Map<number, string[]>();
  let needMetadata = false;
  for (const tp of c.owned) {
    if (c.fetchInFlight[tp] || !(tp in c.fetchPos) || (c.buffer[tp]?.length ?? 0) > 0) continue;
    const leader = c.leaders[tp]?.leader ?? -1;
    if (leader < 0) {
      needMetadata = true;
      continue;
    }
    byLeader.set(leader, [...(byLeader.get(leader) ?? []), tp]);
  }
  if (needMetadata) requestMetadata(sim, c);
  for (const [leader, tps] of byLeader) {
    const reqId = c.nextReqId;
    for (const tp of tps) c.fetchInFlight[tp] = reqId;
    request(sim, c, leader, 'fetch', {
      groupId: c.groupId,
      maxWaitMs: num(c, 'fetch.max.wait.ms'),
      partitions: tps.map((tp) => ({
        ...parseTp(tp),
        fetchOffset: c.fetchPos[tp],
        currentLeaderEpoch: c.leaders[tp].leaderEpoch,
      })),
    });
  }
}

function onFetchResponse(sim: Sim, c: ConsumerState, msg: Message<'fetch-response'>): void {
  let refresh = false;
  const reset: string[] = [];
  for (const part of msg.body.partitions) {
    const tp = tpKey(part.topic, part.partition);
    c.fetchInFlight[tp] = 0;
    if (!c.owned.includes(tp) || !(tp in c.fetchPos)) continue;
    if (part.error) {
      if (part.error === 'OFFSET_OUT_OF_RANGE') reset.push(tp);
      else if (LEADER_ERRORS.has(part.error)) refresh = true;
      continue;
    }
    const info = c.leaders[tp];
    if (info) info.hw = part.highWatermark;
    const buf = (c.buffer[tp] ??= []);
    for (const batch of part.batches) {
      const from = Math.max(0, c.fetchPos[tp] - batch.baseOffset);
      if (from >= batch.records.length) continue;
      buf.push({ batch, from });
      c.fetchPos[tp] = batch.baseOffset + batch.records.length;
    }
  }
  if (reset.length > 0) {
    for (const tp of reset) if (!c.needsPosition.includes(tp)) c.needsPosition.push(tp);
    resetPositions(sim, c, reset);
  }
  if (refresh) requestMetadata(sim, c);
  if (!c.polling) schedulePoll(sim, c, 0);
  maybeFetch(sim, c);
}

function schedulePoll(sim: Sim, c: ConsumerState, delay: number): void {
  c.polling = true;
  c.pollToken++;
  sim.timer(c.node, c.inc, 'consumer.poll', delay, c.pollToken);
}

/**
 * One step of the application loop: poll() hands out up to max.poll.records buffered records,
 * the application processes them one at a time (sim.processing.ms each), then polls again.
 */
function onPoll(sim: Sim, c: ConsumerState, token: number): void {
  if (token !== c.pollToken || !isActive(c)) return;
  const processingMs = num(c, 'sim.processing.ms');
  if (c.inHand.length === 0) {
    maybeAutoCommit(sim, c);
    takePollBatch(c);
    if (c.inHand.length === 0) {
      c.polling = false;
      maybeFetch(sim, c);
      return;
    }
    maybeFetch(sim, c);
  }
  // Process records; with no processing time the whole poll batch is handled now.
  do {
    const run = c.inHand[0];
    const r = run.batch.records[run.from];
    const offset = run.batch.baseOffset + run.from;
    run.from++;
    if (run.from >= run.to) c.inHand.shift();
    c.positions[run.tp] = offset + 1;
    c.consumed++;
    sim.emit({
      type: 'record.consumed',
      groupId: c.groupId,
      consumerId: c.id,
      topic: run.topic,
      partition: run.partition,
      offset,
      key: r.key,
      value: r.value,
    });
  } while (processingMs === 0 && c.inHand.length > 0);
  if (c.inHand.length === 0 && c.config.eff['enable.auto.commit'] !== true) commit(sim, c);
  schedulePoll(sim, c, processingMs);
}

/** poll(): hand out up to max.poll.records, round-robin over partitions so none starves. */
function takePollBatch(c: ConsumerState): void {
  let budget = num(c, 'max.poll.records');
  while (budget > 0) {
    let took = false;
    for (const tp of c.owned) {
      const buf = c.buffer[tp];
      if (!buf || buf.length === 0 || budget === 0) continue;
      const head = buf[0];
      const n = Math.min(head.batch.records.length - head.from, budget);
      const { topic, partition } = parseTp(tp);
      c.inHand.push({
        tp,
        topic,
        partition,
        batch: head.batch,
        from: head.from,
        to: head.from + n,
      });
      head.from += n;
      if (head.from >= head.batch.records.length) buf.shift();
      budget -= n;
      took = true;
    }
    if (!took) break;
  }
}

// ---------------------------------------------------------------------------------------------
// Commits
// ---------------------------------------------------------------------------------------------

function maybeAutoCommit(sim: Sim, c: ConsumerState): void {
  if (c.config.eff['enable.auto.commit'] !== true) return;
  if (sim.now - c.lastAutoCommit < num(c, 'auto.commit.interval.ms')) return;
  c.lastAutoCommit = sim.now;
  commit(sim, c);
}

/** Commit the consumed positions that changed since the last commit. */
function commit(sim: Sim, c: ConsumerState): void {
  if (c.coordinator === null || !c.memberId || c.generation < 0) return;
  const offsets = c.owned
    .filter((tp) => tp in c.positions && c.positions[tp] !== c.lastCommitted[tp])
    .map((tp) => ({ ...parseTp(tp), offset: c.positions[tp] }));
  if (offsets.length === 0) return;
  request(sim, c, c.coordinator, 'offset-commit', {
    groupId: c.groupId,
    generation: c.generation,
    memberId: c.memberId,
    offsets,
  });
}

function onCommitResponse(
  sim: Sim,
  c: ConsumerState,
  msg: Message<'offset-commit-response'>,
  sentGeneration: number,
): void {
  const error = msg.body.error;
  if (!error) {
    for (const o of msg.body.offsets) c.lastCommitted[tpKey(o.topic, o.partition)] = o.offset;
    return;
  }
  c.lastError = error;
  if (COORDINATOR_ERRORS.has(error)) return coordinatorLost(sim, c);
  // An answer about a generation we have since left says nothing about the current one.
  if (sentGeneration !== c.generation) return;
  if (isFenced(error)) losePartitions(sim, c, error);
  if (
    error === 'REBALANCE_IN_PROGRESS' ||
    error === 'ILLEGAL_GENERATION' ||
    error === 'UNKNOWN_MEMBER_ID'
  ) {
    c.rejoinNeeded = true;
    maybeRejoin(sim, c, error);
  }
}

// ---------------------------------------------------------------------------------------------
// Routing
// ---------------------------------------------------------------------------------------------

export function onConsumerMessage(sim: Sim, c: ConsumerState, msg: Message): void {
  if (!isActive(c)) return;
  const reqId = (msg.body as { reqId?: number }).reqId;
  const pending = reqId === undefined ? undefined : c.pending[reqId];
  if (!pending) return;
  delete c.pending[reqId!];
  switch (msg.kind) {
    case 'metadata-response':
      return onMetadata(sim, c, msg as Message<'metadata-response'>);
    case 'find-coordinator-response':
      return onFindCoordinator(sim, c, msg as Message<'find-coordinator-response'>);
    case 'join-group-response':
      return onJoinResponse(sim, c, msg as Message<'join-group-response'>);
    case 'sync-group-response':
      return onSyncResponse(sim, c, msg as Message<'sync-group-response'>);
    case 'heartbeat-response':
      return onHeartbeatResponse(sim, c, msg as Message<'heartbeat-response'>, pending.generation);
    case 'offset-fetch-response':
      return onOffsetFetch(sim, c, msg as Message<'offset-fetch-response'>);
    case 'list-offsets-response':
      return onListOffsets(sim, c, msg as Message<'list-offsets-response'>);
    case 'fetch-response':
      return onFetchResponse(sim, c, msg as Message<'fetch-response'>);
    case 'offset-commit-response':
      return onCommitResponse(sim, c, msg as Message<'offset-commit-response'>, pending.generation);
    default:
      return;
  }
}

/** A request got no answer in time, or the broker refused the connection. */
function onRequestFailed(sim: Sim, c: ConsumerState, reqId: number, error: string): void {
  const pending = c.pending[reqId];
  if (!pending || !isActive(c)) return;
  delete c.pending[reqId];
  c.brokerFailedAt[pending.broker] = sim.now;
  switch (pending.kind) {
    case 'metadata':
      c.metadataInFlight = false;
      return retryLater(sim, c, 'metadata');
    case 'find-coordinator':
      c.coordinatorInFlight = false;
      return retryLater(sim, c, 'coordinator');
    case 'fetch':
      for (const tp of Object.keys(c.fetchInFlight))
        if (c.fetchInFlight[tp] === reqId) c.fetchInFlight[tp] = 0;
      requestMetadata(sim, c);
      return retryLater(sim, c, 'fetch');
    case 'list-offsets':
      requestMetadata(sim, c);
      return retryLater(sim, c, 'offsets');
    case 'join-group':
    case 'sync-group':
    case 'heartbeat':
    case 'offset-commit':
    case 'offset-fetch':
      // A late failure from a coordinator we already left behind changes nothing.
      if (pending.broker !== c.coordinator) return;
      c.lastError = error;
      return coordinatorLost(sim, c);
    default:
      return;
  }
}

export function onConsumerTimer(
  sim: Sim,
  c: ConsumerState,
  task: Extract<Task, { k: 'timer' }>,
): void {
  if (!isActive(c)) return;
  switch (task.name) {
    case 'consumer.heartbeat':
      return onHeartbeatTimer(sim, c, task.token!);
    case 'consumer.poll':
      return onPoll(sim, c, task.token!);
    case 'consumer.request-timeout':
      return onRequestFailed(sim, c, task.token!, 'REQUEST_TIMED_OUT');
    case 'consumer.metadata-refresh':
      requestMetadata(sim, c);
      sim.timer(c.node, c.inc, 'consumer.metadata-refresh', num(c, 'metadata.max.age.ms'));
      return;
    case 'consumer.retry':
      c.retrying = c.retrying.filter((w) => w !== task.arg);
      switch (task.arg) {
        case 'metadata':
          return requestMetadata(sim, c);
        case 'coordinator':
          return findCoordinator(sim, c);
        case 'join':
          return maybeRejoin(sim, c, 'retry');
        case 'offsets':
          fetchCommittedOffsets(sim, c);
          return;
        default:
          return maybeFetch(sim, c);
      }
    default:
      return;
  }
}

export function onConsumerDisconnect(sim: Sim, c: ConsumerState, reqId: number): void {
  onRequestFailed(sim, c, reqId, 'NETWORK_EXCEPTION');
}
