// The event queue: tasks grouped by the millisecond they are due, and a binary min-heap of those
// milliseconds. Within a millisecond tasks run in the order they were scheduled (a task added
// for the current millisecond runs after those already waiting): the fixed tie-break that makes
// same-millisecond events deterministic. Plain data, so the whole queue can be saved and restored.
//
// A task keeps its place until its millisecond is over: the ones that ran stay before `head`,
// and one taken back leaves a null. So a task's place never changes, and a handle (its time
// and index) finds it again without searching.
//
// The buckets live in a Map: a plain object keyed by thousands of integers that come and go
// every millisecond was the engine's costliest lookup (about 8% of the big scene's
// instructions). A saved queue keeps them in a plain object (savedQueue / restoredQueue).

export interface QueueState<T> {
  /** The distinct times that have tasks, as a binary min-heap. */
  times: number[];
  /** The tasks due at each time, in the order they were scheduled; null where one was taken back. */
  due: Map<number, (T | null)[]>;
  /** How many tasks of the earliest time have been taken (run). */
  head: number;
}

/** A queue as saved (JSON): its buckets in a plain object keyed by time. */
export interface SavedQueue<T> {
  times: number[];
  due: Record<number, (T | null)[]>;
  head: number;
}

/** Where a scheduled task sits (see push), or -1 for one that cannot be taken back. */
export type TaskHandle = number;

/** Places per millisecond a handle can name: 2^20 (times up to about 99 days stay exact). */
const PLACES = 1048576;

export function createQueue<T>(): QueueState<T> {
  return { times: [], due: new Map(), head: 0 };
}

/** The queue as plain data, for saving (the tasks are the same objects). */
export function savedQueue<T>(q: QueueState<T>): SavedQueue<T> {
  return { times: q.times, due: Object.fromEntries(q.due), head: q.head };
}

/** A queue from its saved form (the tasks are taken as they are). */
export function restoredQueue<T>(saved: SavedQueue<T>): QueueState<T> {
  const due = new Map<number, (T | null)[]>();
  for (const at of Object.keys(saved.due)) due.set(Number(at), saved.due[Number(at)]);
  return { times: saved.times, due, head: saved.head };
}

/** Schedule `task` at `at`; returns its handle (for takeBack). */
export function push<T>(q: QueueState<T>, at: number, task: T): TaskHandle {
  let bucket = q.due.get(at);
  if (bucket === undefined) {
    q.due.set(at, (bucket = []));
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
  const index = bucket.length;
  bucket.push(task);
  return index < PLACES ? at * PLACES + index : -1;
}

/** The task behind `handle` if it is still waiting to run, else null. */
export function waiting<T>(q: QueueState<T>, handle: TaskHandle): T | null {
  if (handle < 0) return null;
  const at = Math.floor(handle / PLACES);
  const index = handle - at * PLACES;
  const bucket = q.due.get(at);
  if (bucket === undefined || index >= bucket.length) return null;
  if (at === q.times[0] && index < q.head) return null;
  return bucket[index];
}

/**
 * Take back the waiting task behind `handle` (one that could no longer do anything when it
 * ran). Call only when waiting() returned the task.
 */
export function takeBack<T>(q: QueueState<T>, handle: TaskHandle): void {
  const at = Math.floor(handle / PLACES);
  const bucket = q.due.get(at)!;
  bucket[handle - at * PLACES] = null;
  // The last place of a time is never a hole, so a time whose tasks were all taken back is
  // empty. (Tasks that ran are not holes, so this never reaches below `head`.)
  while (bucket.length > 0 && bucket[bucket.length - 1] === null) bucket.pop();
}

/** When the next task is due, or null if there is none. */
export function peekTime<T>(q: QueueState<T>): number | null {
  const heap = q.times;
  while (heap.length > 0) {
    const bucket = q.due.get(heap[0])!;
    while (q.head < bucket.length && bucket[q.head] === null) q.head++;
    if (q.head < bucket.length) return heap[0];
    dropEarliestTime(q);
  }
  return null;
}

/** Take the next task (the earliest due, first scheduled); undefined if there is none. */
export function pop<T>(q: QueueState<T>): T | undefined {
  if (peekTime(q) === null) return undefined;
  return q.due.get(q.times[0])![q.head++]!;
}

/**
 * Run every task due at `at` (the time peekTime gave), in order, including those scheduled for
 * `at` while they run; returns how many ran. One lookup of the millisecond, not one per task.
 */
export function runDue<T>(q: QueueState<T>, at: number, run: (task: T) => void): number {
  const bucket = q.due.get(at)!;
  let ran = 0;
  while (q.head < bucket.length) {
    const task = bucket[q.head++];
    if (task === null) continue;
    run(task);
    ran++;
  }
  return ran;
}

/** The earliest time has no task left: forget it. */
function dropEarliestTime<T>(q: QueueState<T>): void {
  const heap = q.times;
  q.due.delete(heap[0]);
  q.head = 0;
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
