// Ordering is per partition (kafka-spec 8, 1.4): a consumer reads each partition in offset
// order, and one idempotent producer's records land in each partition in the order it sent them,
// even when a leader failover makes it retry.
import { describe, expect, it } from 'vitest';
import { keysFor, Run, scenario, wholeLog } from './helpers';

const KEYS = [0, 1, 2, 3].flatMap((p) => keysFor(p, 4, 2));

function keyedRun(seed: number) {
  return new Run(
    scenario({
      seed,
      cluster: { brokers: 3, config: { 'min.insync.replicas': 2 } },
      topics: [{ name: 't', partitions: 4, replicationFactor: 3 }],
      producers: [
        {
          id: 'p',
          topic: 't',
          ratePerSec: 25,
          keys: KEYS,
          config: { acks: 'all', 'enable.idempotence': true },
        },
      ],
      groups: [
        { id: 'g', topics: ['t'], consumers: 2, config: { 'auto.offset.reset': 'earliest' } },
      ],
    }),
  );
}

/** The producer's send order: values are `p#1`, `p#2`, ... */
const sendIndex = (value: string) => Number(value.slice(value.indexOf('#') + 1));

describe('order within a partition', () => {
  it('each consumer reads each partition with strictly increasing offsets', () => {
    const run = keyedRun(8);
    run.to(30_000);
    const last = new Map<string, number>();
    const consumed = run.all('record.consumed');
    expect(consumed.length).toBeGreaterThan(300);
    for (const e of consumed) {
      const k = `${e.consumerId}/${e.partition}`;
      expect(e.offset, k).toBeGreaterThan(last.get(k) ?? -1);
      last.set(k, e.offset);
    }
  });

  it('one idempotent producer: values per partition are in send order, across a failover', () => {
    const run = keyedRun(8);
    run.to(8000);
    // Kill the leader of t-0 so that in-flight batches are retried against a new leader.
    const leader = run.engine.view().topics[0].partitions[0].leader;
    run.do({ type: 'killBroker', brokerId: leader }).to(20_000);
    run.do({ type: 'restartBroker', brokerId: leader }).to(40_000);
    expect(run.all('record.failed').some((e) => e.retriable)).toBe(true);

    for (let partition = 0; partition < 4; partition++) {
      const values = wholeLog(run.engine, 't', partition).map((r) => sendIndex(r.value));
      expect(values.length).toBeGreaterThan(20);
      const sorted = [...values].sort((a, b) => a - b);
      expect(values, `t-${partition}`).toEqual(sorted);
      // No duplicates either: every send index at most once.
      expect(new Set(values).size).toBe(values.length);
    }
    // Consumers read only below the high watermark, and a clean election never rewrites that:
    // every record they consumed is the one at that offset in the final log, so they saw the
    // same order.
    for (const e of run.all('record.consumed')) {
      const [record] = run.engine.partitionLog('t', e.partition, {
        fromOffset: e.offset,
        limit: 1,
      });
      expect(record, `t-${e.partition}@${e.offset}`).toMatchObject({
        offset: e.offset,
        value: e.value,
      });
    }
  });
});
