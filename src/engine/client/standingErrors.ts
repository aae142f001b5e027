// The produce errors that still stand for a producer: the newest error per partition, kept
// until that partition acknowledges a record again. The producer card shows the newest one as a
// badge; keeping them in the engine's state (not derived from the event stream in the app) means
// a jump on the timeline shows the badge that stood at that moment.
import type { StandingProduceError } from '../sim/world';

/** A built-in producer, or a real client's record in the picture. */
type KeepsStandingErrors = { standingErrors?: StandingProduceError[] };

/** A record to `partition` failed (-1: the producer never had metadata to pick one). */
export function noteStandingError(
  p: KeepsStandingErrors,
  partition: number,
  error: string,
  retriable: boolean,
): void {
  const list = (p.standingErrors ??= []);
  const i = list.findIndex((e) => e.partition === partition);
  if (i >= 0) list.splice(i, 1);
  list.push({ partition, error, retriable });
}

/**
 * `partition` acknowledged a record: its error no longer stands. Neither does a metadata error
 * (partition -1), since an acknowledgement means the producer has metadata again.
 */
export function clearStandingError(p: KeepsStandingErrors, partition: number): void {
  const list = p.standingErrors;
  if (!list || list.length === 0) return;
  p.standingErrors = list.filter((e) => e.partition !== partition && e.partition !== -1);
}

/** The error the producer card shows: the newest one that still stands. */
export function newestStandingError(
  list: readonly StandingProduceError[] | undefined,
): StandingProduceError | null {
  return list && list.length > 0 ? list[list.length - 1] : null;
}
