// Where Raft meets the controller: a leader becomes the active controller once its epoch's
// LeaderChangeMessage is committed (QuorumController's handleLeaderChange -> claim), its writes
// take effect for everyone only when committed, and a leader that steps down takes back what the
// quorum never committed (QuorumController.renounce reverts to the last committed offset).
import {
  configEntriesOf,
  partitionMeta,
  refreshConfigsOf,
  replay,
  type MetadataRecord,
} from '../controller/records';
import { controllerHostNode, tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { MetadataImage, TopicState } from '../sim/world';
import { epochAt, read } from './metadataLog';
import type { ControllerNodeState, LeaderRole, PendingWrite, Undo } from './state';

/**
 * What a node does when it becomes the active controller (controller.ts registers it: the
 * quorum sits below the controller code and does not import it).
 */
type ActivationHook = (sim: Sim, host: ReturnType<typeof controllerHostOf>) => void;
let onActivated: ActivationHook = () => {};

export function whenControllerActivated(hook: ActivationHook): void {
  onActivated = hook;
}

/**
 * What happens when a controller node learns that more of the log is committed: in combined
 * placement the broker in its process reads the new records (broker/metadataFetcher.ts
 * registers it; the quorum does not import the broker).
 */
type CommitHook = (sim: Sim, n: ControllerNodeState, image: () => MetadataImage) => void;
let onCommitted: CommitHook = () => {};

export function onCommittedMetadata(hook: CommitHook): void {
  onCommitted = hook;
}

/** Node `n`'s high watermark moved. */
export function committedAdvanced(sim: Sim, n: ControllerNodeState): void {
  if (sim.world.quorum?.placement === 'combined') onCommitted(sim, n, () => committedImage(sim));
}

/**
 * The committed metadata as a broker's image: every partition, the registered brokers and the
 * active controller, at the quorum's committed offset (a snapshot of the log up to there).
 */
export function committedImage(sim: Sim): MetadataImage {
  return withCommittedImage(sim, () => {
    const c = sim.world.controller;
    const brokers: MetadataImage['brokers'] = {};
    for (const [id, reg] of Object.entries(c.brokers))
      if (reg.registered) brokers[id] = { fenced: reg.fenced, shuttingDown: reg.shuttingDown };
    return {
      endOffset: sim.world.quorum!.committedOffset,
      partitions: Object.values(c.partitions).map(partitionMeta),
      brokers,
      controllerId: c.activeId,
    };
  });
}

/** `metadata.max.idle.interval.ms` (Kafka's default): the active controller's NoOpRecord beat. */
const NOOP_INTERVAL_MS = 500;

/** The active controller node, if the quorum has one. */
export function activeControllerNode(sim: Sim): ControllerNodeState | null {
  const q = sim.world.quorum;
  const id = sim.world.controller.activeId;
  if (!q || id === null) return null;
  return q.controllers.find((c) => c.id === id) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Commit and activation
// ---------------------------------------------------------------------------------------------

/** The leader's HW moved: activate it once its epoch has begun, and release committed writes. */
export function onLeaderCommitted(sim: Sim, n: ControllerNodeState): void {
  const leader = n.leader!;
  if (!leader.active) {
    if (n.hw <= leader.epochStartOffset) return;
    activate(sim, n, leader);
  }
  const q = sim.world.quorum!;
  q.committedOffset = Math.max(q.committedOffset, n.hw);
  while (leader.pending.length > 0 && leader.pending[0].endOffset <= n.hw) {
    release(sim, leader.pending.shift()!);
  }
}

function activate(sim: Sim, n: ControllerNodeState, leader: LeaderRole): void {
  const q = sim.world.quorum!;
  const c = sim.world.controller;
  // Another leader's writes that did not commit are gone; those this leader holds (below its
  // epoch start) are committed now, with its LeaderChangeMessage.
  for (const other of q.controllers) {
    if (other === n || other.leader === null) continue;
    abandon(sim, other.leader.pending);
    other.leader.pending = [];
  }
  if (q.committedOffset < leader.epochStartOffset) {
    const from = Math.max(q.committedOffset, n.log.logStartOffset);
    for (const batch of read(n.log, from, leader.epochStartOffset - from)) {
      for (const entry of batch.records)
        if (isMetadataRecord(entry)) replay(sim.world, entry, sim.now);
    }
  }
  q.committedOffset = Math.max(q.committedOffset, leader.epochStartOffset);
  leader.active = true;
  const previous = c.activeId;
  c.activeId = n.id;
  c.epoch = n.epoch;
  sim.emit({
    type: 'controller.changed',
    controllerId: n.id,
    previousControllerId: previous,
    epoch: n.epoch,
    t: sim.now,
  });
  // Writes of earlier leaders that this leader holds were committed with its epoch: tell them.
  for (const o of q.orphans) {
    const held = o.endOffset <= leader.epochStartOffset && o.endOffset > n.log.logStartOffset;
    if (held && epochAt(n.log, o.endOffset - 1) === o.epoch) release(sim, o);
  }
  q.orphans = [];
  onActivated(sim, controllerHostOf(sim, n));
  scheduleNoOp(sim, n);
}

function isMetadataRecord(entry: { type: string }): entry is MetadataRecord {
  return (
    entry.type !== 'LeaderChangeMessage' &&
    entry.type !== 'NoOpRecord' &&
    entry.type !== 'VotersRecord'
  );
}

/** Committed: the write's events happen and its messages go out, now. */
export function release(sim: Sim, write: PendingWrite): void {
  // Released effects happen now, even inside another operation that is deferring its own.
  const deferring = sim.deferTo;
  sim.deferTo = null;
  write.committed = true;
  for (const event of write.events) {
    event.t = sim.now;
    sim.emit(event);
  }
  for (const s of write.sends) {
    // The deferred sends were checked when made; their shapes are those of Sim.send.
    sim.send(s.from, s.fromInc, s.to, s.kind as never, s.body as never, s.info);
  }
  write.events = [];
  write.sends = [];
  sim.deferTo = deferring === write ? null : deferring;
}

/** A leader stepped down (or died): it is no longer the controller, its uncommitted writes go. */
export function onLeadershipLost(
  sim: Sim,
  n: ControllerNodeState,
  leader: LeaderRole,
  reason: 'higher-epoch' | 'check-quorum' | 'stopped',
): void {
  abandon(sim, leader.pending);
  leader.pending = [];
  const c = sim.world.controller;
  if (!leader.active || c.activeId !== n.id) return;
  c.activeId = null;
  sim.emit({
    type: 'controller.resigned',
    controllerId: n.id,
    epoch: n.epoch,
    reason: {
      code:
        reason === 'check-quorum'
          ? 'check-quorum'
          : reason === 'stopped'
            ? 'controller-stopped'
            : 'higher-epoch',
    },
    t: sim.now,
  });
}

/** Keep the log moving while nothing changes, so followers and brokers see it is alive. */
export function scheduleNoOp(sim: Sim, n: ControllerNodeState): void {
  sim.timer(controllerHostNode(n.id), n.inc, 'controller.noop', NOOP_INTERVAL_MS, n.token);
}

/** The host the controller code runs on: a dedicated controller node, or its broker (combined). */
export function controllerHostOf(sim: Sim, n: ControllerNodeState) {
  return {
    id: n.id,
    node: controllerHostNode(n.id),
    inc: n.inc,
    config: (sim.world.brokers[n.id - 1] ?? sim.world.brokers[0]).config,
  };
}

/**
 * A leader's uncommitted writes leave the image; their events wait as orphans in case a later
 * leader commits them (their messages do not: they were answers from the old leader).
 */
function abandon(sim: Sim, pending: PendingWrite[]): void {
  takeBack(sim, pending);
  for (const w of pending) {
    w.sends = [];
    sim.world.quorum!.orphans.push(w);
  }
}

/** Undo uncommitted writes, newest first. */
export function takeBack(sim: Sim, pending: PendingWrite[]): void {
  for (let i = pending.length - 1; i >= 0; i--) {
    const undo = pending[i].undo;
    for (let j = undo.length - 1; j >= 0; j--) putBack(sim, undo[j]);
  }
}

/** Put one entity of the image back to the value `u` holds. */
function putBack(sim: Sim, u: Undo): void {
  const w = sim.world;
  const c = w.controller;
  switch (u.kind) {
    case 'broker':
      if (u.before) c.brokers[u.brokerId] = u.before;
      else delete c.brokers[u.brokerId];
      return;
    case 'topic':
      if (u.before) {
        w.topics[u.name] = u.before;
        for (const p of u.partitions) c.partitions[tpKey(p.topic, p.partition)] = p;
      } else {
        const topic = w.topics[u.name];
        for (let k = 0; k < (topic?.numPartitions ?? 0); k++) delete c.partitions[tpKey(u.name, k)];
        delete w.topics[u.name];
      }
      return;
    case 'partition':
      if (u.before) c.partitions[u.key] = u.before;
      else delete c.partitions[u.key];
      if (u.topic && w.topics[u.topic.name]) {
        w.topics[u.topic.name].numPartitions = u.topic.numPartitions;
        w.topics[u.topic.name].replicationFactor = u.topic.replicationFactor;
      }
      if (u.reassignment) (c.reassignments ??= {})[u.key] = u.reassignment;
      else if (c.reassignments) delete c.reassignments[u.key];
      return;
    case 'producer-ids':
      c.nextProducerId = u.before;
      return;
    case 'config': {
      const entries = configEntriesOf(w, u.resourceType, u.resourceName);
      if (entries === undefined) return;
      if (u.before) entries[u.name] = u.before;
      else delete entries[u.name];
      refreshConfigsOf(w, u.resourceType, u.resourceName);
      return;
    }
  }
}

/** The entity `u` names, as it is now (to put it back after a look at the committed image). */
function current(sim: Sim, u: Undo): Undo {
  const w = sim.world;
  const c = w.controller;
  switch (u.kind) {
    case 'broker':
      return { ...u, before: c.brokers[u.brokerId] ?? null };
    case 'topic': {
      const topic = w.topics[u.name];
      const partitions = topic
        ? Array.from({ length: topic.numPartitions }, (_, i) => c.partitions[tpKey(u.name, i)])
        : [];
      return { ...u, before: topic ?? null, partitions };
    }
    case 'partition': {
      const topic = u.topic ? w.topics[u.topic.name] : undefined;
      return {
        ...u,
        before: c.partitions[u.key] ?? null,
        reassignment: c.reassignments?.[u.key] ?? null,
        ...(u.topic && topic ? { topic: sizeOf(topic) } : {}),
      };
    }
    case 'producer-ids':
      return { ...u, before: c.nextProducerId };
    case 'config':
      return {
        ...u,
        before: configEntriesOf(w, u.resourceType, u.resourceName)?.[u.name] ?? null,
      };
  }
}

/** A topic's size, as a partition record changes it. */
export function sizeOf(topic: TopicState): {
  name: string;
  numPartitions: number;
  replicationFactor: number;
} {
  return {
    name: topic.name,
    numPartitions: topic.numPartitions,
    replicationFactor: topic.replicationFactor,
  };
}

/** The writes no quorum has committed yet, of every controller that still holds some. */
export function uncommittedWrites(sim: Sim): PendingWrite[] {
  const zk = sim.world.zookeeper;
  if (zk) return zk.writes.map((e) => e.write);
  const q = sim.world.quorum;
  if (!q) return [];
  return q.controllers.flatMap((n) => n.leader?.pending ?? []);
}

/**
 * Run `look` on the committed metadata (what the cluster has agreed on: what the picture
 * shows), then put the active controller's uncommitted changes back.
 */
export function withCommittedImage<T>(sim: Sim, look: () => T): T {
  const pending = uncommittedWrites(sim);
  if (pending.length === 0) return look();
  const now = pending.flatMap((w) => w.undo.map((u) => current(sim, u)));
  takeBack(sim, pending);
  try {
    return look();
  } finally {
    for (const u of now) putBack(sim, u);
  }
}
