// resetOffsets to a time (kafka-consumer-groups --reset-offsets --to-datetime): each partition
// goes to the earliest offset whose record timestamp is at or after that time (ListOffsets by
// timestamp); where none is, to the log end.
import { describe, expect, it } from 'vitest';
import { Run, scenario } from './helpers';

describe('resetOffsets by time', () => {
  it('lands on the first record written at or after the time, per partition', () => {
    const run = new Run(
      scenario({
        cluster: { brokers: 1 },
        topics: [{ name: 't', partitions: 2, replicationFactor: 1 }],
        producers: [{ id: 'p', topic: 't', ratePerSec: 10, keys: ['a', 'b', 'c', 'd'] }],
        groups: [{ id: 'g', topics: ['t'], consumers: 1 }],
      }),
    );
    run.to(20_000);
    run.do({ type: 'closeConsumer', consumerId: 'g-1' }).to(21_000);
    const at = 10_000;
    run.do({ type: 'resetOffsets', groupId: 'g', topic: 't', to: { timestamp: at } });
    const committed = run.engine.view().groups[0].offsets;
    for (const p of [0, 1]) {
      const log = run.engine.partitionLog('t', p, { fromOffset: 0, limit: 1000 });
      const expected = log.find((r) => r.timestamp >= at)!.offset;
      expect(expected, `t-${p}`).toBeGreaterThan(0);
      expect(committed.find((o) => o.partition === p)!.committed, `t-${p}`).toBe(expected);
    }

    // A time after every record: the log end, as the real tool does.
    run.do({ type: 'resetOffsets', groupId: 'g', topic: 't', to: { timestamp: 1e9 } });
    const v = run.engine.view();
    for (const o of v.groups[0].offsets) {
      const part = v.topics[0].partitions.find((x) => x.partition === o.partition)!;
      expect(o.committed).toBe(part.highWatermark);
    }
  });

  it('refuses a negative time, naming the field', () => {
    const run = new Run(
      scenario({
        cluster: { brokers: 1 },
        topics: [{ name: 't', partitions: 1, replicationFactor: 1 }],
        groups: [{ id: 'g', topics: ['t'], consumers: 0 }],
      }),
    );
    run.to(1_000);
    expect(
      run.engine.dispatch({
        type: 'resetOffsets',
        groupId: 'g',
        topic: 't',
        to: { timestamp: -1 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_VALUE', field: 'to.timestamp' } });
  });
});
