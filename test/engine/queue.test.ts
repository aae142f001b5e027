// The event queue: time order, scheduling order within a millisecond, tasks taken back by handle,
// and a queue saved in the middle of a millisecond continuing where it was.
import { describe, expect, it } from 'vitest';
import {
  createQueue,
  peekTime,
  pop,
  push,
  restoredQueue,
  runDue,
  savedQueue,
  takeBack,
  waiting,
  type QueueState,
  type SavedQueue,
} from '../../src/engine/sim/queue';

function drain(q: QueueState<string>): string[] {
  const out: string[] = [];
  for (let t = pop(q); t !== undefined; t = pop(q)) out.push(t);
  return out;
}

describe('event queue', () => {
  it('runs tasks by time, then in the order they were scheduled', () => {
    const q = createQueue<string>();
    push(q, 20, 'c');
    push(q, 10, 'a');
    push(q, 20, 'd');
    push(q, 10, 'b');
    expect(peekTime(q)).toBe(10);
    expect(drain(q)).toEqual(['a', 'b', 'c', 'd']);
    expect(peekTime(q)).toBeNull();
  });

  it('takes back a waiting task by its handle, and only that one', () => {
    const q = createQueue<string>();
    push(q, 5, 'a');
    const b = push(q, 5, 'b');
    push(q, 5, 'c');
    const d = push(q, 7, 'd');
    expect(waiting(q, b)).toBe('b');
    takeBack(q, b);
    expect(waiting(q, b)).toBeNull();
    takeBack(q, d);
    expect(drain(q)).toEqual(['a', 'c']);
  });

  it('a millisecond whose tasks were all taken back is no longer due', () => {
    const q = createQueue<string>();
    const a = push(q, 5, 'a');
    push(q, 9, 'b');
    takeBack(q, a);
    expect(peekTime(q)).toBe(9);
  });

  it('a handle of a task that already ran finds nothing', () => {
    const q = createQueue<string>();
    const a = push(q, 5, 'a');
    push(q, 5, 'b');
    expect(pop(q)).toBe('a');
    expect(waiting(q, a)).toBeNull();
    expect(drain(q)).toEqual(['b']);
  });

  it('runDue runs the tasks scheduled for the same millisecond while it runs', () => {
    const q = createQueue<string>();
    push(q, 3, 'a');
    push(q, 3, 'b');
    const ran: string[] = [];
    const count = runDue(q, 3, (task) => {
      ran.push(task);
      if (task === 'a') push(q, 3, 'a2');
    });
    expect(ran).toEqual(['a', 'b', 'a2']);
    expect(count).toBe(3);
    expect(peekTime(q)).toBeNull();
  });

  it('continues after a save in the middle of a millisecond', () => {
    const q = createQueue<string>();
    push(q, 1, 'a');
    const b = push(q, 1, 'b');
    push(q, 1, 'c');
    push(q, 2, 'd');
    expect(pop(q)).toBe('a');
    const saved = JSON.parse(JSON.stringify(savedQueue(q))) as SavedQueue<string>;
    expect(saved.due).toEqual({ 1: ['a', 'b', 'c'], 2: ['d'] });
    const copy = restoredQueue(saved);
    takeBack(copy, b);
    expect(drain(copy)).toEqual(['c', 'd']);
  });
});
