// A KRaft broker follows `__cluster_metadata` as an observer (kafka-spec.md 4.2): it fetches the
// committed records from the active controller (a long poll, like a follower's fetch), replays
// them into its image and acts on the partitions that changed. Its heartbeats report how far it
// has read: the controller unfences it once it has read its own registration. A broker that
// starts with an empty image is sent the committed image first (a snapshot). In combined
// placement the broker reads the log of the controller in its own process instead.
import { partitionAfter, partitionCreated } from '../controller/records';
import { combinedControllerOf } from '../quorum/combined';
import { onCommittedMetadata } from '../quorum/commit';
import { read } from '../quorum/metadataLog';
import { FETCH_MAX_WAIT_MS, raftTiming } from '../quorum/raft';
import type { ControllerNodeState, MetadataEntry } from '../quorum/state';
import { brokerNode, controllerHostNode, parseTp, tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type {
  BrokerMetadataLog,
  BrokerState,
  Message,
  MetadataImage,
  PartitionMeta,
} from '../sim/world';
import { applyImageChange } from './metadataImage';

export function newBrokerMetadataLog(): BrokerMetadataLog {
  return { offset: 0, epoch: 0, brokers: {}, inFlight: 0, sentAt: 0, nextReqId: 0 };
}

/**
 * Fetch the next committed records from the active controller, unless a fetch is on its way.
 * A fetch unanswered for the quorum's fetch timeout is taken as lost (its controller died or a
 * link was cut) and sent again. Called on start, after each answer and at every heartbeat tick.
 */
export function fetchMetadata(sim: Sim, b: BrokerState): void {
  if (!sim.world.quorum || combinedControllerOf(sim, b.id) !== null) return;
  const m = b.metadataLog;
  if (m.inFlight !== 0) {
    if (sim.now - m.sentAt < raftTiming(sim).fetchTimeoutMs + FETCH_MAX_WAIT_MS) return;
    m.inFlight = 0;
  }
  const controller = sim.world.controller.activeId;
  if (controller === null) return;
  m.inFlight = ++m.nextReqId;
  m.sentAt = sim.now;
  sim.send(brokerNode(b.id), b.inc, controllerHostNode(controller), 'metadata-fetch', {
    reqId: m.inFlight,
    epoch: m.epoch,
    replicaId: b.id,
    fetchOffset: m.offset,
    // Not checked for a broker: it is sent committed records only, which never diverge.
    lastFetchedEpoch: m.epoch,
    knownHw: m.offset,
    maxWaitMs: FETCH_MAX_WAIT_MS,
    broker: true,
  });
}

export function onMetadataFetchResponse(
  sim: Sim,
  b: BrokerState,
  msg: Message<'metadata-fetch-response'>,
): void {
  const m = b.metadataLog;
  const r = msg.body;
  if (r.reqId !== m.inFlight) return;
  m.inFlight = 0;
  const newerEpoch = r.epoch > m.epoch;
  if (newerEpoch) m.epoch = r.epoch;
  if (r.error !== null || r.answer === null) {
    // An old epoch: ask again at once. Not the leader: at the next heartbeat tick.
    if (newerEpoch) fetchMetadata(sim, b);
    return;
  }
  if (r.answer.kind === 'snapshot' && r.image) loadImage(sim, b, r.image);
  else if (r.answer.kind === 'records') replayRecords(sim, b, r.answer.batches, r.highWatermark);
  fetchMetadata(sim, b);
}

/**
 * A request to the controller lost its connection (the controller died): the broker asks again
 * at its next heartbeat tick, when it may know of a new active controller.
 */
export function onControllerRequestFailed(
  b: BrokerState,
  kind: 'metadata-fetch' | 'broker-registration',
  reqId: number,
): void {
  if (kind === 'metadata-fetch' && b.metadataLog.inFlight === reqId) b.metadataLog.inFlight = 0;
  const r = b.registration;
  if (kind === 'broker-registration' && r?.inFlight === reqId) r.inFlight = 0;
}

/** The committed image replaces the broker's (it started empty, or fell behind the log's start). */
export function loadImage(sim: Sim, b: BrokerState, image: MetadataImage): void {
  const m = b.metadataLog;
  m.offset = image.endOffset;
  m.brokers = {};
  for (const [id, reg] of Object.entries(image.brokers)) m.brokers[id] = { ...reg };
  b.controllerId = image.controllerId;
  b.liveBrokers = liveBrokersOf(m);
  applyImageChange(sim, b, { partitions: image.partitions, full: true });
}

/**
 * Replay the committed records of `batches` from the broker's offset up to `highWatermark` into
 * its image (records it has, or not yet committed, are skipped), then act on what changed.
 */
export function replayRecords(
  sim: Sim,
  b: BrokerState,
  batches: readonly { baseOffset: number; records: readonly MetadataEntry[] }[],
  highWatermark: number,
): void {
  const m = b.metadataLog;
  const changed = new Map<string, PartitionMeta>();
  const deletedTopics: string[] = [];
  let brokersChanged = false;
  for (const batch of batches) {
    for (let i = 0; i < batch.records.length; i++) {
      const offset = batch.baseOffset + i;
      if (offset < m.offset) continue;
      if (offset >= highWatermark) break;
      const r = batch.records[i];
      switch (r.type) {
        case 'PartitionRecord':
          changed.set(tpKey(r.topic, r.partition), partitionCreated(r));
          break;
        case 'PartitionChangeRecord': {
          const key = tpKey(r.topic, r.partition);
          const before = changed.get(key) ?? b.meta[key];
          if (before) changed.set(key, partitionAfter(before, r));
          break;
        }
        case 'RemoveTopicRecord':
          for (const key of [...changed.keys()])
            if (parseTp(key).topic === r.name) changed.delete(key);
          deletedTopics.push(r.name);
          break;
        case 'RegisterBrokerRecord':
          m.brokers[r.brokerId] = { fenced: true, shuttingDown: false };
          brokersChanged = true;
          break;
        case 'BrokerRegistrationChangeRecord': {
          const reg = m.brokers[r.brokerId];
          if (!reg) break;
          if (r.fenced !== undefined) reg.fenced = r.fenced;
          if (r.inControlledShutdown !== undefined) reg.shuttingDown = r.inControlledShutdown;
          brokersChanged = true;
          break;
        }
        case 'UnregisterBrokerRecord':
          delete m.brokers[r.brokerId];
          brokersChanged = true;
          break;
        case 'LeaderChangeMessage':
          b.controllerId = r.leaderId;
          break;
        default:
          // Topic configs, producer ids, NoOps and voter changes change no partition.
          break;
      }
      m.offset = offset + 1;
    }
  }
  if (brokersChanged) b.liveBrokers = liveBrokersOf(m);
  if (changed.size === 0 && deletedTopics.length === 0) return;
  applyImageChange(sim, b, { partitions: [...changed.values()], deletedTopics });
}

/** Registered, unfenced brokers that are not shutting down, by id (what clients are told). */
function liveBrokersOf(m: BrokerMetadataLog): number[] {
  return Object.keys(m.brokers)
    .map(Number)
    .filter((id) => !m.brokers[id].fenced && !m.brokers[id].shuttingDown)
    .sort((a, b) => a - b);
}

/**
 * Combined placement: the broker inside controller node `n`'s process reads the records `n`
 * knows to be committed straight from its log (the committed image if its position is gone).
 */
function onLocalCommit(sim: Sim, n: ControllerNodeState, image: () => MetadataImage): void {
  const b = sim.broker(n.id);
  if (!b || b.status !== 'running' || combinedControllerOf(sim, b.id) !== n) return;
  const m = b.metadataLog;
  if (n.hw <= m.offset) return;
  if (m.offset === 0 || m.offset < n.log.logStartOffset) return loadImage(sim, b, image());
  replayRecords(sim, b, read(n.log, m.offset, n.hw - m.offset), n.hw);
}

onCommittedMetadata(onLocalCommit);
