// A place in a session's history. Sim time alone is not enough: several engine events can share
// one millisecond, and a user command given after `Step` sits between two of them. Along one
// history all three numbers only grow, so moments compare field by field.

export interface SessionMoment {
  /** Engine events run so far (Engine.eventsRun). */
  position: number;
  /** Sim time, ms. */
  at: number;
  /** Recorded user commands applied so far. */
  applied: number;
}

export function compareMoments(a: SessionMoment, b: SessionMoment): number {
  return a.position - b.position || a.at - b.at || a.applied - b.applied;
}

export const START: SessionMoment = { position: 0, at: 0, applied: 0 };
