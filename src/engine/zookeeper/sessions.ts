// ZooKeeper session expiry as the leader's SessionTrackerImpl does it, as plain data. Sessions sit
// in tickTime buckets (ExpiryQueue): each touch moves a session to the bucket after now + timeout,
// and a bucket expires as a whole when its time comes. Nothing is scheduled here: the engine asks
// nextExpirationTime() when to look, and expireSessions() what expired.
//
// After an expiry ZooKeeper submits a closeSession request; when it commits, the engine calls
// tree.killSession (the ephemerals go) and removeSession here.

/** ZooKeeperServer.DEFAULT_TICK_TIME: used when zoo.cfg sets no tickTime, as Kafka's does not. */
export const DEFAULT_TICK_TIME = 3000;

export interface TrackedSession {
  sessionId: number;
  /** The negotiated timeout, in ms. */
  timeout: number;
  /** The bucket the session expires in: a multiple of tickTime. */
  expiresAt: number;
  /** Expired or closed, waiting for its closeSession to commit; touches no longer count. */
  closing: boolean;
}

export interface SessionTracker {
  tickTime: number;
  /** In the order they were tracked. */
  sessions: TrackedSession[];
}

/**
 * The timeout a server grants (ZooKeeperServer.processConnectRequest): the request clamped to
 * [minSessionTimeout, maxSessionTimeout], which default (-1) to 2 and 20 ticks.
 */
export function negotiateSessionTimeout(
  requested: number,
  tickTime: number,
  minSessionTimeout = -1,
  maxSessionTimeout = -1,
): number {
  const min = minSessionTimeout === -1 ? 2 * tickTime : minSessionTimeout;
  const max = maxSessionTimeout === -1 ? 20 * tickTime : maxSessionTimeout;
  return Math.min(Math.max(requested, min), max);
}

/**
 * ExpiryQueue.roundToNextInterval: the next multiple of the interval strictly after `time`, so
 * a session lives between `timeout` and `timeout + tickTime` after its last touch.
 */
export function roundToNextInterval(time: number, interval: number): number {
  return (Math.floor(time / interval) + 1) * interval;
}

/**
 * The first session id a server hands out; it then counts up. ZooKeeper puts the server id in the
 * high byte and a timestamp below it (SessionTrackerImpl.initializeNextSessionId); the simulator
 * puts the server's incarnation there instead, which is as unique and deterministic. Fits in a
 * safe integer for server ids below 32 and 2^24 incarnations.
 */
export function initializeNextSessionId(serverId: number, incarnation: number): number {
  return serverId * 2 ** 48 + incarnation * 2 ** 24;
}

export function createSessionTracker(tickTime: number): SessionTracker {
  return { tickTime, sessions: [] };
}

/**
 * Starts tracking a session, or refreshes one already tracked (SessionTrackerImpl.trackSession).
 * A new leader calls it for every session in the replicated table, so each gets a full timeout
 * from the moment the leader took over. Returns whether the session was new.
 */
export function trackSession(
  tracker: SessionTracker,
  sessionId: number,
  timeout: number,
  now: number,
): boolean {
  const existing = findSession(tracker, sessionId);
  const session = existing ?? { sessionId, timeout, expiresAt: 0, closing: false };
  if (existing === undefined) tracker.sessions.push(session);
  session.expiresAt = roundToNextInterval(now + timeout, tracker.tickTime);
  return existing === undefined;
}

/**
 * A request or ping from the client: the session moves to a later bucket. False for an unknown
 * or closing session (the client is told its session expired).
 */
export function touchSession(tracker: SessionTracker, sessionId: number, now: number): boolean {
  const session = findSession(tracker, sessionId);
  if (session === undefined || session.closing) return false;
  session.expiresAt = roundToNextInterval(now + session.timeout, tracker.tickTime);
  return true;
}

/** A client asked to close: no more touches, and it never expires on top of that. */
export function setSessionClosing(tracker: SessionTracker, sessionId: number): void {
  const session = findSession(tracker, sessionId);
  if (session !== undefined) session.closing = true;
}

/** The session's closeSession committed. */
export function removeSession(tracker: SessionTracker, sessionId: number): void {
  tracker.sessions = tracker.sessions.filter((s) => s.sessionId !== sessionId);
}

/** When the next bucket with a live session expires, or null when none will. */
export function nextExpirationTime(tracker: SessionTracker): number | null {
  const times = tracker.sessions.filter((s) => !s.closing).map((s) => s.expiresAt);
  return times.length === 0 ? null : Math.min(...times);
}

/**
 * The sessions whose bucket has come by `now` (ExpiryQueue.poll, drained up to now), earliest
 * bucket first, and in tracking order within a bucket. They are marked closing, as the tracker's
 * thread does before it asks for their closeSession.
 */
export function expireSessions(tracker: SessionTracker, now: number): number[] {
  const expired = tracker.sessions
    .filter((s) => !s.closing && s.expiresAt <= now)
    .sort((a, b) => a.expiresAt - b.expiresAt);
  for (const session of expired) session.closing = true;
  return expired.map((s) => s.sessionId);
}

function findSession(tracker: SessionTracker, sessionId: number): TrackedSession | undefined {
  return tracker.sessions.find((s) => s.sessionId === sessionId);
}
