// The broken states the app derives from the view (issue 10): cluster unavailable, a leader that
// is not running, a group whose coordinator is down, min.insync.replicas above the RF.
import { describe, expect, it } from 'vitest';
import {
  clusterUnavailable,
  coordinatorUnavailable,
  liveLeader,
  minIsrProblem,
} from '../../src/app/brokenStates';
import type { BrokerStatus } from '../../src/engine';

const statuses = (s: Record<number, BrokerStatus>) => (id: number) => s[id];

describe('clusterUnavailable', () => {
  it('is true only when brokers exist and none runs', () => {
    expect(clusterUnavailable([])).toBe(false);
    expect(clusterUnavailable([{ status: 'crashed' }, { status: 'stopped' }])).toBe(true);
    expect(clusterUnavailable([{ status: 'crashed' }, { status: 'running' }])).toBe(false);
  });
});

describe('liveLeader', () => {
  it('names the leader only while it runs', () => {
    const s = statuses({ 1: 'running', 2: 'crashed' });
    expect(liveLeader({ leader: 1, offline: false }, s)).toBe(1);
    // The view keeps leader 2 when nobody is left to elect: not a leader any more.
    expect(liveLeader({ leader: 2, offline: false }, s)).toBeNull();
    expect(liveLeader({ leader: -1, offline: true }, s)).toBeNull();
    expect(liveLeader({ leader: 3, offline: false }, s)).toBeNull();
  });
});

describe('coordinatorUnavailable', () => {
  it('is true when the coordinator is unknown or not running', () => {
    const s = statuses({ 1: 'running', 2: 'crashed' });
    expect(coordinatorUnavailable({ coordinator: 1 }, s)).toBe(false);
    expect(coordinatorUnavailable({ coordinator: 2 }, s)).toBe(true);
    expect(coordinatorUnavailable({ coordinator: null }, s)).toBe(true);
  });
});

describe('minIsrProblem', () => {
  it('flags min.insync.replicas above the replication factor, with both numbers', () => {
    expect(minIsrProblem(3, 2)).toEqual({ minIsr: 3, replicationFactor: 2 });
    expect(minIsrProblem('4', 3)).toEqual({ minIsr: 4, replicationFactor: 3 });
    expect(minIsrProblem(2, 2)).toBeNull();
    expect(minIsrProblem(1, 3)).toBeNull();
    expect(minIsrProblem(undefined, 3)).toBeNull();
  });
});
