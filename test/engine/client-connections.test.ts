// How the producer's network client reacts to trouble with a broker (Kafka's NetworkClient):
// a request that times out disconnects the node and fails every request in flight to it; a
// connection reset by a dead broker tells the producer the broker is gone, so it asks for
// metadata at once and holds its records until it has a connection to the new leader.
import { describe, expect, it } from 'vitest';
import { keysFor, partitionOf, Run, scenario, wholeLog } from './helpers';

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

describe('an acks=0 producer whose leader crashes', () => {
  it('learns it from the reset connection, refreshes metadata at once and loses only what was in flight', () => {
    const run = new Run(
      scenario({
        seed: 6,
        cluster: { brokers: 3 },
        topics: [{ name: 't', partitions: 1, replicationFactor: 3 }],
        producers: [
          {
            id: 'p',
            topic: 't',
            ratePerSec: 5,
            config: { acks: '0', 'enable.idempotence': false },
          },
        ],
      }),
    );
    run.to(5000);
    const { leader } = partitionOf(run.engine, 't', 0);
    const crashAt = run.engine.now;
    run.do({ type: 'killBroker', brokerId: leader });
    run.to(25_000);

    // The first metadata request after the crash comes from the reset connection, long before
    // the periodic refresh (metadata.max.age.ms, 30 s here).
    const askedAt = run.events.find(
      (e) =>
        e.type === 'net.sent' && e.from === 'producer:p' && e.kind === 'metadata' && e.t > crashAt,
    )?.t;
    expect(askedAt).toBeDefined();
    expect(askedAt! - crashAt).toBeLessThan(5000);
    const moved = run.all('producer.metadata-refreshed').filter((e) => e.t > crashAt);
    expect(moved.length).toBeGreaterThan(0);

    // acks=0 "acknowledges" a record when it is written to the socket. What was written before
    // the producer learned of the crash is lost; everything after it reaches the new leader.
    const inLog = new Set(wholeLog(run.engine, 't', 0).map((r) => r.value));
    // (The last records are still on their way at the end of the run.)
    const sent = run.all('record.acked').filter((e) => e.t < run.engine.now - 3000);
    const lost = sent.filter((e) => !inLog.has(e.value));
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((e) => e.t >= crashAt - 1000 && e.t < askedAt!)).toBe(true);
    const afterwards = sent.filter((e) => e.t >= askedAt!);
    expect(afterwards.length).toBeGreaterThan(50);
    expect(afterwards.filter((e) => !inLog.has(e.value))).toEqual([]);
  });

  it('is disconnected by its old leader when leadership moves, and follows the new leader at once', () => {
    // The leader crashes and comes back as a follower; then the preferred leader takes over
    // again. The old leader refuses the acks=0 writes it gets after that, and since no answer
    // is expected it says so by closing the connection.
    const run = new Run(
      scenario({
        seed: 6,
        cluster: { brokers: 3, config: { 'auto.leader.rebalance.enable': false } },
        topics: [{ name: 't', partitions: 1, replicationFactor: 3 }],
        producers: [
          {
            id: 'p',
            topic: 't',
            ratePerSec: 5,
            config: { acks: '0', 'enable.idempotence': false },
          },
        ],
      }),
    );
    run.to(5000);
    const preferred = partitionOf(run.engine, 't', 0).leader;
    run.do({ type: 'killBroker', brokerId: preferred }).to(15_000);
    run.do({ type: 'restartBroker', brokerId: preferred }).to(30_000);
    expect(partitionOf(run.engine, 't', 0).isr).toContain(preferred);
    const movedAt = run.engine.now;
    run.do({ type: 'electPreferredLeaders' }).to(45_000);
    expect(partitionOf(run.engine, 't', 0).leader).toBe(preferred);

    const refreshed = run.all('producer.metadata-refreshed').find((e) => e.t > movedAt);
    expect(refreshed).toBeDefined();
    expect(refreshed!.t - movedAt).toBeLessThan(5000);
    const inLog = new Set(wholeLog(run.engine, 't', 0).map((r) => r.value));
    const lost = run
      .all('record.acked')
      .filter((e) => e.t >= movedAt && e.t < run.engine.now - 3000 && !inLog.has(e.value));
    // Lost: what went to the old leader before the producer had the new metadata; none after.
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((e) => e.t < refreshed!.t)).toBe(true);
  });
});
