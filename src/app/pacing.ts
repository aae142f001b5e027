// Wall time -> sim time. The main thread owns pacing: each animation frame it asks the worker
// for `dt * speed` more sim time (dt clamped so a background tab does not jump), with at most one
// request in flight. The display clock runs smoothly between the worker's answers, never ahead of
// what has been asked for, so a message is never drawn before the worker has reported it.

/** Longest wall time one frame may account for (a tab in the background, a long GC pause). */
export const MAX_FRAME_MS = 100;

export class Pacer {
  /** The sim time the worker last confirmed (fractional: the engine may round down). */
  private confirmed = 0;
  private confirmedWall = 0;
  private pending: number | null = null;
  private lastRequestWall: number | null = null;

  /** Sim time the page believes in (the worker's confirmation of our last request). */
  get confirmedNow(): number {
    return this.confirmed;
  }

  get inFlight(): boolean {
    return this.pending !== null;
  }

  /**
   * Called every animation frame while playing. Returns the sim time to advance to, or null when
   * a request is still in flight.
   */
  nextTarget(wall: number, speed: number): number | null {
    if (this.pending !== null) return null;
    const dt =
      this.lastRequestWall === null ? 0 : clamp(wall - this.lastRequestWall, 0, MAX_FRAME_MS);
    this.lastRequestWall = wall;
    this.pending = this.confirmed + dt * speed;
    return this.pending;
  }

  /** The worker answered an advance: it now stands at `engineNow` (maybe rounded down). */
  confirm(engineNow: number, wall: number): void {
    const asked = this.pending ?? engineNow;
    this.confirmed = Math.max(asked, engineNow);
    this.confirmedWall = wall;
    this.pending = null;
  }

  /** The engine moved on its own (a step, a dispatch): never go backwards. */
  jumpTo(engineNow: number, wall: number): void {
    if (engineNow > this.confirmed) {
      this.confirmed = engineNow;
      this.confirmedWall = wall;
    }
  }

  /** A new engine (load, reset): start over at its clock. */
  reset(engineNow: number, wall: number): void {
    this.confirmed = engineNow;
    this.confirmedWall = wall;
    this.pending = null;
    this.lastRequestWall = null;
  }

  /** Playback paused or resumed: the time spent paused must not count as a frame. */
  restartFrameClock(): void {
    this.lastRequestWall = null;
  }

  /** The sim time to draw at: smooth while a request is in flight, frozen when paused. */
  displayTime(wall: number, speed: number, playing: boolean): number {
    if (!playing || this.pending === null) return this.confirmed;
    const sinceConfirm = clamp(wall - this.confirmedWall, 0, MAX_FRAME_MS);
    return Math.min(this.pending, this.confirmed + sinceConfirm * speed);
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** The Speed slider is logarithmic: position -1..2 means 0.1x..100x. */
export function speedFromSlider(position: number): number {
  return roundSpeed(10 ** position);
}

export function sliderFromSpeed(speed: number): number {
  return Math.log10(speed);
}

/** Speeds a person can read: 0.1, 0.25, 1.5, 12, 100. */
export function roundSpeed(speed: number): number {
  const clamped = clamp(speed, 0.1, 100);
  if (clamped < 1) return Math.round(clamped * 100) / 100;
  if (clamped < 10) return Math.round(clamped * 10) / 10;
  return Math.round(clamped);
}

/** The preset steps used by the faster/slower shortcuts. */
export const SPEED_STEPS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100];

export function nextSpeed(speed: number, direction: 1 | -1): number {
  if (direction > 0) return SPEED_STEPS.find((s) => s > speed + 1e-9) ?? SPEED_STEPS.at(-1)!;
  return [...SPEED_STEPS].reverse().find((s) => s < speed - 1e-9) ?? SPEED_STEPS[0];
}
