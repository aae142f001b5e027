// Clients retry failed requests after retry.backoff.ms (kafka-spec 1.4, 4.3, 5.5): while a
// partition has no leader, a consumer that needs a starting position keeps asking at that pace,
// one request at a time; retries must not multiply.
import { describe, expect, it } from 'vitest';
import { keysFor, Run, scenario } from './helpers';

describe('a consumer whose partitions have no leader', () => {
  // Two of the three partitions (replication factor 1) lose their only replica before the new
  // consumer has a position for them: auto.offset.reset needs their leaders (ListOffsets).
  it('retries at a bounded rate instead of multiplying its requests', () => {
    const run = new Run(
      scenario({
        seed: 1,
        cluster: { brokers: 3 },
        topics: [{ name: 't', partitions: 3, replicationFactor: 1 }],
        producers: [
          {
            id: 'p',
            topic: 't',
            ratePerSec: 6,
            keys: [0, 1, 2].map((p) => keysFor(p, 3)[0]),
            config: { acks: '1', 'enable.idempotence': false },
          },
        ],
        groups: [
          { id: 'g', topics: ['t'], consumers: 1, config: { 'auto.offset.reset': 'earliest' } },
        ],
      }),
    );
    run.to(500);
    const offline = run.engine
      .view()
      .topics[0].partitions.filter((p) => p.leader !== 1)
      .map((p) => p.partition);
    expect(offline).toHaveLength(2);
    run.do({ type: 'stopBroker', brokerId: 2 }).do({ type: 'stopBroker', brokerId: 3 });
    run.to(5000);
    const window = run.to(11_000);
    const requests = window.filter((e) => e.type === 'net.sent' && e.from === 'consumer:g-1');
    // 6 s at retry.backoff.ms = 100 ms is at most ~60 retries per kind of request; allow 3x.
    const perKind: Record<string, number> = {};
    for (const e of requests)
      if (e.type === 'net.sent') perKind[e.kind] = (perKind[e.kind] ?? 0) + 1;
    for (const [kind, count] of Object.entries(perKind))
      expect(count, `${kind} requests in 6 s: ${JSON.stringify(perKind)}`).toBeLessThan(180);
    // Meanwhile it reads the partition that still has a leader.
    const online = [0, 1, 2].find((p) => !offline.includes(p));
    const consumed = window.filter((e) => e.type === 'record.consumed' && e.partition === online);
    expect(consumed.length).toBeGreaterThan(0);
  });
});
