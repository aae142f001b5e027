// The idempotent producer (kafka-spec 1.5, 1.3): a retry of a batch the broker already appended
// is recognised by its producer id and sequence numbers and not appended again. Without
// idempotence the same retry writes a duplicate.
//
// The fault: a produce request reaches the leader and is appended and committed, but its
// response is lost because the producer is cut off the network (isolateClient) at the moment
// the response is sent. The producer times out (request.timeout.ms, 10 s in the classroom
// preset) and retries the same batch after it is healed.
import { describe, expect, it } from 'vitest';
import type { ConfigValue } from '../../src/engine';
import { partitionOf, Run, scenario, wholeLog } from './helpers';

function responseLost(idempotent: boolean) {
  const run = new Run(
    scenario({
      seed: 9,
      cluster: { brokers: 3, config: { 'min.insync.replicas': 2 } },
      topics: [{ name: 't', partitions: 1, replicationFactor: 3 }],
      producers: [
        {
          id: 'p',
          topic: 't',
          ratePerSec: 0,
          config: { acks: 'all', 'enable.idempotence': idempotent },
        },
      ],
    }),
  );
  run.to(3000);
  run.do({ type: 'produce', producerId: 'p', key: 'k', value: 'first' });
  // Step until the leader answers the produce request, then cut the producer off: the answer
  // is dropped on arrival.
  for (;;) {
    expect(run.engine.step()).toBe(true);
    const events = run.engine.drainEvents();
    run.events.push(...events);
    const answered = events.some(
      (e) => e.type === 'net.sent' && e.kind === 'produce-response' && e.to === 'producer:p',
    );
    if (answered) break;
  }
  const appendedBeforeRetry = run.all('record.appended').filter((e) => e.topic === 't');
  run.do({ type: 'isolateClient', clientId: 'p' });
  run.to(run.engine.now + 1000);
  run.do({ type: 'healClient', clientId: 'p' });
  run.do({ type: 'produce', producerId: 'p', key: 'k', value: 'second' });
  run.to(30_000);
  return { run, appendedBeforeRetry };
}

describe('a produce response is lost and the producer retries', () => {
  it('without idempotence the retry duplicates the record', () => {
    const { run, appendedBeforeRetry } = responseLost(false);
    expect(appendedBeforeRetry.length).toBeGreaterThan(0);
    const retried = run.all('record.failed').filter((e) => e.value === 'first');
    expect(retried.map((e) => [e.error, e.retriable])).toEqual([['REQUEST_TIMED_OUT', true]]);
    expect(wholeLog(run.engine, 't', 0).map((r) => r.value)).toEqual(['first', 'first', 'second']);
    // The producer was told about the second copy only.
    const acked = run.all('record.acked').filter((e) => e.value === 'first');
    expect(acked.map((e) => e.offset)).toEqual([1]);
  });

  it('with idempotence the broker recognises the retry: one copy, acked at its first offset', () => {
    const { run, appendedBeforeRetry } = responseLost(true);
    expect(appendedBeforeRetry.length).toBeGreaterThan(0);
    const retried = run.all('record.failed').filter((e) => e.value === 'first');
    expect(retried.map((e) => [e.error, e.retriable])).toEqual([['REQUEST_TIMED_OUT', true]]);
    expect(wholeLog(run.engine, 't', 0).map((r) => r.value)).toEqual(['first', 'second']);
    const acked = run.all('record.acked').filter((e) => e.value === 'first');
    expect(acked.map((e) => e.offset)).toEqual([0]);
    // Only one append for the first record on the leader.
    const leader = run.engine.view().topics[0].partitions[0].leader;
    const appends = run.all('record.appended').filter((e) => e.brokerId === leader);
    expect(appends.map((e) => e.offset)).toEqual([0, 1]);
  });
});

// kafka-spec 1.5 (client side) and KIP-360: when a batch of an idempotent producer fails for
// good (here: delivery.timeout.ms expires while the partition is under min.insync.replicas),
// the Java producer bumps its epoch and restarts that partition's sequence numbers, so later
// records are accepted again once the cluster has recovered. A producer that kept the gap in its
// sequence numbers would be refused with OUT_OF_ORDER_SEQUENCE_NUMBER forever.
describe('an idempotent producer after a batch expired', () => {
  it('gets its later records acknowledged once the ISR is back', () => {
    const config: Record<string, ConfigValue> = { acks: 'all', 'delivery.timeout.ms': 15_000 };
    const run = new Run(
      scenario({
        seed: 1,
        cluster: { brokers: 3, config: { 'min.insync.replicas': 2 } },
        topics: [{ name: 't', partitions: 1, replicationFactor: 3 }],
        producers: [{ id: 'p', topic: 't', ratePerSec: 2, config }],
      }),
    );
    run.to(5000);
    const { leader } = run.engine.view().topics[0].partitions[0];
    const followers = [1, 2, 3].filter((id) => id !== leader);
    for (const id of followers) run.do({ type: 'stopBroker', brokerId: id });
    run.to(25_000);
    const expired = run.all('record.failed').filter((e) => e.error === 'DELIVERY_TIMEOUT');
    expect(expired.length).toBeGreaterThan(0);

    for (const id of followers) run.do({ type: 'restartBroker', brokerId: id });
    run.to(35_000);
    expect([...run.engine.view().topics[0].partitions[0].isr].sort()).toEqual([1, 2, 3]);
    const later = run.to(50_000);
    const acked = later.filter((e) => e.type === 'record.acked');
    const refused = later.filter(
      (e) => e.type === 'record.failed' && e.error === 'OUT_OF_ORDER_SEQUENCE_NUMBER',
    );
    expect(refused.length, 'records refused for their sequence numbers').toBe(0);
    expect(acked.length).toBeGreaterThan(20);
  });
});

// KIP-360 (TransactionManager.canRetry): the broker's log lost records the idempotent producer
// had been told were written (an unclean election), so the producer's next sequence leaves a
// gap there and the new leader answers OUT_OF_ORDER_SEQUENCE_NUMBER. The Java producer does not
// give those records up: it bumps its epoch, starts the partition's sequences at 0 and retries.
describe('an idempotent producer whose acknowledged records were lost by an unclean election', () => {
  it('retries OUT_OF_ORDER_SEQUENCE_NUMBER with a bumped epoch and gets the records written', () => {
    const run = new Run(
      scenario({
        seed: 4,
        cluster: { brokers: 3, config: { 'unclean.leader.election.enable': true } },
        topics: [{ name: 't', partitions: 1, replicationFactor: 2 }],
        producers: [{ id: 'p', topic: 't', ratePerSec: 0, config: { acks: 'all' } }],
      }),
    );
    const produce = (value: string) =>
      run.do({ type: 'produce', producerId: 'p', key: null, value });
    run.to(3000);
    const { leader, replicas } = partitionOf(run.engine, 't', 0);
    const follower = replicas.find((id) => id !== leader)!;
    produce('both-0');
    run.to(5000);
    // The follower leaves the ISR; the leader alone acknowledges more records, then dies, and
    // the out-of-sync follower is elected without them.
    run.do({ type: 'stopBroker', brokerId: follower }).to(9000);
    for (let i = 0; i < 3; i++) produce(`alone-${i}`);
    run.to(12_000);
    run.do({ type: 'killBroker', brokerId: leader }).to(20_000);
    run.do({ type: 'restartBroker', brokerId: follower }).to(26_000);
    expect(partitionOf(run.engine, 't', 0).leader).toBe(follower);
    for (let i = 0; i < 3; i++) produce(`after-${i}`);
    run.to(40_000);

    const after = (e: { value: string }) => e.value.startsWith('after-');
    const failed = run.all('record.failed').filter(after);
    expect(failed.filter((e) => !e.retriable)).toEqual([]);
    expect(failed.filter((e) => e.error === 'OUT_OF_ORDER_SEQUENCE_NUMBER')).toHaveLength(3);
    const acked = run.all('record.acked').filter(after);
    expect(acked.map((e) => e.value)).toEqual(['after-0', 'after-1', 'after-2']);
    expect(wholeLog(run.engine, 't', 0).map((r) => r.value)).toEqual([
      'both-0',
      'after-0',
      'after-1',
      'after-2',
    ]);
  });
});
