// Kafka on ZooKeeper (kafka-spec.md 4.1), the broker's side: each broker registers the
// ephemeral /brokers/ids/N in its session and watches /controller; when /controller is missing,
// every broker tries to create it together with /controller_epoch + 1 (one multi, as
// KafkaZkClient.registerControllerAndIncrementControllerEpoch does), and the one that succeeds
// is the controller. The controller watches /brokers/ids: a broker whose znode went with its
// expired session is dead (its leaderships move), a new znode is a broker (re)starting.
import {
  becomeActiveController,
  brokerHost,
  controllerCanAct,
  controlledShutdown,
  fenceBroker,
  sendSnapshot,
  unfenceBroker,
} from '../controller/controller';
import { write } from '../controller/write';
import { inControllerScope } from '../quorum/scope';
import { brokerNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { BrokerState, Message } from '../sim/world';
import type { ZkAnswer } from '../sim/messages';
import { setZkClientHooks, zkRequest, zkSessionTimeout, newZkClient, schedulePing } from './client';
import { zkOf } from './ensemble';
import { trackSession } from './sessions';
import type { ZkPurpose } from './state';
import { createNode, exists, getChildren } from './tree';
import { onControllerWriteAnswer, settleOtherControllersWrites, settleWritesOf } from './writes';
import {
  BROKER_IDS,
  CONTROLLER,
  CONTROLLER_EPOCH,
  TOP_LEVEL_PATHS,
  brokerData,
  brokerPath,
  controllerData,
  opsForImage,
} from './znodes';

/** BrokerLifecycle-like retry of a refused registration: the old session's znode is still there. */
const REGISTER_RETRY_MS = 1000;

// ---------------------------------------------------------------------------------------------
// The ensemble's past: what a running cluster has in ZooKeeper at t=0
// ---------------------------------------------------------------------------------------------

/**
 * Every broker has a session and its /brokers/ids/N, broker 1 is the controller at
 * controller_epoch 1 and watches /brokers/ids, every broker watches /controller, and the topics'
 * assignment and partition states are there. Called once the world's metadata is built.
 */
export function seedZooKeeper(sim: Sim): void {
  const zk = zkOf(sim);
  const tree = zk.tree;
  const at = (path: string, data: string, mode: 'PERSISTENT' | 'EPHEMERAL' = 'PERSISTENT', s = 0) =>
    createNode(tree, path, data, mode, s);
  for (const path of TOP_LEVEL_PATHS) at(path, '');
  for (const op of opsForImage(sim.world)) if (op.op === 'create') at(op.path, op.data);
  const controller = sim.world.controller.activeId!;
  for (const b of sim.world.brokers) {
    const c = (b.zk = newZkClient(sim, b));
    const sessionId = zk.nextSession++;
    c.sessionId = sessionId;
    c.state = 'connected';
    c.registered = true;
    c.controllerEpoch = sim.world.controller.epoch;
    trackSession(zk.sessions, sessionId, zkSessionTimeout(b), 0);
    zk.owners[sessionId] = { brokerId: b.id, timeout: zkSessionTimeout(b), server: c.server };
    const created = at(brokerPath(b.id), brokerData(b.id), 'EPHEMERAL', sessionId);
    if (created.code === 'OK') {
      sim.world.controller.brokers[b.id].brokerEpoch = created.stat.czxid;
      c.brokerEpoch = created.stat.czxid;
    }
    if (b.id === controller) {
      at(CONTROLLER, controllerData(b.id), 'EPHEMERAL', sessionId);
      at(CONTROLLER_EPOCH, String(sim.world.controller.epoch));
      c.epochZkVersion = 0;
    }
    schedulePing(sim, b);
  }
  // The watches last, so that building the tree fires none of them.
  for (const b of sim.world.brokers) {
    const watcher = String(b.zk!.sessionId);
    exists(tree, CONTROLLER, watcher);
    if (b.id === controller) getChildren(tree, BROKER_IDS, watcher);
  }
}

// ---------------------------------------------------------------------------------------------
// The client's hooks: sessions, answers, watches
// ---------------------------------------------------------------------------------------------

setZkClientHooks({
  onNewSession(sim, b) {
    registerBroker(sim, b);
    watchController(sim, b);
  },
  onReconnected(sim, b) {
    watchController(sim, b);
    if (sim.world.controller.activeId === b.id) watchBrokers(sim, b);
    // A registration retry that came due while disconnected was dropped: register now.
    if (!b.zk!.registered) registerBroker(sim, b);
  },
  onSessionExpired(sim, b) {
    // A controller whose session expired is no longer the controller (onControllerResignation).
    const c = sim.world.controller;
    if (c.activeId === b.id) c.activeId = null;
    settleWritesOf(sim, b.id);
  },
  onAnswer,
  onWatch,
});

function registerBroker(sim: Sim, b: BrokerState): void {
  zkRequest(
    sim,
    b,
    { ops: [{ op: 'create', path: brokerPath(b.id), data: brokerData(b.id), mode: 'EPHEMERAL' }] },
    { kind: 'register-broker' },
  );
}

function watchController(sim: Sim, b: BrokerState): void {
  zkRequest(
    sim,
    b,
    { read: { op: 'exists', path: CONTROLLER, watch: true } },
    { kind: 'watch-controller' },
  );
}

function onAnswer(sim: Sim, b: BrokerState, purpose: ZkPurpose, answer: ZkAnswer): void {
  switch (purpose.kind) {
    case 'register-broker':
      if (answer.code === 'OK') {
        b.zk!.registered = true;
        b.zk!.brokerEpoch = answer.czxid ?? -1;
        b.registration = null;
        return;
      }
      // Maybe this session's own create, sent again after a lost answer: look at the owner.
      if (answer.code === 'NODEEXISTS') readRegistration(sim, b);
      // Any other failure: try again later (Kafka's registration retries until it succeeds).
      else sim.timer(brokerNode(b.id), b.inc, 'broker.register-retry', REGISTER_RETRY_MS, -1);
      return;
    case 'check-registration':
      if (answer.code === 'OK' && answer.owner === b.zk!.sessionId) {
        b.zk!.registered = true;
        b.zk!.brokerEpoch = answer.czxid ?? -1;
        b.registration = null;
        return;
      }
      // The previous incarnation's session still holds the znode: wait for it to expire.
      if (b.zk!.registerFailures++ === 0)
        sim.emit({
          type: 'broker.registration-refused',
          brokerId: b.id,
          error: 'NODEEXISTS',
          t: sim.now,
        });
      sim.timer(brokerNode(b.id), b.inc, 'broker.register-retry', REGISTER_RETRY_MS, -1);
      return;
    case 'watch-controller':
      if (answer.code === 'NONODE') return readControllerEpoch(sim, b);
      // Its own session created /controller but the answer was lost (checkControllerAndEpoch).
      if (answer.owner === b.zk!.sessionId && sim.world.controller.activeId !== b.id)
        zkRequest(
          sim,
          b,
          { read: { op: 'getData', path: CONTROLLER_EPOCH, watch: false } },
          { kind: 'reclaim-controller' },
        );
      return;
    case 'reclaim-controller':
      if (answer.code === 'OK' && sim.world.controller.activeId !== b.id)
        becomeZkController(sim, b, Number(answer.data), answer.version!);
      return;
    case 'read-controller-epoch': {
      const epoch = answer.code === 'OK' ? Number(answer.data) : 0;
      const version = answer.code === 'OK' ? answer.version! : -1;
      const ops =
        version < 0
          ? [
              {
                op: 'create' as const,
                path: CONTROLLER_EPOCH,
                data: '1',
                mode: 'PERSISTENT' as const,
              },
            ]
          : [{ op: 'setData' as const, path: CONTROLLER_EPOCH, data: String(epoch + 1), version }];
      zkRequest(
        sim,
        b,
        {
          ops: [
            { op: 'create', path: CONTROLLER, data: controllerData(b.id), mode: 'EPHEMERAL' },
            ...ops,
          ],
        },
        { kind: 'elect-controller', epoch: epoch + 1, epochVersion: version + 1 },
      );
      return;
    }
    case 'elect-controller':
      if (answer.code === 'OK')
        return becomeZkController(sim, b, purpose.epoch, purpose.epochVersion);
      // Another broker got there first (or bumped the epoch): watch it, as every broker does.
      return watchController(sim, b);
    case 'watch-brokers':
      if (answer.code === 'OK' && sim.world.controller.activeId === b.id && controllerCanAct(sim))
        inControllerScope(sim, () => reconcileBrokers(sim, answer.children ?? []));
      return;
    case 'controller-write':
      return onControllerWriteAnswer(sim, b, answer.reqId, answer.code);
  }
}

function onWatch(sim: Sim, b: BrokerState, event: Message<'zk-watch-event'>['body']): void {
  if (event.path === CONTROLLER) {
    // /controller changed or went: the old controller resigns; everyone watches (and may elect).
    if (event.type === 'NodeDeleted' && sim.world.controller.activeId === b.id)
      sim.world.controller.activeId = null;
    return watchController(sim, b);
  }
  if (event.path === BROKER_IDS && sim.world.controller.activeId === b.id) watchBrokers(sim, b);
}

function readRegistration(sim: Sim, b: BrokerState): void {
  zkRequest(
    sim,
    b,
    { read: { op: 'getData', path: brokerPath(b.id), watch: false } },
    { kind: 'check-registration' },
  );
}

function readControllerEpoch(sim: Sim, b: BrokerState): void {
  zkRequest(
    sim,
    b,
    { read: { op: 'getData', path: CONTROLLER_EPOCH, watch: false } },
    { kind: 'read-controller-epoch' },
  );
}

function watchBrokers(sim: Sim, b: BrokerState): void {
  zkRequest(
    sim,
    b,
    { read: { op: 'getChildren', path: BROKER_IDS, watch: true } },
    { kind: 'watch-brokers' },
  );
}

export function onRegisterRetry(sim: Sim, b: BrokerState): void {
  if (b.zk && !b.zk.registered && b.zk.state === 'connected') registerBroker(sim, b);
}

// ---------------------------------------------------------------------------------------------
// The controller
// ---------------------------------------------------------------------------------------------

/** This broker created /controller: it is the controller in `epoch` (KafkaController.onControllerFailover). */
function becomeZkController(sim: Sim, b: BrokerState, epoch: number, epochZkVersion: number): void {
  const c = sim.world.controller;
  const previous = c.activeId;
  settleOtherControllersWrites(sim, b.id);
  b.zk!.epochZkVersion = epochZkVersion;
  c.activeId = b.id;
  c.epoch = epoch;
  sim.emit({
    type: 'controller.changed',
    controllerId: b.id,
    previousControllerId: previous,
    epoch,
    t: sim.now,
  });
  // Read the live brokers (and watch for changes), then tell every broker the metadata.
  watchBrokers(sim, b);
  becomeActiveController(sim, brokerHost(b));
}

/**
 * The live brokers as /brokers/ids lists them: a registered broker missing there is dead
 * (BrokerChangeHandler -> onBrokerFailure), a listed one that is new, fenced or of a new epoch
 * (the znode's czxid) is starting (onBrokerStartup).
 */
function reconcileBrokers(sim: Sim, children: { name: string; czxid: number }[]): void {
  const c = sim.world.controller;
  const live = new Map(children.map((ch) => [Number(ch.name), ch.czxid]));
  for (const [idText, reg] of Object.entries(c.brokers)) {
    const id = Number(idText);
    if (!live.has(id) && !reg.fenced) fenceBroker(sim, id, { code: 'zookeeper-session-expired' });
  }
  for (const [id, czxid] of live) {
    const reg = c.brokers[id];
    if (!sim.broker(id)) continue;
    if (!reg || reg.brokerEpoch !== czxid) {
      // A new incarnation: if the controller still thought the old one alive, it is dead first.
      if (reg && !reg.fenced) fenceBroker(sim, id, { code: 'zookeeper-session-expired' });
      write(sim, [{ type: 'RegisterBrokerRecord', brokerId: id, brokerEpoch: czxid }]);
      startup(sim, id);
    } else if (reg.fenced && !reg.shuttingDown) {
      startup(sim, id);
    }
  }
}

/** onBrokerStartup: the new broker gets the whole metadata, and offline partitions a leader. */
function startup(sim: Sim, id: number): void {
  unfenceBroker(sim, id);
  const b = sim.broker(id);
  if (b?.status === 'running') sendSnapshot(sim, b);
}

/** ControlledShutdown, at the controller: move the broker's leaderships, then let it stop. */
export function handleControlledShutdown(
  sim: Sim,
  b: BrokerState,
  msg: Message<'controlled-shutdown'>,
): void {
  const from = Number(msg.from.slice(msg.from.indexOf(':') + 1));
  const c = sim.world.controller;
  const error = c.activeId === b.id && controllerCanAct(sim) ? null : 'NOT_CONTROLLER';
  if (error === null)
    inControllerScope(sim, () => {
      // A broker the controller does not know as live has no leadership to move.
      const reg = c.brokers[from];
      if (reg && !reg.shuttingDown && !reg.fenced) controlledShutdown(sim, from);
      sim.send(
        brokerNode(b.id),
        b.inc,
        msg.from,
        'controlled-shutdown-response',
        { reqId: msg.body.reqId, error },
        { toInc: msg.fromInc },
      );
    });
  else
    sim.send(
      brokerNode(b.id),
      b.inc,
      msg.from,
      'controlled-shutdown-response',
      { reqId: msg.body.reqId, error },
      { toInc: msg.fromInc },
    );
}

/** A broker asks the controller to move its leaderships before it stops. */
export function requestControlledShutdown(sim: Sim, b: BrokerState): void {
  const controller = sim.world.controller.activeId;
  if (controller === null) return;
  sim.send(brokerNode(b.id), b.inc, brokerNode(controller), 'controlled-shutdown', {
    reqId: b.nextToken++,
    brokerEpoch: sim.world.controller.brokers[b.id]?.brokerEpoch ?? 0,
  });
}

// ---------------------------------------------------------------------------------------------
// Brokers: the controller's requests, checked against controller_epoch
// ---------------------------------------------------------------------------------------------

/**
 * A request from a controller older than one already heard is refused (STALE_CONTROLLER_EPOCH),
 * and so is one meant for another incarnation of this broker (STALE_BROKER_EPOCH, KIP-380): a
 * broker that restarted must register again before it acts on the controller's word.
 */
export function acceptControllerRequest(
  sim: Sim,
  b: BrokerState,
  controllerId: number,
  epoch: number,
  brokerEpoch: number | undefined,
): boolean {
  const c = b.zk;
  if (!c) return true;
  const error =
    epoch < c.controllerEpoch
      ? 'STALE_CONTROLLER_EPOCH'
      : brokerEpoch !== undefined && brokerEpoch !== c.brokerEpoch
        ? 'STALE_BROKER_EPOCH'
        : null;
  if (error !== null) {
    sim.emit({
      type: 'controller.request-rejected',
      brokerId: b.id,
      controllerId,
      epoch,
      error,
      t: sim.now,
    });
    return false;
  }
  c.controllerEpoch = epoch;
  return true;
}
