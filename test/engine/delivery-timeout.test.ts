// delivery.timeout.ms is an upper bound on the time from send() to success or failure
// (kafka-spec 1.4; Kafka's Sender expires batches in the accumulator and in flight alike,
// getExpiredInflightBatches): a record whose request is still unanswered fails at that moment,
// not when its request later times out.
import { describe, expect, it } from 'vitest';
import { Run, scenario } from './helpers';

const DELIVERY_TIMEOUT = 25_000;

describe('delivery.timeout.ms', () => {
  it('fails a record whose request is in flight when delivery.timeout.ms has passed since send()', () => {
    const run = new Run(
      scenario({
        seed: 2,
        cluster: { brokers: 3 },
        topics: [{ name: 't', partitions: 1, replicationFactor: 3 }],
        producers: [
          {
            id: 'p',
            topic: 't',
            ratePerSec: 0,
            config: {
              acks: 'all',
              'request.timeout.ms': 20_000,
              'delivery.timeout.ms': DELIVERY_TIMEOUT,
            },
          },
        ],
      }),
    );
    run.to(3000);
    // Cut off, the producer's requests go unanswered: the first times out after 20 s, the
    // retry is still in flight when the record's 25 s are up.
    run.do({ type: 'isolateClient', clientId: 'p' });
    const sentAt = run.engine.now;
    run.do({ type: 'produce', producerId: 'p', key: 'k', value: 'late' });
    run.to(60_000);
    const failures = run.all('record.failed').filter((e) => e.value === 'late');
    expect(failures.map((e) => [e.error, e.retriable])).toEqual([
      ['REQUEST_TIMED_OUT', true],
      ['DELIVERY_TIMEOUT', false],
    ]);
    expect(failures[1].t - sentAt).toBe(DELIVERY_TIMEOUT);
    expect(failures[1].sentAt).toBe(sentAt);
  });
});
