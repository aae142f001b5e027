// A world that never moves on: more tasks at one simulated instant than any real scene needs
// (a timer that keeps rescheduling itself with no delay, a message loop with no latency). The
// engine stops and says so instead of freezing the tab; the page offers a reset.
import type { Command, EngineError } from './types';

/**
 * Tasks one simulated millisecond may run. The big scene (50 brokers, 500 partitions, 400
 * consumers) runs at most about 160 in its busiest millisecond (measured over its first 10 s);
 * 100,000 is over 600 times that, and still stops a runaway within a second or so.
 */
export const EVENT_BUDGET_PER_INSTANT = 100_000;

export class EngineRunawayError extends Error {
  readonly code = 'EVENT_BUDGET_EXCEEDED';

  constructor(
    readonly at: number,
    readonly lastCommand: Command | null,
    readonly limit: number = EVENT_BUDGET_PER_INSTANT,
  ) {
    super(
      `the simulation produced more than ${limit.toLocaleString('en')} events in one instant at t=${at} ms; the last command was ${lastCommand ? JSON.stringify(lastCommand) : 'none (the scenario as loaded)'}`,
    );
    this.name = 'EngineRunawayError';
  }

  /** The error as the page shows and translates it. */
  toEngineError(): EngineError {
    return {
      code: this.code,
      message: this.message,
      params: {
        limit: this.limit,
        at: this.at,
        command: this.lastCommand ? JSON.stringify(this.lastCommand) : '',
      },
    };
  }
}
