import { describe, expect, it } from 'vitest';
import { cellPosition, stripCells } from '../../src/ui/scene/stripCells';

describe('the offsets a strip shows', () => {
  it('shows the newest offsets and two empty cells when nothing is lost', () => {
    expect(stripCells(20, 6, null)).toEqual([16, 17, 18, 19, 20, 21]);
    expect(stripCells(2, 6, null)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps lost offsets in view, with a gap before the newest ones', () => {
    // Offsets 79 and 80 were lost; the log has since grown to 140.
    expect(stripCells(140, 12, { from: 79, to: 81 })).toEqual([
      78,
      79,
      80,
      81,
      null,
      135,
      136,
      137,
      138,
      139,
      140,
      141,
    ]);
  });

  it('shows one run when the lost offsets are close to the end', () => {
    expect(stripCells(84, 12, { from: 79, to: 81 })).toEqual([
      74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85,
    ]);
    expect(stripCells(88, 12, { from: 79, to: 81 })).toEqual([
      78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89,
    ]);
  });

  it('gives a long loss at most half the strip', () => {
    const cells = stripCells(500, 10, { from: 100, to: 140 });
    expect(cells).toEqual([99, 100, 101, 102, 103, null, 498, 499, 500, 501]);
  });
});

describe('where a marker stands', () => {
  const cells = [78, 79, 80, 81, null, 135, 136, 137];
  it('at the left edge of its cell', () => {
    expect(cellPosition(cells, 79)).toBe(1);
    expect(cellPosition(cells, 136)).toBe(6);
  });
  it('in the middle of the gap for an offset hidden there', () => {
    expect(cellPosition(cells, 100)).toBe(4.5);
    expect(cellPosition(cells, 82)).toBe(4.5);
  });
  it('at the ends outside the cells', () => {
    expect(cellPosition(cells, 3)).toBe(0);
    expect(cellPosition(cells, 200)).toBe(8);
  });
});
