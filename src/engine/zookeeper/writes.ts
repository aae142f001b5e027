// The controller's writes in ZooKeeper mode: applied to the image at once (the controller acts
// on its own view, as Kafka's does), sent to ZooKeeper as one multi guarded by the
// `/controller_epoch` version (a controller that was replaced is refused), and their events and
// messages held until ZooKeeper has answered: LeaderAndIsr goes out only after the state znodes
// are written. A write ZooKeeper refuses, or that never arrives, is taken back.
import { replay, type MetadataRecord } from '../controller/records';
import { release, takeBack } from '../quorum/commit';
import { undoFor } from '../quorum/writes';
import type { PendingWrite } from '../quorum/state';
import type { Sim } from '../sim/sim';
import type { BrokerState } from '../sim/world';
import { zkRequest } from './client';
import type { ZkOp } from './state';
import { exists } from './tree';
import { CONTROLLER_EPOCH, configPath, opsForRecord, opsForTopicRemoval } from './znodes';

export function writeToZooKeeper(sim: Sim, records: readonly MetadataRecord[]): void {
  const scope = sim.controllerScope;
  if (scope === null) throw new Error('a metadata write outside a controller operation');
  const w = sim.world;
  const zk = w.zookeeper!;
  const controller = w.controller.activeId === null ? undefined : sim.broker(w.controller.activeId);
  const ops: ZkOp[] = [];
  const undo = [];
  // Config znodes already asked for by writes on their way (ZooKeeper applies them in order).
  const requested = new Set<string>();
  for (const pending of zk.writes)
    for (const u of pending.write.undo)
      if (u.kind === 'config') requested.add(configPath(u.resourceType, u.resourceName));
      else if (u.kind === 'topic' && u.before === null) requested.add(configPath('TOPIC', u.name));
  const configExists = (path: string) => requested.has(path) || exists(zk.tree, path).code === 'OK';
  for (const r of records) {
    const removal = r.type === 'RemoveTopicRecord' ? opsForTopicRemoval(w, r.name) : null;
    undo.push(undoFor(sim, r));
    replay(w, r, sim.now);
    ops.push(...(removal ?? opsForRecord(w, r, configExists)));
    if (r.type === 'ConfigRecord') requested.add(configPath(r.resourceType, r.resourceName));
    else if (r.type === 'TopicRecord') requested.add(configPath('TOPIC', r.name));
  }
  // Nothing for ZooKeeper (registration, fencing, producer ids): done at once.
  if (ops.length === 0) return;
  if (!controller?.zk || controller.zk.epochZkVersion === null)
    throw new Error('a ZooKeeper write by a broker that is not the controller');
  const write: PendingWrite = {
    endOffset: 0,
    epoch: w.controller.epoch,
    undo,
    events: [],
    sends: [],
    committed: false,
  };
  // The request itself is not one of the operation's held effects: writes go out at once, one
  // after another (ZooKeeper keeps their order), as Kafka's controller pipelines them.
  const holding = sim.deferTo;
  sim.deferTo = null;
  const reqId = zkRequest(
    sim,
    controller,
    {
      ops: [{ op: 'check', path: CONTROLLER_EPOCH, version: controller.zk.epochZkVersion }, ...ops],
    },
    { kind: 'controller-write' },
  );
  sim.deferTo = holding;
  write.endOffset = reqId;
  zk.writes.push({ reqId, brokerId: controller.id, controllerEpoch: w.controller.epoch, write });
  scope.write = write;
  sim.deferTo = write;
}

/** ZooKeeper answered one of the controller's writes: its effects happen, or it is taken back. */
export function onControllerWriteAnswer(
  sim: Sim,
  b: BrokerState,
  reqId: number,
  code: string,
): void {
  const zk = sim.world.zookeeper!;
  const i = zk.writes.findIndex((e) => e.reqId === reqId && e.brokerId === b.id);
  if (i < 0) return;
  const [entry] = zk.writes.splice(i, 1);
  // A multi sent again after a reconnect may find its creates already done.
  if (code === 'OK' || code === 'NODEEXISTS') release(sim, entry.write);
  else takeBack(sim, [entry.write]);
}

/**
 * A new controller takes over: the writes of earlier controllers that ZooKeeper committed stand
 * (their events are told; their messages were the old controller's to send), the others are
 * taken back, newest first.
 */
export function settleOtherControllersWrites(sim: Sim, newController: number): void {
  settleWrites(sim, (brokerId) => brokerId !== newController);
}

/** A controller's session expired: what it was still waiting for will never be answered. */
export function settleWritesOf(sim: Sim, brokerId: number): void {
  settleWrites(sim, (id) => id === brokerId);
}

function settleWrites(sim: Sim, whose: (brokerId: number) => boolean): void {
  const zk = sim.world.zookeeper!;
  const others = zk.writes.filter((e) => whose(e.brokerId));
  zk.writes = zk.writes.filter((e) => !whose(e.brokerId));
  takeBack(
    sim,
    others.filter((e) => e.zkResult !== 'OK').map((e) => e.write),
  );
  for (const e of others) {
    if (e.zkResult !== 'OK') continue;
    e.write.sends = [];
    release(sim, e.write);
  }
}
