// seek (KafkaConsumer.seek): the application moves one consumer's position on a partition it owns.
// Kafka: only the position moves (the committed offset waits for the next commit), the consumer
// reads again from there, an offset outside the log meets OFFSET_OUT_OF_RANGE and
// auto.offset.reset, and a partition the consumer does not own is refused.
import { describe, expect, it } from 'vitest';
import { Run, scenario } from './helpers';

function setup(config: Record<string, string | number | boolean> = {}) {
  const run = new Run(
    scenario({
      cluster: { brokers: 3 },
      topics: [{ name: 'orders', partitions: 2, replicationFactor: 2 }],
      // Keys that hash to both partitions, so that each has records to read again.
      producers: [{ id: 'p', topic: 'orders', ratePerSec: 10, keys: ['a', 'b', 'c', 'd'] }],
      groups: [
        {
          id: 'g',
          topics: ['orders'],
          consumers: 2,
          config: { 'auto.offset.reset': 'earliest', ...config },
        },
      ],
    }),
  );
  run.to(15_000);
  return run;
}

const ownerOf = (run: Run, tp: string) =>
  run.engine.view().consumers.find((c) => c.assignment.includes(tp))!;
const committed = (run: Run, tp: string) =>
  run.engine.view().groups[0].offsets.find((o) => `${o.topic}-${o.partition}` === tp)!.committed;

describe('seek', () => {
  it('moves the position back, reads the records again, and commits only afterwards', () => {
    const run = setup();
    const owner = ownerOf(run, 'orders-0');
    const before = committed(run, 'orders-0')!;
    expect(before).toBeGreaterThan(5);
    const seekAt = run.engine.now;
    run.do({ type: 'seek', consumerId: owner.id, topic: 'orders', partition: 0, offset: 2 });
    // Only the position moved: the committed offset is still the old one.
    expect(run.engine.view().consumers.find((c) => c.id === owner.id)!.positions['orders-0']).toBe(
      2,
    );
    expect(committed(run, 'orders-0')).toBe(before);
    run.to(seekAt + 12_000);
    const reset = run.all('offset.reset').filter((e) => e.reason.code === 'seek');
    expect(reset).toEqual([
      expect.objectContaining({ consumerId: owner.id, topic: 'orders', partition: 0, offset: 2 }),
    ]);
    // Offset 2 is consumed a second time, after the seek.
    const again = run
      .all('record.consumed')
      .filter((e) => e.partition === 0 && e.offset === 2 && e.t >= seekAt);
    expect(again).toHaveLength(1);
    expect(again[0].consumerId).toBe(owner.id);
    // The committed offset went back with the next auto-commit (seek sets the position only).
    const commits = run
      .all('offset.committed')
      .filter((e) => e.topic === 'orders' && e.partition === 0 && e.t > seekAt);
    expect(commits.length).toBeGreaterThan(0);
    expect(Math.min(...commits.map((e) => e.offset))).toBeLessThan(before);
  });

  it('past the log end: the next fetch meets OFFSET_OUT_OF_RANGE and auto.offset.reset decides', () => {
    const run = setup({ 'auto.offset.reset': 'latest' });
    const owner = ownerOf(run, 'orders-1');
    const seekAt = run.engine.now;
    run.do({
      type: 'seek',
      consumerId: owner.id,
      topic: 'orders',
      partition: 1,
      offset: 1_000_000,
    });
    run.to(seekAt + 5_000);
    const resets = run.all('offset.reset').filter((e) => e.t >= seekAt && e.partition === 1);
    expect(resets.map((e) => e.reason.code)).toEqual(['seek', 'auto-offset-reset']);
    expect(resets[1].offset).toBeLessThan(1_000_000);
  });

  it('refuses a partition the consumer does not own, and a consumer that is not running', () => {
    const run = setup();
    const owner = ownerOf(run, 'orders-0');
    const other = run.engine.view().consumers.find((c) => c.id !== owner.id)!;
    const refused = run.engine.dispatch({
      type: 'seek',
      consumerId: other.id,
      topic: 'orders',
      partition: 0,
      offset: 0,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PARTITION_NOT_ASSIGNED' } });
    run.do({ type: 'killConsumer', consumerId: owner.id });
    const dead = run.engine.dispatch({
      type: 'seek',
      consumerId: owner.id,
      topic: 'orders',
      partition: 0,
      offset: 0,
    });
    expect(dead).toMatchObject({ ok: false, error: { code: 'CONSUMER_NOT_RUNNING' } });
  });
});
