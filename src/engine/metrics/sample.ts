// Taking a sample at each simulated second: gauges read from the state as it stands, rates from
// the counters of the second that just ended (so a `PerSec` value is that second's count).
import { isLiveConsumer } from '../status';
import { tpKey } from '../sim/ids';
import type { ControllerPartition, World } from '../sim/world';
import { BROKER_METRICS, CONTROLLER_METRICS, seriesId } from './catalog';
import { metricsOf } from './count';
import { PARTITION_LAG_CAP, SAMPLE_CAP, SAMPLE_PERIOD_MS, type MetricsState } from './state';

/** Take every sample due at or before `upTo` (each second boundary the clock reached). */
export function sampleUpTo(world: World, upTo: number): void {
  const m = metricsOf(world);
  if (m.nextAt > upTo) return;
  // A long jump without events: only the last SAMPLE_CAP seconds can be kept anyway.
  const last = Math.floor(upTo / SAMPLE_PERIOD_MS) * SAMPLE_PERIOD_MS;
  const first = Math.max(m.nextAt, last - (SAMPLE_CAP - 1) * SAMPLE_PERIOD_MS);
  for (let t = first; t <= last; t += SAMPLE_PERIOD_MS) {
    takeSample(world, m, t);
    m.counts = Object.create(null) as Record<string, number>;
  }
  m.nextAt = last + SAMPLE_PERIOD_MS;
}

function column(m: MetricsState, id: string, partition = false): number {
  const at = m.index[id];
  if (at !== undefined) return at;
  if (partition) {
    if (m.partitionColumns >= PARTITION_LAG_CAP) return -1;
    m.partitionColumns++;
  }
  m.index[id] = m.columns.length;
  m.columns.push(id);
  return m.columns.length - 1;
}

function highWatermark(world: World, p: ControllerPartition, key: string): number {
  if (p.leader >= 0) return world.brokers[p.leader - 1]?.logs[key]?.hw ?? 0;
  let hw = 0;
  for (const id of p.replicas) hw = Math.max(hw, world.brokers[id - 1]?.logs[key]?.hw ?? 0);
  return hw;
}

/** Per group and partition: the id of its records-lag series, made once. */
const partitionLagIds = new Map<string, Map<string, string>>();

function partitionLagId(groupId: string, key: string): string {
  let byKey = partitionLagIds.get(groupId);
  if (byKey === undefined) partitionLagIds.set(groupId, (byKey = new Map()));
  let id = byKey.get(key);
  if (id === undefined)
    byKey.set(key, (id = seriesId('partition', `${groupId}/${key}`, 'records-lag')));
  return id;
}

function takeSample(world: World, m: MetricsState, t: number): void {
  // One value per column, written as each series is read; a series seen for the first time adds
  // its column at the end (column()), which is the next place of `v`. Error series count 0 in a
  // second without that error (they only appear once seen).
  const v: (number | null)[] = new Array<number | null>(m.columns.length).fill(null);
  for (let i = 0; i < m.columns.length; i++) if (m.columns[i].startsWith('error|')) v[i] = 0;
  const set = (id: string, value: number | null, partition = false) => {
    const i = column(m, id, partition);
    if (i >= 0) v[i] = value;
  };
  const counts = m.counts;
  const count = (id: string) => counts[id] ?? 0;
  const avg = (sum: string, n: string) => (count(n) > 0 ? count(sum) / count(n) : null);

  // Partitions, as the controller knows them, and the high watermark of each (read once here
  // for every group that reads the partition).
  const urpByBroker: Record<number, number> = {};
  const hwByKey = new Map<string, number>();
  let urp = 0;
  let offline = 0;
  let isrSize = 0;
  let replicas = 0;
  for (const key in world.controller.partitions) {
    const p = world.controller.partitions[key];
    isrSize += p.isr.length;
    replicas += p.replicas.length;
    if (p.leader < 0) offline++;
    else if (p.isr.length < p.replicas.length) {
      urp++;
      urpByBroker[p.leader] = (urpByBroker[p.leader] ?? 0) + 1;
    }
    hwByKey.set(key, highWatermark(world, p, key));
  }
  const controller = world.controller.activeId;
  const sums: Record<string, number> = {};
  for (const b of world.brokers) {
    const up = b.status === 'running';
    const gauges: Record<string, number | null> = {
      UnderReplicatedPartitions: up ? (urpByBroker[b.id] ?? 0) : null,
      OfflinePartitionsCount: up ? (controller === b.id ? offline : 0) : null,
      ActiveControllerCount: up ? (controller === b.id ? 1 : 0) : null,
    };
    for (const name of BROKER_METRICS) {
      const id = seriesId('broker', b.id, name);
      const value = name in gauges ? gauges[name] : count(id);
      set(id, value);
      sums[name] = (sums[name] ?? 0) + (value ?? 0);
    }
  }
  // The KRaft controllers: a leader counts as active once its epoch has begun (two may say so
  // for a moment, an isolated old leader before it resigns: the cluster sum then shows 2).
  for (const n of world.quorum?.controllers ?? []) {
    const up = n.status === 'running';
    const active = up && n.role === 'leader' && !!n.leader?.active;
    const gauges: Record<(typeof CONTROLLER_METRICS)[number], number> = {
      ActiveControllerCount: active ? 1 : 0,
      OfflinePartitionsCount: active ? offline : 0,
      'current-epoch': n.epoch,
      'high-watermark': Math.max(0, n.hw),
    };
    for (const name of CONTROLLER_METRICS)
      set(seriesId('controller', n.id, name), up ? gauges[name] : null);
    sums.ActiveControllerCount = (sums.ActiveControllerCount ?? 0) + (active ? 1 : 0);
  }
  for (const name of BROKER_METRICS) {
    const gauge = name === 'UnderReplicatedPartitions' || name === 'OfflinePartitionsCount';
    const value =
      name === 'UnderReplicatedPartitions'
        ? urp
        : name === 'OfflinePartitionsCount'
          ? offline
          : sums[name];
    set(
      seriesId('cluster', '', name),
      gauge ? value : value + count(seriesId('cluster', '', name)),
    );
  }
  set(seriesId('cluster', '', 'InSyncReplicasCount'), isrSize);
  set(seriesId('cluster', '', 'ReplicasCount'), replicas);

  for (const id in world.producers) {
    const p = world.producers[id];
    if (p.removed) continue;
    const s = (name: string) => seriesId('producer', id, name);
    let buffered = 0;
    for (const part in p.queues)
      for (const batch of p.queues[part]) buffered += batch.records.length;
    set(s('record-send-rate'), count(s('record-send-rate')));
    set(s('record-error-rate'), count(s('record-error-rate')));
    set(s('record-retry-rate'), count(s('record-retry-rate')));
    set(s('request-latency-avg'), avg(s('latency-sum'), s('request-count')));
    set(s('batch-size-avg'), avg(s('batch-bytes'), s('batch-count')));
    set(s('buffered-records'), buffered);
  }

  for (const id in world.consumers) {
    const c = world.consumers[id];
    const s = (name: string) => seriesId('consumer', id, name);
    let lagMax: number | null = null;
    if (isLiveConsumer(c.status)) {
      for (const tp of c.membership.owned) {
        const pos = c.positions.byPartition[tp];
        if (pos === undefined) continue;
        const lag = Math.max(0, (c.metadata.leaders[tp]?.hw ?? 0) - pos);
        lagMax = Math.max(lagMax ?? 0, lag);
      }
    }
    set(s('records-lag-max'), lagMax);
    set(s('records-consumed-rate'), count(s('records-consumed-rate')));
  }

  for (const id in world.groups) {
    const g = world.groups[id];
    let total = 0;
    for (const topic of g.topics) {
      const n = world.topics[topic]?.numPartitions ?? 0;
      for (let i = 0; i < n; i++) {
        const key = tpKey(topic, i);
        const committed = g.committed[key];
        if (committed === undefined) continue;
        const lag = Math.max(0, (hwByKey.get(key) ?? 0) - committed);
        total += lag;
        set(partitionLagId(id, key), lag, true);
      }
    }
    const r = m.rebalances[id];
    set(seriesId('group', id, 'records-lag'), total);
    set(seriesId('group', id, 'rebalance-total'), r?.total ?? 0);
    set(
      seriesId('group', id, 'rebalance-latency-avg'),
      r && r.total > 0 ? Math.round(r.totalMs / r.total) : null,
    );
  }

  for (const id in counts) if (id.startsWith('error|')) set(id, counts[id]);

  m.samples.push({ t, v });
  if (m.samples.length > SAMPLE_CAP) m.samples.shift();
}
