// The event queue: tasks grouped by the millisecond they are due, and a binary min-heap of those
// milliseconds. Within a millisecond tasks run in the order they were scheduled (a task added
// for the current millisecond runs after those already waiting): the fixed tie-break that makes
// same-millisecond events deterministic. Plain data, so the whole queue can be saved and restored.
import { removeAt } from './arrays';

export interface QueueState<T> {
  /** The distinct times that have tasks, as a binary min-heap. */
  times: number[];
  /** The tasks due at each time, in the order they were scheduled. */
  due: Record<number, T[]>;
}

export function createQueue<T>(): QueueState<T> {
  return { times: [], due: {} };
}

export function push<T>(q: QueueState<T>, at: number, task: T): void {
  const bucket = q.due[at];
  if (bucket !== undefined) {
    bucket.push(task);
    return;
  }
  q.due[at] = [task];
  const heap = q.times;
  let i = heap.length;
  heap.push(at);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent] <= at) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = at;
}

/**
 * Take back the `index`-th task due at `at` (one that could no longer do anything when it ran).
 * Its time may be left with no task; peekTime skips such times.
 */
export function removeTask<T>(q: QueueState<T>, at: number, index: number): void {
  removeAt(q.due[at], index);
}

/** When the next task is due, or null if there is none. */
export function peekTime<T>(q: QueueState<T>): number | null {
  const heap = q.times;
  while (heap.length > 0 && q.due[heap[0]].length === 0) dropEarliestTime(q);
  return heap.length > 0 ? heap[0] : null;
}

/** Take the next task (the earliest due, first scheduled); undefined if there is none. */
export function pop<T>(q: QueueState<T>): T | undefined {
  if (peekTime(q) === null) return undefined;
  const at = q.times[0];
  const bucket = q.due[at];
  const task = bucket.shift()!;
  if (bucket.length === 0) dropEarliestTime(q);
  return task;
}

/** The earliest time has no task left: forget it. */
function dropEarliestTime<T>(q: QueueState<T>): void {
  const heap = q.times;
  delete q.due[heap[0]];
  const last = heap.pop()!;
  const n = heap.length;
  if (n > 0) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && heap[r] < heap[l] ? r : l;
      if (heap[child] >= last) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = last;
  }
}
