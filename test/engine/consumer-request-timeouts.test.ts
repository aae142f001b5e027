// A consumer's request with no answer fails once request.timeout.ms has passed since it was sent
// (Kafka's NetworkClient; a fetch also waits fetch.max.wait.ms at the broker, so it gets that
// much longer). The engine checks the deadlines with one timer per kind of request instead of
// one per request: the moment each request fails must not move.
import { describe, expect, it } from 'vitest';
import { Run, scenario, type EventOf } from './helpers';

type Sent = EventOf<'net.sent'>;

describe('consumer request timeouts', () => {
  it('fail a fetch after request.timeout.ms + fetch.max.wait.ms and a heartbeat after request.timeout.ms', () => {
    // A one-millisecond network: a request sent before the cut is answered before it, except a
    // fetch still waiting at the broker. No records and no auto-commit: the only requests to
    // the coordinator are heartbeats.
    const run = new Run(
      scenario({
        seed: 7,
        preset: 'kafka-defaults',
        cluster: { brokers: 1 },
        topics: [{ name: 't', partitions: 1, replicationFactor: 1 }],
        groups: [
          {
            id: 'g',
            topics: ['t'],
            consumers: 1,
            config: {
              'request.timeout.ms': 4000,
              'fetch.max.wait.ms': 700,
              'enable.auto.commit': false,
            },
          },
        ],
      }),
    );
    run.to(10_000);
    expect(run.engine.view().groups[0].state).toBe('Stable');
    run.do({ type: 'isolateBroker', brokerId: 1 });
    run.to(20_000);

    const sent = run.all('net.sent').filter((e) => e.from === 'consumer:g-1');
    const first = (kind: Sent['kind'], after: number) =>
      sent.find((e) => e.kind === kind && e.t > after);
    // The fetch parked at the broker when it was cut off fails at its deadline: the consumer asks
    // for fresh metadata at that very moment.
    const fetch = sent.filter((e) => e.kind === 'fetch' && e.t <= 10_000).at(-1)!;
    expect(first('metadata', fetch.t)?.t).toBe(fetch.t + 4000 + 700);
    // The first heartbeat after the cut fails at its own, earlier-ending deadline: the
    // coordinator counts as lost and the consumer looks for it again at that moment.
    const heartbeat = first('heartbeat', 10_000)!;
    expect(first('find-coordinator', heartbeat.t)?.t).toBe(heartbeat.t + 4000);
  });
});
