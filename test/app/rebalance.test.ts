// What the group card shows of a rebalance: the partitions each consumer gave up (from
// consumer.assigned events) and whether a rebalance is under way. Eager: every consumer gives up
// everything; cooperative: only the partition that moves is given up, the rest keep being read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyRevocationEvents, isRebalancing } from '../../src/app/rebalance';
import { applyViewChanges, initialSimState, type SimState } from '../../src/app/store';
import type { SimEvent } from '../../src/engine';
import { WorkerHost } from '../../src/worker/host';
import type { FromWorker } from '../../src/worker/protocol';

const assigned = (consumerId: string, partitions: string[], revoked: string[]): SimEvent => ({
  t: 0,
  type: 'consumer.assigned',
  groupId: 'billing',
  consumerId,
  generation: 1,
  partitions,
  revoked,
});

describe('applyRevocationEvents', () => {
  it('remembers what a consumer gave up until its next assignment', () => {
    const gaveUp = applyRevocationEvents({}, [assigned('c1', [], ['orders-0', 'orders-1'])]);
    expect(gaveUp).toEqual({ c1: ['orders-0', 'orders-1'] });
    expect(applyRevocationEvents(gaveUp, [assigned('c1', ['orders-0'], [])])).toEqual({});
  });

  it('keeps only what the consumer does not own any more', () => {
    const next = applyRevocationEvents({}, [
      assigned('c1', ['orders-0'], ['orders-0', 'orders-2']),
    ]);
    expect(next).toEqual({ c1: ['orders-2'] });
  });

  it('forgets consumers that fail or leave', () => {
    const before = { c1: ['orders-0'], c2: ['orders-1'] };
    const failed: SimEvent = {
      t: 0,
      type: 'consumer.failed',
      groupId: 'billing',
      consumerId: 'c1',
      memberId: 'm1',
      reason: { code: 'process-crashed' },
    };
    const left: SimEvent = {
      t: 0,
      type: 'consumer.left',
      groupId: 'billing',
      consumerId: 'c2',
      memberId: 'm2',
    };
    expect(applyRevocationEvents(before, [failed, left])).toEqual({});
  });

  it('returns the same object when nothing changed', () => {
    const before = { c1: ['orders-0'] };
    expect(applyRevocationEvents(before, [assigned('c2', ['orders-1'], [])])).toBe(before);
  });
});

/** The default scene with one consumer added to billing at 5 s, under a given assignor. */
function defaultScene(assignor: string) {
  const scenario = JSON.parse(
    readFileSync(new URL('../../src/scenario/examples/default.json', import.meta.url), 'utf8'),
  ) as { groups: { config: Record<string, string> }[]; actions?: unknown[] };
  scenario.groups[0].config['partition.assignment.strategy'] = assignor;
  scenario.actions = [{ at: 5000, type: 'addConsumer', groupId: 'billing' }];
  return scenario;
}

/** Run a scenario through the worker host and apply its frames as the client does. */
function watch(scenario: unknown, until: number, stepMs = 20): SimState[] {
  const out: FromWorker[] = [];
  const host = new WorkerHost((m) => out.push(m));
  let state = initialSimState();
  const take = () => {
    for (const m of out) {
      if (m.type !== 'frame') continue;
      if (m.changes) state = { ...state, ...applyViewChanges(state, m.changes) };
      state = { ...state, revoked: applyRevocationEvents(state.revoked, m.events) };
    }
    out.length = 0;
  };
  host.handle({
    type: 'request',
    id: 1,
    request: { type: 'load', source: { kind: 'scenario', scenario } },
  });
  take();
  const seen: SimState[] = [];
  for (let to = stepMs; to <= until; to += stepMs) {
    host.handle({ type: 'advance', to, withView: true });
    take();
    seen.push(state);
  }
  return seen;
}

const billing = (s: SimState) => s.groups.billing!;
const owns = (s: SimState, id: string) => s.consumers[id]?.assignment ?? [];

describe('a rebalance after Add consumer on billing', () => {
  it('eager (range): every consumer gives up every partition, then all is reassigned', () => {
    const states = watch(defaultScene('range'), 12_000);
    expect(billing(states[0]).rebalanceProtocol).toBe('eager');
    const allRevoked = states.find(
      (s) => Object.keys(s.revoked).length === 2 && owns(s, 'billing-1').length === 0,
    );
    expect(allRevoked?.revoked).toEqual({
      'billing-1': ['orders-0', 'orders-1'],
      'billing-2': ['orders-2'],
    });
    expect(owns(allRevoked!, 'billing-2')).toEqual([]);
    expect(isRebalancing(allRevoked!, billing(allRevoked!))).toBe(true);

    const last = states.at(-1)!;
    expect(last.revoked).toEqual({});
    expect(isRebalancing(last, billing(last))).toBe(false);
    expect(billing(last).generation).toBe(2);
  });

  it('cooperative: only the partition that moves is given up; the others keep being read', () => {
    const states = watch(defaultScene('cooperative-sticky'), 15_000);
    expect(billing(states[0]).rebalanceProtocol).toBe('cooperative');
    // No consumer ever owns nothing while it has given something up: it keeps the rest.
    const withRevocations = states.filter((s) => Object.keys(s.revoked).length > 0);
    expect(withRevocations.length).toBeGreaterThan(0);
    for (const s of withRevocations) {
      expect(s.revoked).toEqual({ 'billing-1': ['orders-2'] });
      expect(owns(s, 'billing-1')).toEqual(['orders-0']);
      expect(isRebalancing(s, billing(s))).toBe(true);
    }
    const last = states.at(-1)!;
    expect(last.revoked).toEqual({});
    expect(isRebalancing(last, billing(last))).toBe(false);
    expect(owns(last, 'billing-3')).toEqual(['orders-2']);
  });

  it('a new group forming is not shown as a rebalance', () => {
    const [first] = watch(defaultScene('range'), 20);
    expect(billing(first).generation).toBe(0);
    expect(isRebalancing(first, billing(first))).toBe(false);
  });
});
