// Simulation tests in the style of TigerBeetle's VOPR and FoundationDB's simulator: one seed
// gives one random workload and fault plan; the engine is stepped one task at a time and the
// invariants of ./invariants.ts are checked after every event; then everything heals and the
// liveness invariants must hold. Many more seeds: `npm run fuzz -- --seeds 200`.
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/engine';
import { InvariantChecker, Violation } from './invariants';
import { CI_SIZE, generatePlan } from './plan';
import { describeFailure, runPlan } from './runner';

/** The seeds `npm test` runs (each takes well under a second). */
const CI_SEEDS = [1, 2, 3, 4, 5, 6];

describe('simulated worlds with random faults', () => {
  it.each(CI_SEEDS)(
    'seed %i: every invariant holds through the faults and after healing',
    (seed) => {
      const result = runPlan(generatePlan(seed, CI_SIZE), { checkEveryStep: true });
      expect(result.ok, describeFailure(result)).toBe(true);
      // The run exercised something: faults, writes, reads, elections and rebalances.
      expect(result.commands.length).toBeGreaterThan(5);
      expect(result.stats.acked).toBeGreaterThan(50);
      expect(result.stats.consumed).toBeGreaterThan(50);
      expect(result.stats.elections).toBeGreaterThan(0);
      expect(result.stats.rebalances).toBeGreaterThan(0);
    },
  );
});

describe('determinism of simulated worlds', () => {
  it('a seed gives the same plan every time, and another seed another plan', () => {
    expect(generatePlan(7, CI_SIZE)).toEqual(generatePlan(7, CI_SIZE));
    expect(generatePlan(7, CI_SIZE)).not.toEqual(generatePlan(8, CI_SIZE));
  });

  it.each([2, 5])('seed %i: the same seed gives the same event trace', (seed) => {
    const a = runPlan(generatePlan(seed, CI_SIZE));
    const b = runPlan(generatePlan(seed, CI_SIZE));
    expect(a.events).toBeGreaterThan(1000);
    expect(b.traceHash).toBe(a.traceHash);
    expect(b.events).toBe(a.events);
    expect(b.commands).toEqual(a.commands);
  });

  it.each([
    [3, 1500],
    [4, 3000],
  ])('seed %i: save, JSON, restore after step %i continues with the same trace', (seed, step) => {
    const straight = runPlan(generatePlan(seed, CI_SIZE));
    const restored = runPlan(generatePlan(seed, CI_SIZE), { saveRestoreAtStep: step });
    expect(straight.steps).toBeGreaterThan(step);
    expect(restored.ok, describeFailure(restored)).toBe(straight.ok);
    expect(restored.traceHash).toBe(straight.traceHash);
    expect(restored.events).toBe(straight.events);
  });
});

// The invariants are only worth something if they can fail: each one is fed a history that
// breaks it.
describe('the invariant checker rejects', () => {
  const plan = generatePlan(1, CI_SIZE);
  const topic = plan.scenario.topics![0].name;
  const feed = (events: SimEvent[]) => {
    const checker = new InvariantChecker(plan);
    for (const e of events) checker.onEvent(e);
  };
  const elected = (t: number, leader: number, leaderEpoch: number): SimEvent => ({
    t,
    type: 'partition.leader-elected',
    topic,
    partition: 0,
    leader,
    previousLeader: -1,
    leaderEpoch,
    isr: [leader],
    unclean: false,
    reason: { code: 'leader-failed', brokerId: 1 },
  });
  const hw = (t: number, highWatermark: number): SimEvent => ({
    t,
    type: 'hw.advanced',
    topic,
    partition: 0,
    brokerId: 1,
    highWatermark,
  });
  const expectViolation = (events: SimEvent[], invariant: string) => {
    try {
      feed(events);
    } catch (e) {
      expect(e).toBeInstanceOf(Violation);
      expect((e as Violation).invariant).toBe(invariant);
      return;
    }
    throw new Error(`${invariant} was not detected`);
  };

  it('two leaders in one leader epoch', () => {
    expectViolation([elected(1, 1, 3), elected(2, 2, 3)], 'one-leader-per-epoch');
  });

  const controllerChanged = (t: number, controllerId: number, epoch: number): SimEvent => ({
    t,
    type: 'controller.changed',
    controllerId,
    previousControllerId: null,
    epoch,
  });

  it('two active controllers in one epoch', () => {
    expectViolation(
      [controllerChanged(1, 1001, 2), controllerChanged(2, 1002, 2)],
      'one-controller-per-epoch',
    );
  });

  it('a controller epoch that goes back', () => {
    expectViolation(
      [controllerChanged(1, 1001, 3), controllerChanged(2, 1002, 2)],
      'controller-epoch-increases',
    );
  });

  it('a leader epoch that goes back', () => {
    expectViolation([elected(1, 1, 3), elected(2, 2, 2)], 'leader-epoch-increases');
  });

  it('a committed offset above every high watermark so far', () => {
    expectViolation(
      [
        hw(1, 10),
        {
          t: 2,
          type: 'offset.committed',
          groupId: 'g',
          consumerId: 'c',
          topic,
          partition: 0,
          offset: 11,
        },
      ],
      'committed-below-max-hw',
    );
  });

  it('a record consumed at or above the high watermark', () => {
    expectViolation(
      [
        hw(1, 10),
        {
          t: 2,
          type: 'record.consumed',
          groupId: 'g',
          consumerId: 'c',
          topic,
          partition: 0,
          offset: 10,
          key: null,
          value: 'v',
        },
      ],
      'consume-below-hw',
    );
  });

  const consumed = (t: number, offset: number, revoked = false): SimEvent => ({
    t,
    type: 'record.consumed',
    groupId: 'g',
    consumerId: 'c',
    topic,
    partition: 0,
    offset,
    key: null,
    value: `v${offset}`,
    ...(revoked ? { revoked: true as const } : {}),
  });
  const reset = (t: number, offset: number): SimEvent => ({
    t,
    type: 'offset.reset',
    groupId: 'g',
    consumerId: 'c',
    topic,
    partition: 0,
    offset,
    reason: { code: 'log-truncation', from: 9 },
  });

  it('a consumer skipping records below the HW without a reset event', () => {
    expectViolation(
      [hw(1, 20), consumed(2, 3), consumed(3, 4), consumed(4, 6)],
      'no-skip-without-reset',
    );
  });

  it('but lets a group re-read, jump after a reset, and process revoked records', () => {
    expect(() =>
      feed([
        hw(1, 20),
        consumed(2, 3),
        consumed(3, 4),
        consumed(4, 3),
        reset(5, 10),
        consumed(6, 5, true),
        consumed(7, 10),
        consumed(8, 11),
      ]),
    ).not.toThrow();
  });

  it('a record given up later than delivery.timeout.ms after send()', () => {
    const [producerId, limits] = Object.entries(plan.producerTimeouts)[0];
    expectViolation(
      [
        {
          t: 1000 + limits.deliveryMs + 1,
          type: 'record.failed',
          producerId,
          topic,
          partition: 0,
          key: null,
          value: 'late',
          error: 'REQUEST_TIMED_OUT',
          retriable: false,
          sentAt: 1000,
        },
      ],
      'fails-within-delivery-timeout',
    );
  });

  it('one partition owned by two consumers of a group in one generation', () => {
    const assigned = (consumerId: string): SimEvent => ({
      t: 1,
      type: 'consumer.assigned',
      groupId: 'g',
      consumerId,
      generation: 4,
      partitions: [`${topic}-0`],
      revoked: [],
    });
    expectViolation([assigned('a'), assigned('b')], 'one-owner-per-generation');
  });

  it('but lets the same partition move to another consumer in the next generation', () => {
    expect(() =>
      feed([
        {
          t: 1,
          type: 'consumer.assigned',
          groupId: 'g',
          consumerId: 'a',
          generation: 4,
          partitions: ['x-0'],
          revoked: [],
        },
        {
          t: 2,
          type: 'consumer.assigned',
          groupId: 'g',
          consumerId: 'b',
          generation: 5,
          partitions: ['x-0'],
          revoked: [],
        },
      ]),
    ).not.toThrow();
  });
});
