// When a client request counts as timed out. Kafka's NetworkClient fails a request once more
// than request.timeout.ms have passed since it was sent (InFlightRequests: timeSinceSend >
// requestTimeoutMs), checked on a clock that counts whole milliseconds. So even
// request.timeout.ms = 0 (which Kafka allows: atLeast(0)) gives a request 1 ms: it fails on the
// next tick, never at the instant it left, and the disconnect, reconnect and resend that follow
// move the clock on instead of looping at one instant.

/** The delay of a request's timeout timer for request.timeout.ms = `ms` (plus any fetch wait). */
export function requestTimeoutDelay(ms: number): number {
  return Math.max(1, ms);
}
