// Splits the engine's ClusterView by rate and remembers what the page already has, so each frame
// carries only the records that changed. A record "changed" when its signature (its JSON) did:
// cheap enough for thousands of records per frame, and it runs in the worker, off the UI thread.
import type { ClusterView, PartitionView, RecordRef } from '../engine';
import {
  partitionKey,
  type BrokerView,
  type ClusterInfo,
  type ConsumerInfo,
  type GroupInfo,
  type ProducerInfo,
  type TopicInfo,
  type EntityChanges,
  type FastChanges,
  type PartitionFast,
  type PartitionInfo,
  type ViewChanges,
} from './protocol';

export function clusterInfo(view: ClusterView): ClusterInfo {
  return {
    seed: view.seed,
    preset: view.preset,
    engineVersion: view.engineVersion,
    network: view.network,
    controller: view.controller,
    ...(view.metadata ? { metadata: view.metadata } : {}),
    presetConfig: view.presetConfig,
    clusterConfig: view.clusterConfig,
    simplifications: view.simplifications,
  };
}

export function partitionInfo(p: PartitionView): PartitionInfo {
  return {
    key: partitionKey(p.topic, p.partition),
    topic: p.topic,
    partition: p.partition,
    replicas: p.replicas,
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    isr: p.isr,
    offline: p.offline,
    replicaStates: p.replicaStates.map((r) => ({
      brokerId: r.brokerId,
      role: r.role,
      online: r.online,
      inIsr: r.inIsr,
    })),
    leaderHistory: p.leaderHistory,
    lostRecords: p.lostRecords,
  };
}

export function partitionFast(p: PartitionView, tail?: RecordRef[]): PartitionFast {
  const fast: PartitionFast = {
    logStartOffset: p.logStartOffset,
    highWatermark: p.highWatermark,
    logEndOffset: p.logEndOffset,
    replicas: p.replicaStates.map((r) => ({
      brokerId: r.brokerId,
      logStartOffset: r.logStartOffset,
      logEndOffset: r.logEndOffset,
      highWatermark: r.highWatermark,
    })),
    groups: p.groups,
  };
  if (tail) fast.tail = tail;
  return fast;
}

/** Remembers one kind of entity as the page has it: ids in order and a signature per record. */
class EntityMemory<T, K extends string | number> {
  private signatures = new Map<K, string>();
  private ids: K[] = [];

  constructor(private readonly idOf: (record: T) => K) {}

  diff(records: T[], full: boolean): EntityChanges<T, K> {
    const changed: T[] = [];
    const ids: K[] = [];
    const seen = new Map<K, string>();
    for (const record of records) {
      const id = this.idOf(record);
      const signature = JSON.stringify(record);
      ids.push(id);
      seen.set(id, signature);
      if (full || this.signatures.get(id) !== signature) changed.push(record);
    }
    const idsChanged = full || !sameList(ids, this.ids);
    this.signatures = seen;
    this.ids = ids;
    return { changed, ids: idsChanged ? ids : null };
  }
}

/** Remembers fast values by id; reports the ones whose numbers moved. */
class FastMemory<T> {
  private signatures = new Map<string, string>();

  diff(entries: [string, T][], full: boolean): Record<string, T> {
    const out: Record<string, T> = {};
    const next = new Map<string, string>();
    for (const [id, value] of entries) {
      const signature = JSON.stringify(value);
      next.set(id, signature);
      if (full || this.signatures.get(id) !== signature) out[id] = value;
    }
    this.signatures = next;
    return out;
  }
}

function sameList<K>(a: K[], b: K[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class ViewDiffer {
  private cluster = '';
  private brokers = new EntityMemory((b: BrokerView) => b.id);
  private topics = new EntityMemory((t: TopicInfo) => t.name);
  private partitions = new EntityMemory((p: PartitionInfo) => p.key);
  private producers = new EntityMemory((p: ProducerInfo) => p.id);
  private groups = new EntityMemory((g: GroupInfo) => g.id);
  private consumers = new EntityMemory((c: ConsumerInfo) => c.id);
  private fastPartitions = new FastMemory<PartitionFast>();
  private fastProducers = new FastMemory<FastChanges['producers'][string]>();
  private fastConsumers = new FastMemory<FastChanges['consumers'][string]>();

  /** `full`: forget what the page has and describe everything (after a load). */
  diff(
    view: ClusterView,
    full: boolean,
    tails?: Map<string, RecordRef[]>,
  ): { changes: ViewChanges; fast: FastChanges } {
    const info = clusterInfo(view);
    const clusterSignature = JSON.stringify(info);
    const clusterChanged = full || clusterSignature !== this.cluster;
    this.cluster = clusterSignature;

    const partitions = view.topics.flatMap((t) => t.partitions);
    const changes: ViewChanges = {
      full,
      cluster: clusterChanged ? info : null,
      brokers: this.brokers.diff(view.brokers, full),
      topics: this.topics.diff(
        view.topics.map(({ partitions: parts, ...topic }) => ({
          ...topic,
          partitionCount: parts.length,
        })),
        full,
      ),
      partitions: this.partitions.diff(partitions.map(partitionInfo), full),
      producers: this.producers.diff(
        view.producers.map(({ stats: _stats, ...producer }) => producer),
        full,
      ),
      groups: this.groups.diff(
        view.groups.map(({ offsets: _offsets, ...group }) => group),
        full,
      ),
      consumers: this.consumers.diff(
        view.consumers.map(({ positions: _p, lag: _l, consumed: _c, ...consumer }) => consumer),
        full,
      ),
    };
    const fast: FastChanges = {
      partitions: this.fastPartitions.diff(
        partitions.map((p) => {
          const key = partitionKey(p.topic, p.partition);
          return [key, partitionFast(p, tails?.get(key))];
        }),
        full,
      ),
      producers: this.fastProducers.diff(
        view.producers.map((p) => [p.id, p.stats]),
        full,
      ),
      consumers: this.fastConsumers.diff(
        view.consumers.map((c) => [
          c.id,
          { positions: c.positions, lag: c.lag, consumed: c.consumed },
        ]),
        full,
      ),
    };
    return { changes, fast };
  }
}

/** True when a diff carries nothing: lets the host leave `changes` out of a frame. */
export function isEmptyChanges(c: ViewChanges): boolean {
  return (
    !c.full &&
    c.cluster === null &&
    [c.brokers, c.topics, c.partitions, c.producers, c.groups, c.consumers].every(
      (e) => e.changed.length === 0 && e.ids === null,
    )
  );
}

export function isEmptyFast(f: FastChanges): boolean {
  return (
    Object.keys(f.partitions).length === 0 &&
    Object.keys(f.producers).length === 0 &&
    Object.keys(f.consumers).length === 0
  );
}
