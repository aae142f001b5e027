// What the CLI does when the engine refuses a scenario or breaks: exit 1 with the engine's
// messages, or exit 3 with the stack (a bug to report). The engine is replaced by a stub here.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as engine from '../../src/engine';
import { sim } from './io';

const createEngine = vi.hoisted(() => ({ impl: null as null | (() => never) }));

vi.mock('../../src/engine', async (importOriginal) => {
  const original = await importOriginal<typeof engine>();
  return {
    ...original,
    createEngine: (...args: Parameters<typeof original.createEngine>) =>
      createEngine.impl ? createEngine.impl() : original.createEngine(...args),
  };
});

afterEach(() => {
  createEngine.impl = null;
});

describe('sim when the engine says no or breaks', () => {
  it('EngineInputError: exit 1, every error on stderr', () => {
    createEngine.impl = () => {
      throw new engine.EngineInputError([
        { code: 'A', message: 'topics[0].replicationFactor 4 exceeds brokers 3' },
        { code: 'B', message: 'actions[0].brokerId 9 is not a broker' },
      ]);
    };
    const run = sim(['--scenario', 'default', '--until', '1000']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'sim: default is not a valid scenario:\n' +
        '  - topics[0].replicationFactor 4 exceeds brokers 3\n' +
        '  - actions[0].brokerId 9 is not a broker\n',
    );
  });

  it('any other exception: exit 3, asks for a bug report', () => {
    createEngine.impl = () => {
      throw new Error('boom');
    };
    const run = sim(['--scenario', 'default', '--until', '1000', '--json']);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^sim: the engine failed on default\. This is a bug/);
    expect(run.stderr).toContain('Error: boom');
  });
});
