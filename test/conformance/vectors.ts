// Loads the upstream vectors in ../shared/conformance as they are (the shared folder sits beside
// the repository on every machine and in CI; a git worktree one level deeper finds it too).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function findConformanceDir(): string {
  const repo = path.resolve(__dirname, '../..');
  for (let dir = path.dirname(repo); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared/conformance');
    if (existsSync(candidate) || dir === path.dirname(dir)) return candidate;
  }
}

export const CONFORMANCE_DIR = findConformanceDir();

export function loadVectors<T>(fileName: string): T {
  return JSON.parse(readFileSync(path.join(CONFORMANCE_DIR, fileName), 'utf8')) as T;
}

export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.startsWith('0x') ? hex.slice(2) : hex;
  if (clean.length % 2 !== 0) throw new Error(`odd hex length ${clean.length}`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) throw new Error(`not ASCII: ${JSON.stringify(s)}`);
    out[i] = c;
  }
  return out;
}
