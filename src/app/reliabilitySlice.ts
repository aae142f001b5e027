// The reliability slice: a worker that stopped answering or crashed, the offer to restore the
// last visit's session, and a session too large to keep (issue 15).
import type { Scenario } from '../engine';

export type WorkerTrouble =
  { kind: 'stuck'; seconds: number } | { kind: 'crashed'; message: string } | null;

/** A session kept from an earlier visit, offered once on load. */
export interface RestoreOffer {
  title: string | null;
  commands: number;
  seconds: number;
  scenario: Scenario;
}

export interface ReliabilityState {
  workerTrouble: WorkerTrouble;
  restoreOffer: RestoreOffer | null;
  /** The session could not be kept for the next visit (size in KB, and the limit). */
  sessionTooBig: { size: number; limit: number } | null;
}

export function initialReliabilityState(): ReliabilityState {
  return { workerTrouble: null, restoreOffer: null, sessionTooBig: null };
}

/** A new scenario's first frame: the worker is answering again. */
export function reliabilityOnLoad(): Partial<ReliabilityState> {
  return { workerTrouble: null };
}
