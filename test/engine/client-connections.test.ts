// How the producer's network client reacts to trouble with a broker (Kafka's NetworkClient):
// a request that times out disconnects the node and fails every request in flight to it.
import { describe, expect, it } from 'vitest';
import { keysFor, Run, scenario } from './helpers';

describe('a produce request times out', () => {
  it('disconnects the broker and fails every request in flight to it at that moment', () => {
    // Both partitions live on broker 1 only; it is cut off, and two requests go to it 2 s apart.
    const run = new Run(
      scenario({
        seed: 5,
        cluster: { brokers: 3 },
        topics: [{ name: 't', partitions: 2, replicationFactor: 1, assignment: [[1], [1]] }],
        producers: [
          {
            id: 'p',
            topic: 't',
            ratePerSec: 0,
            config: { acks: '1', 'enable.idempotence': false },
          },
        ],
      }),
    );
    run.to(3000);
    run.do({ type: 'isolateBroker', brokerId: 1 });
    run.do({ type: 'produce', producerId: 'p', key: keysFor(0, 2)[0], value: 'first' });
    run.to(5000);
    run.do({ type: 'produce', producerId: 'p', key: keysFor(1, 2)[0], value: 'second' });
    run.to(30_000);
    const timedOut = run
      .all('record.failed')
      .filter((e) => e.error === 'REQUEST_TIMED_OUT' && e.retriable);
    const first = timedOut.find((e) => e.value === 'first')!;
    const second = timedOut.find((e) => e.value === 'second')!;
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    // The younger request fails with the older one, though its own timeout was 2 s away.
    expect(second.t).toBe(first.t);
    expect(second.t - second.sentAt).toBeLessThan(10_000);
  });
});
