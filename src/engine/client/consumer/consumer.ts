// The consumer client (kafka-spec.md 5.2-5.6) as the network and the clock see it: every answer,
// failed request and timer of a consumer arrives here and goes to the part that owns it.
//   lifecycle.ts         create, start, crash, close
//   network.ts           requests, timeouts, retries
//   metadata.ts          partition counts and leaders
//   coordinatorLookup.ts finding the coordinator, losing it
//   membership.ts        join, sync, heartbeats, rebalances (the group protocol)
//   assignment.ts        owned partitions and positions
//   fetcher.ts           fetching, and positions from auto.offset.reset
//   poll.ts              the application's poll loop
//   commits.ts           committed offsets: reading them, committing
import { metadataRefreshDelay } from '../metadataAge';
import type { Sim } from '../../sim/sim';
import type { ConsumerState, Message, Task } from '../../sim/world';
import { fetchCommittedOffsets, onCommitResponse, onOffsetFetch } from './commits';
import { coordinatorLost, findCoordinator } from './coordinatorLookup';
import {
  maybeFetch,
  onFetchFailed,
  onFetchResponse,
  onListOffsets,
  resetPositions,
} from './fetcher';
import {
  maybeRejoin,
  onCommitError,
  onFindCoordinator,
  onHeartbeatResponse,
  onHeartbeatTimer,
  onJoinResponse,
  onPartitionCountsChanged,
  onPollTimeout,
  onSyncResponse,
} from './membership';
import { applyMetadata, requestMetadata } from './metadata';
import { checkDeadlines, retryLater, takeAnswered } from './network';
import { onPoll } from './poll';
import { isRunning } from './state';
import { onOffsetsForLeaderEpoch, onValidationFailed } from './validation';

export function onConsumerMessage(sim: Sim, c: ConsumerState, msg: Message): void {
  if (!isRunning(c) || !('reqId' in msg.body)) return;
  const pending = takeAnswered(c, msg.body.reqId);
  if (!pending) return;
  switch (msg.kind) {
    case 'metadata-response':
      return onMetadata(sim, c, msg);
    case 'find-coordinator-response':
      return onFindCoordinator(sim, c, msg);
    case 'join-group-response':
      return onJoinResponse(sim, c, msg);
    case 'sync-group-response':
      return onSyncResponse(sim, c, msg);
    case 'heartbeat-response':
      return onHeartbeatResponse(sim, c, msg, pending.generation);
    case 'offset-fetch-response':
      return onOffsetFetch(sim, c, msg);
    case 'list-offsets-response':
      return onListOffsets(sim, c, msg);
    case 'offsets-for-leader-epoch-response':
      resetPositions(sim, c, onOffsetsForLeaderEpoch(sim, c, msg));
      return maybeFetch(sim, c);
    case 'fetch-response':
      return onFetchResponse(sim, c, msg);
    case 'offset-commit-response': {
      const error = onCommitResponse(c, msg);
      if (error) onCommitError(sim, c, error, pending.generation);
      return;
    }
    default:
      return;
  }
}

function onMetadata(sim: Sim, c: ConsumerState, msg: Message<'metadata-response'>): void {
  const { missing, countsChanged } = applyMetadata(c, msg);
  if (missing) retryLater(sim, c, 'metadata');
  if (countsChanged) onPartitionCountsChanged(sim, c);
  maybeFetch(sim, c);
}

/** A request got no answer in time, or the broker refused the connection. */
function onRequestFailed(sim: Sim, c: ConsumerState, reqId: number, error: string): void {
  if (!isRunning(c)) return;
  const pending = takeAnswered(c, reqId);
  if (!pending) return;
  c.requests.brokerFailedAt[pending.broker] = sim.now;
  switch (pending.kind) {
    case 'metadata':
      c.metadata.inFlight = false;
      return retryLater(sim, c, 'metadata');
    case 'find-coordinator':
      c.membership.coordinatorInFlight = false;
      return retryLater(sim, c, 'coordinator');
    case 'fetch':
      onFetchFailed(c, reqId);
      requestMetadata(sim, c);
      return retryLater(sim, c, 'fetch');
    case 'list-offsets':
      requestMetadata(sim, c);
      return retryLater(sim, c, 'offsets');
    case 'offsets-for-leader-epoch':
      return onValidationFailed(sim, c, reqId);
    case 'join-group':
    case 'sync-group':
    case 'heartbeat':
    case 'offset-commit':
    case 'offset-fetch':
      // A late failure from a coordinator we already left behind changes nothing.
      if (pending.broker !== c.membership.coordinator) return;
      c.lastError = error;
      return coordinatorLost(sim, c);
    default:
      return;
  }
}

export function onConsumerTimer(
  sim: Sim,
  c: ConsumerState,
  task: Extract<Task, { k: 'timer' }>,
): void {
  if (!isRunning(c)) return;
  switch (task.name) {
    case 'consumer.heartbeat':
      return onHeartbeatTimer(sim, c, task.token!);
    case 'consumer.poll':
      return onPoll(sim, c, task.token!);
    case 'consumer.poll-timeout':
      return onPollTimeout(sim, c, task.token!);
    case 'consumer.request-timeout':
      return checkDeadlines(sim, c, task.arg, task.token!, (reqId) =>
        onRequestFailed(sim, c, reqId, 'REQUEST_TIMED_OUT'),
      );
    case 'consumer.metadata-refresh':
      requestMetadata(sim, c);
      sim.timer(c.node, c.inc, 'consumer.metadata-refresh', metadataRefreshDelay(c.config));
      return;
    case 'consumer.retry':
      c.requests.retrying = c.requests.retrying.filter((w) => w !== task.arg);
      switch (task.arg) {
        case 'metadata':
          return requestMetadata(sim, c);
        case 'coordinator':
          return findCoordinator(sim, c);
        case 'join':
          return maybeRejoin(sim, c);
        case 'offsets': {
          fetchCommittedOffsets(sim, c);
          // Resets that failed (no leader known, a ListOffsets error) are tried again.
          const awaiting = c.positions.awaitingReset ?? {};
          resetPositions(
            sim,
            c,
            c.positions.unknown.filter((tp) => awaiting[tp]),
          );
          return;
        }
        default:
          return maybeFetch(sim, c);
      }
    default:
      return;
  }
}

export function onConsumerDisconnect(sim: Sim, c: ConsumerState, reqId: number): void {
  onRequestFailed(sim, c, reqId, 'NETWORK_EXCEPTION');
}
