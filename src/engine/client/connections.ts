// A client's connections to brokers, as the Java client's NetworkClient and
// ClusterConnectionStates keep them. A connection is taken as open from the start. When it
// closes (the broker's process is gone and resets it, a request on it times out, or a handshake
// fails) the client waits reconnect.backoff.ms, doubling per failure up to
// reconnect.backoff.max.ms (±20% jitter), before it opens a new one; the TCP handshake itself
// takes a round trip and fails after socket.connection.setup.timeout.ms (doubling per failed
// attempt up to its .max.ms) when nothing answers. Requests go out only on a ready connection.
import type { Sim } from '../sim/sim';

export interface ConnectionState {
  /** ready: requests may go out; backoff: closed, reconnect after retryAt; connecting: handshake. */
  state: 'ready' | 'backoff' | 'connecting';
  /** When it entered this state: a request sent before a ready connection's `since` used an older one. */
  since: number;
  /** backoff: when the next handshake may start. */
  retryAt: number;
  /** Disconnections since the connection was last ready (the reconnect backoff's exponent). */
  failures: number;
  /** Handshakes that failed in a row (the setup timeout's exponent). */
  setupFailures: number;
  /** Numbers the handshakes, so that the answer or timeout of an older one is ignored. */
  attempt: number;
}

/** Connections by broker id; a broker without an entry has a ready connection. */
export type ClientConnections = Record<string, ConnectionState>;

export interface ConnectionSettings {
  reconnectBackoffMs: number;
  reconnectBackoffMaxMs: number;
  setupTimeoutMs: number;
  setupTimeoutMaxMs: number;
}

export function isReady(connections: ClientConnections, broker: number): boolean {
  const c = connections[broker];
  return c === undefined || c.state === 'ready';
}

/**
 * Whether a connection reset for a request sent at `sentAt` concerns the connection the client
 * has now (not one it already closed or replaced).
 */
export function isCurrent(connections: ClientConnections, broker: number, sentAt: number): boolean {
  const c = connections[broker];
  return c === undefined || (c.state === 'ready' && sentAt >= c.since);
}

/** Kafka's ExponentialBackoff: initial x 2^n (n capped where it reaches max), ±20%, at most max. */
function backoff(sim: Sim, initialMs: number, maxMs: number, n: number): number {
  const initial = Math.min(initialMs, maxMs);
  const expMax = maxMs > initial ? Math.log(maxMs / Math.max(initial, 1)) / Math.log(2) : 0;
  if (expMax === 0) return initial;
  const term = initial * 2 ** Math.min(n, expMax);
  return Math.min(Math.floor(term * (0.8 + 0.4 * sim.rng.float())), maxMs);
}

/** The connection closed: the client may open a new one after the reconnect backoff. */
export function disconnected(
  sim: Sim,
  connections: ClientConnections,
  broker: number,
  s: ConnectionSettings,
): void {
  const prev = connections[broker];
  const failures = prev?.failures ?? 0;
  connections[broker] = {
    state: 'backoff',
    since: sim.now,
    retryAt: sim.now + backoff(sim, s.reconnectBackoffMs, s.reconnectBackoffMaxMs, failures),
    failures: failures + 1,
    setupFailures: prev?.state === 'connecting' ? prev.setupFailures + 1 : 0,
    attempt: prev?.attempt ?? 0,
  };
}

/**
 * Start a handshake if the backoff is over. Returns the attempt and its setup timeout, or when
 * to try again (`retryAt`), or nothing while a handshake is already under way.
 */
export function startConnecting(
  sim: Sim,
  connections: ClientConnections,
  broker: number,
  s: ConnectionSettings,
): { attempt: number; setupTimeoutMs: number } | { retryAt: number } | null {
  const c = connections[broker];
  if (c === undefined || c.state === 'ready' || c.state === 'connecting') return null;
  if (sim.now < c.retryAt) return { retryAt: c.retryAt };
  c.state = 'connecting';
  c.since = sim.now;
  c.attempt++;
  return {
    attempt: c.attempt,
    setupTimeoutMs: backoff(sim, s.setupTimeoutMs, s.setupTimeoutMaxMs, c.setupFailures),
  };
}

/** Whether `attempt` is the handshake under way with `broker`. */
export function isConnecting(
  connections: ClientConnections,
  broker: number,
  attempt: number,
): boolean {
  const c = connections[broker];
  return c !== undefined && c.state === 'connecting' && c.attempt === attempt;
}

/** The handshake `attempt` succeeded: the connection is ready. */
export function connected(connections: ClientConnections, broker: number, now: number): void {
  const c = connections[broker];
  if (c === undefined) return;
  connections[broker] = {
    state: 'ready',
    since: now,
    retryAt: 0,
    failures: 0,
    setupFailures: 0,
    attempt: c.attempt,
  };
}
