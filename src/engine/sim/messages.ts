// What each kind of network message carries. Shapes follow the Kafka request and response they
// stand for (kafka-spec.md section 9), reduced to the fields the model uses.
import type {
  CreateTopicsRequestBody,
  DeleteTopicsRequestBody,
  ExternalFetchBody,
  ExternalGroupBodies,
  ExternalListOffsetsBody,
  MessageKind,
  MetadataRequestBody,
  NodeId,
} from '../types';
import type { Batch, Message, MetadataImage, PartitionMeta, StoredRecord } from './world';
import type { FetchAnswer } from '../quorum/metadataLog';
import type { MetadataEntry } from '../quorum/state';
import type { Vote } from '../zookeeper/election';
import type { WatchEventType } from '../zookeeper/tree';
import type { ZkOp, ZkOrigin, ZkRead, ZkServerRole } from '../zookeeper/state';

/** What a broker asks its ZooKeeper server (one of them). */
export type ZkRequestBody =
  | { read: ZkRead }
  | { ops: ZkOp[] }
  | { close: true }
  /** A new session (a follower forwards it to the leader, which logs it). */
  | { createSession: { timeout: number; brokerId: number } };

/** A ZooKeeper answer as the client sees it (error codes are KeeperException's names). */
export interface ZkAnswer {
  reqId: number;
  code: string;
  data?: string;
  version?: number;
  czxid?: number;
  /** getData and exists: the session owning an ephemeral znode (0: persistent). */
  owner?: number;
  /** getChildren: each child with the czxid of its znode (Kafka reads it as the broker epoch). */
  children?: { name: string; czxid: number }[];
}

export interface ProduceBatch {
  topic: string;
  partition: number;
  records: StoredRecord[];
  bytes: number;
  pid: number;
  producerEpoch: number;
  baseSeq: number;
  /** The batch as a real client sent it (base64), kept with the records it appends. */
  raw?: string;
}

/** An assignor a real client supports, with its subscription metadata (base64). */
export interface GroupProtocol {
  name: string;
  metadata: string;
}

/** The admin requests a broker forwards to the active controller, and their answers. */
export type ForwardedRequest =
  | { kind: 'create-topics'; body: CreateTopicsRequestBody }
  | { kind: 'delete-topics'; body: DeleteTopicsRequestBody };
export type ForwardedResponse =
  | { kind: 'create-topics-response'; body: Bodies['create-topics-response'] }
  | { kind: 'delete-topics-response'; body: Bodies['delete-topics-response'] };

/** A group as DescribeGroups tells it (Kafka's GroupSummary). */
export interface GroupDescription {
  groupId: string;
  error: string | null;
  /** Kafka's state names; Dead for a group the coordinator does not have. */
  state: string;
  /** The chosen assignor, once Stable ('' before). */
  protocol: string;
  members: {
    memberId: string;
    clientId: string;
    /** Its subscription: the topics, and a real client's bytes for the chosen assignor. */
    topics: string[];
    metadata?: string;
    /** Its assignment: the partitions, and a real client leader's bytes. */
    assignment: string[];
    assignmentBytes?: string;
  }[];
}

export interface Bodies {
  produce: {
    reqId: number;
    acks: 0 | 1 | -1;
    timeoutMs: number;
    producer: string;
    batches: ProduceBatch[];
  };
  'produce-response': {
    reqId: number;
    results: { topic: string; partition: number; error: string | null; baseOffset: number }[];
  };
  'replica-fetch': {
    reqId: number;
    replicaId: number;
    brokerEpoch: number;
    maxWaitMs: number;
    partitions: {
      topic: string;
      partition: number;
      fetchOffset: number;
      lastFetchedEpoch: number;
      currentLeaderEpoch: number;
    }[];
  };
  'replica-fetch-response': {
    reqId: number;
    partitions: {
      topic: string;
      partition: number;
      error: string | null;
      highWatermark: number;
      logStartOffset: number;
      batches: Batch[];
      divergingEpoch: { epoch: number; endOffset: number } | null;
    }[];
  };
  /** A consumer's fetch; `groupId` names a built-in consumer's group ('' for a real client). */
  fetch: ExternalFetchBody & { groupId: string };
  'fetch-response': {
    reqId: number;
    partitions: {
      topic: string;
      partition: number;
      error: string | null;
      highWatermark: number;
      logStartOffset: number;
      batches: Batch[];
    }[];
  };
  metadata: MetadataRequestBody;
  'create-topics': CreateTopicsRequestBody;
  'delete-topics': DeleteTopicsRequestBody;
  /** A client's request a broker forwards to the active controller (Kafka's Envelope). */
  envelope: { client: NodeId; clientInc: number; request: ForwardedRequest };
  'envelope-response': { client: NodeId; clientInc: number; response: ForwardedResponse };
  /** Per topic: null, or the engine's error code and what is wrong. */
  'delete-topics-response': {
    reqId: number;
    topics: { name: string; error: string | null; message: string | null }[];
  };
  /** Per topic: null, or the engine's error code, the field it is about and what is wrong. */
  'create-topics-response': {
    reqId: number;
    topics: {
      name: string;
      error: string | null;
      field: string | null;
      message: string | null;
    }[];
  };
  'metadata-response': {
    reqId: number;
    brokers: number[];
    controllerId: number | null;
    topics: { name: string; error: string | null; partitions: PartitionMeta[] }[];
  };
  /** KRaft: a starting broker registers its incarnation; the answer is its broker epoch. */
  'broker-registration': { reqId: number; incarnation: number };
  'broker-registration-response': { reqId: number; brokerEpoch: number; error: string | null };
  /** `metadataOffset`: the last metadata log offset the broker has applied (-1: none). */
  'broker-heartbeat': { brokerEpoch: number; wantShutdown: boolean; metadataOffset: number };
  'broker-heartbeat-response': {
    fenced: boolean;
    shutdownReady: boolean;
    /** The broker has applied its own registration record (the condition for unfencing). */
    isCaughtUp: boolean;
    error: string | null;
  };
  vote: {
    /** A pre-vote carries the prospective's current epoch; a vote the candidate's new one. */
    epoch: number;
    candidateId: number;
    preVote: boolean;
    lastEpoch: number;
    lastEndOffset: number;
  };
  'vote-response': {
    epoch: number;
    preVote: boolean;
    granted: boolean;
    leaderId: number | null;
    error: string | null;
  };
  'begin-quorum-epoch': { epoch: number; leaderId: number };
  /** A voter's Fetch of `__cluster_metadata` from the leader (KIP-595: followers pull). */
  'metadata-fetch': {
    reqId: number;
    epoch: number;
    replicaId: number;
    fetchOffset: number;
    lastFetchedEpoch: number;
    /** The HW the follower knows: a long poll returns early when the leader's is higher. */
    knownHw: number;
    maxWaitMs: number;
    /** A broker (an observer that applies the log): it is sent committed records only. */
    broker?: true;
  };
  'metadata-fetch-response': {
    reqId: number;
    epoch: number;
    leaderId: number | null;
    highWatermark: number;
    answer: FetchAnswer<MetadataEntry> | null;
    error: string | null;
    /** To a broker sent a snapshot: the committed image at the snapshot's end offset. */
    image?: MetadataImage;
  };
  /** ZooKeeper mode: the controller's UpdateMetadata. */
  'update-metadata': {
    controllerId: number | null;
    controllerEpoch: number;
    liveBrokers: number[];
    partitions: PartitionMeta[];
    /** A full snapshot replaces the broker's image; an incremental one needs prevVersion. */
    full: boolean;
    version: number;
    prevVersion: number;
    /** Topics deleted in this update (DeleteTopics): their partitions and logs go away. */
    deletedTopics?: string[];
    /** ZooKeeper mode (UpdateMetadata): the incarnation the controller means (KIP-380). */
    brokerEpoch?: number;
  };
  // ZooKeeper mode: a broker's ZooKeeper client and the servers it talks to
  'zk-connect': { sessionId: number | null; timeout: number };
  'zk-connect-response': {
    sessionId: number | null;
    timeout: number;
    error: 'SESSIONEXPIRED' | 'CONNECTIONLOSS' | null;
  };
  /** A client's ping keeps its session; the leader pings its followers every half tick. */
  'zk-ping':
    | { from: 'client'; sessionId: number }
    | { from: 'leader'; epoch: number; zxid: number }
    | { from: 'follower' };
  'zk-ping-response': { error: 'SESSIONEXPIRED' | 'CONNECTIONLOSS' | null };
  /** `origin` is set when a follower forwards a write to the leader. */
  'zk-request': { reqId: number; sessionId: number; body: ZkRequestBody; origin?: ZkOrigin };
  'zk-response': ZkAnswer;
  'zk-watch-event': { type: WatchEventType; path: string };
  // between ZooKeeper servers: FastLeaderElection and ZAB
  'zk-notification': { vote: Vote; state: ZkServerRole };
  'zk-follower-info': { epoch: number; lastZxid: number };
  'zk-proposal': { pid: number };
  'zk-ack': { pid: number };
  /** `answer` rides along when the server the client is connected to must answer it. */
  'zk-commit': {
    pid: number;
    zxid: number;
    answer?: {
      brokerId: number;
      brokerInc: number;
      connect: { sessionId: number; timeout: number } | null;
      response: ZkAnswer | null;
    };
  };
  // the ZooKeeper-mode controller's requests to brokers (each carries controller_epoch)
  /** `brokerEpoch`: the incarnation the controller means (KIP-380); another one refuses it. */
  'leader-and-isr': {
    controllerId: number;
    controllerEpoch: number;
    brokerEpoch?: number;
    partitions: PartitionMeta[];
  };
  'controlled-shutdown': { reqId: number; brokerEpoch: number };
  'controlled-shutdown-response': { reqId: number; error: string | null };
  'alter-partition': {
    reqId: number;
    topic: string;
    partition: number;
    brokerEpoch: number;
    leaderEpoch: number;
    partitionEpoch: number;
    newIsr: number[];
    /** Followers dropped for lagging, and how long since each was caught up (Kafka logs this). */
    lagging: { brokerId: number; lagMs: number }[];
    /** The leader's replica.lag.time.max.ms, for the same log line. */
    maxLagMs: number;
  };
  'alter-partition-response': {
    reqId: number;
    topic: string;
    partition: number;
    error: string | null;
    meta: PartitionMeta | null;
  };
  'find-coordinator': ExternalGroupBodies['find-coordinator'];
  'find-coordinator-response': { reqId: number; error: string | null; coordinator: number };
  'join-group': Omit<ExternalGroupBodies['join-group'], 'protocols'> & {
    protocol: string;
    ownedPartitions: string[];
    generation: number;
    /** A real client's: every assignor it supports, in preference order, with its metadata. */
    protocols?: GroupProtocol[];
    /** A real client's id (its request header): the start of the member id it is given. */
    clientId?: string;
  };
  'join-group-response': {
    reqId: number;
    error: string | null;
    generation: number;
    protocol: string;
    leader: string;
    memberId: string;
    members: {
      memberId: string;
      topics: string[];
      ownedPartitions: string[];
      generation: number;
      /** A real client's subscription for the chosen protocol, as it sent it (base64). */
      metadata?: string;
    }[];
  };
  'sync-group': ExternalGroupBodies['sync-group'];
  'sync-group-response': {
    reqId: number;
    error: string | null;
    assignment: string[];
    /** The assignment as a real client leader sent it (base64), for a real client member. */
    assignmentBytes?: string;
  };
  heartbeat: ExternalGroupBodies['heartbeat'];
  'heartbeat-response': { reqId: number; error: string | null };
  'leave-group': ExternalGroupBodies['leave-group'];
  'leave-group-response': { reqId: number; error: string | null };
  'offset-commit': Omit<ExternalGroupBodies['offset-commit'], 'offsets'> & {
    /** leaderEpoch: of the last record before the offset (KIP-320), -1 when unknown. */
    offsets: { topic: string; partition: number; offset: number; leaderEpoch: number }[];
  };
  'offset-commit-response': {
    reqId: number;
    error: string | null;
    offsets: { topic: string; partition: number; offset: number }[];
  };
  'offset-fetch': ExternalGroupBodies['offset-fetch'];
  'list-groups': ExternalGroupBodies['list-groups'];
  'list-groups-response': { reqId: number; error: string | null; groups: string[] };
  'describe-groups': ExternalGroupBodies['describe-groups'];
  'describe-groups-response': { reqId: number; groups: GroupDescription[] };
  'offset-fetch-response': {
    reqId: number;
    error: string | null;
    offsets: Record<string, number>;
    /** The committed leader epoch per partition (KIP-320), -1 when unknown. */
    leaderEpochs: Record<string, number>;
  };
  'list-offsets': ExternalListOffsetsBody;
  'list-offsets-response': {
    reqId: number;
    results: { topic: string; partition: number; error: string | null; offset: number }[];
  };
  /** A consumer validating its position after a leader change (KIP-320). */
  'offsets-for-leader-epoch': {
    reqId: number;
    partitions: {
      topic: string;
      partition: number;
      currentLeaderEpoch: number;
      leaderEpoch: number;
    }[];
  };
  'offsets-for-leader-epoch-response': {
    reqId: number;
    results: {
      topic: string;
      partition: number;
      error: string | null;
      leaderEpoch: number;
      endOffset: number;
    }[];
  };
  'init-producer-id': { reqId: number };
  'init-producer-id-response': {
    reqId: number;
    error: string | null;
    producerIdNumber: number;
    producerEpoch: number;
  };
}

/** Every kind of message has a body shape, and every body shape a kind (checked below). */
export type MessageBody<K extends MessageKind> = Bodies[K];

/** The kinds of request that expect an answer (they carry a reqId the answer repeats). */
export type RequestKind = {
  [K in MessageKind]: K extends `${string}-response`
    ? never
    : Bodies[K] extends { reqId: number }
      ? K
      : never;
}[MessageKind];

type SameKeys<A, B> = [Exclude<keyof A, B>, Exclude<B, keyof A>] extends [never, never]
  ? true
  : false;
const bodiesCoverEveryKind: SameKeys<Bodies, MessageKind> = true;
void bodiesCoverEveryKind;

/** Whether `msg` is a request that expects an answer (a response or a notice is not). */
export function isRequest(msg: Message): msg is Message<RequestKind> {
  return 'reqId' in msg.body && !msg.kind.endsWith('-response');
}
