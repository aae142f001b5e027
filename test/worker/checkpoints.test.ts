// The session's checkpoints: taken further apart as the state grows, thinned to a byte budget
// with old history evenly spaced and recent history dense, and an hour of the default scene fits
// the budget of design.md section 5 (64 MB), counted in bytes of the saved states.
import { describe, expect, it } from 'vitest';
import type { SavedEngine } from '../../src/engine';
import { DEFAULT_SCENARIO } from '../../src/scenario';
import {
  CheckpointStore,
  DEFAULT_CHECKPOINT_POLICY,
  stringBytes,
  type CheckpointPolicy,
} from '../../src/worker/checkpoints';
import type { SessionMoment } from '../../src/worker/moment';
import { Session } from '../../src/worker/session';

/** A fake saved state whose JSON takes about `bytes` bytes. */
function saved(bytes: number): SavedEngine {
  return { format: 'kafka-sim-engine', engineVersion: 'test', state: 'x'.repeat(bytes) };
}

const at = (position: number): SessionMoment => ({ position, at: position * 10, applied: 0 });

function store(policy: Partial<CheckpointPolicy>): CheckpointStore {
  return new CheckpointStore({ ...DEFAULT_CHECKPOINT_POLICY, ...policy });
}

describe('checkpoint store', () => {
  it('waits longer after a bigger state', () => {
    const s = store({ minGapEvents: 100, bytesPerGapEvent: 10, largeStateBytes: Infinity });
    expect(s.due(99)).toBe(false);
    expect(s.due(100)).toBe(true);
    s.add(at(100), saved(500)); // about 570 bytes of JSON: the next one 57 events later, at least 100
    expect(s.due(199)).toBe(false);
    expect(s.due(200)).toBe(true);
    s.add(at(200), saved(5000)); // about 5070 bytes: about 507 events later
    expect(s.due(700)).toBe(false);
    expect(s.due(710)).toBe(true);
  });

  it('stretches the gap after a state over largeStateBytes', () => {
    const s = store({ minGapEvents: 1, bytesPerGapEvent: 10, largeStateBytes: 1000 });
    s.add(at(1), saved(3000)); // ~3070 bytes: 307 events, stretched by ~3.07
    expect(s.due(1 + 900)).toBe(false);
    expect(s.due(1 + 950)).toBe(true);
  });

  it('thins to the budget: the newest stay, older ones evenly spaced', () => {
    const s = store({
      minGapEvents: 1,
      bytesPerGapEvent: Infinity,
      budgetBytes: 20_000,
      keepRecent: 3,
    });
    for (let p = 10; p <= 1000; p += 10) s.add(at(p), saved(1000));
    expect(s.bytes).toBeLessThanOrEqual(20_000);
    const positions = s.list().map((c) => c.moment.position);
    expect(positions.slice(-3)).toEqual([980, 990, 1000]);
    const older = positions.slice(0, -3);
    const gaps = older.slice(1).map((p, i) => p - older[i]);
    // Evenly spaced: no gap more than twice another.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * Math.min(...gaps));
    expect(older[0]).toBeLessThanOrEqual(2 * Math.max(...gaps));
  });

  it('keeps the newest even when it alone is over the budget', () => {
    const s = store({ minGapEvents: 1, budgetBytes: 100 });
    s.add(at(1), saved(500));
    s.add(at(2), saved(500));
    expect(s.list().map((c) => c.moment.position)).toEqual([2]);
  });

  it('finds the latest checkpoint at or before a moment, and cuts and restores the future', () => {
    const s = store({ minGapEvents: 1 });
    for (const p of [10, 20, 30, 40]) s.add(at(p), saved(10));
    const before25 = (m: SessionMoment) => m.position <= 25;
    expect(s.latestWhere(before25)?.moment.position).toBe(20);
    expect(s.latestWhere((m) => m.position < 10)).toBeNull();
    const removed = s.removeAfter(at(20));
    expect(removed.map((c) => c.moment.position)).toEqual([30, 40]);
    expect(s.list().map((c) => c.moment.position)).toEqual([10, 20]);
    s.putBack(removed);
    expect(s.list().map((c) => c.moment.position)).toEqual([10, 20, 30, 40]);
    expect(() => s.add(at(35), saved(10))).toThrow(/order/);
  });

  it('counts two bytes a character for text outside Latin-1', () => {
    expect(stringBytes('{"value":"abc"}')).toBe(15);
    expect(stringBytes('{"value":"订单"}')).toBe(28);
  });
});

describe('checkpoint memory with a fork', () => {
  it('counts the future kept for the undo against the budget, and the undo still works', () => {
    const budgetBytes = 1_500_000;
    const session = new Session(DEFAULT_SCENARIO, {
      checkpoints: { minGapEvents: 200, bytesPerGapEvent: Infinity, budgetBytes, keepRecent: 2 },
    });
    session.advanceTo(60_000);
    const original = session.current.view();
    expect(session.checkpointBytes()).toBeLessThanOrEqual(budgetBytes);
    session.seek({ kind: 'time', at: 5000 });
    session.dispatch({ type: 'addBroker' });
    expect(session.checkpointBytes()).toBeLessThanOrEqual(budgetBytes);
    session.advanceTo(60_000);
    expect(session.checkpointList().length).toBeGreaterThan(2);
    expect(session.checkpointBytes()).toBeLessThanOrEqual(budgetBytes);
    expect(session.undoFork()).toBe(true);
    expect(session.checkpointBytes()).toBeLessThanOrEqual(budgetBytes);
    session.seek({ kind: 'time', at: 60_000 });
    expect(session.current.view()).toEqual(original);
  });
});

describe('checkpoint memory over an hour of the default scene', () => {
  it('stays within 64 MB of saved states, with checkpoints all along the hour', () => {
    const session = new Session(DEFAULT_SCENARIO);
    const HOUR = 3_600_000;
    for (let t = 1000; t <= HOUR; t += 1000) {
      session.advanceTo(t);
      session.drainEvents();
    }
    const bytes = session.checkpointBytes();
    const list = session.checkpointList();
    console.log(
      `an hour of the default scene: ${list.length} checkpoints, ${(bytes / 1024 / 1024).toFixed(1)} MB, newest ${(list[list.length - 1].bytes / 1024).toFixed(0)} KB`,
    );
    expect(bytes).toBeLessThanOrEqual(64 * 1024 * 1024);
    // Bytes counted are the saved states' text, as kept, and what they share in the log store.
    const text = list.reduce((sum, c) => sum + stringBytes(c.state), 0);
    expect(bytes).toBeGreaterThan(text);
    expect(bytes).toBeLessThan(text * 1.5);
    // No stretch of the hour is left without one (the longest gap is a few minutes at most).
    const times = [0, ...list.map((c) => c.moment.at)];
    const longest = Math.max(...times.slice(1).map((t, i) => t - times[i]));
    expect(longest).toBeLessThan(5 * 60_000);
    expect(HOUR - times[times.length - 1]).toBeLessThan(5 * 60_000);
  });
});
