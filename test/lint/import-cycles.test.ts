// Imports flow one way (design.md section 2), inside layers too: no module of src/ may load,
// directly or through others, a module that loads it back. Type-only imports do not count.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, runtimeImports } from './importGraph';

const SRC = path.resolve(__dirname, '../../src');

describe('runtime import cycles', () => {
  it('src/ has none', () => {
    expect(importCycles(SRC)).toEqual([]);
  });

  it('the check sees a cycle, and skips type-only imports', () => {
    const fixtures = path.resolve(__dirname, 'fixtures/cycle');
    expect(importCycles(fixtures)).toEqual([['a.ts', 'b.ts']]);
    expect(runtimeImports(path.join(fixtures, 'c.ts'))).toEqual([]);
  });
});
