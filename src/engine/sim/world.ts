// The whole state of one simulated world, as plain data. Every module of the engine reads and
// writes this structure; save() serialises it and restore rebuilds an identical world.
import type { KraftQuorum } from '../quorum/state';
import type { BrokerZkClient, ZkEnsemble } from '../zookeeper/state';
import type { MetricsState } from '../metrics/state';
import type {
  Command,
  ConfigEntry,
  ConfigValue,
  ExternalAnswer,
  GroupState,
  MessageKind,
  NodeId,
  PresetName,
  SimEvent,
} from '../types';
import type { ConfigScope } from '../config/definitions';
import type { ScopedValues } from '../config/presets';
import type { QueueState, TaskHandle } from './queue';
import type { MessageBody, RequestKind } from './messages';
import type { FollowerFetchState, EpochEntry, StickyState } from '../kernels';
import type { ClientConnections } from '../client/connections';

// ---------------------------------------------------------------------------------------------
// Scheduling
// ---------------------------------------------------------------------------------------------

/** One message on the wire, of one kind. In flight it is itself the task that delivers it. */
export interface MessageOf<K extends MessageKind> {
  k: 'deliver';
  id: number;
  from: NodeId;
  to: NodeId;
  /** Incarnation of the sender when it sent the message. */
  fromInc: number;
  /** For responses: the incarnation of the requester; a restarted node never sees old replies. */
  toInc?: number;
  kind: K;
  body: MessageBody<K>;
  sentAt: number;
  deliverAt: number;
}

/**
 * A message of kind K; without K, any message, as a union that `switch (msg.kind)` narrows to
 * the right body (routing needs no casts).
 */
export type Message<K extends MessageKind = MessageKind> = { [P in K]: MessageOf<P> }[K];

export type Task =
  | Message
  /** A timer of a node; ignored if the node restarted since (inc) or the token is stale. */
  | { k: 'timer'; node: NodeId; inc: number; name: TimerName; token?: number; arg?: string }
  | { k: 'action'; command: Command }
  /** The peer of a request was down: the sender's connection is refused or reset (like a TCP RST). */
  | {
      k: 'disconnect';
      node: NodeId;
      inc: number;
      peer: NodeId;
      kind: MessageKind;
      reqId: number;
      /** When the request went out (a reset concerns the connection it travelled on). */
      sentAt: number;
    }
  /**
   * A client's TCP handshake with a broker: `syn` reaches the broker, `accepted` or `refused`
   * comes back to the client (Sim.connect).
   */
  | {
      k: 'connect';
      phase: 'syn' | 'accepted' | 'refused';
      from: NodeId;
      fromInc: number;
      to: NodeId;
      attempt: number;
    };

export type TimerName =
  // broker
  | 'broker.heartbeat'
  /** KRaft: the next heartbeat of a broker that is still fenced while starting (10 ms on). */
  | 'broker.startup-heartbeat'
  | 'broker.isr-check'
  | 'broker.retention-check'
  | 'broker.fetch-wait'
  | 'broker.produce-timeout'
  | 'broker.replica-fetch-backoff'
  | 'broker.replica-fetch-timeout'
  | 'broker.shutdown-timeout'
  | 'broker.register-retry'
  /** removeBroker: the broker hosts no replica any more, so it shuts down (controlled). */
  | 'broker.remove'
  // controller (runs on the active controller's broker or controller node)
  | 'controller.session-check'
  | 'controller.election'
  | 'controller.leader-balance'
  | 'controller.noop'
  // the KRaft quorum's Raft (controller nodes)
  | 'raft.election-timeout'
  | 'raft.fetch-timeout'
  | 'raft.check-quorum'
  | 'raft.fetch-wait'
  // ZooKeeper mode: the ensemble's servers, and a broker's ZooKeeper client
  | 'zk.tick'
  | 'zk.notify'
  | 'zk.finalize'
  | 'zk.init-timeout'
  | 'zk.session-check'
  | 'broker.zk-ping'
  | 'broker.zk-reconnect'
  | 'broker.zk-connect-timeout'
  // producer
  | 'producer.generate'
  | 'producer.linger'
  | 'producer.request-timeout'
  | 'producer.retry'
  | 'producer.metadata-refresh'
  | 'producer.delivery-timeout'
  | 'producer.connect-timeout'
  // consumer and group coordinator
  | 'consumer.heartbeat'
  | 'consumer.poll'
  | 'consumer.poll-timeout'
  | 'consumer.request-timeout'
  | 'consumer.retry'
  | 'consumer.metadata-refresh'
  | 'group.join-deadline'
  | 'group.sync-deadline'
  | 'group.session-expiry';

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

/** The configs of one broker, topic, producer or consumer (group), of scope S. */
export interface ConfigSlot<S extends ConfigScope = ConfigScope> {
  scope: S;
  /** Values set by the scenario or the user; everything else comes from the preset or Kafka. */
  explicit: Record<string, { value: ConfigValue; source: 'scenario' | 'user' }>;
  /** Effective values for every key of the scope (derived; rebuilt on every change). */
  eff: Record<string, ConfigValue>;
  /** The same values described for the view (with Kafka's default and source); derived too. */
  entries: ConfigEntry[];
}

// ---------------------------------------------------------------------------------------------
// Records and logs
// ---------------------------------------------------------------------------------------------

/**
 * One record as the producer holds it until it is sent, and as readers of a log get it back
 * (records/batch.ts `recordAt`). Logs do not keep these objects: see Batch.
 */
export interface StoredRecord {
  key: string | null;
  value: string;
  /** Create time (sim ms). */
  ts: number;
  /** Producer id (client id) that wrote it, or null. */
  producer: string | null;
  /** Encoded size in bytes (record batch v2 record). */
  size: number;
}

/**
 * A record batch as stored in a log. Immutable once appended; replicas share the object.
 * Like Kafka's record batch v2 it keeps the records packed, not as an object each: the batch
 * holds what they share (producer, base offset, base timestamp) and `data` holds
 * `RECORD_SLOTS` cells per record: key, value, timestamp delta. Only records/batch.ts reads
 * `data`; everyone else asks it (keyAt, valueAt, recordAt ...).
 */
export interface Batch {
  bid: number;
  baseOffset: number;
  /** Leader epoch at append (partitionLeaderEpoch). */
  epoch: number;
  /** How many records it holds (offsets baseOffset .. baseOffset + count - 1). */
  count: number;
  /** The client id of the producer that wrote it (one producer writes a batch), or null. */
  producer: string | null;
  /** Create time of the first record (Kafka's baseTimestamp). */
  baseTs: number;
  data: (string | number | null)[];
  bytes: number;
  maxTs: number;
  /** Idempotent producer id number, or -1. */
  pid: number;
  producerEpoch: number;
  baseSeq: number;
  /**
   * Set when the producer was told this append succeeded (acks=0/1/all). Kept on the batch, not
   * the records: a retried record object may sit in several appends, only some acknowledged.
   */
  acked: boolean;
  /**
   * The batch as a real client sent it, base64 (records/rawBatch.ts), with the baseOffset and
   * leader epoch of its append; null for a built-in producer's batch.
   */
  raw: string | null;
}

export interface Segment {
  baseOffset: number;
  bytes: number;
  records: number;
  /** Timestamp of the first batch (for segment.ms) and the newest (for retention.ms). */
  firstTs: number;
  maxTs: number;
}

export interface ProducerIdEntry {
  producerEpoch: number;
  /** Last (up to 5) batches: first/last sequence and offsets, for duplicate detection. */
  batches: { firstSeq: number; lastSeq: number; firstOffset: number; lastOffset: number }[];
}

export interface LogState {
  topic: string;
  partition: number;
  logStartOffset: number;
  leo: number;
  hw: number;
  /**
   * Batches in offset order from index `batchHead` on (those before it are below the log start,
   * dropped in place so retention does not copy the whole array; log.ts trims them now and then).
   * Only broker/log.ts reads these four fields.
   */
  batches: Batch[];
  batchHead: number;
  /** Segments in offset order from index `segmentHead` on (the last is the active segment). */
  segments: Segment[];
  segmentHead: number;
  /** Bytes of the live segments (Kafka's UnifiedLog.size), kept as the log changes. */
  size: number;
  epochCache: EpochEntry[];
  producers: Record<string, ProducerIdEntry>;
}

// ---------------------------------------------------------------------------------------------
// Brokers
// ---------------------------------------------------------------------------------------------

/** Partition leadership as a broker (or client) believes it: its metadata image. */
export interface PartitionMeta {
  topic: string;
  partition: number;
  replicas: number[];
  leader: number;
  leaderEpoch: number;
  isr: number[];
  partitionEpoch: number;
}

export interface LeaderState {
  leaderEpoch: number;
  partitionEpoch: number;
  isr: number[];
  /** ISR proposed in an AlterPartition that the controller has not answered yet. */
  pendingIsr: number[] | null;
  pendingSince: number;
  followers: Record<string, FollowerFetchState>;
}

export interface FollowerState {
  leader: number;
  leaderEpoch: number;
}

export interface ParkedFetch {
  /** The request waiting at this broker for data (follower or consumer fetch). */
  msg: Message<'replica-fetch'> | Message<'fetch'>;
  token: number;
  /** The timer that answers it when its max wait expires (sim.timer's handle). */
  dueAt: TaskHandle;
}

export interface PendingProduce {
  token: number;
  msg: Message<'produce'>;
  /** Per partition of the request: the offset the HW must pass, or a result already decided. */
  parts: {
    topic: string;
    partition: number;
    requiredOffset: number;
    baseOffset: number;
    error: string | null;
    done: boolean;
  }[];
  /** The timer that answers it when request.timeout.ms expires (sim.timer's handle). */
  dueAt: TaskHandle;
}

export type BrokerStatus = 'running' | 'crashed' | 'stopped';

export interface BrokerState {
  id: number;
  rack: string | null;
  status: BrokerStatus;
  /** Incarnation, incremented at every start: the KRaft broker epoch. */
  inc: number;
  config: ConfigSlot<'broker'>;
  /** Durable: survives crashes (it is on disk). */
  logs: Record<string, LogState>;
  // Volatile state below: reset when the broker stops.
  meta: Record<string, PartitionMeta>;
  /** Brokers this broker believes are alive and unfenced (for metadata answers). */
  liveBrokers: number[];
  controllerId: number | null;
  /** ZooKeeper mode: the version of the controller's UpdateMetadata applied (0 = none). */
  metaVersion: number;
  /** KRaft: how far this broker has applied the metadata log, and its fetch of the rest. */
  metadataLog: BrokerMetadataLog;
  /** KRaft: this incarnation's broker epoch (its RegisterBrokerRecord's offset); -1 until registered. */
  brokerEpoch: number;
  lead: Record<string, LeaderState>;
  follow: Record<string, FollowerState>;
  /** Replica fetcher per leader: whether a fetch is in flight. */
  fetchers: Record<
    string,
    /** timeoutAt: the handle of the fetch's timeout timer. */
    { inFlight: boolean; backoff: boolean; reqId: number; timeoutAt: TaskHandle }
  >;
  parked: ParkedFetch[];
  purgatory: PendingProduce[];
  nextToken: number;
  shuttingDown: boolean;
  /** Unregistered from the cluster (removeBroker): gone for good, never restarted. */
  removed?: boolean;
  /**
   * Until the controller accepts this incarnation's registration: refusals so far and when the
   * next attempt is due (exponential backoff). null once registered.
   */
  registration: {
    failures: number;
    retryAt: number;
    /** KRaft: the registration request waiting for its answer (reqId, 0: none) and when sent. */
    inFlight?: number;
    sentAt?: number;
  } | null;
  /** ZooKeeper mode: the broker's ZooKeeper client (its session); null otherwise or stopped. */
  zk?: BrokerZkClient | null;
}

/** What a broker knows of a registered broker (from the metadata log). */
export interface BrokerRegistrationImage {
  fenced: boolean;
  shuttingDown: boolean;
}

/**
 * A KRaft broker follows `__cluster_metadata` as an observer: it fetches committed records from
 * the active controller and applies them to its image (`meta`, `liveBrokers`, `controllerId`).
 */
export interface BrokerMetadataLog {
  /** The offset of the next record to apply: every record below it is in the image. */
  offset: number;
  /** The quorum epoch the broker last heard of. */
  epoch: number;
  /** The registrations in the image (liveBrokers follows from them). */
  brokers: Record<string, BrokerRegistrationImage>;
  /** The fetch waiting for its answer (reqId, 0: none), and when it was sent. */
  inFlight: number;
  sentAt: number;
  nextReqId: number;
}

/** A committed metadata image, sent to a broker whose position the log no longer holds. */
export interface MetadataImage {
  endOffset: number;
  partitions: PartitionMeta[];
  brokers: Record<string, BrokerRegistrationImage>;
  controllerId: number | null;
}

// ---------------------------------------------------------------------------------------------
// Controller (the metadata quorum's state, kept by the active controller)
// ---------------------------------------------------------------------------------------------

export interface ControllerPartition extends PartitionMeta {
  history: { t: number; leader: number; leaderEpoch: number; unclean: boolean }[];
}

export interface ControllerBroker {
  registered: boolean;
  fenced: boolean;
  brokerEpoch: number;
  /** The broker process that registered (a restart is a new one). */
  incarnation?: number;
  lastHeartbeat: number;
  shuttingDown: boolean;
}

export interface TopicState {
  name: string;
  numPartitions: number;
  replicationFactor: number;
  config: ConfigSlot<'topic'>;
}

export interface ControllerState {
  activeId: number | null;
  epoch: number;
  brokers: Record<string, ControllerBroker>;
  partitions: Record<string, ControllerPartition>;
  nextProducerId: number;
  /** Incremented with every published metadata change. */
  metadataVersion: number;
  /**
   * Ongoing partition reassignments by "topic-N" key (KRaft keeps adding/removing replicas in the
   * partition record): the target replica set and the brokers being added and removed.
   */
  reassignments?: Record<string, { target: number[]; adding: number[]; removing: number[] }>;
  /** Brokers being removed (removeBroker): unregistered once they host no replica. */
  removingBrokers?: number[];
}

// ---------------------------------------------------------------------------------------------
// Clients
// ---------------------------------------------------------------------------------------------

/**
 * A record from send() until it is acknowledged. The same object is stored in the log when the
 * leader appends it (the sim shares memory instead of copying bytes).
 */
export type PendingRecord = StoredRecord;

export interface ProducerBatch {
  /** Unique per producer: in-flight requests refer to batches by id (state stays plain data). */
  id: number;
  partition: number;
  records: PendingRecord[];
  bytes: number;
  createdAt: number;
  attempts: number;
  /** Not sendable before this time (retry backoff). */
  retryAt: number;
  /** Idempotence: sequence assigned at first send and reused on retries; -1 before. */
  baseSeq: number;
  /** The producer epoch under which baseSeq was assigned, sent with the batch. */
  seqEpoch: number;
  inFlight: boolean;
}

/** An idempotent producer's sequence numbers for one partition (client/producerSequences.ts). */
export interface PartitionSequences {
  /** The producer epoch these sequences belong to. */
  epoch: number;
  /** The sequence of the next new batch. */
  next: number;
  /** The last sequence the broker acknowledged in this epoch (-1: none yet). */
  lastAcked: number;
  /** A batch sent in this epoch failed for good: the broker may hold it or not. */
  unresolved: boolean;
}

export interface ProducerState {
  id: string;
  node: NodeId;
  topic: string;
  ratePerSec: number;
  keys: string[] | null;
  paused: boolean;
  removed: boolean;
  /** The process crashed (crashProducer): down until restartProducer (absent in old saves). */
  crashed?: boolean;
  inc: number;
  config: ConfigSlot<'producer'>;
  /** Fractional records owed by the rate generator. */
  owed: number;
  lastGenerateAt: number;
  nextValue: number;
  /** Metadata cache: partition -> leader broker (-1 unknown). */
  leaders: number[];
  numPartitions: number;
  /** Partition of each key seen (murmur2 result for the current partition count). */
  keyPartitions: Record<string, number>;
  /** Brokers from the last metadata answer (bootstrap list before that). */
  knownBrokers: number[];
  /** When a request to each broker last failed: clients try the least recently failed first. */
  brokerFailedAt: Record<string, number>;
  /** Records sent before the topic's metadata was known (send() blocks on metadata in Kafka). */
  waiting: PendingRecord[];
  /** Requests awaiting an answer: reqId -> what and to whom. */
  pending: Record<string, { kind: MessageKind; broker: number; timeoutAt: TaskHandle }>;
  metadataInFlight: boolean;
  metadataStale: boolean;
  /** Accumulator: per partition, the queue of batches (first is the oldest). */
  queues: Record<string, ProducerBatch[]>;
  /** In-flight produce requests per broker id, naming their batches (partition + batch id). */
  inFlight: Record<
    string,
    /** sentAt: when the request left (request-latency-avg); absent in older saves. */
    { reqId: number; batches: { partition: number; id: number }[]; sentAt?: number }[]
  >;
  /** Connections to brokers that are not ready (closed, or being opened); none = all ready. */
  connections: ClientConnections;
  nextBatchId: number;
  sticky: StickyState;
  roundRobin: number;
  idempotent: boolean;
  pidNumber: number;
  producerEpoch: number;
  pidInFlight: boolean;
  /** Idempotence: per partition, the epoch its sequences belong to and where they stand. */
  sequences: Record<string, PartitionSequences>;
  generateToken: number;
  /** When the producer wakes up to expire what reached delivery.timeout.ms (-1: not set). */
  expiryWakeAt: number;
  nextReqId: number;
  stats: {
    sent: number;
    acked: number;
    failed: number;
    retried: number;
    /** Acknowledged, then truncated away (absent in saves made before it was counted: 0). */
    lostAcked?: number;
    /** In the buffer when the producer crashed (absent until the first crash: 0). */
    lostUnsent?: number;
  };
  lastError: string | null;
  /**
   * Produce errors that still stand, oldest first: one per partition (-1: no metadata), until
   * that partition acknowledges a record again. Absent in older saves: none.
   */
  standingErrors?: StandingProduceError[];
}

export interface StandingProduceError {
  partition: number;
  error: string;
  /** The producer is retrying (false: it gave the records up). */
  retriable: boolean;
}

export type MemberStatus = 'joining' | 'rebalancing' | 'stable' | 'crashed' | 'closed';

/** The consumer's side of the group protocol (Kafka's ConsumerCoordinator). */
export interface ConsumerMembership {
  memberId: string;
  generation: number;
  coordinator: number | null;
  coordinatorInFlight: boolean;
  joinInFlight: boolean;
  syncInFlight: boolean;
  rejoinNeeded: boolean;
  /**
   * The group leader's partition count per subscribed topic when it computed the last assignment
   * (-1: unknown then); Kafka's assignmentSnapshot. Absent on the other members.
   */
  assignedCounts?: Record<string, number>;
  heartbeatToken: number;
  /** When the coordinator last answered a heartbeat, join or sync (for the client's own session check). */
  lastCoordinatorAck: number;
  /** Owned partitions ("topic-N"). */
  owned: string[];
  /** The last assignment received (sticky assignors send it back as ownedPartitions). */
  lastAssignment: string[];
}

/** Where the consumer is in each owned partition (Kafka's SubscriptionState). */
export interface ConsumerPositions {
  /** Consumed position per owned partition: the offset after the last record processed. */
  byPartition: Record<string, number>;
  /** Partitions whose position is not known yet: they await OffsetFetch or ListOffsets. */
  unknown: string[];
  /**
   * KIP-320: the leader epoch of the last record poll() returned per partition (absent when the
   * position came from a committed offset or a reset), and the leader epoch the position was
   * last validated against.
   */
  offsetEpoch: Record<string, number>;
  leaderEpoch: Record<string, number>;
  /**
   * Positions awaiting OffsetsForLeaderEpoch (the request, the offset and leader epoch asked
   * about); reqId -1: a truncation stopped the partition (auto.offset.reset=none).
   */
  validation: Record<string, { reqId: number; offset: number; currentLeaderEpoch: number }>;
  /**
   * Partitions waiting for an auto.offset.reset (Kafka's AWAIT_RESET): a committed offset read
   * meanwhile must not overrule the reset. Absent in older saves.
   */
  awaitingReset?: Record<string, true>;
}

/** Fetching from partition leaders (Kafka's Fetcher). */
export interface ConsumerFetcher {
  /** The next offset to fetch per partition (ahead of the consumed position by the buffer). */
  fetchOffset: Record<string, number>;
  /** Fetched records not yet handed to the application: per partition, runs of fetched batches. */
  buffer: Record<string, { batch: Batch; from: number }[]>;
  /** Per partition, the id of the fetch request in flight for it (0 or absent: none). */
  inFlight: Record<string, number>;
}

/** The consumer's picture of the cluster (from Metadata responses). */
export interface ConsumerMetadata {
  inFlight: boolean;
  partitionCounts: Record<string, number>;
  leaders: Record<string, { leader: number; leaderEpoch: number; hw: number }>;
}

/** The application's poll loop. */
export interface ConsumerPollLoop {
  /** Records returned by the current poll, as runs [from, to) of batches, processed in order. */
  inHand: {
    tp: string;
    topic: string;
    partition: number;
    batch: Batch;
    from: number;
    to: number;
    /**
     * The partition was taken away after poll() returned these records: the application still
     * processes them (Kafka cannot take back what poll() returned), but they move no position.
     */
    revoked?: boolean;
  }[];
  token: number;
  /** Whether a poll step is scheduled: the application is processing, not inside poll(). */
  active: boolean;
  /** When the application last called poll() (max.poll.interval.ms counts from here). */
  lastPollAt: number;
  /** Token of the max.poll.interval.ms timer armed at the last poll(). */
  pollTimeoutToken: number;
}

/** Committing consumed positions. */
export interface ConsumerCommits {
  /** The last position committed per partition, to know what changed since. */
  committed: Record<string, number>;
  lastAutoCommit: number;
}

export interface PendingRequest {
  reqId: number;
  kind: RequestKind;
  broker: number;
  generation: number;
  /** When the request times out (sim ms) if no answer has come. */
  deadline: number;
}

export interface DeadlineCheck {
  at: number;
  handle: TaskHandle;
  token: number;
}

/** Requests awaiting an answer and the brokers a client knows. */
export interface ClientRequests {
  nextReqId: number;
  /** Requests awaiting an answer (a few at a time, oldest first), with the generation the
   * member had when it sent each and when it times out. */
  pending: PendingRequest[];
  /**
   * The timers that check the deadlines (Kafka's NetworkClient checks its in-flight requests on
   * each poll; no timer per request), one for fetches and one for the other requests: when each
   * is due (-1: none armed), its handle and its token. Each is armed for its earliest deadline.
   */
  deadlineChecks: [DeadlineCheck, DeadlineCheck];
  /** Kinds of request with a retry timer pending (metadata, coordinator, join, offsets, fetch). */
  retrying: string[];
  knownBrokers: number[];
  brokerFailedAt: Record<string, number>;
}

export interface ConsumerState {
  id: string;
  node: NodeId;
  groupId: string;
  status: MemberStatus;
  inc: number;
  config: ConfigSlot<'consumer'>;
  requests: ClientRequests;
  metadata: ConsumerMetadata;
  membership: ConsumerMembership;
  positions: ConsumerPositions;
  fetcher: ConsumerFetcher;
  poll: ConsumerPollLoop;
  commits: ConsumerCommits;
  lastError: string | null;
  consumed: number;
}

export interface GroupMember {
  memberId: string;
  consumerId: string;
  /** Subscription metadata sent in JoinGroup. */
  topics: string[];
  ownedPartitions: string[];
  generation: number;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  /** Parked JoinGroup / SyncGroup requests, answered when the phase completes. */
  joinRequest: Message<'join-group'> | null;
  syncRequest: Message<'sync-group'> | null;
  sessionToken: number;
  /** The timer that expires the member's session (on the coordinator that armed it). */
  sessionTimer: { at: TaskHandle; node: NodeId; inc: number } | null;
  assignment: string[];
  /** A real client's id (its request header), for DescribeGroups. */
  clientId?: string;
  /** A real client's assignors in preference order, each with its metadata (base64). */
  protocols?: { name: string; metadata: string }[];
  /** A real client's assignment as its leader sent it (base64). */
  assignmentBytes?: string;
  /**
   * A real client's position per partition as its fetches show it (the offset it asks for next),
   * and how far those positions have moved in all: what the picture shows as read.
   */
  positions?: Record<string, number>;
  consumed?: number;
}

/** A consumer group as the world keeps it (what Kafka persists in __consumer_offsets). */
export interface GroupRecord {
  id: string;
  topics: string[];
  state: GroupState;
  generation: number;
  protocol: string | null;
  leaderMemberId: string | null;
  members: Record<string, GroupMember>;
  /** Member ids handed out with MEMBER_ID_REQUIRED that have not joined yet. */
  pending: Record<string, number>;
  committed: Record<string, number>;
  /**
   * The leader epoch committed with each offset (KIP-320), when known; absent in saves made
   * before it was kept.
   */
  committedEpochs?: Record<string, number>;
  config: ConfigSlot<'consumer'>;
  joinToken: number;
  syncToken: number;
  /**
   * The initial rebalance of a group that was Empty (group.initial.rebalance.delay.ms): when the
   * current delay ends (0 when none is running), the length of that delay, what is left of the
   * rebalance timeout to extend it by, and whether a new member joined during it (Kafka's
   * tryCompleteInitialRebalanceElseSchedule).
   */
  initialDelayUntil: number;
  initialDelayMs: number;
  initialRemainingMs: number;
  newMemberAdded: boolean;
  /** The broker currently acting as coordinator (leader of its __consumer_offsets partition). */
  coordinator: number | null;
  /** That broker's incarnation when it loaded the group (a restart loads it again). */
  coordinatorInc: number;
  /**
   * The leader epoch of the __consumer_offsets partition when it loaded the group: leading the
   * partition in a later epoch (after losing it, even unseen while cut off) loads it again.
   */
  coordinatorEpoch: number;
  consumerIds: string[];
}

// ---------------------------------------------------------------------------------------------
// The world
// ---------------------------------------------------------------------------------------------

export interface NetworkState {
  latencyMs: number;
  jitterMs: number;
  /** Per directed link (from, then to), the last delivery time: links are FIFO like TCP. */
  linkClock: Record<NodeId, Record<NodeId, number>>;
  isolated: Record<string, boolean>;
}

export interface World {
  seed: number;
  preset: PresetName;
  now: number;
  queue: QueueState<Task>;
  rng: number[];
  nextMessageId: number;
  nextBatchId: number;
  /** Incarnation numbers for clients: unique, so a re-added client never sees old replies. */
  nextInc: number;
  network: NetworkState;
  presetValues: ScopedValues;
  clusterConfig: Record<string, { value: ConfigValue; source: 'scenario' | 'user' }>;
  brokers: BrokerState[];
  controller: ControllerState;
  /** The KRaft controller quorum (the default); absent in ZooKeeper mode. */
  quorum?: KraftQuorum;
  /** The ZooKeeper ensemble (cluster.metadata: zookeeper); absent in the other modes. */
  zookeeper?: ZkEnsemble;
  topics: Record<string, TopicState>;
  producers: Record<string, ProducerState>;
  groups: Record<string, GroupRecord>;
  consumers: Record<string, ConsumerState>;
  events: SimEvent[];
  /**
   * Acknowledged records lost per partition ("topic-N"), each once (broker/dataLoss.ts).
   * Absent until the first loss, and in saves made before it was kept.
   */
  lostRecords?: Record<string, LostRecord[]>;
  /** The scenario's simulator.maxEventsPerInstant; absent: EVENT_BUDGET_PER_INSTANT. */
  maxEventsPerInstant?: number;
  /** Per-second metric samples and the counters of the current second (metrics/state.ts). */
  metrics?: MetricsState;
  /** Real clients' connections (client/external.ts), by connection id; absent until the first. */
  externals?: Record<string, ExternalConnection>;
  /** What reached real clients since the last drain (Engine.drainExternal). */
  externalOutbox?: ExternalAnswer[];
  /** Real clients that produce, by their records' producer name `ext:<clientId>` (the picture). */
  externalProducers?: Record<string, ExternalProducerRecord>;
}

/**
 * A real client's TCP connection to one broker (issue 14: KafkaJS through the gateway). The
 * client is a node of its own on the simulated network, `external:<id>`.
 */
export interface ExternalConnection {
  id: string;
  /** The client id its requests carry (KafkaJS's clientId), for the picture and the events. */
  clientId: string;
  broker: number;
  state: 'connecting' | 'open' | 'closed';
  /**
   * What its requests showed it to be, for the picture (client/externalPicture.ts): a producer
   * (Produce, InitProducerId), a group member's (group requests, or fetching what a member
   * owns) or an admin's (topic and group administration). Absent until one of those.
   */
  role?: 'producer' | 'consumer' | 'admin';
  /** The group member it serves, once a request named it or it fetched what the member owns. */
  memberId?: string;
}

/**
 * What the picture keeps of a real client that produces (all its connections with one client id):
 * the broker's count of records sent, answered and refused, the errors that stand, and the records
 * of requests not yet answered (to name them in record.acked / record.failed events).
 */
export interface ExternalProducerRecord {
  /** `ext:<clientId>`, the producer name its records carry. */
  id: string;
  clientId: string;
  /** The topics it has produced to, first first. */
  topics: string[];
  /** The acks of its last Produce request (-1: all). */
  acks: number;
  /** From InitProducerId, or -1. */
  producerIdNumber: number;
  stats: { sent: number; acked: number; failed: number; lostAcked: number };
  lastError: string | null;
  standingErrors?: StandingProduceError[];
  /** By `<conn>#<reqId>`: each partition's records and when they were sent. */
  pending: Record<string, ExternalPendingProduce>;
}

export interface ExternalPendingProduce {
  sentAt: number;
  partitions: {
    topic: string;
    partition: number;
    records: { key: string | null; value: string }[];
  }[];
}

export interface LostRecord {
  offset: number;
  /** The leader epoch it was written in: offset + epoch name one record across replicas. */
  epoch: number;
  key: string | null;
  producer: string | null;
  /** When the first replica truncated it away. */
  t: number;
}
