// Which offsets an offset strip shows (pure, tested in test/ui/stripCells.test.ts). Normally the
// newest ones, with two empty cells for what comes next. While lost records are on show
// (design.md 4: data loss stays where it happened) the strip keeps them in view: a cell before
// them, the lost offsets (at most half the strip), a gap cell standing for the offsets in
// between, then the newest offsets.

/** A cell: an offset, or null for the gap between the lost records and the log end. */
export type StripCell = number | null;

export function stripCells(
  logEnd: number,
  capacity: number,
  lost: { from: number; to: number } | null,
): StripCell[] {
  const end = Math.max(logEnd + 2, capacity);
  const run = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
  const tailStart = end - capacity;
  if (!lost || lost.from >= tailStart) return run(tailStart, capacity);
  const leftStart = Math.max(0, lost.from - 1);
  // The lost offsets [from, to) and one after them, or half the strip.
  const leftCount = Math.min(lost.to + 1 - leftStart, Math.floor(capacity / 2));
  const rightCount = capacity - leftCount - 1;
  const rightStart = end - rightCount;
  // The two parts meet: one run from before the lost records reaches the log end.
  if (rightStart <= leftStart + leftCount + 1) return run(leftStart, capacity);
  return [...run(leftStart, leftCount), null, ...run(rightStart, rightCount)];
}

/**
 * Where a marker for `offset` stands, in cells from the strip's left edge: at the left edge of
 * the offset's cell; an offset hidden in the gap sits in the middle of the gap cell; before the
 * first cell, at 0; after the last, at the right edge.
 */
export function cellPosition(cells: StripCell[], offset: number): number {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c === null) {
      const next = cells[i + 1];
      if (next !== undefined && next !== null && offset < next) return i + 0.5;
      continue;
    }
    if (offset <= c) return i;
  }
  return cells.length;
}
