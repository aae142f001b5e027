import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TICK_TIME,
  createSessionTracker,
  expireSessions,
  initializeNextSessionId,
  negotiateSessionTimeout,
  nextExpirationTime,
  removeSession,
  roundToNextInterval,
  setSessionClosing,
  touchSession,
  trackSession,
  type SessionTracker,
} from '../../src/engine/zookeeper/sessions';

const TICK = 2000;

describe('negotiateSessionTimeout', () => {
  it.each([
    [18000, 2000, 18000], // Kafka's zookeeper.session.timeout.ms fits
    [1000, 2000, 4000], // raised to 2 ticks
    [100000, 2000, 40000], // cut to 20 ticks
    [6000, DEFAULT_TICK_TIME, 6000], // Kafka's bundled zookeeper.properties: tickTime 3000
    [4000, DEFAULT_TICK_TIME, 6000],
  ])('asked %i with tickTime %i -> %i', (requested, tickTime, granted) => {
    expect(negotiateSessionTimeout(requested, tickTime)).toBe(granted);
  });

  it('configured bounds replace the tick-based defaults', () => {
    expect(negotiateSessionTimeout(1000, TICK, 500, 3000)).toBe(1000);
    expect(negotiateSessionTimeout(9000, TICK, 500, 3000)).toBe(3000);
    expect(negotiateSessionTimeout(100, TICK, 500)).toBe(500);
  });
});

describe('roundToNextInterval', () => {
  it.each([
    [6001, 8000],
    [7999, 8000],
    [6000, 8000], // an exact multiple still goes to the next bucket
    [0, 2000],
  ])('%i -> %i', (time, bucket) => {
    expect(roundToNextInterval(time, TICK)).toBe(bucket);
  });
});

function trackerWith(...sessions: [id: number, timeout: number, at: number][]): SessionTracker {
  const tracker = createSessionTracker(TICK);
  for (const [id, timeout, at] of sessions) trackSession(tracker, id, timeout, at);
  return tracker;
}

describe('expiry', () => {
  it('a session expires in the bucket after its timeout, not before', () => {
    const tracker = trackerWith([1, 6000, 100]);
    expect(nextExpirationTime(tracker)).toBe(8000);
    expect(expireSessions(tracker, 7999)).toEqual([]);
    expect(expireSessions(tracker, 8000)).toEqual([1]);
    // Already closing: it is reported once.
    expect(expireSessions(tracker, 10000)).toEqual([]);
    expect(nextExpirationTime(tracker)).toBeNull();
  });

  it('a session touched at t stays alive past its original expiry', () => {
    const tracker = trackerWith([1, 6000, 0]);
    expect(nextExpirationTime(tracker)).toBe(8000);
    expect(touchSession(tracker, 1, 5000)).toBe(true);
    expect(expireSessions(tracker, 8000)).toEqual([]);
    expect(expireSessions(tracker, 11999)).toEqual([]);
    expect(expireSessions(tracker, 12000)).toEqual([1]);
  });

  it('sessions due in one tick expire together, the earliest bucket first', () => {
    const tracker = trackerWith([1, 6000, 4100], [2, 6000, 2000], [3, 6000, 5900]);
    // 1: 10100 -> 12000; 2: 8000 -> 10000; 3: 11900 -> 12000.
    expect(expireSessions(tracker, 11000)).toEqual([2]);
    expect(expireSessions(tracker, 12000)).toEqual([1, 3]);
  });

  it('a late check reports every bucket that came due, in bucket order', () => {
    const tracker = trackerWith([1, 8000, 0], [2, 4000, 0]);
    expect(expireSessions(tracker, 20000)).toEqual([2, 1]);
  });

  it('an unknown or closing session cannot be touched', () => {
    const tracker = trackerWith([1, 6000, 0]);
    expect(touchSession(tracker, 99, 1000)).toBe(false);
    expireSessions(tracker, 8000);
    expect(touchSession(tracker, 1, 8000)).toBe(false);
  });

  it('a session closed by its client never expires, and goes once its close commits', () => {
    const tracker = trackerWith([1, 6000, 0], [2, 6000, 1000]);
    setSessionClosing(tracker, 1);
    expect(touchSession(tracker, 1, 1000)).toBe(false);
    expect(expireSessions(tracker, 8000)).toEqual([2]);
    removeSession(tracker, 1);
    expect(tracker.sessions.map((s) => s.sessionId)).toEqual([2]);
  });

  it('a new leader re-tracks every session with a full timeout from now', () => {
    const tracker = trackerWith([1, 6000, 0]);
    expect(trackSession(tracker, 1, 6000, 7000)).toBe(false);
    expect(expireSessions(tracker, 8000)).toEqual([]);
    expect(nextExpirationTime(tracker)).toBe(14000);
    expect(tracker.sessions).toHaveLength(1);
  });

  it('is plain data: a JSON copy expires the same sessions', () => {
    const tracker = trackerWith([1, 6000, 0], [2, 18000, 500]);
    touchSession(tracker, 1, 3000);
    const copy = JSON.parse(JSON.stringify(tracker)) as SessionTracker;
    expect(copy).toEqual(tracker);
    expect(expireSessions(copy, 10000)).toEqual(expireSessions(tracker, 10000));
    expect(expireSessions(copy, 20000)).toEqual(expireSessions(tracker, 20000));
    expect(copy).toEqual(tracker);
  });
});

describe('initializeNextSessionId', () => {
  it('differs per server and incarnation, is non-zero and a safe integer', () => {
    const ids = [
      initializeNextSessionId(1, 0),
      initializeNextSessionId(1, 1),
      initializeNextSessionId(2, 0),
      initializeNextSessionId(31, 2 ** 24 - 1) + 2 ** 24 - 1,
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id > 0 && Number.isSafeInteger(id))).toBe(true);
    // A server's counter never runs into its next incarnation's ids.
    expect(initializeNextSessionId(1, 0) + 2 ** 24 - 1).toBeLessThan(initializeNextSessionId(1, 1));
  });
});
