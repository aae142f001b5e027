// A broker's ZooKeeper client (Kafka's ZooKeeperClient over ZooKeeper's ClientCnxn): it opens a
// session on one server of the ensemble, pings it every third of the session timeout, moves to
// the next server when its server goes quiet for two thirds of it (the read timeout), sends its
// unanswered requests again after reconnecting, and starts a new session when the old one expired.
// What the answers mean for Kafka is kafka.ts's business (set through `zkClientHooks`).
import * as cfg from '../config/access';
import { brokerNode, zkNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { BrokerState, Message } from '../sim/world';
import type { ZkAnswer, ZkRequestBody } from '../sim/messages';
import type { BrokerZkClient, ZkPurpose } from './state';

/** ClientCnxn sleeps up to a second once it has tried every server. */
const RECONNECT_PAUSE_MS = 1000;

interface ZkClientHooks {
  /** A new session is open: register the broker, look for the controller. */
  onNewSession(sim: Sim, b: BrokerState): void;
  /**
   * Reconnected in the same session, maybe to another server: watch events sent meanwhile were
   * lost (ZooKeeper's client re-sends its watches; the broker reads again what it watches).
   */
  onReconnected(sim: Sim, b: BrokerState): void;
  /** The session expired: everything it owned is gone. */
  onSessionExpired(sim: Sim, b: BrokerState): void;
  onAnswer(sim: Sim, b: BrokerState, purpose: ZkPurpose, answer: ZkAnswer): void;
  onWatch(sim: Sim, b: BrokerState, event: Message<'zk-watch-event'>['body']): void;
}

let hooks: ZkClientHooks | null = null;

/** kafka.ts tells the client what to do with sessions, answers and watches (it sits above). */
export function setZkClientHooks(h: ZkClientHooks): void {
  hooks = h;
}

export const zkSessionTimeout = (b: BrokerState): number =>
  cfg.int(b.config, 'zookeeper.session.timeout.ms');

/** The servers in zookeeper.connect (those added later by reconfig are not in it). */
function ensembleSize(sim: Sim): number {
  const zk = sim.world.zookeeper!;
  return zk.connectServers ?? zk.servers.length;
}

/** The server a broker tries first, then the next ones in turn (zookeeper.connect's order). */
function serverFor(sim: Sim, b: BrokerState, attempt: number): number {
  return ((b.id - 1 + attempt) % ensembleSize(sim)) + 1;
}

export function newZkClient(sim: Sim, b: BrokerState): BrokerZkClient {
  return {
    sessionId: null,
    server: serverFor(sim, b, 0),
    attempt: 0,
    state: 'connecting',
    lastHeard: sim.now,
    nextReqId: 1,
    pending: [],
    registered: false,
    brokerEpoch: -1,
    registerFailures: 0,
    epochZkVersion: null,
    controllerEpoch: 0,
  };
}

/** A started broker connects (a new session) and pings from then on. */
export function startZkClient(sim: Sim, b: BrokerState): void {
  b.zk = newZkClient(sim, b);
  connect(sim, b);
  schedulePing(sim, b);
}

export function schedulePing(sim: Sim, b: BrokerState): void {
  sim.timer(brokerNode(b.id), b.inc, 'broker.zk-ping', zkSessionTimeout(b) / 3);
}

function connect(sim: Sim, b: BrokerState): void {
  const c = b.zk!;
  c.state = 'connecting';
  c.lastHeard = sim.now;
  sim.send(brokerNode(b.id), b.inc, zkNode(c.server), 'zk-connect', {
    sessionId: c.sessionId,
    timeout: zkSessionTimeout(b),
  });
  // ClientCnxn gives a server the session timeout divided by the number of servers to answer.
  const connectTimeout = zkSessionTimeout(b) / ensembleSize(sim);
  sim.timer(brokerNode(b.id), b.inc, 'broker.zk-connect-timeout', connectTimeout, c.attempt);
}

export function onZkConnectTimeout(sim: Sim, b: BrokerState, attempt: number | undefined): void {
  const c = b.zk;
  if (c && c.state === 'connecting' && c.attempt === attempt) connectionLost(sim, b);
}

/** Its server stopped answering or closed the connection: try the next one. */
function connectionLost(sim: Sim, b: BrokerState): void {
  const c = b.zk!;
  c.attempt++;
  c.server = serverFor(sim, b, c.attempt);
  c.state = 'connecting';
  c.lastHeard = sim.now;
  const pause = c.attempt % ensembleSize(sim) === 0 ? RECONNECT_PAUSE_MS : 0;
  sim.timer(brokerNode(b.id), b.inc, 'broker.zk-reconnect', pause, c.attempt);
}

export function onZkReconnectTimer(sim: Sim, b: BrokerState, attempt: number | undefined): void {
  if (b.zk && b.zk.attempt === attempt && b.zk.state === 'connecting') connect(sim, b);
}

/** Every third of the session timeout: ping, or give up on a server that went quiet. */
export function onZkPingTimer(sim: Sim, b: BrokerState): void {
  const c = b.zk;
  if (!c) return;
  const readTimeout = (zkSessionTimeout(b) * 2) / 3;
  // A request unanswered as long as the read timeout was lost on the way (a partition the pings
  // happened to miss): TCP would have given up on the connection, so does the client.
  const stuck =
    c.state === 'connected' &&
    c.pending.some((p) => p.sentAt !== undefined && sim.now - p.sentAt >= readTimeout);
  if (sim.now - c.lastHeard >= readTimeout || stuck) connectionLost(sim, b);
  else if (c.state === 'connected' && c.sessionId !== null)
    sim.send(
      brokerNode(b.id),
      b.inc,
      zkNode(c.server),
      'zk-ping',
      { from: 'client', sessionId: c.sessionId },
      { toInc: c.serverInc },
    );
  schedulePing(sim, b);
}

export function onZkConnectResponse(
  sim: Sim,
  b: BrokerState,
  msg: Message<'zk-connect-response'>,
): void {
  const c = b.zk;
  if (!c || c.state !== 'connecting' || msg.from !== zkNode(c.server)) return;
  const body = msg.body;
  if (body.error === 'CONNECTIONLOSS') return connectionLost(sim, b);
  if (body.error === 'SESSIONEXPIRED') return sessionExpired(sim, b);
  const isNew = c.sessionId === null;
  c.sessionId = body.sessionId;
  c.state = 'connected';
  c.serverInc = msg.fromInc;
  c.lastHeard = sim.now;
  for (const p of c.pending) sendRequest(sim, b, p.reqId, p.request);
  if (isNew) hooks!.onNewSession(sim, b);
  else hooks!.onReconnected(sim, b);
}

export function onZkPingResponse(sim: Sim, b: BrokerState, msg: Message<'zk-ping-response'>): void {
  const c = b.zk;
  if (!c || msg.from !== zkNode(c.server)) return;
  if (msg.body.error === 'CONNECTIONLOSS') return connectionLost(sim, b);
  if (msg.body.error === 'SESSIONEXPIRED') return sessionExpired(sim, b);
  c.lastHeard = sim.now;
}

/** The session is gone: Kafka's client opens a new one and registers again. */
function sessionExpired(sim: Sim, b: BrokerState): void {
  const c = b.zk!;
  c.sessionId = null;
  c.pending = [];
  c.registered = false;
  c.brokerEpoch = -1;
  c.epochZkVersion = null;
  hooks!.onSessionExpired(sim, b);
  connect(sim, b);
}

/** Ask ZooKeeper something; the answer goes to kafka.ts with `purpose`. Returns the request id. */
export function zkRequest(
  sim: Sim,
  b: BrokerState,
  request: Exclude<ZkRequestBody, { close: true } | { createSession: unknown }>,
  purpose: ZkPurpose,
): number {
  const c = b.zk!;
  const reqId = c.nextReqId++;
  c.pending.push({ reqId, request, purpose });
  if (c.state === 'connected') sendRequest(sim, b, reqId, request);
  return reqId;
}

function sendRequest(sim: Sim, b: BrokerState, reqId: number, body: ZkRequestBody): void {
  const c = b.zk!;
  const pending = c.pending.find((p) => p.reqId === reqId);
  if (pending) pending.sentAt = sim.now;
  sim.send(
    brokerNode(b.id),
    b.inc,
    zkNode(c.server),
    'zk-request',
    { reqId, sessionId: c.sessionId!, body },
    { toInc: c.serverInc },
  );
}

export function onZkResponse(sim: Sim, b: BrokerState, msg: Message<'zk-response'>): void {
  const c = b.zk;
  if (!c) return;
  const answer = msg.body;
  if (answer.code === 'CONNECTIONLOSS') {
    // The request waits in `pending` and goes again after the reconnect.
    if (msg.from === zkNode(c.server) && c.state === 'connected') connectionLost(sim, b);
    return;
  }
  if (answer.code === 'SESSIONEXPIRED') return sessionExpired(sim, b);
  const i = c.pending.findIndex((p) => p.reqId === answer.reqId);
  if (i < 0) return;
  const [pending] = c.pending.splice(i, 1);
  c.lastHeard = sim.now;
  hooks!.onAnswer(sim, b, pending.purpose, answer);
}

export function onZkWatchEvent(sim: Sim, b: BrokerState, msg: Message<'zk-watch-event'>): void {
  if (b.zk?.state === 'connected') hooks!.onWatch(sim, b, msg.body);
}

/** A graceful stop closes the session: its ephemeral znodes go at once. */
export function closeZkSession(sim: Sim, b: BrokerState): void {
  const c = b.zk;
  if (!c || c.sessionId === null || c.state !== 'connected') return;
  sim.send(brokerNode(b.id), b.inc, zkNode(c.server), 'zk-request', {
    reqId: c.nextReqId++,
    sessionId: c.sessionId,
    body: { close: true },
  });
}
