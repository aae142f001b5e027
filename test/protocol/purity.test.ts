// src/protocol is pure TypeScript (design.md 2): it compiles with the ES2022 library alone (no
// DOM, no Node types, so no Buffer, TextEncoder or timers) and imports nothing but itself and the
// engine's kernels.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const PROTOCOL = path.join(ROOT, 'src/protocol');
const KERNELS = path.join(ROOT, 'src/engine/kernels');

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  types: [],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
};

function protocolFiles(): string[] {
  return (readdirSync(PROTOCOL, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(PROTOCOL, f));
}

function diagnostics(program: ts.Program): string[] {
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('src/protocol purity', () => {
  const program = ts.createProgram(protocolFiles(), OPTIONS);

  it('compiles with lib ES2022 only: no DOM, no Node', () => {
    expect(diagnostics(program)).toEqual([]);
  });

  it('the check bites: Buffer and TextEncoder do not exist there', () => {
    const host = ts.createCompilerHost(OPTIONS);
    const readFile = host.readFile;
    const probe = path.join(PROTOCOL, '__probe__.ts');
    host.readFile = (f) =>
      f === probe
        ? 'export const a = Buffer.from([1]);\nexport const b = new TextEncoder();\n'
        : readFile(f);
    host.fileExists = (
      (exists) => (f: string) =>
        f === probe || exists(f)
    )(host.fileExists);
    const found = diagnostics(ts.createProgram([probe], OPTIONS, host));
    expect(found.join('\n')).toMatch(/Buffer/);
    expect(found.join('\n')).toMatch(/TextEncoder/);
  });

  it('imports only from src/protocol and src/engine/kernels', () => {
    const outside: string[] = [];
    for (const file of protocolFiles()) {
      const source = program.getSourceFile(file);
      if (!source) throw new Error(`not compiled: ${file}`);
      source.forEachChild((node) => {
        if (
          (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
          node.moduleSpecifier &&
          ts.isStringLiteral(node.moduleSpecifier)
        ) {
          const target = path.resolve(path.dirname(file), node.moduleSpecifier.text);
          const inside = target.startsWith(PROTOCOL + path.sep) || target.startsWith(KERNELS);
          if (!inside) outside.push(`${path.relative(ROOT, file)} -> ${node.moduleSpecifier.text}`);
        }
      });
    }
    expect(outside).toEqual([]);
  });
});
