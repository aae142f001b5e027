// Where labels go so that no two meet (pure, tested in test/ui/labels.test.ts).
//
// Two placers:
// - marker labels on an offset strip (HW, LEO, log start): each beside its line on its preferred
//   side, else on the other side, else left out (the line stays);
// - highlight labels ("new leader · epoch 2", "crashed") in the band of lines under the broker
//   columns: each as close as it can get to the left edge of its broker's column, on the first
//   line with room, sliding along the band into free space; the most important first (data loss
//   before the rest), and what finds no room is counted, so the last label can say "+2 more".
import type { Rect } from './layout';

export interface Span {
  from: number;
  to: number;
}

const meets = (a: Span, b: Span, gap: number) => a.from < b.to + gap && b.from < a.to + gap;

// ---------------------------------------------------------------------------------------------
// Marker labels
// ---------------------------------------------------------------------------------------------

export interface MarkerLabel {
  id: string;
  /** Where the marker's line is. */
  x: number;
  width: number;
  side: 'left' | 'right';
}

/**
 * Left edges of the labels that fit, by id, in the order given (the first ones win). A label
 * sits `gap` away from its line, inside [from, to].
 */
export function placeMarkerLabels(
  labels: MarkerLabel[],
  bounds: { gap: number; from: number; to: number },
): Map<string, { x: number }> {
  const placed: Span[] = [];
  const out = new Map<string, { x: number }>();
  for (const label of labels) {
    const left = label.x - bounds.gap - label.width;
    const right = label.x + bounds.gap;
    const options = label.side === 'left' ? [left, right] : [right, left];
    for (const x of options) {
      const span = { from: x, to: x + label.width };
      if (span.from < bounds.from || span.to > bounds.to) continue;
      if (placed.some((p) => meets(p, span, 3))) continue;
      placed.push(span);
      out.set(label.id, { x });
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Band labels
// ---------------------------------------------------------------------------------------------

export interface BandRequest {
  id: string;
  width: number;
  /** Where the label would like to start: the left edge of its broker's band. */
  x: number;
  /** The band it belongs to (its broker's), one line high per `lineH`. */
  band: Rect;
  /** Higher first. */
  priority: number;
}

export interface BandPlacement {
  id: string;
  x: number;
  y: number;
  w: number;
}

export interface BandResult {
  placed: BandPlacement[];
  /** Ids that found no room. */
  left: string[];
}

/**
 * Bands at the same height that touch (brokers side by side) form one row a label may slide
 * along; each row has `lines` lines of `lineH`.
 */
export function placeBandLabels(
  requests: BandRequest[],
  options: { lines: number; lineH: number; gap: number; join: number },
  /** Every band of the scene (also those without a label), so rows are as long as they are. */
  bands: Rect[] = [],
): BandResult {
  // Rows: bands with the same top, joined across the gaps between broker columns.
  const rows: { y: number; from: number; to: number; lines: Span[][] }[] = [];
  const rowOf = (band: Rect) => {
    let row = rows.find(
      (r) =>
        Math.abs(r.y - band.y) < 0.5 &&
        band.x <= r.to + options.join &&
        band.x + band.w >= r.from - options.join,
    );
    if (!row) {
      row = {
        y: band.y,
        from: band.x,
        to: band.x + band.w,
        lines: Array.from({ length: options.lines }, () => []),
      };
      rows.push(row);
    }
    row.from = Math.min(row.from, band.x);
    row.to = Math.max(row.to, band.x + band.w);
    return row;
  };
  // Every band joins its row first, so a row is as long as all of its bands (left to right, so
  // that neighbours join up).
  for (const band of [...bands, ...requests.map((r) => r.band)].sort((a, b) => a.x - b.x)) {
    rowOf(band);
  }

  const placed: BandPlacement[] = [];
  const left: string[] = [];
  const order = [...requests].sort((a, b) => b.priority - a.priority);
  for (const request of order) {
    const row = rowOf(request.band);
    const w = Math.min(request.width, row.to - row.from);
    let done = false;
    for (let line = 0; line < row.lines.length && !done; line++) {
      const x = nearestFree(row.lines[line], request.x, w, row.from, row.to, options.gap);
      if (x === null) continue;
      row.lines[line].push({ from: x, to: x + w });
      placed.push({ id: request.id, x, y: row.y + line * options.lineH, w });
      done = true;
    }
    if (!done) left.push(request.id);
  }
  return { placed, left };
}

/** The free start nearest `want` for a span of `w` in [from, to] avoiding `taken`. */
function nearestFree(
  taken: Span[],
  want: number,
  w: number,
  from: number,
  to: number,
  gap: number,
): number | null {
  const clamp = (x: number) => Math.max(from, Math.min(to - w, x));
  const candidates = [clamp(want)];
  for (const t of taken) candidates.push(clamp(t.to + gap), clamp(t.from - gap - w));
  let best: number | null = null;
  for (const x of candidates) {
    const span = { from: x, to: x + w };
    if (taken.some((t) => meets(t, span, gap - 0.01))) continue;
    if (best === null || Math.abs(x - want) < Math.abs(best - want)) best = x;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Long words
// ---------------------------------------------------------------------------------------------

/**
 * A text in one line if it fits `width`, else in two, broken after an underscore or a space as
 * late as the first line allows (Kafka's error names: OUT_OF_ORDER_ / SEQUENCE_NUMBER).
 */
export function splitToFit(
  text: string,
  width: number,
  measure: (text: string) => number,
): [string, string?] {
  if (measure(text) <= width) return [text];
  for (let i = text.length - 1; i > 0; i--) {
    const c = text[i - 1];
    if ((c === '_' || c === ' ') && measure(text.slice(0, i)) <= width) {
      return [text.slice(0, i).trimEnd(), text.slice(i)];
    }
  }
  return [text];
}
