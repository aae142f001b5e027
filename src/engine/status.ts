// Questions about a status that the engine and everything above it ask the same way.
import type { ConsumerStatus } from './types';

/** Whether a consumer with this status is a live process (not crashed, not closed). */
export function isLiveConsumer(status: ConsumerStatus): boolean {
  return status !== 'crashed' && status !== 'closed';
}
