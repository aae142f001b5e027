// What each message on the wire is, in the few kinds a learner can tell apart in the picture:
// records (produce requests and fetch answers that carry records), acknowledgements, replica
// fetches (followers asking their leader), consumer fetches, heartbeats, metadata, the group
// protocol, and errors. The legend names every kind, the canvas draws each in its own colour and
// shape, and the control kinds can be hidden one by one.
import type { MessageKind } from '../engine';
import type { Flight } from '../worker/protocol';

export type TrafficKind =
  | 'records'
  | 'acks'
  | 'replicaFetch'
  | 'consumerFetch'
  | 'heartbeat'
  | 'metadata'
  | 'group'
  | 'error';

/** The kinds a learner may hide, in legend order. Records and errors are always drawn. */
export const HIDEABLE_TRAFFIC = [
  'acks',
  'replicaFetch',
  'consumerFetch',
  'heartbeat',
  'metadata',
  'group',
] as const satisfies readonly TrafficKind[];
export type HideableTraffic = (typeof HIDEABLE_TRAFFIC)[number];

/** The kind of every wire message when it carries no records and no error. */
const KIND_OF: Record<MessageKind, TrafficKind> = {
  produce: 'records',
  'produce-response': 'acks',
  'replica-fetch': 'replicaFetch',
  'replica-fetch-response': 'replicaFetch',
  fetch: 'consumerFetch',
  'fetch-response': 'consumerFetch',
  'list-offsets': 'consumerFetch',
  'list-offsets-response': 'consumerFetch',
  'offsets-for-leader-epoch': 'consumerFetch',
  'offsets-for-leader-epoch-response': 'consumerFetch',
  metadata: 'metadata',
  'metadata-response': 'metadata',
  'create-topics': 'metadata',
  'create-topics-response': 'metadata',
  'delete-topics': 'metadata',
  'delete-topics-response': 'metadata',
  'list-groups': 'metadata',
  'list-groups-response': 'metadata',
  'describe-groups': 'metadata',
  'describe-groups-response': 'metadata',
  envelope: 'metadata',
  'envelope-response': 'metadata',
  vote: 'metadata',
  'vote-response': 'metadata',
  'begin-quorum-epoch': 'metadata',
  'metadata-fetch': 'metadata',
  'metadata-fetch-response': 'metadata',
  'alter-partition': 'metadata',
  'alter-partition-response': 'metadata',
  'init-producer-id': 'metadata',
  'init-producer-id-response': 'metadata',
  // ZooKeeper mode: a broker's session is its liveness (heartbeat); what it reads and writes in
  // ZooKeeper, the ensemble's own replication and the controller's requests are metadata.
  'zk-connect': 'heartbeat',
  'zk-connect-response': 'heartbeat',
  'zk-ping': 'heartbeat',
  'zk-ping-response': 'heartbeat',
  'zk-request': 'metadata',
  'zk-response': 'metadata',
  'zk-watch-event': 'metadata',
  'zk-notification': 'metadata',
  'zk-follower-info': 'metadata',
  'zk-proposal': 'metadata',
  'zk-ack': 'metadata',
  'zk-commit': 'metadata',
  'leader-and-isr': 'metadata',
  'update-metadata': 'metadata',
  'controlled-shutdown': 'metadata',
  'controlled-shutdown-response': 'metadata',
  'broker-registration': 'heartbeat',
  'broker-registration-response': 'heartbeat',
  'broker-heartbeat': 'heartbeat',
  'broker-heartbeat-response': 'heartbeat',
  heartbeat: 'heartbeat',
  'heartbeat-response': 'heartbeat',
  'find-coordinator': 'group',
  'find-coordinator-response': 'group',
  'join-group': 'group',
  'join-group-response': 'group',
  'sync-group': 'group',
  'sync-group-response': 'group',
  'leave-group': 'group',
  'leave-group-response': 'group',
  'offset-commit': 'group',
  'offset-commit-response': 'group',
  'offset-fetch': 'group',
  'offset-fetch-response': 'group',
};

/**
 * Kafka's own name of the request or response, and ZooKeeper's for its messages: client requests
 * (connect, ping), the watch notification (WatchedEvent), leader election votes (Notification) and
 * the quorum packets (FOLLOWERINFO, PROPOSAL, ACK, COMMIT). Never translated.
 */
const API_OF: Record<MessageKind, string> = {
  produce: 'Produce',
  'produce-response': 'Produce',
  'replica-fetch': 'Fetch',
  'replica-fetch-response': 'Fetch',
  fetch: 'Fetch',
  'fetch-response': 'Fetch',
  'list-offsets': 'ListOffsets',
  'list-offsets-response': 'ListOffsets',
  'offsets-for-leader-epoch': 'OffsetsForLeaderEpoch',
  'offsets-for-leader-epoch-response': 'OffsetsForLeaderEpoch',
  metadata: 'Metadata',
  'metadata-response': 'Metadata',
  'create-topics': 'CreateTopics',
  'create-topics-response': 'CreateTopics',
  'delete-topics': 'DeleteTopics',
  'delete-topics-response': 'DeleteTopics',
  'list-groups': 'ListGroups',
  'list-groups-response': 'ListGroups',
  'describe-groups': 'DescribeGroups',
  'describe-groups-response': 'DescribeGroups',
  envelope: 'Envelope',
  'envelope-response': 'Envelope',
  vote: 'Vote',
  'vote-response': 'Vote',
  'begin-quorum-epoch': 'BeginQuorumEpoch',
  'metadata-fetch': 'Fetch',
  'metadata-fetch-response': 'Fetch',
  'alter-partition': 'AlterPartition',
  'alter-partition-response': 'AlterPartition',
  'init-producer-id': 'InitProducerId',
  'init-producer-id-response': 'InitProducerId',
  'zk-connect': 'connect',
  'zk-connect-response': 'connect',
  'zk-ping': 'ping',
  'zk-ping-response': 'ping',
  // The operation (create, getData, getChildren, multi...) is not on the wire event.
  'zk-request': 'ZooKeeper',
  'zk-response': 'ZooKeeper',
  'zk-watch-event': 'WatchedEvent',
  'zk-notification': 'Notification',
  'zk-follower-info': 'FOLLOWERINFO',
  'zk-proposal': 'PROPOSAL',
  'zk-ack': 'ACK',
  'zk-commit': 'COMMIT',
  'leader-and-isr': 'LeaderAndIsr',
  'update-metadata': 'UpdateMetadata',
  'controlled-shutdown': 'ControlledShutdown',
  'controlled-shutdown-response': 'ControlledShutdown',
  'broker-registration': 'BrokerRegistration',
  'broker-registration-response': 'BrokerRegistration',
  'broker-heartbeat': 'BrokerHeartbeat',
  'broker-heartbeat-response': 'BrokerHeartbeat',
  heartbeat: 'Heartbeat',
  'heartbeat-response': 'Heartbeat',
  'find-coordinator': 'FindCoordinator',
  'find-coordinator-response': 'FindCoordinator',
  'join-group': 'JoinGroup',
  'join-group-response': 'JoinGroup',
  'sync-group': 'SyncGroup',
  'sync-group-response': 'SyncGroup',
  'leave-group': 'LeaveGroup',
  'leave-group-response': 'LeaveGroup',
  'offset-commit': 'OffsetCommit',
  'offset-commit-response': 'OffsetCommit',
  'offset-fetch': 'OffsetFetch',
  'offset-fetch-response': 'OffsetFetch',
};

type WireFacts = Pick<Flight, 'kind' | 'recordCount' | 'error'>;

/** How a message is drawn: with records it is records, with an error it is an error. */
export function trafficKindOf(f: WireFacts): TrafficKind {
  if (f.error !== undefined) return 'error';
  if (f.recordCount > 0) return 'records';
  return KIND_OF[f.kind];
}

export function apiNameOf(kind: MessageKind): string {
  return API_OF[kind];
}

/**
 * Messages that are neither a request nor its answer: a ZooKeeper watch firing, and the
 * ensemble's election votes and quorum packets.
 */
const ONE_WAY: ReadonlySet<MessageKind> = new Set<MessageKind>([
  'zk-watch-event',
  'zk-notification',
  'zk-follower-info',
  'zk-proposal',
  'zk-ack',
  'zk-commit',
]);

export function directionOf(kind: MessageKind): 'request' | 'response' | null {
  if (ONE_WAY.has(kind)) return null;
  return kind.endsWith('-response') ? 'response' : 'request';
}

export function isHideable(kind: TrafficKind): kind is HideableTraffic {
  return (HIDEABLE_TRAFFIC as readonly TrafficKind[]).includes(kind);
}

/** The kinds hidden, as the canvas asks it for every message. */
export type HiddenTraffic = Partial<Record<HideableTraffic, boolean>>;

export function isShown(kind: TrafficKind, hidden: HiddenTraffic, quiet: boolean): boolean {
  if (!isHideable(kind)) return true;
  // A big cluster's control traffic would bury the records: hidden there until asked for.
  if (quiet && kind !== 'acks') return hidden[kind] === false;
  return !hidden[kind];
}
