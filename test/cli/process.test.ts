// One real run as a child process, the way `npm run sim` runs it: same bytes as in-process,
// exit codes reach the shell.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, sim } from './io';

const TSX = 'node_modules/.bin/tsx';

describe('src/cli/sim.ts as a process', () => {
  it('prints the same JSON as the in-process runner, and exits 0 / 2', () => {
    const argv = ['--scenario', `${EXAMPLES}/leader-election.json`, '--until', '60000', '--json'];
    const child = spawnSync(TSX, ['src/cli/sim.ts', ...argv], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toBe(sim(argv).stdout);

    const usage = spawnSync(TSX, ['src/cli/sim.ts', '--until', 'x'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^sim: /);
  });
});
