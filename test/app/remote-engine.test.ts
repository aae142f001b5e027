// Which engine the page's address asks for: its own worker, npm run broker's, or a mistake.
import { describe, expect, it } from 'vitest';
import { engineFrom } from '../../src/app/remoteEngine';

describe('?engine= in the page address', () => {
  it('is the page’s own worker when absent, empty or "worker"', () => {
    expect(engineFrom('')).toEqual({ kind: 'worker' });
    expect(engineFrom('?engine=')).toEqual({ kind: 'worker' });
    expect(engineFrom('?scenario=x&engine=worker')).toEqual({ kind: 'worker' });
  });

  it('is a remote engine for a ws:// or wss:// address', () => {
    expect(engineFrom('?engine=ws://127.0.0.1:8090/engine')).toEqual({
      kind: 'remote',
      url: 'ws://127.0.0.1:8090/engine',
    });
    expect(engineFrom('?engine=wss%3A%2F%2Fexample.org%2Fengine').kind).toBe('remote');
  });

  it('names anything else as a mistake, with what was given', () => {
    expect(engineFrom('?engine=http://localhost:1/engine')).toEqual({
      kind: 'invalid',
      given: 'http://localhost:1/engine',
    });
    expect(engineFrom('?engine=not a url')).toEqual({ kind: 'invalid', given: 'not a url' });
  });
});
