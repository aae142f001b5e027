// An in-memory SimIo: reads real files (the examples), captures everything written.
import { existsSync, readFileSync } from 'node:fs';
import { runSim, type SimIo } from '../../src/cli/main';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
  files: Map<string, string>;
}

export function sim(argv: string[], fakeFiles: Record<string, string> = {}): Captured {
  let stdout = '';
  let stderr = '';
  const files = new Map<string, string>();
  const io: SimIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: (path) => (path in fakeFiles ? fakeFiles[path] : readFileSync(path, 'utf8')),
    writeFile: (path, text) => void files.set(path, text),
    fileExists: (path) => path in fakeFiles || existsSync(path),
  };
  const code = runSim(argv, io);
  return { code, stdout, stderr, files };
}

export const EXAMPLES = 'src/scenario/examples';
