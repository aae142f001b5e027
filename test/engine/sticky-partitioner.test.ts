// The built-in sticky partitioner for null keys (KIP-794, kafka-spec 1.1; Kafka's
// BuiltInPartitioner and RecordAccumulator): it counts the bytes appended to the sticky
// partition, batch headers included, and moves on after batch.size bytes once all of that
// partition's batches are full (a partition with no batch waiting counts as full), and always
// after 2 x batch.size.
import { describe, expect, it } from 'vitest';
import { RECORD_BATCH_OVERHEAD, recordSize } from '../../src/engine/kernels';
import { Run, scenario } from './helpers';

const BATCH_SIZE = 1000;
const VALUE_LENGTH = 20;
/** The encoded size of one null-key record with a VALUE_LENGTH-byte value. */
const RECORD = recordSize(-1, VALUE_LENGTH, 0, 0);

function value(i: number): string {
  return `v${String(i).padStart(VALUE_LENGTH - 1, '0')}`;
}

function nullKeyRun(linger: number, seed = 1) {
  return new Run(
    scenario({
      seed,
      cluster: { brokers: 3 },
      topics: [{ name: 't', partitions: 3, replicationFactor: 1 }],
      producers: [
        {
          id: 'p',
          topic: 't',
          ratePerSec: 0,
          keys: null,
          config: { 'batch.size': BATCH_SIZE, 'linger.ms': linger },
        },
      ],
    }),
  );
}

/** The partition of every acknowledged record, in the order they were sent. */
function partitionsInSendOrder(run: Run, count: number): number[] {
  const byValue = new Map(run.all('record.acked').map((e) => [e.value, e.partition]));
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const partition = byValue.get(value(i));
    expect(partition, `record ${i} acknowledged`).toBeDefined();
    out.push(partition!);
  }
  return out;
}

/** Indexes of the records that went to another partition than the record before them. */
function switchPoints(partitions: number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < partitions.length; i++) if (partitions[i] !== partitions[i - 1]) out.push(i);
  return out;
}

describe('the null-key sticky partitioner (KIP-794)', () => {
  it('counts each batch header and switches after batch.size bytes when every batch has been sent', () => {
    // One record every 1.5 s with linger.ms 100: each record starts a batch of its own, which
    // is sent before the next record comes, so each append adds header + record bytes and the
    // partition's queue is empty (all full) when the next record arrives.
    // Each batch holds one record, so a re-pick of the same partition keeps the count aligned:
    // every switch on every seed falls on a multiple.
    const perSwitch = Math.ceil(BATCH_SIZE / (RECORD_BATCH_OVERHEAD + RECORD));
    let visible = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const run = nullKeyRun(100, seed);
      run.to(3000);
      const count = 60;
      for (let i = 0; i < count; i++) {
        run.do({ type: 'produce', producerId: 'p', key: null, value: value(i) });
        run.to(run.engine.now + 1500);
      }
      run.to(run.engine.now + 10_000);
      const switches = switchPoints(partitionsInSendOrder(run, count));
      visible += switches.length;
      for (const i of switches)
        expect(i % perSwitch, `seed ${seed}: switch before record ${i}`).toBe(0);
    }
    expect(visible).toBeGreaterThan(0);
  });

  it('keeps the partition while its last batch is incomplete, and switches at 2 x batch.size', () => {
    // A burst with a long linger: the first batch fills up, the second is still filling when
    // batch.size bytes have been produced, so the switch waits for 2 x batch.size.
    const perBatch = Math.floor((BATCH_SIZE - RECORD_BATCH_OVERHEAD) / RECORD);
    const batchBytes = RECORD_BATCH_OVERHEAD + perBatch * RECORD;
    // Two full batches, then the record that opens a third reaches 2 x batch.size.
    expect(2 * batchBytes + RECORD_BATCH_OVERHEAD + RECORD).toBeGreaterThanOrEqual(2 * BATCH_SIZE);
    expect(2 * batchBytes).toBeLessThan(2 * BATCH_SIZE);
    const perSwitch = 2 * perBatch + 1;
    // Kafka's nextPartition picks at random among the available partitions and may pick the
    // same one again (BuiltInPartitioner does not exclude the current partition), so on some
    // seeds the switch is invisible. Over several seeds: never a switch before 2 x batch.size,
    // and where the partition changes, it changes exactly there.
    const firstSwitches: (number | undefined)[] = [];
    for (let seed = 1; seed <= 6; seed++) {
      const run = nullKeyRun(5000, seed);
      run.to(3000);
      const count = perSwitch + 1;
      for (let i = 0; i < count; i++)
        run.do({ type: 'produce', producerId: 'p', key: null, value: value(i) });
      run.to(run.engine.now + 20_000);
      firstSwitches.push(switchPoints(partitionsInSendOrder(run, count))[0]);
    }
    for (const [i, first] of firstSwitches.entries())
      expect([perSwitch, undefined], `seed ${i + 1}`).toContain(first);
    expect(firstSwitches).toContain(perSwitch);
  });
});
