// The two lint rules that carry the architecture must bite on a bad engine file.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function ruleIdsFor(code: string, filePath = 'src/engine/sim/bad.ts') {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId);
}

describe('engine determinism rule', () => {
  it.each([
    ['Math.random()', 'export const x = Math.random();'],
    ['Date.now()', 'export const x = Date.now();'],
    ['new Date()', 'export const x = new Date();'],
    ['performance.now()', 'export const x = performance.now();'],
    ['setTimeout', 'setTimeout(() => {}, 1);'],
    ['setInterval', 'setInterval(() => {}, 1);'],
    ['requestAnimationFrame', 'requestAnimationFrame(() => {});'],
    ['window', 'export const x = window.innerWidth;'],
    ['document', 'export const x = document.title;'],
  ])('rejects %s in src/engine', async (_label, code) => {
    const ids = await ruleIdsFor(code);
    expect(
      ids.some((id) => id === 'no-restricted-globals' || id === 'no-restricted-properties'),
    ).toBe(true);
  });

  it('allows the same code outside the engine', async () => {
    expect(await ruleIdsFor('export const x = Math.random();', 'src/ui/fine.ts')).toEqual([]);
  });

  it('accepts a clean engine file', async () => {
    expect(await ruleIdsFor('export const double = (x: number): number => x * 2;')).toEqual([]);
  });
});

describe('engine import direction rule', () => {
  it.each([
    '../ui/App',
    '../../ui/scene/Scene',
    '../scenario/schema',
    '../worker/host',
    '../app/store',
    '../cli/sim',
  ])('rejects an import of %s from src/engine', async (path) => {
    expect(await ruleIdsFor(`import { x } from '${path}';\nexport const y = x;`)).toContain(
      'no-restricted-imports',
    );
  });

  it('rejects UI libraries in src/engine', async () => {
    expect(
      await ruleIdsFor(`import { create } from 'zustand';\nexport const y = create;`),
    ).toContain('no-restricted-imports');
  });

  it('allows imports inside the engine', async () => {
    expect(await ruleIdsFor(`import { x } from './kernels/murmur2';\nexport const y = x;`)).toEqual(
      [],
    );
  });
});

describe('kernel purity rule', () => {
  it.each([
    ['src/engine/kernels/bad.ts', '../sim/world'],
    ['src/engine/kernels/bad.ts', '../broker/log'],
    ['src/engine/kernels/bad.ts', '..'],
    ['src/engine/kernels/assignors/bad.ts', '../../sim/sim'],
    ['src/engine/kernels/assignors/bad.ts', '../../config/access'],
  ])('rejects an engine import in %s (%s)', async (file, path) => {
    const code = `import { x } from '${path}';\nexport const y = x;`;
    expect(await ruleIdsFor(code, file)).toContain('no-restricted-imports');
  });

  it('rejects a type-only import of engine state too', async () => {
    const code = `import type { World } from '../sim/world';\nexport type W = World;`;
    expect(await ruleIdsFor(code, 'src/engine/kernels/bad.ts')).toContain('no-restricted-imports');
  });

  it.each([
    ['src/engine/kernels/good.ts', './murmur2'],
    ['src/engine/kernels/assignors/good.ts', '../javaHash'],
    ['src/engine/kernels/assignors/good.ts', './range'],
  ])('allows a kernel import in %s (%s)', async (file, path) => {
    expect(await ruleIdsFor(`import { x } from '${path}';\nexport const y = x;`, file)).toEqual([]);
  });

  it('still applies the engine rules in kernels', async () => {
    expect(
      await ruleIdsFor('export const x = Math.random();', 'src/engine/kernels/bad.ts'),
    ).toContain('no-restricted-properties');
  });
});
