// The event queue: a binary min-heap ordered by (time, sequence number). The sequence number is
// the fixed tie-break that makes same-millisecond events run in the order they were scheduled.
// Entries are plain data so the whole queue can be saved and restored.

export interface Scheduled<T> {
  at: number;
  seq: number;
  task: T;
}

export interface QueueState<T> {
  heap: Scheduled<T>[];
  nextSeq: number;
}

export function createQueue<T>(): QueueState<T> {
  return { heap: [], nextSeq: 0 };
}

function before<T>(a: Scheduled<T>, b: Scheduled<T>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

export function push<T>(q: QueueState<T>, at: number, task: T): void {
  const heap = q.heap;
  const item: Scheduled<T> = { at, seq: q.nextSeq++, task };
  let i = heap.length;
  heap.push(item);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(item, heap[parent])) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = item;
}

export function peekTime<T>(q: QueueState<T>): number | null {
  return q.heap.length > 0 ? q.heap[0].at : null;
}

export function pop<T>(q: QueueState<T>): Scheduled<T> | undefined {
  const heap = q.heap;
  if (heap.length === 0) return undefined;
  const top = heap[0];
  const last = heap.pop()!;
  if (heap.length > 0) {
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(heap[r], heap[l]) ? r : l;
      if (!before(heap[child], last)) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = last;
  }
  return top;
}
