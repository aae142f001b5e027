// The ZooKeeper ensemble (ZooKeeper mode, kafka-spec.md 4.1): servers zk:1..N elect a leader
// with FastLeaderElection, the leader pings its followers and steps down without a quorum, every
// write is a proposal that commits once a majority has logged it (ZAB), and the leader expires
// the sessions of clients that stop pinging. Clients (brokers) are served by the server they are
// connected to: reads from its tree, writes forwarded to the leader.
//
// Simplifications (said in docs/engine.md): one tree stands for every synced server's (state.ts);
// a multi takes one zxid per operation (ZooKeeper logs it as one txn); followers report session
// pings to the leader at once (ZooKeeper batches them into its follower pings); a new leader
// drops the proposals of the old one (their clients time out and retry).
import { majoritySize } from '../kernels/raft';
import { zkNode, brokerNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { Message, Task } from '../sim/world';
import type { ZkAnswer, ZkRequestBody } from '../sim/messages';
import { bestVote, compareVotes, containsQuorum, type Vote } from './election';
import {
  createSessionTracker,
  expireSessions,
  nextExpirationTime,
  removeSession,
  touchSession,
  trackSession,
  initializeNextSessionId,
} from './sessions';
import {
  ANY_VERSION,
  createDataTree,
  createNode,
  deleteNode,
  exists,
  getChildren,
  getData,
  killSession,
  makeZxid,
  removeWatcher,
  setData,
  type WatchEvent,
} from './tree';
import {
  ZK_FINALIZE_WAIT,
  ZK_INIT_LIMIT,
  ZK_SYNC_LIMIT,
  ZK_TICK_TIME,
  type ZkEnsemble,
  type ZkOp,
  type ZkOrigin,
  type ZkProposal,
  type ZkServer,
  type ZkTxn,
} from './state';

/** FastLeaderElection's first notification timeout, doubled while no quorum answers. */
const NOTIFICATION_TIMEOUT = 200;
const MAX_NOTIFICATION_INTERVAL = 60_000;

export function zkOf(sim: Sim): ZkEnsemble {
  return sim.world.zookeeper!;
}

/** A running server following `leaderId` in epoch 1 (its election settled). */
function newZkServer(id: number, leaderId: number): ZkServer {
  return {
    id,
    status: 'running',
    inc: 1,
    role: 'following',
    leaderId,
    epoch: 1,
    lastZxid: 0,
    electionEpoch: 1,
    vote: { leader: leaderId, zxid: 0, peerEpoch: 1, electionEpoch: 1 },
    received: {},
    outOfElection: {},
    followers: {},
    established: false,
    lastLeaderHeard: 0,
    token: 0,
  };
}

/** The ensemble at t=0, as one that has been running: the highest id leads epoch 1. */
export function createZooKeeperEnsemble(size: number): ZkEnsemble {
  const servers: ZkServer[] = [];
  for (let id = 1; id <= size; id++) servers.push(newZkServer(id, size));
  const tree = createDataTree();
  tree.lastZxid = makeZxid(1, 0);
  return {
    mode: 'zookeeper',
    started: false,
    servers,
    tree,
    sessions: createSessionTracker(ZK_TICK_TIME),
    owners: {},
    nextSession: initializeNextSessionId(size, 1),
    nextPid: 0,
    proposals: [],
    lost: false,
    writes: [],
  };
}

/** Set up the ensemble's timers and roles at t=0 (the leader has a quorum of followers). */
export function startZooKeeperEnsemble(sim: Sim): void {
  const zk = zkOf(sim);
  zk.started = true;
  const leader = zk.servers[zk.servers.length - 1];
  leader.role = 'leading';
  leader.leaderId = leader.id;
  leader.established = true;
  for (const s of zk.servers) {
    s.lastZxid = zk.tree.lastZxid;
    if (s !== leader) {
      leader.followers[s.id] = 0;
      s.lastLeaderHeard = 0;
      scheduleTick(sim, s);
    }
  }
  scheduleTick(sim, leader);
  armSessionCheck(sim);
}

// ---------------------------------------------------------------------------------------------
// Who serves: the leader of an established epoch and the followers it hears
// ---------------------------------------------------------------------------------------------

export function zkLeader(sim: Sim): ZkServer | null {
  const zk = sim.world.zookeeper;
  if (!zk) return null;
  return (
    zk.servers.find((s) => s.status === 'running' && s.role === 'leading' && s.established) ?? null
  );
}

/** A server answers clients only while it is part of a working quorum. */
export function isServing(sim: Sim, s: ZkServer): boolean {
  if (s.status !== 'running' || s.role === 'looking') return false;
  const leader = zkLeader(sim);
  if (leader === null) return false;
  return s === leader || (s.role === 'following' && s.leaderId === leader.id);
}

// ---------------------------------------------------------------------------------------------
// Messages and timers
// ---------------------------------------------------------------------------------------------

export function onZkServerMessage(sim: Sim, s: ZkServer, msg: Message): void {
  switch (msg.kind) {
    case 'zk-notification':
      return onNotification(sim, s, msg);
    case 'zk-follower-info':
      return onFollowerInfo(sim, s, msg);
    case 'zk-ping':
      return onPing(sim, s, msg);
    case 'zk-proposal':
      if (s.role === 'following' && s.leaderId === serverIdOf(msg.from)) {
        s.lastLeaderHeard = sim.now;
        sim.send(zkNode(s.id), s.inc, msg.from, 'zk-ack', { pid: msg.body.pid });
      }
      return;
    case 'zk-ack':
      return onAck(sim, s, serverIdOf(msg.from), msg.body.pid);
    case 'zk-commit':
      return onCommitMessage(sim, s, msg);
    case 'zk-connect':
      return onConnect(sim, s, msg);
    case 'zk-request':
      return onRequest(sim, s, msg);
    default:
      return;
  }
}

export function onZkServerTimer(sim: Sim, s: ZkServer, task: Extract<Task, { k: 'timer' }>): void {
  if (task.token !== s.token) return;
  switch (task.name) {
    case 'zk.tick':
      return onTick(sim, s);
    case 'zk.notify':
      if (s.role !== 'looking') return;
      broadcastNotification(sim, s);
      scheduleNotify(sim, s, Math.min(2 * Number(task.arg), MAX_NOTIFICATION_INTERVAL));
      return;
    case 'zk.finalize':
      return onFinalize(sim, s);
    case 'zk.init-timeout':
      // Not enough followers came within initLimit ticks: look again.
      if (s.role === 'leading' && !s.established) lookForLeader(sim, s);
      return;
    case 'zk.session-check':
      return onSessionCheck(sim, s);
    default:
      return;
  }
}

const serverIdOf = (node: string): number => Number(node.slice(node.indexOf(':') + 1));

function scheduleTick(sim: Sim, s: ZkServer): void {
  // The leader pings every half tick (Leader.lead); a follower checks on its leader as often.
  sim.timer(zkNode(s.id), s.inc, 'zk.tick', ZK_TICK_TIME / 2, s.token);
}

function onTick(sim: Sim, s: ZkServer): void {
  const syncWindow = ZK_SYNC_LIMIT * ZK_TICK_TIME;
  if (s.role === 'leading' && s.established) {
    // Without a quorum of followers heard within syncLimit ticks the leader shuts down.
    const heard = Object.values(s.followers).filter((t) => sim.now - t <= syncWindow).length;
    if (!containsQuorum(ensembleSize(sim), heard + 1)) return stopLeading(sim, s);
    for (const sid of Object.keys(s.followers)) {
      sim.send(zkNode(s.id), s.inc, zkNode(Number(sid)), 'zk-ping', {
        from: 'leader',
        epoch: s.epoch,
        zxid: s.lastZxid,
      });
      // A joining follower whose reconfig is not under way (a new leader dropped it): again.
      maybeProposeReconfig(sim, s, Number(sid));
    }
  } else if (s.role === 'following') {
    if (sim.now - s.lastLeaderHeard > syncWindow) {
      sim.emit({ type: 'zookeeper.leader-lost', nodeId: s.id, epoch: s.epoch, t: sim.now });
      return lookForLeader(sim, s);
    }
    // Not synced yet: the leader may not have been ready; connect again (Learner retries).
    if (!s.established) followLeader(sim, s);
  }
  scheduleTick(sim, s);
}

function onPing(sim: Sim, s: ZkServer, msg: Message<'zk-ping'>): void {
  const body = msg.body;
  if (body.from === 'leader') {
    if (s.role !== 'following' || s.leaderId !== serverIdOf(msg.from)) return;
    // The leader's ping also brings this follower up to date (its sync, not drawn).
    s.lastLeaderHeard = sim.now;
    s.established = true;
    s.epoch = body.epoch;
    s.lastZxid = Math.max(s.lastZxid, body.zxid);
    sim.send(zkNode(s.id), s.inc, msg.from, 'zk-ping', { from: 'follower' });
    return;
  }
  if (body.from === 'follower') {
    if (s.role === 'leading' && serverIdOf(msg.from) in s.followers)
      s.followers[serverIdOf(msg.from)] = sim.now;
    return;
  }
  // A client's ping: the session lives on while a working quorum hears it.
  const reply = (error: 'SESSIONEXPIRED' | 'CONNECTIONLOSS' | null) =>
    sim.send(zkNode(s.id), s.inc, msg.from, 'zk-ping-response', { error }, { toInc: msg.fromInc });
  if (!isServing(sim, s)) return reply('CONNECTIONLOSS');
  const zk = zkOf(sim);
  if (!touchSession(zk.sessions, body.sessionId, sim.now)) return reply('SESSIONEXPIRED');
  const owner = zk.owners[body.sessionId];
  if (owner) owner.server = s.id;
  reply(null);
}

// ---------------------------------------------------------------------------------------------
// FastLeaderElection
// ---------------------------------------------------------------------------------------------

/** The servers with a vote (one still joining by reconfig has none yet). */
export function zkVoters(zk: ZkEnsemble): ZkServer[] {
  return zk.servers.filter((s) => !s.joining);
}

function ensembleSize(sim: Sim): number {
  return zkVoters(zkOf(sim)).length;
}

function isVoter(sim: Sim, sid: number): boolean {
  const s = zkOf(sim).servers.find((x) => x.id === sid);
  return s !== undefined && !s.joining;
}

/** Stop serving and look for a leader: a new election round, voting for itself first. */
export function lookForLeader(sim: Sim, s: ZkServer): void {
  const wasLeading = s.role === 'leading';
  s.role = 'looking';
  s.leaderId = null;
  s.established = false;
  s.followers = {};
  s.token++;
  s.electionEpoch++;
  s.vote = { leader: s.id, zxid: s.lastZxid, peerEpoch: s.epoch, electionEpoch: s.electionEpoch };
  s.received = { [s.id]: s.vote };
  s.outOfElection = {};
  if (wasLeading) zkOf(sim).proposals = [];
  dropClients(sim, s);
  broadcastNotification(sim, s);
  scheduleNotify(sim, s, NOTIFICATION_TIMEOUT);
  // An ensemble of one agrees with itself.
  if (agreed(sim, s)) sim.timer(zkNode(s.id), s.inc, 'zk.finalize', ZK_FINALIZE_WAIT, s.token);
  checkEnsembleLiveness(sim);
}

function stopLeading(sim: Sim, s: ZkServer): void {
  sim.emit({ type: 'zookeeper.leader-lost', nodeId: s.id, epoch: s.epoch, t: sim.now });
  lookForLeader(sim, s);
}

/** A server that stops serving closes its clients' connections: they look for another. */
function dropClients(sim: Sim, s: ZkServer): void {
  const zk = zkOf(sim);
  for (const [sessionId, owner] of Object.entries(zk.owners)) {
    if (owner.server !== s.id) continue;
    const b = sim.broker(owner.brokerId);
    if (!b || b.status !== 'running' || b.zk?.sessionId !== Number(sessionId)) continue;
    sim.send(
      zkNode(s.id),
      s.inc,
      brokerNode(b.id),
      'zk-ping-response',
      { error: 'CONNECTIONLOSS' },
      { toInc: b.inc },
    );
  }
}

function scheduleNotify(sim: Sim, s: ZkServer, timeout: number): void {
  sim.timer(zkNode(s.id), s.inc, 'zk.notify', timeout, s.token, String(timeout));
}

function broadcastNotification(sim: Sim, s: ZkServer): void {
  for (const other of zkOf(sim).servers) {
    if (other.id === s.id) continue;
    sim.send(zkNode(s.id), s.inc, zkNode(other.id), 'zk-notification', {
      vote: s.vote,
      state: s.role,
    });
  }
}

/** What a server that is not looking answers a looking one: the leader it is with. */
function currentVote(s: ZkServer): Vote {
  return {
    leader: s.leaderId ?? s.id,
    zxid: s.lastZxid,
    peerEpoch: s.epoch,
    electionEpoch: s.electionEpoch,
  };
}

function onNotification(sim: Sim, s: ZkServer, msg: Message<'zk-notification'>): void {
  const sid = serverIdOf(msg.from);
  const { vote, state } = msg.body;
  if (s.role !== 'looking') {
    // Tell a looking server who leads (FastLeaderElection answers with its current vote).
    if (state === 'looking')
      sim.send(zkNode(s.id), s.inc, msg.from, 'zk-notification', {
        vote: currentVote(s),
        state: s.role,
      });
    return;
  }
  if (state !== 'looking') {
    s.outOfElection[sid] = { leader: vote.leader, state };
    return joinEstablishedLeader(sim, s);
  }
  if (vote.electionEpoch > s.electionEpoch) {
    // A later round: catch up, and vote for the better of its proposal and our own.
    s.electionEpoch = vote.electionEpoch;
    s.received = {};
    const own = { leader: s.id, zxid: s.lastZxid, peerEpoch: s.epoch };
    const best = compareVotes(vote, own) > 0 ? vote : own;
    s.vote = { ...best, electionEpoch: s.electionEpoch };
    broadcastNotification(sim, s);
  } else if (vote.electionEpoch < s.electionEpoch) {
    // An older round: it should hear ours.
    sim.send(zkNode(s.id), s.inc, msg.from, 'zk-notification', { vote: s.vote, state: s.role });
    return;
  } else if (compareVotes(vote, s.vote) > 0) {
    s.vote = { ...vote, electionEpoch: s.electionEpoch };
    broadcastNotification(sim, s);
  }
  s.received[sid] = vote;
  s.received[s.id] = s.vote;
  if (agreed(sim, s)) {
    s.token++;
    sim.timer(zkNode(s.id), s.inc, 'zk.finalize', ZK_FINALIZE_WAIT, s.token);
  }
}

/** A quorum of this round's votes names our proposal. */
function agreed(sim: Sim, s: ZkServer): boolean {
  // Only voters count, and a server still joining is never elected.
  if (!isVoter(sim, s.vote.leader)) return false;
  const supporters = Object.entries(s.received).filter(
    ([sid, v]) =>
      isVoter(sim, Number(sid)) &&
      v.leader === s.vote.leader &&
      v.zxid === s.vote.zxid &&
      v.peerEpoch === s.vote.peerEpoch,
  ).length;
  return containsQuorum(ensembleSize(sim), supporters);
}

function onFinalize(sim: Sim, s: ZkServer): void {
  if (s.role !== 'looking' || !agreed(sim, s)) return;
  // No better proposal arrived during finalizeWait: decide.
  const best = bestVote(Object.values(s.received));
  if (best && compareVotes(best, s.vote) > 0) return;
  decide(sim, s, s.vote.leader);
}

/** Servers outside the election agree on a leader that says it leads: follow it too. */
function joinEstablishedLeader(sim: Sim, s: ZkServer): void {
  const counts = new Map<number, number>();
  for (const { leader } of Object.values(s.outOfElection))
    counts.set(leader, (counts.get(leader) ?? 0) + 1);
  for (const [leader, count] of counts) {
    const leads = s.outOfElection[leader]?.state === 'leading';
    const own = s.joining ? 0 : 1;
    if (leads && containsQuorum(ensembleSize(sim), count + own)) return decide(sim, s, leader);
  }
}

function decide(sim: Sim, s: ZkServer, leaderId: number): void {
  s.token++;
  s.leaderId = leaderId;
  if (leaderId === s.id) {
    s.role = 'leading';
    s.established = false;
    s.followers = {};
    // A standalone server is a quorum on its own.
    if (containsQuorum(ensembleSize(sim), 1)) return establish(sim, s, s.epoch);
    sim.timer(zkNode(s.id), s.inc, 'zk.init-timeout', ZK_INIT_LIMIT * ZK_TICK_TIME, s.token);
    return;
  }
  s.role = 'following';
  s.established = false;
  s.lastLeaderHeard = sim.now;
  followLeader(sim, s);
  scheduleTick(sim, s);
}

function followLeader(sim: Sim, s: ZkServer): void {
  sim.send(zkNode(s.id), s.inc, zkNode(s.leaderId!), 'zk-follower-info', {
    epoch: s.epoch,
    lastZxid: s.lastZxid,
  });
}

function onFollowerInfo(sim: Sim, s: ZkServer, msg: Message<'zk-follower-info'>): void {
  if (s.role !== 'leading') return;
  const sid = serverIdOf(msg.from);
  s.followers[sid] = sim.now;
  if (s.established) {
    // A late follower: synced by the next ping. Proposals still waiting for a quorum go to it
    // too (ZAB's sync sends the outstanding proposals after the diff), so it acks them: without
    // that, a proposal whose ackers died would block every later write for good.
    sim.send(zkNode(s.id), s.inc, msg.from, 'zk-ping', {
      from: 'leader',
      epoch: s.epoch,
      zxid: s.lastZxid,
    });
    for (const p of zkOf(sim).proposals)
      if (!p.acks.includes(sid))
        sim.send(zkNode(s.id), s.inc, msg.from, 'zk-proposal', { pid: p.zxid });
    // A server added by reconfig has synced: the leader proposes the new configuration.
    maybeProposeReconfig(sim, s, sid);
    return;
  }
  const voting = Object.keys(s.followers).filter((id) => isVoter(sim, Number(id))).length;
  if (!containsQuorum(ensembleSize(sim), voting + 1)) return;
  establish(sim, s, msg.body.epoch);
}

/** Propose adding the joining server `sid` (once: a later leader proposes it again). */
function maybeProposeReconfig(sim: Sim, leader: ZkServer, sid: number): void {
  const zk = zkOf(sim);
  const joiner = zk.servers.find((x) => x.id === sid);
  if (!joiner?.joining) return;
  if (zk.proposals.some((p) => p.txn.kind === 'reconfig' && p.txn.add === sid)) return;
  propose(sim, leader, { kind: 'reconfig', add: sid }, null);
}

/** A quorum follows: a new epoch begins, and every session gets a full timeout from now. */
function establish(sim: Sim, s: ZkServer, followerEpoch: number): void {
  const zk = zkOf(sim);
  s.token++;
  s.established = true;
  s.epoch = Math.max(s.epoch, followerEpoch, ...zk.servers.map((x) => x.epoch)) + 1;
  zk.tree.lastZxid = makeZxid(s.epoch, 0);
  s.lastZxid = zk.tree.lastZxid;
  zk.proposals = [];
  // The new leader tracks every session of the tree afresh: one the old leader was closing
  // (its closeSession never committed) expires again, a full timeout from now.
  for (const session of zk.sessions.sessions) {
    session.closing = false;
    trackSession(zk.sessions, session.sessionId, session.timeout, sim.now);
  }
  sim.emit({ type: 'zookeeper.leader-elected', nodeId: s.id, epoch: s.epoch, t: sim.now });
  for (const sid of Object.keys(s.followers)) {
    s.followers[sid] = sim.now;
    sim.send(zkNode(s.id), s.inc, zkNode(Number(sid)), 'zk-ping', {
      from: 'leader',
      epoch: s.epoch,
      zxid: s.lastZxid,
    });
  }
  scheduleTick(sim, s);
  armSessionCheck(sim);
  checkEnsembleLiveness(sim);
}

// ---------------------------------------------------------------------------------------------
// Clients: connect, read, write
// ---------------------------------------------------------------------------------------------

function onConnect(sim: Sim, s: ZkServer, msg: Message<'zk-connect'>): void {
  const zk = zkOf(sim);
  const { sessionId, timeout } = msg.body;
  const reply = (body: {
    sessionId: number | null;
    timeout: number;
    error: 'SESSIONEXPIRED' | 'CONNECTIONLOSS' | null;
  }) =>
    sim.send(zkNode(s.id), s.inc, msg.from, 'zk-connect-response', body, { toInc: msg.fromInc });
  if (!isServing(sim, s)) return reply({ sessionId, timeout, error: 'CONNECTIONLOSS' });
  if (sessionId !== null) {
    // Reconnecting: the session is still there unless the leader expired it.
    if (!touchSession(zk.sessions, sessionId, sim.now))
      return reply({ sessionId, timeout, error: 'SESSIONEXPIRED' });
    const owner = zk.owners[sessionId];
    if (owner) owner.server = s.id;
    return reply({ sessionId, timeout: owner?.timeout ?? timeout, error: null });
  }
  const brokerId = Number(msg.from.slice(msg.from.indexOf(':') + 1));
  submit(sim, s, { createSession: { timeout, brokerId } }, 0, {
    server: s.id,
    brokerId,
    brokerInc: msg.fromInc,
    reqId: -1,
  });
}

function onRequest(sim: Sim, s: ZkServer, msg: Message<'zk-request'>): void {
  const { reqId, sessionId, body } = msg.body;
  if (msg.body.origin) {
    // Forwarded by a follower: only the leader takes it.
    if (isServing(sim, s) && s.role === 'leading')
      propose(sim, s, txnOf(sim, body, sessionId), msg.body.origin);
    return;
  }
  const brokerId = Number(msg.from.slice(msg.from.indexOf(':') + 1));
  const answer = (a: Omit<ZkAnswer, 'reqId'>) =>
    sim.send(zkNode(s.id), s.inc, msg.from, 'zk-response', { reqId, ...a }, { toInc: msg.fromInc });
  if (!isServing(sim, s)) return answer({ code: 'CONNECTIONLOSS' });
  const zk = zkOf(sim);
  if (!touchSession(zk.sessions, sessionId, sim.now)) return answer({ code: 'SESSIONEXPIRED' });
  if ('read' in body) return answer(read(sim, body.read, sessionId));
  submit(sim, s, body, sessionId, { server: s.id, brokerId, brokerInc: msg.fromInc, reqId });
}

function read(
  sim: Sim,
  r: Extract<ZkRequestBody, { read: unknown }>['read'],
  sessionId: number,
): Omit<ZkAnswer, 'reqId'> {
  const tree = zkOf(sim).tree;
  const watcher = r.watch ? String(sessionId) : undefined;
  switch (r.op) {
    case 'getData': {
      const res = getData(tree, r.path, watcher);
      return res.code === 'OK'
        ? {
            code: 'OK',
            data: res.data,
            version: res.stat.version,
            czxid: res.stat.czxid,
            owner: res.stat.ephemeralOwner,
          }
        : { code: res.code };
    }
    case 'exists': {
      const res = exists(tree, r.path, watcher);
      return res.code === 'OK'
        ? {
            code: 'OK',
            version: res.stat.version,
            czxid: res.stat.czxid,
            owner: res.stat.ephemeralOwner,
          }
        : { code: res.code };
    }
    case 'getChildren': {
      const res = getChildren(tree, r.path, watcher);
      if (res.code !== 'OK') return { code: res.code };
      const children = res.children.map((name) => ({
        name,
        czxid: tree.nodes[`${r.path}/${name}`]?.czxid ?? 0,
      }));
      return { code: 'OK', children };
    }
  }
}

function txnOf(sim: Sim, body: ZkRequestBody, sessionId: number): ZkTxn {
  if ('createSession' in body) {
    const zk = zkOf(sim);
    return {
      kind: 'createSession',
      sessionId: zk.nextSession++,
      timeout: body.createSession.timeout,
      brokerId: body.createSession.brokerId,
    };
  }
  if ('close' in body) return { kind: 'closeSession', sessionId, expired: false };
  if ('ops' in body) return { kind: 'multi', sessionId, ops: body.ops };
  throw new Error('a read is not a transaction');
}

/** A write at the server the client is on: the leader proposes it, a follower forwards it. */
function submit(sim: Sim, s: ZkServer, body: ZkRequestBody, sessionId: number, origin: ZkOrigin) {
  if (s.role === 'leading') return propose(sim, s, txnOf(sim, body, sessionId), origin);
  sim.send(zkNode(s.id), s.inc, zkNode(s.leaderId!), 'zk-request', {
    reqId: origin.reqId,
    sessionId,
    body,
    origin,
  });
}

// ---------------------------------------------------------------------------------------------
// ZAB: proposals, acks, commits
// ---------------------------------------------------------------------------------------------

function propose(sim: Sim, leader: ZkServer, txn: ZkTxn, origin: ZkOrigin | null): void {
  const zk = zkOf(sim);
  const pid = ++zk.nextPid;
  const proposal: ZkProposal = { zxid: pid, txn, acks: [leader.id], origin };
  zk.proposals.push(proposal);
  for (const sid of Object.keys(leader.followers))
    sim.send(zkNode(leader.id), leader.inc, zkNode(Number(sid)), 'zk-proposal', { pid });
  commitReady(sim, leader);
}

function onAck(sim: Sim, s: ZkServer, from: number, pid: number): void {
  if (s.role !== 'leading' || !s.established) return;
  const proposal = zkOf(sim).proposals.find((p) => p.zxid === pid);
  if (proposal && !proposal.acks.includes(from)) proposal.acks.push(from);
  commitReady(sim, s);
}

/** Commit, in order, every proposal a quorum has logged. */
function commitReady(sim: Sim, leader: ZkServer): void {
  const zk = zkOf(sim);
  while (zk.proposals.length > 0 && logged(sim, zk.proposals[0])) {
    const proposal = zk.proposals.shift()!;
    commit(sim, leader, proposal);
  }
}

/** A quorum of voters logged it; a reconfig needs a quorum of the new set as well. */
function logged(sim: Sim, proposal: ZkProposal): boolean {
  const voters = ensembleSize(sim);
  const acks = proposal.acks.filter((id) => isVoter(sim, id)).length;
  if (!containsQuorum(voters, acks)) return false;
  if (proposal.txn.kind !== 'reconfig') return true;
  const joinerAcked = proposal.acks.includes(proposal.txn.add) ? 1 : 0;
  return containsQuorum(voters + 1, acks + joinerAcked);
}

function commit(sim: Sim, leader: ZkServer, proposal: ZkProposal): void {
  const zk = zkOf(sim);
  const { answer, events } = applyTxn(sim, proposal.txn);
  leader.lastZxid = zk.tree.lastZxid;
  const origin = proposal.origin;
  const connect =
    proposal.txn.kind === 'createSession'
      ? { sessionId: proposal.txn.sessionId, timeout: proposal.txn.timeout }
      : null;
  const reply = origin
    ? {
        brokerId: origin.brokerId,
        brokerInc: origin.brokerInc,
        connect,
        response: connect ? null : { reqId: origin.reqId, ...answer },
      }
    : undefined;
  for (const sid of Object.keys(leader.followers)) {
    const answerHere = origin && origin.server === Number(sid) ? reply : undefined;
    sim.send(zkNode(leader.id), leader.inc, zkNode(Number(sid)), 'zk-commit', {
      pid: proposal.zxid,
      zxid: zk.tree.lastZxid,
      ...(answerHere ? { answer: answerHere } : {}),
    });
  }
  if (origin && origin.server === leader.id && reply) answerClient(sim, leader, reply);
  deliverWatchEvents(sim, events);
  noteControllerWrite(sim, proposal, answer.code);
}

function onCommitMessage(sim: Sim, s: ZkServer, msg: Message<'zk-commit'>): void {
  if (s.role !== 'following' || s.leaderId !== serverIdOf(msg.from)) return;
  s.lastLeaderHeard = sim.now;
  s.lastZxid = Math.max(s.lastZxid, msg.body.zxid);
  if (msg.body.answer) answerClient(sim, s, msg.body.answer);
}

function answerClient(
  sim: Sim,
  s: ZkServer,
  a: NonNullable<Message<'zk-commit'>['body']['answer']>,
): void {
  const to = brokerNode(a.brokerId);
  if (a.connect) {
    const owner = zkOf(sim).owners[a.connect.sessionId];
    if (owner) owner.server = s.id;
    sim.send(
      zkNode(s.id),
      s.inc,
      to,
      'zk-connect-response',
      { sessionId: a.connect.sessionId, timeout: a.connect.timeout, error: null },
      { toInc: a.brokerInc },
    );
  } else if (a.response) {
    sim.send(zkNode(s.id), s.inc, to, 'zk-response', a.response, { toInc: a.brokerInc });
  }
}

/** Apply a committed transaction to the tree; what the client is told, and the watches fired. */
function applyTxn(sim: Sim, txn: ZkTxn): { answer: Omit<ZkAnswer, 'reqId'>; events: WatchEvent[] } {
  const zk = zkOf(sim);
  const tree = zk.tree;
  switch (txn.kind) {
    case 'createSession':
      tree.lastZxid += 1;
      trackSession(zk.sessions, txn.sessionId, txn.timeout, sim.now);
      zk.owners[txn.sessionId] = { brokerId: txn.brokerId, timeout: txn.timeout, server: 0 };
      armSessionCheck(sim);
      return { answer: { code: 'OK' }, events: [] };
    case 'closeSession': {
      const killed = killSession(tree, txn.sessionId);
      removeWatcher(tree, String(txn.sessionId));
      removeSession(zk.sessions, txn.sessionId);
      const owner = zk.owners[txn.sessionId];
      delete zk.owners[txn.sessionId];
      if (txn.expired && owner)
        sim.emit({
          type: 'zookeeper.session-expired',
          brokerId: owner.brokerId,
          sessionId: txn.sessionId,
          timeoutMs: owner.timeout,
          t: sim.now,
        });
      // The session's own watches went with it.
      const events = killed.events.filter((e) => e.watcher !== String(txn.sessionId));
      return { answer: { code: 'OK' }, events };
    }
    case 'multi':
      return applyMulti(sim, txn.ops, txn.sessionId);
    case 'reconfig': {
      tree.lastZxid += 1;
      const joiner = zk.servers.find((x) => x.id === txn.add);
      if (joiner) delete joiner.joining;
      sim.emit({
        type: 'zookeeper.server-added',
        nodeId: txn.add,
        servers: zkVoters(zk).map((x) => x.id),
        t: sim.now,
      });
      checkEnsembleLiveness(sim);
      return { answer: { code: 'OK' }, events: [] };
    }
  }
}

/** A multi: its version checks first (all or nothing), then its operations in order. */
function applyMulti(
  sim: Sim,
  ops: ZkOp[],
  sessionId: number,
): { answer: Omit<ZkAnswer, 'reqId'>; events: WatchEvent[] } {
  const tree = zkOf(sim).tree;
  for (const op of ops) {
    if (op.op !== 'check') continue;
    const node = tree.nodes[op.path];
    if (!node || (op.version !== ANY_VERSION && node.version !== op.version)) {
      tree.lastZxid += 1;
      return { answer: { code: node ? 'BADVERSION' : 'NONODE' }, events: [] };
    }
  }
  const events: WatchEvent[] = [];
  const answer: Omit<ZkAnswer, 'reqId'> = { code: 'OK' };
  for (const op of ops) {
    switch (op.op) {
      case 'check':
        continue;
      case 'create': {
        const res = createNode(tree, op.path, op.data, op.mode, sessionId);
        if (res.code !== 'OK') return { answer: { code: res.code }, events };
        events.push(...res.events);
        answer.czxid ??= res.stat.czxid;
        continue;
      }
      case 'setData': {
        const res = setData(tree, op.path, op.data, op.version);
        if (res.code !== 'OK') return { answer: { code: res.code }, events };
        events.push(...res.events);
        answer.version = res.stat.version;
        continue;
      }
      case 'delete': {
        const res = deleteNode(tree, op.path, op.version);
        if (res.code !== 'OK' && res.code !== 'NONODE')
          return { answer: { code: res.code }, events };
        if (res.code === 'OK') events.push(...res.events);
        continue;
      }
    }
  }
  return { answer, events };
}

/** Each watch fires once, at the client whose session set it, from the server it is on. */
function deliverWatchEvents(sim: Sim, events: WatchEvent[]): void {
  const zk = zkOf(sim);
  for (const e of events) {
    const owner = zk.owners[e.watcher];
    if (!owner) continue;
    const server = zk.servers.find((x) => x.id === owner.server) ?? zkLeader(sim);
    const b = sim.broker(owner.brokerId);
    if (!server || !b || b.status !== 'running') continue;
    sim.send(
      zkNode(server.id),
      server.inc,
      brokerNode(b.id),
      'zk-watch-event',
      { type: e.type, path: e.path },
      { toInc: b.inc },
    );
  }
}

/** The controller's writes: remember that ZooKeeper committed (or refused) them. */
function noteControllerWrite(sim: Sim, proposal: ZkProposal, code: string): void {
  const origin = proposal.origin;
  if (!origin || proposal.txn.kind !== 'multi') return;
  const entry = zkOf(sim).writes.find(
    (w) => w.reqId === origin.reqId && w.brokerId === origin.brokerId,
  );
  if (entry) entry.zkResult = code;
}

// ---------------------------------------------------------------------------------------------
// Session expiry (at the leader)
// ---------------------------------------------------------------------------------------------

function armSessionCheck(sim: Sim): void {
  const leader = zkLeader(sim);
  if (!leader) return;
  const at = nextExpirationTime(zkOf(sim).sessions);
  if (at === null) return;
  sim.timer(zkNode(leader.id), leader.inc, 'zk.session-check', at - sim.now, leader.token);
}

function onSessionCheck(sim: Sim, s: ZkServer): void {
  if (s !== zkLeader(sim)) return;
  const zk = zkOf(sim);
  for (const sessionId of expireSessions(zk.sessions, sim.now))
    propose(sim, s, { kind: 'closeSession', sessionId, expired: true }, null);
  armSessionCheck(sim);
}

// ---------------------------------------------------------------------------------------------
// Lifecycle: kill, restart, isolate, heal; and whether a quorum is left
// ---------------------------------------------------------------------------------------------

/**
 * Add a server by dynamic reconfig (ZooKeeper 3.5+): it starts looking, follows the leader the
 * others name, is synced, and votes once the leader's reconfig transaction commits.
 */
export function addZkServer(sim: Sim): ZkServer {
  const zk = zkOf(sim);
  const id = zk.servers.length + 1;
  // The brokers keep the zookeeper.connect they started with.
  zk.connectServers ??= zk.servers.length;
  const s: ZkServer = { ...newZkServer(id, id), joining: true, epoch: 0, electionEpoch: 0 };
  zk.servers.push(s);
  sim.emit({ type: 'zookeeper.node-started', nodeId: id, restart: false, t: sim.now });
  lookForLeader(sim, s);
  return s;
}

export function stopZkServer(sim: Sim, s: ZkServer): void {
  const wasLeading = s.role === 'leading';
  s.status = 'stopped';
  s.inc++;
  s.token++;
  s.role = 'looking';
  s.leaderId = null;
  s.established = false;
  s.followers = {};
  if (wasLeading) zkOf(sim).proposals = [];
  sim.emit({ type: 'zookeeper.node-stopped', nodeId: s.id, t: sim.now });
  checkEnsembleLiveness(sim);
}

export function restartZkServer(sim: Sim, s: ZkServer): void {
  s.status = 'running';
  s.inc++;
  sim.emit({ type: 'zookeeper.node-started', nodeId: s.id, restart: true, t: sim.now });
  lookForLeader(sim, s);
  resendLastNotifications(sim, s);
}

/**
 * A connection to `s` (re)opens: servers still looking send it their last notification at once
 * (QuorumCnxManager's SendWorker re-sends the last message on a new connection), so an election
 * stalled for want of a majority goes on without waiting for their backed-off timers.
 */
function resendLastNotifications(sim: Sim, s: ZkServer): void {
  for (const other of zkOf(sim).servers) {
    if (other === s || other.status !== 'running' || other.role !== 'looking') continue;
    sim.send(zkNode(other.id), other.inc, zkNode(s.id), 'zk-notification', {
      vote: other.vote,
      state: other.role,
    });
  }
}

export function isolateZkServer(sim: Sim, s: ZkServer): void {
  sim.setIsolated(zkNode(s.id), true);
  sim.emit({ type: 'zookeeper.node-isolated', nodeId: s.id, t: sim.now });
  checkEnsembleLiveness(sim);
}

export function healZkServer(sim: Sim, s: ZkServer): void {
  sim.setIsolated(zkNode(s.id), false);
  sim.emit({ type: 'zookeeper.node-healed', nodeId: s.id, t: sim.now });
  if (s.status === 'running') resendLastNotifications(sim, s);
  checkEnsembleLiveness(sim);
}

/** The servers that are up and reachable, against the majority the ensemble needs. */
export function ensembleHealth(sim: Sim) {
  const all = zkVoters(zkOf(sim));
  const live = all.filter((s) => s.status === 'running' && !sim.isIsolated(zkNode(s.id))).length;
  const voters = all.length;
  const needed = majoritySize(voters);
  return { live, voters, needed, lost: live < needed };
}

/** Say when the servers that are up and reachable stop (or start again) being a majority. */
export function checkEnsembleLiveness(sim: Sim): void {
  const zk = zkOf(sim);
  const { live, voters, needed, lost } = ensembleHealth(sim);
  if (lost === zk.lost) return;
  zk.lost = lost;
  sim.emit({
    type: lost ? 'metadata.quorum-lost' : 'metadata.quorum-restored',
    live,
    voters,
    needed,
    mode: 'zookeeper',
    t: sim.now,
  });
}
