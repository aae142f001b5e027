// The active controller's writes under a KRaft quorum: appended to its log and applied to the
// image at once (the controller decides on its own uncommitted state, as Kafka's does), with what
// each record replaced kept so that a write the quorum never commits can be taken back.
import { configEntriesOf, replay, type MetadataRecord } from '../controller/records';
import { tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import { activeControllerNode, scheduleNoOp, sizeOf } from './commit';
import { appendAsQuorumLeader } from './raft';
import type { ControllerNodeState, PendingWrite, Undo } from './state';

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

/**
 * The active controller writes `records`: appended to its log and applied to the image at once
 * (the controller decides on its own uncommitted state, as Kafka's does), with what each record
 * replaced kept for a take-back. Returns the pending write, to which the rest of the current
 * controller operation's events and messages are deferred until the quorum commits it.
 */
export function appendWrite(sim: Sim, records: readonly MetadataRecord[]): PendingWrite {
  const n = activeControllerNode(sim);
  if (n === null || n.leader === null || !n.leader.active)
    throw new Error('a metadata write without an active controller');
  const undo = records.map((r) => undoFor(sim, r));
  for (const r of records) replay(sim.world, r, sim.now);
  const write: PendingWrite = {
    endOffset: 0,
    epoch: n.epoch,
    undo,
    events: [],
    sends: [],
    committed: false,
  };
  n.leader.pending.push(write);
  write.endOffset = appendAsQuorumLeader(sim, n, [...records]);
  return write;
}

/** Add more records to a write of the same operation. */
export function extendWrite(
  sim: Sim,
  write: PendingWrite,
  records: readonly MetadataRecord[],
): void {
  const n = activeControllerNode(sim)!;
  for (const r of records) {
    write.undo.push(undoFor(sim, r));
    replay(sim.world, r, sim.now);
  }
  write.endOffset = appendAsQuorumLeader(sim, n, [...records]);
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export function undoFor(sim: Sim, r: MetadataRecord): Undo {
  const w = sim.world;
  const c = w.controller;
  switch (r.type) {
    case 'RegisterBrokerRecord':
    case 'BrokerRegistrationChangeRecord':
    case 'UnregisterBrokerRecord':
      return {
        kind: 'broker',
        brokerId: r.brokerId,
        before: c.brokers[r.brokerId] ? clone(c.brokers[r.brokerId]) : null,
      };
    case 'TopicRecord':
    case 'RemoveTopicRecord': {
      const topic = w.topics[r.name];
      const partitions = topic
        ? Array.from({ length: topic.numPartitions }, (_, i) =>
            clone(c.partitions[tpKey(r.name, i)]),
          )
        : [];
      return { kind: 'topic', name: r.name, before: topic ? clone(topic) : null, partitions };
    }
    case 'PartitionRecord':
    case 'PartitionChangeRecord': {
      const key = tpKey(r.topic, r.partition);
      const p = c.partitions[key];
      const reassignment = c.reassignments?.[key];
      const topic = w.topics[r.topic];
      return {
        kind: 'partition',
        key,
        before: p ? clone(p) : null,
        reassignment: reassignment ? clone(reassignment) : null,
        ...(r.type === 'PartitionRecord' && topic ? { topic: sizeOf(topic) } : {}),
      };
    }
    case 'ProducerIdsRecord':
      return { kind: 'producer-ids', before: c.nextProducerId };
    case 'ConfigRecord': {
      const entry = configEntriesOf(w, r.resourceType, r.resourceName)?.[r.name];
      return {
        kind: 'config',
        resourceType: r.resourceType,
        resourceName: r.resourceName,
        name: r.name,
        before: entry ? clone(entry) : null,
      };
    }
  }
}

export function onNoOpTimer(sim: Sim, n: ControllerNodeState, token: number | undefined): void {
  if (token !== n.token || n.leader === null || !n.leader.active) return;
  appendAsQuorumLeader(sim, n, [{ type: 'NoOpRecord' }]);
  scheduleNoOp(sim, n);
}
