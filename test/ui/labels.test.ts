// Label placement: marker labels beside their lines, highlight labels in the band under the
// brokers, long error names in two lines. No two placed labels may meet.
import { describe, expect, it } from 'vitest';
import {
  placeBandLabels,
  placeMarkerLabels,
  splitToFit,
  type BandRequest,
} from '../../src/ui/scene/labels';

const band = (x: number, w = 192) => ({ x, y: 500, w, h: 48 });
const OPTIONS = { lines: 2, lineH: 24, gap: 6, join: 16 };

function noneMeet(placed: { x: number; y: number; w: number }[]) {
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const a = placed[i];
      const b = placed[j];
      const sameLine = a.y === b.y;
      const apart = a.x + a.w <= b.x || b.x + b.w <= a.x;
      expect(sameLine && !apart, `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(false);
    }
  }
}

describe('marker labels', () => {
  it('sit on their preferred side when there is room', () => {
    const placed = placeMarkerLabels(
      [
        { id: 'hw', x: 300, width: 24, side: 'left' },
        { id: 'leo', x: 330, width: 30, side: 'right' },
      ],
      { gap: 4, from: 0, to: 1000 },
    );
    expect(placed.get('hw')).toEqual({ x: 272 });
    expect(placed.get('leo')).toEqual({ x: 334 });
  });

  it('turn to the other side, or are left out, rather than meet', () => {
    const placed = placeMarkerLabels(
      [
        { id: 'hw', x: 300, width: 24, side: 'left' },
        // A marker just after HW: on its left its label would cover HW's.
        { id: 'start', x: 310, width: 40, side: 'left' },
        { id: 'other', x: 305, width: 40, side: 'left' },
      ],
      { gap: 4, from: 0, to: 1000 },
    );
    expect(placed.get('hw')).toEqual({ x: 272 });
    // Not on its left (it would meet HW's label): on its right.
    expect(placed.get('start')).toEqual({ x: 314 });
    expect(placed.has('other')).toBe(false);
  });

  it('stay inside the strip', () => {
    const placed = placeMarkerLabels([{ id: 'hw', x: 10, width: 24, side: 'left' }], {
      gap: 4,
      from: 0,
      to: 100,
    });
    expect(placed.get('hw')).toEqual({ x: 14 });
  });
});

describe('band labels', () => {
  const request = (id: string, x: number, width: number, priority = 1): BandRequest => ({
    id,
    x,
    width,
    band: band(x),
    priority,
  });

  it('go under their own broker when there is room', () => {
    const { placed, left } = placeBandLabels(
      [request('a', 0, 100), request('b', 208, 100), request('c', 416, 100)],
      OPTIONS,
    );
    expect(left).toEqual([]);
    expect(placed.map((p) => [p.id, p.x, p.y])).toEqual([
      ['a', 0, 500],
      ['b', 208, 500],
      ['c', 416, 500],
    ]);
  });

  it('take the next line, or slide along the row, and never meet', () => {
    const requests = [
      request('wide', 0, 300, 3),
      request('second', 0, 120, 2),
      request('third', 208, 150, 1),
      request('fourth', 416, 150, 1),
    ];
    const { placed, left } = placeBandLabels(requests, OPTIONS);
    expect(left).toEqual([]);
    noneMeet(placed);
    // Every label stays inside the row of bands (0 .. 608).
    for (const p of placed) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x + p.w).toBeLessThanOrEqual(608);
    }
  });

  it('put the most serious first and leave out what finds no room', () => {
    const requests = [
      request('good-1', 0, 190, 1),
      request('good-2', 0, 190, 1),
      request('good-3', 0, 190, 1),
      request('loss', 0, 190, 9),
    ];
    // One broker alone: its band holds two labels.
    const { placed, left } = placeBandLabels(requests, OPTIONS);
    expect(placed.map((p) => p.id)).toContain('loss');
    expect(placed).toHaveLength(2);
    expect(left).toHaveLength(2);
    noneMeet(placed);
  });

  it('slide under a neighbour with nothing to say, across the gap between columns', () => {
    const all = [band(0), band(208), band(416)];
    const { placed, left } = placeBandLabels(
      [request('long', 0, 380, 2), request('second', 0, 380, 1)],
      OPTIONS,
      all,
    );
    expect(left).toEqual([]);
    expect(placed.map((p) => [p.x, p.w])).toEqual([
      [0, 380],
      [0, 380],
    ]);
    noneMeet(placed);
  });

  it('keep rows of brokers apart (a wrapped grid)', () => {
    const upper = { ...request('upper', 0, 150), band: { x: 0, y: 100, w: 192, h: 48 } };
    const lower = { ...request('lower', 0, 150), band: { x: 0, y: 400, w: 192, h: 48 } };
    const { placed } = placeBandLabels([upper, lower], OPTIONS);
    expect(placed.find((p) => p.id === 'upper')!.y).toBe(100);
    expect(placed.find((p) => p.id === 'lower')!.y).toBe(400);
  });
});

describe('splitToFit', () => {
  const measure = (text: string) => text.length * 10;

  it('keeps what fits on one line', () => {
    expect(splitToFit('⟳ NETWORK_EXCEPTION', 300, measure)).toEqual(['⟳ NETWORK_EXCEPTION']);
  });

  it('breaks a long error name after an underscore, as late as fits', () => {
    expect(splitToFit('✕ OUT_OF_ORDER_SEQUENCE_NUMBER', 200, measure)).toEqual([
      '✕ OUT_OF_ORDER_',
      'SEQUENCE_NUMBER',
    ]);
  });

  it('leaves a word with nowhere to break alone', () => {
    expect(splitToFit('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 100, measure)).toEqual([
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    ]);
  });
});
