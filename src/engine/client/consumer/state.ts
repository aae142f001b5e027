// A consumer's state, grouped by the part of the client that owns each piece: requests,
// metadata, membership, positions, fetcher, poll loop and commits (world.ts has the shapes).
import { isLiveConsumer } from '../../status';
import { dict } from '../../sim/dict';
import type {
  ConsumerCommits,
  ConsumerFetcher,
  ConsumerMembership,
  ConsumerMetadata,
  ConsumerPollLoop,
  ConsumerPositions,
  ConsumerState,
} from '../../sim/world';

/** Whether the consumer's process is running (not crashed, not closed). */
export function isRunning(c: ConsumerState): boolean {
  return isLiveConsumer(c.status);
}

export function newMembership(): ConsumerMembership {
  return {
    memberId: '',
    generation: -1,
    coordinator: null,
    coordinatorInFlight: false,
    joinInFlight: false,
    syncInFlight: false,
    rejoinNeeded: false,
    heartbeatToken: 0,
    lastCoordinatorAck: 0,
    owned: [],
    lastAssignment: [],
  };
}

export function newMetadata(): ConsumerMetadata {
  return { inFlight: false, partitionCounts: dict(), leaders: dict() };
}

export function newPositions(): ConsumerPositions {
  return { byPartition: {}, unknown: [], offsetEpoch: {}, leaderEpoch: {}, validation: {} };
}

export function newFetcher(): ConsumerFetcher {
  return { fetchOffset: {}, buffer: {}, inFlight: {} };
}

export function newPollLoop(): ConsumerPollLoop {
  return { inHand: [], token: 0, active: false, lastPollAt: 0, pollTimeoutToken: 0 };
}

export function newCommits(lastAutoCommit: number): ConsumerCommits {
  return { committed: {}, lastAutoCommit };
}
