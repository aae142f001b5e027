// The series the Charts panel and the group cards draw, read from metric samples (issue 12).
import { describe, expect, it } from 'vitest';
import { chartData, groupLag, lagGrowing, maxValue, valuesAt } from '../../src/app/chartSeries';
import type { MetricsHistory } from '../../src/engine';

const history: MetricsHistory = {
  columns: [
    'cluster||MessagesInPerSec',
    'cluster||InSyncReplicasCount',
    'cluster||ReplicasCount',
    'cluster||UnderReplicatedPartitions',
    'group|billing|records-lag',
    'partition|billing/orders-0|records-lag',
    'consumer|billing-1|records-consumed-rate',
    'consumer|billing-2|records-consumed-rate',
    'error|NOT_ENOUGH_REPLICAS|produce-errors',
  ],
  samples: [
    { t: 1000, v: [2, 9, 9, 0, 0, 0, 1, 1] },
    { t: 2000, v: [3, 8, 9, 1, 4, 3, 2, null, 5] },
    { t: 3000, v: [4, 9, 9, 0, 2, 1, null, null, 0] },
  ],
};

describe('chartData', () => {
  const data = chartData(history);
  it('takes the sample times and each chart its series, by Kafka name', () => {
    expect(data.t).toEqual([1000, 2000, 3000]);
    expect(data.rates.map((l) => l.label)).toEqual(['MessagesInPerSec', 'records-consumed-rate']);
    expect(data.isr.map((l) => l.label)).toEqual([
      'InSyncReplicasCount',
      'ReplicasCount',
      'UnderReplicatedPartitions',
    ]);
    expect(data.isr[1].dashed).toBe(true);
    expect(data.errors).toEqual([
      {
        id: 'error|NOT_ENOUGH_REPLICAS|produce-errors',
        label: 'NOT_ENOUGH_REPLICAS',
        values: [null, 5, 0],
      },
    ]);
  });
  it('sums the consumers consumed rate, null where none has a value', () => {
    expect(data.rates[1].values).toEqual([2, 2, null]);
  });
  it('gives a group its total lag and its partitions as detail', () => {
    expect(data.lag).toEqual([
      { id: 'group|billing|records-lag', label: 'billing', values: [0, 4, 2] },
      {
        id: 'partition|billing/orders-0|records-lag',
        label: 'orders-0',
        values: [0, 3, 1],
        detailOf: 'billing',
      },
    ]);
  });
  it('reads values at a moment (the hover)', () => {
    expect(valuesAt(data, data.lag, 2500)).toEqual({
      t: 2000,
      rows: [
        { label: 'billing', value: 4 },
        { label: 'orders-0', value: 3 },
      ],
    });
    expect(valuesAt(data, data.lag, 500)).toBeNull();
    expect(maxValue(data.isr)).toBe(9);
    expect(maxValue([])).toBe(1);
  });
});

describe('lagGrowing', () => {
  const rising = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  it('is true when lag rose over each of the last 5 samples, against 5 samples before', () => {
    expect(lagGrowing(rising)).toBe(true);
  });
  it('is false with too few samples, a flat or draining lag, or a gap', () => {
    expect(lagGrowing(rising.slice(1))).toBe(false);
    expect(lagGrowing([5, 5, 5, 5, 5, 5, 5, 5, 5, 5])).toBe(false);
    expect(lagGrowing([...rising, 3])).toBe(false);
    expect(lagGrowing([...rising.slice(0, 9), null])).toBe(false);
  });
  it('ignores the saw-tooth of commits every 5 s (lag climbs, drops at each commit)', () => {
    const saw = [0, 2, 4, 6, 8, 0, 2, 4, 6, 8, 0, 2, 4, 6, 8];
    expect(lagGrowing(saw)).toBe(false);
  });
  it('groupLag gives the last values of a group', () => {
    expect(groupLag(history, 'billing', 2)).toEqual([4, 2]);
    expect(groupLag(history, 'nobody', 2)).toEqual([]);
  });
});
