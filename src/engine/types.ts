// The engine's public contract (design.md section 3): the scenario it loads, the commands it
// accepts, the events it emits and the view it reports. Everything here is plain, serialisable
// data: it crosses the worker boundary and is written to JSON by the CLI.
import type { MetadataEntry } from './quorum/state';
import type {
  ConsumerFailReason,
  DropReason,
  ExternalCloseReason,
  FenceReason,
  MetadataRefreshReason,
  OffsetResetReason,
  PartitionChangeReason,
  RebalanceReason,
  RetentionReason,
  TopicCreateReason,
} from './reasons';
import type { SimplificationKey } from './view/simplifications';
import type { SharedLogStore } from './sim/sharedLogs';

export type * from './reasons';
export type { SimplificationKey } from './view/simplifications';

/** A Kafka config value as written in a scenario or a command. */
export type ConfigValue = string | number | boolean;
export type ConfigMap = Record<string, ConfigValue>;

export type PresetName = 'classroom' | 'kafka-defaults';
export type AssignorName = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';

// ---------------------------------------------------------------------------------------------
// Scenario (design.md 3.2)
// ---------------------------------------------------------------------------------------------

export interface Scenario {
  version: 1;
  seed: number;
  preset?: PresetName;
  /** Optional title and description shown by the app and the CLI. */
  title?: string;
  description?: string;
  /** Sim-only network settings (not Kafka configs): one-way latency and its jitter, in ms. */
  network?: { latencyMs?: number; jitterMs?: number };
  /**
   * The simulator's own settings (not Kafka's). maxEventsPerInstant lowers the engine's event
   * budget per simulated instant (EVENT_BUDGET_PER_INSTANT, the most it may be), for tests and
   * demonstrations of the runaway report.
   */
  simulator?: { maxEventsPerInstant?: number };
  cluster: {
    brokers: number;
    /** Rack per broker, index 0 = broker 1. */
    racks?: string[];
    /** Broker configs with Kafka names, e.g. min.insync.replicas. */
    config?: ConfigMap;
    /**
     * Who keeps the metadata (design.md 3.10). `kraft`: a quorum of controllers (default 3)
     * elects the active controller and commits every change to a majority; `placement`
     * `dedicated` (default) runs them as nodes 1001.., `combined` inside brokers 1..N
     * (process.roles=broker,controller: one process, so a broker's crash takes its controller).
     * `zookeeper` (Kafka up to 3.x): an ensemble of ZooKeeper servers 1.. (default 3) holds the
     * metadata as znodes; the broker that creates `/controller` is the controller.
     * Absent: KRaft with 3 controllers, as a Kafka 4 cluster.
     */
    metadata?:
      | { mode: 'kraft'; controllers?: number; placement?: ControllerPlacement }
      | { mode: 'zookeeper'; ensemble?: number };
  };
  topics?: TopicSpec[];
  producers?: ProducerSpec[];
  groups?: GroupSpec[];
  /** Timed command log: the same commands the UI dispatches. */
  actions?: TimedCommand[];
  /** A recorded session's play head: a shared link opens there, paused (see TimedCommand). */
  playhead?: { at: number; afterSeq?: number };
}

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  /** Topic configs: retention.ms, cleanup.policy, min.insync.replicas, segment.bytes, ... */
  config?: ConfigMap;
  /**
   * Optional replica placement (kafka-topics --replica-assignment): assignment[p] lists the
   * brokers of partition p, preferred leader first. Without it Kafka's placement decides.
   */
  assignment?: number[][];
}

export interface ProducerSpec {
  id: string;
  topic: string;
  /** Records per sim second that the producer's application sends (0 = only explicit produce). */
  ratePerSec?: number;
  /** null or absent: null keys. A list: each record's key is picked from it with the seeded rng. */
  keys?: string[] | null;
  /** Producer configs: acks, linger.ms, batch.size, enable.idempotence, partitioner, retries, ... */
  config?: ConfigMap;
}

export interface GroupSpec {
  id: string;
  topics: string[];
  /** How many consumers to start: ids are `${groupId}-1`, `${groupId}-2`, ... */
  consumers: number;
  /** Consumer configs: partition.assignment.strategy, auto.offset.reset, enable.auto.commit, ... */
  config?: ConfigMap;
}

export type TimedCommand = Command & {
  at: number;
  /**
   * Recorded sessions only: the command was given after this many engine events (eventsRun),
   * which can fall between two events of one millisecond. The worker replays such a command at
   * exactly that position; a plain run (the CLI) applies it at `at` like any other action.
   */
  afterSeq?: number;
};

// ---------------------------------------------------------------------------------------------
// Commands (design.md 3.2): a user action as plain data.
// ---------------------------------------------------------------------------------------------

export type Command =
  | { type: 'addBroker'; rack?: string }
  | { type: 'killBroker'; brokerId: number }
  | { type: 'stopBroker'; brokerId: number }
  | { type: 'restartBroker'; brokerId: number }
  | { type: 'isolateBroker'; brokerId: number }
  | { type: 'healBroker'; brokerId: number }
  /**
   * Decommission a broker: reassign each of its replicas to another live broker
   * (kafka-reassign-partitions), wait for the new replicas to join the ISR, then shut it down
   * and unregister it (kafka-cluster unregister). Refused when the replication factor cannot be kept.
   */
  | { type: 'removeBroker'; brokerId: number }
  /** A KRaft controller node (cluster.metadata: kraft; ids 1001..): crash, restart, cut off, heal. */
  /** A new dedicated controller: it copies the log as an observer, then joins as a voter (KIP-853). */
  | { type: 'addController' }
  | { type: 'killController'; controllerId: number }
  | { type: 'restartController'; controllerId: number }
  | { type: 'isolateController'; controllerId: number }
  | { type: 'healController'; controllerId: number }
  /** A ZooKeeper server (cluster.metadata: zookeeper; ids 1..): crash, restart, cut off, heal. */
  /** A new ZooKeeper server that joins the ensemble by dynamic reconfig (ZooKeeper 3.5+). */
  | { type: 'addZooKeeper' }
  | { type: 'killZooKeeper'; nodeId: number }
  | { type: 'restartZooKeeper'; nodeId: number }
  | { type: 'isolateZooKeeper'; nodeId: number }
  | { type: 'healZooKeeper'; nodeId: number }
  /** Isolate or heal a client (producer or consumer id): its traffic is dropped until healed. */
  | { type: 'isolateClient'; clientId: string }
  | { type: 'healClient'; clientId: string }
  | ({ type: 'createTopic' } & TopicSpec)
  | { type: 'addPartitions'; topic: string; count: number }
  /** DeleteTopics (kafka-topics --delete): the topic's partitions and their logs go away. */
  | { type: 'deleteTopic'; topic: string }
  | ({ type: 'addProducer' } & ProducerSpec)
  | { type: 'removeProducer'; producerId: string }
  /** Kill the producer's process: what is in its buffer is lost (counted); restart it later. */
  | { type: 'crashProducer'; producerId: string }
  | { type: 'restartProducer'; producerId: string }
  | { type: 'pauseProducer'; producerId: string }
  | { type: 'resumeProducer'; producerId: string }
  | { type: 'updateProducer'; producerId: string; ratePerSec?: number; keys?: string[] | null }
  | { type: 'produce'; producerId: string; key: string | null; value: string }
  | ({ type: 'addGroup' } & Omit<GroupSpec, 'consumers'> & { consumers?: number })
  | { type: 'addConsumer'; groupId: string; consumerId?: string }
  | { type: 'killConsumer'; consumerId: string }
  | { type: 'closeConsumer'; consumerId: string }
  /** Start a killed or closed consumer again with the same client id (it joins as a new member). */
  | { type: 'restartConsumer'; consumerId: string }
  | {
      type: 'resetOffsets';
      groupId: string;
      topic: string;
      /** A position, an offset, or the first offset at or after a time (sim ms, --to-datetime). */
      to: 'earliest' | 'latest' | number | { timestamp: number };
    }
  /** KafkaConsumer.seek: move the consumer's position on a partition it owns (nothing committed). */
  | { type: 'seek'; consumerId: string; topic: string; partition: number; offset: number }
  | {
      type: 'setConfig';
      scope: 'broker' | 'topic' | 'producer' | 'group' | 'consumer';
      /** broker id (number or its string), topic name, producer id, group id or consumer id. */
      id: string | number;
      key: string;
      value: ConfigValue;
    }
  | { type: 'electPreferredLeaders'; topic?: string }
  /**
   * Queue: every consumer reading `topic` joins one group. Publish-subscribe: each of them gets a
   * group of its own. Implemented with real LeaveGroup/JoinGroup, so rebalances are visible.
   */
  | { type: 'setDeliveryMode'; topic: string; mode: 'queue' | 'pubsub' }
  /**
   * A real client, through the gateway (issue 14): open TCP connection `conn` to a broker, send a
   * request on it (already in the engine's terms), close it. Recorded in the command log like
   * any command, so a session with real clients replays exactly.
   */
  | ExternalCommand;

export type ExternalCommand =
  | { type: 'externalConnect'; conn: string; brokerId: number; clientId: string }
  | {
      type: 'externalRequest';
      conn: string;
      request: ExternalRequest;
      /** The client id of the request's header (Kafka's); the connection keeps the last. */
      clientId?: string;
    }
  | { type: 'externalClose'; conn: string };

/** A request a real client sends, as the engine's request kind and body. */
export type ExternalRequest =
  | { kind: 'metadata'; body: MetadataRequestBody }
  | { kind: 'create-topics'; body: CreateTopicsRequestBody }
  | { kind: 'delete-topics'; body: DeleteTopicsRequestBody }
  | { kind: 'produce'; body: ExternalProduceBody }
  | { kind: 'fetch'; body: ExternalFetchBody }
  | { kind: 'list-offsets'; body: ExternalListOffsetsBody }
  | { kind: 'init-producer-id'; body: { reqId: number } }
  | {
      [K in keyof ExternalGroupBodies]: { kind: K; body: ExternalGroupBodies[K] };
    }[keyof ExternalGroupBodies];

/**
 * A real consumer's group requests (the classic protocol). Subscriptions and assignments travel
 * as the client encoded them (base64), with the topics and partitions they name decoded beside
 * them for the picture. Partitions are named "topic-N".
 */
export interface ExternalGroupBodies {
  'find-coordinator': { reqId: number; groupId: string };
  'join-group': {
    reqId: number;
    groupId: string;
    /** '' on a first join: the coordinator hands out one (MEMBER_ID_REQUIRED). */
    memberId: string;
    sessionTimeoutMs: number;
    rebalanceTimeoutMs: number;
    /** The topics its subscription names. */
    topics: string[];
    /** The assignors it supports, in preference order, each with its subscription (base64). */
    protocols: { name: string; metadata: string }[];
  };
  'sync-group': {
    reqId: number;
    groupId: string;
    generation: number;
    memberId: string;
    /** The leader's assignment, decoded, by member id (null from the other members). */
    assignments: Record<string, string[]> | null;
    /** The leader's assignment as it sent it (base64), by member id. */
    assignmentBytes?: Record<string, string>;
  };
  heartbeat: { reqId: number; groupId: string; generation: number; memberId: string };
  'leave-group': { reqId: number; groupId: string; memberId: string };
  'offset-commit': {
    reqId: number;
    groupId: string;
    /** -1 with memberId '': a commit outside any generation. */
    generation: number;
    memberId: string;
    offsets: { topic: string; partition: number; offset: number }[];
  };
  /** null: every partition the group has committed. */
  'offset-fetch': { reqId: number; groupId: string; partitions: string[] | null };
  /** The groups this broker coordinates (admin). */
  'list-groups': { reqId: number };
  /** Each group's state, assignor and members, from its coordinator (admin). */
  'describe-groups': { reqId: number; groups: string[] };
}

/** Produce from a real client: one record batch per partition, as sent (base64). */
export interface ExternalProduceBody {
  reqId: number;
  /** 0: no answer; 1: the leader's append; -1: all in-sync replicas. */
  acks: 0 | 1 | -1;
  timeoutMs: number;
  partitions: { topic: string; partition: number; records: string }[];
}

/** Fetch from a real consumer (read up to the high watermark; a long poll of maxWaitMs). */
export interface ExternalFetchBody {
  reqId: number;
  maxWaitMs: number;
  partitions: {
    topic: string;
    partition: number;
    fetchOffset: number;
    /** -1: the client does not know (KafkaJS sends -1). */
    currentLeaderEpoch: number;
  }[];
}

/** ListOffsets: -1 the latest offset, -2 the earliest, else the first at or after a time. */
export interface ExternalListOffsetsBody {
  reqId: number;
  partitions: { topic: string; partition: number; timestamp: number }[];
}

/** CreateTopics: the broker hands it to the active controller; answered once committed. */
export interface CreateTopicsRequestBody {
  reqId: number;
  topics: {
    name: string;
    /** -1: the broker's num.partitions. */
    partitions: number;
    /** -1: the broker's default.replication.factor. */
    replicationFactor: number;
    /** Brokers per partition, when the client places the replicas itself. */
    assignment?: number[][];
    config?: ConfigMap;
  }[];
  /** Check only, create nothing. */
  validateOnly?: boolean;
}

/** DeleteTopics: the broker hands it to the active controller; answered once committed. */
export interface DeleteTopicsRequestBody {
  reqId: number;
  topics: string[];
}

/** Metadata: the topics to describe (null: every topic the broker knows). */
export interface MetadataRequestBody {
  reqId: number;
  topics: string[] | null;
  /** The client lets the broker create topics it does not know (auto.create.topics.enable). */
  allowAutoTopicCreation?: boolean;
  /** The client id its request header carries (a real client's; built-in ones are their node). */
  clientId?: string;
}

export type CommandType = Command['type'];

/**
 * What reached a real client's connection (client/external.ts), for the gateway to encode:
 * the connection opened or was refused, an answer to a request, or the connection closed.
 */
export type ExternalAnswer =
  | { conn: string; kind: 'connected' }
  | { conn: string; kind: 'refused' }
  | { conn: string; kind: 'closed'; reason: 'broker-reset' }
  | { conn: string; kind: 'response'; responseKind: MessageKind; body: unknown };

/** Why a command or a scenario was refused. The engine changes nothing when it returns one. */
export interface EngineError {
  /** Stable machine code, e.g. UNKNOWN_BROKER, INVALID_REPLICATION_FACTOR, INVALID_CONFIG. */
  code: string;
  /** English text that names the problem ("replicationFactor 4 exceeds live brokers 3"). */
  message: string;
  /** Where in the input, e.g. "topics[0].replicationFactor" or "brokerId". */
  field?: string;
  /** Values the UI needs to translate the message. */
  params?: Record<string, string | number>;
}

export type DispatchResult = { ok: true } | { ok: false; error: EngineError };

// ---------------------------------------------------------------------------------------------
// Events (design.md 3.3)
// ---------------------------------------------------------------------------------------------

/** Network endpoints: "broker:1", "producer:checkout", "consumer:billing-1". */
export type NodeId = string;

/** What a network message is, for drawing and for the event log. */
export type MessageKind =
  | 'produce'
  | 'produce-response'
  | 'replica-fetch'
  | 'replica-fetch-response'
  | 'fetch'
  | 'fetch-response'
  | 'metadata'
  | 'metadata-response'
  | 'broker-registration'
  | 'broker-registration-response'
  | 'create-topics'
  | 'create-topics-response'
  | 'delete-topics'
  | 'delete-topics-response'
  | 'list-groups'
  | 'list-groups-response'
  | 'describe-groups'
  | 'describe-groups-response'
  | 'envelope'
  | 'envelope-response'
  | 'broker-heartbeat'
  | 'broker-heartbeat-response'
  | 'vote'
  | 'vote-response'
  | 'begin-quorum-epoch'
  | 'metadata-fetch'
  | 'metadata-fetch-response'
  // ZooKeeper mode: brokers and the ensemble, and the controller's requests to brokers
  | 'zk-connect'
  | 'zk-connect-response'
  | 'zk-ping'
  | 'zk-ping-response'
  | 'zk-request'
  | 'zk-response'
  | 'zk-watch-event'
  | 'zk-notification'
  | 'zk-follower-info'
  | 'zk-proposal'
  | 'zk-ack'
  | 'zk-commit'
  | 'leader-and-isr'
  | 'update-metadata'
  | 'controlled-shutdown'
  | 'controlled-shutdown-response'
  | 'alter-partition'
  | 'alter-partition-response'
  | 'find-coordinator'
  | 'find-coordinator-response'
  | 'join-group'
  | 'join-group-response'
  | 'sync-group'
  | 'sync-group-response'
  | 'heartbeat'
  | 'heartbeat-response'
  | 'leave-group'
  | 'leave-group-response'
  | 'offset-commit'
  | 'offset-commit-response'
  | 'offset-fetch'
  | 'offset-fetch-response'
  | 'list-offsets'
  | 'list-offsets-response'
  | 'offsets-for-leader-epoch'
  | 'offsets-for-leader-epoch-response'
  | 'init-producer-id'
  | 'init-producer-id-response';

/** A record summary carried by traffic events, enough to colour a dot by key. */
export interface RecordRef {
  offset: number;
  key: string | null;
}

/** A record that vanished from a log after its producer had been told it was written. */
export interface LostRecordRef extends RecordRef {
  /** The producer (client id) that wrote it, or null if unknown. */
  producerId: string | null;
}

export type SimEvent = { t: number } & SimEventBody;

export type SimEventBody =
  // Brokers and controller
  | { type: 'broker.started'; brokerId: number; restart: boolean }
  | { type: 'broker.stopped'; brokerId: number; mode: 'crash' | 'graceful' }
  | { type: 'broker.isolated'; brokerId: number }
  | { type: 'broker.healed'; brokerId: number }
  | { type: 'broker.fenced'; brokerId: number; reason: FenceReason }
  | { type: 'broker.unfenced'; brokerId: number }
  /**
   * KRaft: the controller committed a starting broker's registration; its broker epoch is the
   * offset of the RegisterBrokerRecord. It stays fenced until it has applied the log that far.
   */
  | { type: 'broker.registered'; brokerId: number; brokerEpoch: number }
  /**
   * The controller refused a restarted broker's registration (DUPLICATE_BROKER_REGISTRATION):
   * its previous incarnation's session is still alive. The broker retries with a backoff.
   */
  | { type: 'broker.registration-refused'; brokerId: number; error: string }
  /** A real client's TCP connection to a broker opened, or closed (client/external.ts). */
  | { type: 'external.connected'; conn: string; clientId: string; brokerId: number }
  | {
      type: 'external.closed';
      conn: string;
      clientId: string;
      brokerId: number;
      reason: ExternalCloseReason;
    }
  /** removeBroker began: `partitions` of its replicas are being reassigned to other brokers. */
  | { type: 'broker.removal-started'; brokerId: number; partitions: number }
  /** UnregisterBroker: the broker left the cluster's metadata for good. */
  | { type: 'broker.unregistered'; brokerId: number }
  /** AlterPartitionReassignments: the replica set grew to target + old; the ISR is unchanged. */
  | {
      type: 'partition.reassignment-started';
      topic: string;
      partition: number;
      target: number[];
      adding: number[];
      removing: number[];
    }
  /** Every target replica is in the ISR: the replica set becomes the target, the others leave. */
  | {
      type: 'partition.reassignment-completed';
      topic: string;
      partition: number;
      replicas: number[];
      isr: number[];
      leader: number;
    }
  | { type: 'client.isolated'; client: 'producer' | 'consumer'; clientId: string }
  | { type: 'client.healed'; client: 'producer' | 'consumer'; clientId: string }
  | {
      type: 'controller.changed';
      controllerId: number | null;
      previousControllerId: number | null;
      epoch: number;
    }
  // The KRaft quorum (cluster.metadata: kraft)
  /** The active controller stepped down: it saw a higher epoch, lost its majority, or stopped. */
  | {
      type: 'controller.resigned';
      controllerId: number;
      epoch: number;
      reason: { code: 'higher-epoch' | 'check-quorum' | 'controller-stopped' };
    }
  /** A controller lost its leader and asks the others: first a pre-vote, then a real vote. */
  | { type: 'metadata.election-started'; controllerId: number; epoch: number; preVote: boolean }
  /** Fewer than a majority of controllers are up and reachable: metadata cannot change. */
  | {
      type: 'metadata.quorum-lost';
      live: number;
      voters: number;
      needed: number;
      /** Set for a ZooKeeper ensemble (absent: KRaft controllers). */
      mode?: 'zookeeper';
    }
  | {
      type: 'metadata.quorum-restored';
      live: number;
      voters: number;
      needed: number;
      mode?: 'zookeeper';
    }
  | { type: 'controller.node-started'; controllerId: number; restart: boolean }
  | { type: 'controller.node-stopped'; controllerId: number }
  /** A controller joined the voters (its VotersRecord committed): `voters` is the new set. */
  | { type: 'controller.voter-added'; controllerId: number; voters: number[] }
  | { type: 'controller.node-isolated'; controllerId: number }
  | { type: 'controller.node-healed'; controllerId: number }
  // ZooKeeper mode (cluster.metadata: zookeeper)
  | { type: 'zookeeper.node-started'; nodeId: number; restart: boolean }
  | { type: 'zookeeper.node-stopped'; nodeId: number }
  /** A server added by dynamic reconfig got its vote (the reconfig committed): `servers` now vote. */
  | { type: 'zookeeper.server-added'; nodeId: number; servers: number[] }
  | { type: 'zookeeper.node-isolated'; nodeId: number }
  | { type: 'zookeeper.node-healed'; nodeId: number }
  /** The ensemble agreed on a leader (FastLeaderElection) and a quorum follows it. */
  | { type: 'zookeeper.leader-elected'; nodeId: number; epoch: number }
  /** A ZooKeeper server stopped leading or following: it lost its quorum or its leader. */
  | { type: 'zookeeper.leader-lost'; nodeId: number; epoch: number }
  /** The ZooKeeper leader expired a broker's session: its ephemeral znodes are deleted. */
  | { type: 'zookeeper.session-expired'; brokerId: number; sessionId: number; timeoutMs: number }
  /**
   * A broker refused the controller's request: its controller_epoch is behind one the broker has
   * heard (STALE_CONTROLLER_EPOCH), or it was meant for an earlier incarnation of the broker
   * (STALE_BROKER_EPOCH: the broker restarted and has not registered again yet).
   */
  | {
      type: 'controller.request-rejected';
      brokerId: number;
      controllerId: number;
      epoch: number;
      error: 'STALE_CONTROLLER_EPOCH' | 'STALE_BROKER_EPOCH';
    }
  // Topics and partitions
  | {
      type: 'topic.created';
      topic: string;
      partitions: number;
      replicationFactor: number;
      assignment: number[][];
      /** Set when the topic was created automatically (auto.create.topics.enable). */
      reason?: TopicCreateReason;
    }
  | { type: 'partitions.added'; topic: string; from: number; to: number }
  /** The controller removed the topic from the metadata; brokers then delete its logs. */
  | { type: 'topic.deleted'; topic: string; partitions: number }
  | {
      type: 'partition.leader-elected';
      topic: string;
      partition: number;
      leader: number;
      previousLeader: number;
      leaderEpoch: number;
      isr: number[];
      unclean: boolean;
      reason: PartitionChangeReason;
    }
  | {
      type: 'partition.offline';
      topic: string;
      partition: number;
      previousLeader: number;
      leaderEpoch: number;
    }
  | {
      type: 'isr.shrunk';
      topic: string;
      partition: number;
      brokerId: number;
      isr: number[];
      reason: PartitionChangeReason;
    }
  | { type: 'isr.expanded'; topic: string; partition: number; brokerId: number; isr: number[] }
  | {
      type: 'hw.advanced';
      topic: string;
      partition: number;
      brokerId: number;
      highWatermark: number;
    }
  // Records and logs
  | {
      type: 'record.appended';
      topic: string;
      partition: number;
      /** Base offset; the batch covers offset .. offset + count - 1. */
      offset: number;
      count: number;
      brokerId: number;
      leaderEpoch: number;
    }
  | {
      type: 'record.acked';
      producerId: string;
      topic: string;
      partition: number;
      /** -1 for acks=0 (the producer never learns the offset). */
      offset: number;
      key: string | null;
      value: string;
    }
  | {
      type: 'record.failed';
      producerId: string;
      topic: string;
      partition: number;
      key: string | null;
      value: string;
      /** Kafka's error name: NOT_ENOUGH_REPLICAS, REQUEST_TIMED_OUT, ... */
      error: string;
      /** true when the producer will retry the batch, false when the record is given up. */
      retriable: boolean;
      /**
       * When send() handed the record over (its timestamp): a record given up fails at most
       * delivery.timeout.ms after it (or max.block.ms, still waiting for metadata).
       */
      sentAt: number;
    }
  | {
      type: 'log.truncated';
      topic: string;
      partition: number;
      brokerId: number;
      /** Records at offsets >= fromOffset were removed from this replica. */
      fromOffset: number;
      /** The replica's LEO before truncation. */
      toOffset: number;
      /** The removed records that some producer had been told were written (acks=1 or 0 data). */
      lostAcked: LostRecordRef[];
    }
  | {
      type: 'log.retention-deleted';
      topic: string;
      partition: number;
      brokerId: number;
      segments: number;
      logStartOffset: number;
      reason: RetentionReason;
    }
  | {
      type: 'log.segment-rolled';
      topic: string;
      partition: number;
      brokerId: number;
      baseOffset: number;
    }
  // Consumers and groups
  | {
      type: 'record.consumed';
      groupId: string;
      consumerId: string;
      topic: string;
      partition: number;
      offset: number;
      key: string | null;
      value: string;
      /**
       * The partition was taken away (or its position reset) after poll() returned this record:
       * the application processes it all the same, but it moves no position.
       */
      revoked?: true;
    }
  | {
      type: 'offset.committed';
      groupId: string;
      consumerId: string | null;
      topic: string;
      partition: number;
      offset: number;
    }
  /**
   * KIP-320: validating its position against a new leader's epochs, the consumer found the log
   * truncated below it. `divergentOffset` is where its log and the leader's part (null: the
   * leader knows nothing of the position's epoch). With auto.offset.reset=none the partition
   * stops (LogTruncationException); otherwise an offset.reset follows.
   */
  | {
      type: 'consumer.log-truncation';
      groupId: string;
      consumerId: string;
      topic: string;
      partition: number;
      offset: number;
      divergentOffset: number | null;
      resetPolicy: 'earliest' | 'latest' | 'none';
    }
  | {
      type: 'offset.reset';
      groupId: string;
      consumerId: string | null;
      topic: string;
      partition: number;
      offset: number;
      reason: OffsetResetReason;
    }
  /** `generation` is the one ending (0 for a new group's first rebalance). */
  | {
      type: 'group.rebalance-started';
      groupId: string;
      reason: RebalanceReason;
      generation: number;
    }
  | {
      type: 'group.rebalance-completed';
      groupId: string;
      generation: number;
      protocol: AssignorName;
      leader: string;
      /** consumerId -> partitions ("topic-N") assigned in this generation. */
      assignment: Record<string, string[]>;
      /**
       * Per consumer, the partitions it owned before this generation and does not get now
       * (eager: everything that moved; cooperative: the ones withheld until the follow-up rebalance).
       */
      revoked: Record<string, string[]>;
    }
  | { type: 'group.coordinator-changed'; groupId: string; coordinator: number | null }
  | { type: 'consumer.joined'; groupId: string; consumerId: string; memberId: string }
  | { type: 'consumer.left'; groupId: string; consumerId: string; memberId: string }
  /** More than max.poll.interval.ms between two poll() calls: the member leaves its group. */
  | {
      type: 'consumer.poll-timeout';
      groupId: string;
      consumerId: string;
      memberId: string;
      maxPollIntervalMs: number;
    }
  | {
      type: 'consumer.failed';
      groupId: string;
      consumerId: string;
      memberId: string;
      reason: ConsumerFailReason;
    }
  | {
      type: 'consumer.assigned';
      groupId: string;
      consumerId: string;
      generation: number;
      partitions: string[];
      revoked: string[];
    }
  // Clients and configuration
  | { type: 'producer.added'; producerId: string; topic: string }
  | { type: 'producer.removed'; producerId: string }
  /** The process died; `lostRecords` were in its buffer, never sent. */
  | { type: 'producer.crashed'; producerId: string; lostRecords: number }
  | { type: 'producer.restarted'; producerId: string }
  | { type: 'producer.metadata-refreshed'; producerId: string; reason: MetadataRefreshReason }
  | { type: 'group.added'; groupId: string; topics: string[] }
  | { type: 'consumer.added'; groupId: string; consumerId: string }
  | { type: 'config.changed'; scope: string; id: string; key: string; value: ConfigValue }
  /** `scenario`: a timed action of the scenario's script, not something the user did. */
  | { type: 'command.applied'; command: Command; scenario?: true }
  /** A timed scenario action that could not be applied when its time came. */
  | { type: 'command.rejected'; command: Command; error: EngineError }
  // Network traffic, for animation: draw from sentAt to deliverAt.
  | {
      type: 'net.sent';
      id: number;
      from: NodeId;
      to: NodeId;
      kind: MessageKind;
      sentAt: number;
      deliverAt: number;
      /** true when the link is already cut at send time: the message never arrives. */
      dropped: boolean;
      topic?: string;
      partition?: number;
      /** Records carried (produce, fetch responses): at most a sample, plus the full count. */
      records?: RecordRef[];
      recordCount?: number;
      /** Kafka error name carried by a response, if any. */
      error?: string;
    }
  | { type: 'net.dropped'; id: number; reason: DropReason };

export type SimEventType = SimEventBody['type'];

// ---------------------------------------------------------------------------------------------
// View (design.md 3.1): what the UI, the CLI and the tests read. Plain and serialisable.
// ---------------------------------------------------------------------------------------------

export interface ConfigEntry {
  key: string;
  value: ConfigValue;
  /** Kafka's own default (Kafka 4.x), or null for sim-only settings. */
  kafkaDefault: ConfigValue | null;
  /**
   * Where the value comes from; 'cluster-default' is a cluster-wide broker default set live
   * (kafka-configs --entity-type brokers --entity-default, DYNAMIC_DEFAULT_BROKER_CONFIG).
   */
  source: 'kafka-default' | 'preset' | 'scenario' | 'user' | 'cluster-default';
  /** Not a Kafka config: a setting of the simulator itself (latency, processing time). */
  simOnly: boolean;
}

export interface ClusterView {
  now: number;
  seed: number;
  preset: PresetName;
  engineVersion: string;
  network: { latencyMs: number; jitterMs: number };
  /** The active controller when it runs on a broker (null for a dedicated controller node). */
  controller: { brokerId: number | null; epoch: number };
  /** The KRaft quorum or the ZooKeeper ensemble, when the scenario has one (cluster.metadata). */
  metadata?: MetadataView | ZooKeeperView;
  brokers: BrokerView[];
  topics: TopicView[];
  producers: ProducerView[];
  groups: GroupView[];
  consumers: ConsumerView[];
  /** Settings the preset changes from Kafka's defaults, each with the default beside it. */
  presetConfig: ConfigEntry[];
  /** The cluster-wide broker defaults (setConfig scope broker, id "cluster"): every broker config. */
  clusterConfig: ConfigEntry[];
  /** Where the model knowingly departs from Kafka, by key (the catalogues say it in words). */
  simplifications: SimplificationKey[];
}

export type BrokerStatus = 'running' | 'crashed' | 'stopped';

export interface BrokerView {
  id: number;
  rack: string | null;
  status: BrokerStatus;
  /** Network isolated: its traffic is dropped. */
  isolated: boolean;
  /** Fenced by the controller (missed broker.session.timeout.ms, or shut down). */
  fenced: boolean;
  isController: boolean;
  /**
   * The registered incarnation's broker epoch: KRaft, the offset of its RegisterBrokerRecord;
   * ZooKeeper mode, the czxid of its /brokers/ids znode.
   */
  brokerEpoch: number;
  /** KRaft: the last `__cluster_metadata` offset this broker has applied; null in ZooKeeper mode. */
  metadataOffset: number | null;
  /** Partitions this broker leads and follows, as "topic-N". */
  leaderOf: string[];
  followerOf: string[];
  config: ConfigEntry[];
}

export interface TopicView {
  name: string;
  replicationFactor: number;
  partitions: PartitionView[];
  config: ConfigEntry[];
}

export interface PartitionView {
  topic: string;
  partition: number;
  /** Assignment order; replicas[0] is the preferred leader. */
  replicas: number[];
  /** -1 when offline. */
  leader: number;
  leaderEpoch: number;
  isr: number[];
  offline: boolean;
  /** The leader's log: log start offset, high watermark and log end offset. */
  logStartOffset: number;
  highWatermark: number;
  logEndOffset: number;
  replicaStates: ReplicaView[];
  /** Committed offset and lag (HW - committed) per group reading this topic. */
  groups: { groupId: string; committed: number | null; lag: number | null }[];
  leaderHistory: { t: number; leader: number; leaderEpoch: number; unclean: boolean }[];
  /**
   * Acknowledged records this partition lost (truncated away everywhere they were), each once,
   * oldest first: where they were (offset), their key and producer, and when they were first
   * found missing. Their offsets may hold other records now.
   */
  lostRecords: LostRecordView[];
}

export interface LostRecordView extends LostRecordRef {
  /** Sim ms of the first truncation that removed it. */
  t: number;
}

export interface ReplicaView {
  brokerId: number;
  role: 'leader' | 'follower';
  /** Broker is up and this replica can serve. */
  online: boolean;
  inIsr: boolean;
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  /** The newest segments, at most VIEW_SEGMENTS (64) of them, oldest first. */
  segments: { baseOffset: number; records: number; bytes: number }[];
}

/**
 * A real client (issue 14): what a broker can see of it. The app draws it like a built-in client
 * but offers no buttons: its program, not the simulator, decides what it does.
 */
export interface ExternalClientInfo {
  /** The client id its requests carry (KafkaJS's clientId). */
  clientId: string;
  /** Its open connections (the gateway's ids), each to one broker. */
  connections: { conn: string; brokerId: number }[];
  /** A producer: the topics it has written to; a group member: the topics it subscribes to. */
  topics: string[];
  /** A producer's acks on its last request (-1: all); null for a group member. */
  acks: number | null;
}

export interface ProducerView {
  id: string;
  /** Present for a real client's producer (id `ext:<clientId>`). */
  external?: ExternalClientInfo;
  topic: string;
  ratePerSec: number;
  keys: string[] | null;
  paused: boolean;
  isolated: boolean;
  /** Its process crashed and has not been restarted (it sends nothing). */
  crashed: boolean;
  /** Idempotent producer id from InitProducerId, or -1. */
  producerIdNumber: number;
  /** The leaders this producer believes in (its metadata cache), partition -> broker id. */
  knownLeaders: number[];
  stats: {
    sent: number;
    acked: number;
    failed: number;
    retried: number;
    inFlight: number;
    buffered: number;
    /** Acknowledged, then lost: truncated away from the log after the producer was told. */
    lostAcked: number;
    /** Never sent: in the producer's buffer when it crashed. */
    lostUnsent: number;
  };
  lastError: string | null;
  /**
   * The newest produce error that still stands (its partition has not acknowledged a record
   * since; partition -1: no metadata), or null: the card's badge.
   */
  standingError: { partition: number; error: string; retriable: boolean } | null;
  config: ConfigEntry[];
}

export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export interface GroupView {
  id: string;
  topics: string[];
  state: GroupState;
  generation: number;
  protocol: AssignorName;
  rebalanceProtocol: 'eager' | 'cooperative';
  /** The coordinator broker (leader of its __consumer_offsets partition), or null if none. */
  coordinator: number | null;
  leaderConsumerId: string | null;
  consumerIds: string[];
  /** Committed offsets and lag per partition of the group's topics. */
  offsets: {
    topic: string;
    partition: number;
    committed: number | null;
    highWatermark: number;
    lag: number | null;
  }[];
  config: ConfigEntry[];
}

export type ConsumerStatus = 'joining' | 'rebalancing' | 'stable' | 'crashed' | 'closed';

export interface ConsumerView {
  /** A built-in consumer's id; a real client's member id. */
  id: string;
  /** Present for a real client's group member. */
  external?: ExternalClientInfo;
  groupId: string;
  memberId: string | null;
  status: ConsumerStatus;
  isolated: boolean;
  generation: number;
  /** Partitions owned now ("topic-N"); empty for an idle consumer. */
  assignment: string[];
  /** Next offset to fetch per owned partition. */
  positions: Record<string, number>;
  /** HW - position per owned partition. */
  lag: Record<string, number>;
  consumed: number;
  processingMsPerRecord: number;
  config: ConfigEntry[];
}

/** One record of a replica's log, for the inspector. */
export interface LogRecordView {
  offset: number;
  key: string | null;
  value: string;
  leaderEpoch: number;
  timestamp: number;
  producerId: string | null;
}

export interface Engine {
  /** Sim time in ms. */
  readonly now: number;
  readonly seed: number;
  /** Apply a user action now. Invalid commands return an error and change nothing. */
  dispatch(command: Command): DispatchResult;
  /** Run every event up to and including sim time `ms`. */
  advanceTo(ms: number): void;
  /** Run exactly one scheduled event (if any); returns false when nothing is scheduled. */
  step(): boolean;
  /** Sim time of the next scheduled event, or null. */
  nextEventTime(): number | null;
  /**
   * How many scheduled events have run since the scenario started (saved with the state): a
   * position in the event order, finer than `now` (several events can share one millisecond).
   */
  readonly eventsRun: number;
  view(): ClusterView;
  /** The records of one partition replica (default: the leader's), for the inspector. */
  partitionLog(
    topic: string,
    partition: number,
    options?: { brokerId?: number; fromOffset?: number; limit?: number },
  ): LogRecordView[];
  /** Events since the last drain, in order. */
  drainEvents(): SimEvent[];
  /** What reached real clients' connections since the last drain, in order (the gateway's). */
  drainExternal(): ExternalAnswer[];
  /**
   * The per-second metric samples kept (design.md 3.9; at most the last 10 minutes), those
   * with `t >= fromT` when given. Series are named `scope|entity|metric` (metrics/catalog.ts).
   */
  metrics(fromT?: number): MetricsHistory;
  /**
   * Estimated heap bytes of the records the world retains (view/memory.ts), in all and by topic:
   * for the memory budget (docs/engine.md "Budgets"). Walks the logs, not their records.
   */
  memory(): EngineMemory;
  /**
   * The whole state as plain JSON. restoreEngine(save()) continues exactly as this engine would.
   * With a SharedLogStore (the timeline's checkpoints) the logs' older part is kept in the store,
   * once for all saves, and the state names it: restore it with the same store.
   */
  save(logs?: SharedLogStore): SavedEngine;
}

/** What the world retains: the partitions' logs, each counted once (replicas share batches). */
export interface EngineMemory {
  logBytes: number;
  /** Each topic's share of `logBytes`, largest first. */
  topics: { topic: string; bytes: number }[];
}

export interface SavedEngine {
  format: 'kafka-sim-engine';
  engineVersion: string;
  /** Engine.eventsRun at the save (absent in saves made before it existed: 0). */
  eventsRun?: number;
  state: unknown;
}

/** Metric samples: `columns` name the series, each sample's `v[i]` is the value of `columns[i]`
 * (shorter arrays: the series did not exist yet; null: no value). */
export interface MetricsHistory {
  columns: string[];
  samples: { t: number; v: (number | null)[] }[];
}

/** A znode as the inspector lists it (the tree is bounded: see ZooKeeperView.znodes). */
export interface ZnodeView {
  path: string;
  data: string;
  version: number;
  /** The creating transaction's zxid (for /brokers/ids/N: the broker epoch, KIP-380). */
  czxid: number;
  /** The broker whose session owns this ephemeral znode; null: persistent. */
  ephemeralOwner: number | null;
}

/** The ZooKeeper ensemble and the Kafka metadata it holds (design.md 3.10). */
export interface ZooKeeperView {
  mode: 'zookeeper';
  /** The broker that owns `/controller`, or null while there is none. */
  activeController: number | null;
  /** `/controller_epoch`. */
  epoch: number;
  nodes: {
    id: number;
    alive: boolean;
    isolated: boolean;
    /** ZooKeeper's server state (LOOKING, LEADING, FOLLOWING), or stopped. */
    role: 'looking' | 'leading' | 'following' | 'stopped';
    /** Whether it votes (false while a server added by reconfig joins). */
    voter: boolean;
    /** The ensemble epoch it follows (the high 32 bits of its zxids). */
    epoch: number;
    /** The last transaction it has applied. */
    lastZxid: number;
    /** Brokers whose session is connected to this server. */
    clients: number[];
  }[];
  quorum: { live: number; needed: number; lost: boolean };
  /** Open sessions: the broker, its timeout, and when the leader would expire it. */
  sessions: { brokerId: number; sessionId: number; timeoutMs: number; expiresAt: number }[];
  /** Every znode in path order (at most ZNODES_IN_VIEW; `znodesTotal` says how many exist). */
  znodes: ZnodeView[];
  znodesTotal: number;
}

/** Where KRaft controllers run: nodes of their own (1001..) or inside brokers 1..N. */
export type ControllerPlacement = 'dedicated' | 'combined';

/** The metadata quorum (design.md 3.10). */
export interface MetadataView {
  mode: 'kraft';
  placement: ControllerPlacement;
  /** The active controller's id (1001.., or a broker id when combined), or null while there is none. */
  activeController: number | null;
  epoch: number;
  nodes: {
    id: number;
    alive: boolean;
    isolated: boolean;
    /** Raft's state of the node: leader, follower, candidate, prospective, ... or stopped. */
    role:
      | 'unattached'
      | 'prospective'
      | 'candidate'
      | 'follower'
      | 'leader'
      | 'resigned'
      | 'observer'
      | 'stopped';
    /** Whether it is in the voter set (false while a newly added controller catches up). */
    voter: boolean;
    epoch: number;
    /** Its copy of `__cluster_metadata`: log end offset and high watermark. */
    logEndOffset: number;
    highWatermark: number;
    /** Below it, the log is a snapshot. */
    logStartOffset: number;
    /** Whom it voted for in its epoch (null: nobody yet). */
    votedFor: number | null;
    /** The newest records of its log, newest first (Kafka's record names and fields). */
    recent: { offset: number; epoch: number; record: MetadataEntry }[];
  }[];
  quorum: { live: number; needed: number; lost: boolean };
}
