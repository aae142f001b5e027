// Every config the engine understands, with Kafka's name and Kafka 4.x default (kafka-spec.md).
// Sim-only settings (not Kafka configs) are marked and named `sim.*` so nobody mistakes them.
import type { ConfigValue } from '../types';
import { LIMITS } from '../limits';

export type ConfigScope = 'broker' | 'topic' | 'producer' | 'consumer';

export type ConfigType =
  | { kind: 'int'; min?: number; max?: number }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'list'; values: readonly string[] };

/**
 * What changing a config on a running cluster sets off besides the new value (setConfig):
 * - `none`: the new value is read where it is used, from then on;
 * - `rejoin`: each running consumer of the group rejoins, so a rebalance applies it;
 * - `elect-offline`: turned on, the controller elects leaders for partitions without one;
 * - `revalidate`: turned on, it is checked against the settings it depends on, and refused
 *   (the change undone) if they conflict.
 */
export type LiveChange = 'none' | 'rejoin' | 'elect-offline' | 'revalidate';

export interface ConfigDefinition {
  key: string;
  scope: ConfigScope;
  type: ConfigType;
  onChange: LiveChange;
  /** Kafka's default (Kafka 4.x). For sim-only settings: the simulator's own default. */
  kafkaDefault: ConfigValue;
  simOnly?: boolean;
  /** A topic config that falls back to this broker config when the topic does not set it. */
  brokerFallback?: string;
  /** Short English description, for the inspector's tooltips (the UI may translate by key). */
  doc: string;
}

const int = (min?: number, max?: number) => ({ kind: 'int' as const, min, max });
const bool = { kind: 'bool' as const };
const oneOf = <const V extends readonly string[]>(...values: V) => ({
  kind: 'enum' as const,
  values,
});

const INT_MAX = 2147483647;

/**
 * The largest value Kafka's ConfigDef type allows, by key: INT is 32-bit, SHORT 16-bit, LONG
 * 64-bit (held to JavaScript's safe integers here). Keys not listed are LONG in Kafka (or
 * sim-only). A definition's own `max` (a simulator limit) is lower still.
 */
const KAFKA_INT_KEYS: ReadonlySet<string> = new Set([
  'min.insync.replicas',
  'default.replication.factor',
  'num.partitions',
  'replica.fetch.wait.max.ms',
  'replica.socket.timeout.ms',
  'replica.fetch.backoff.ms',
  'broker.heartbeat.interval.ms',
  'broker.session.timeout.ms',
  'zookeeper.session.timeout.ms',
  'controller.quorum.election.timeout.ms',
  'log.segment.bytes',
  'offsets.topic.num.partitions',
  'group.initial.rebalance.delay.ms',
  'group.min.session.timeout.ms',
  'group.max.session.timeout.ms',
  'segment.bytes',
  'max.message.bytes',
  'batch.size',
  'retries',
  'request.timeout.ms',
  'delivery.timeout.ms',
  'max.in.flight.requests.per.connection',
  'auto.commit.interval.ms',
  'session.timeout.ms',
  'heartbeat.interval.ms',
  'max.poll.interval.ms',
  'max.poll.records',
  'fetch.max.wait.ms',
]);
const KAFKA_SHORT_KEYS: ReadonlySet<string> = new Set(['offsets.topic.replication.factor']);

/** The most an int config may be: its own limit, else its Kafka type's range. */
export function intMax(key: string, max: number | undefined): number {
  if (max !== undefined) return max;
  if (KAFKA_SHORT_KEYS.has(key)) return 32767;
  return KAFKA_INT_KEYS.has(key) ? INT_MAX : Number.MAX_SAFE_INTEGER;
}

const DEFINITIONS = [
  // Broker (KRaft combined mode: every broker is also a controller voter)
  {
    scope: 'broker',
    key: 'min.insync.replicas',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 1,
    doc: 'Fewest in-sync replicas for an acks=all write to succeed.',
  },
  {
    scope: 'broker',
    key: 'unclean.leader.election.enable',
    type: bool,
    onChange: 'elect-offline',
    kafkaDefault: false,
    doc: 'Allow an out-of-sync replica to become leader when no ISR member is alive (can lose data).',
  },
  {
    scope: 'broker',
    key: 'default.replication.factor',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 1,
    doc: 'Replication factor for topics created without one.',
  },
  {
    scope: 'broker',
    key: 'num.partitions',
    type: int(1, LIMITS.partitionsPerTopic),
    onChange: 'none',
    kafkaDefault: 1,
    doc: 'Partition count for topics created without one.',
  },
  {
    scope: 'broker',
    key: 'replica.lag.time.max.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 30000,
    doc: 'A follower that has not caught up for this long leaves the ISR.',
  },
  {
    scope: 'broker',
    key: 'replica.fetch.wait.max.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 500,
    doc: 'How long a follower fetch waits at the leader for new data.',
  },
  {
    scope: 'broker',
    key: 'replica.socket.timeout.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 30000,
    doc: 'A follower gives up on an unanswered fetch after this long and retries.',
  },
  {
    scope: 'broker',
    key: 'replica.fetch.backoff.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 1000,
    doc: 'Pause before a follower retries after a fetch error.',
  },
  {
    scope: 'broker',
    key: 'broker.heartbeat.interval.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 2000,
    doc: 'How often a broker heartbeats to the active controller.',
  },
  {
    scope: 'broker',
    key: 'zookeeper.session.timeout.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 18000,
    doc: 'ZooKeeper mode: a broker whose ZooKeeper session hears nothing for this long is expired, and its /brokers/ids znode goes.',
  },
  {
    scope: 'broker',
    key: 'broker.session.timeout.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 9000,
    doc: 'A broker whose heartbeats stop for this long is fenced by the controller.',
  },
  {
    scope: 'broker',
    key: 'controller.quorum.election.timeout.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 1000,
    doc: 'How long the controller quorum waits before electing a new active controller.',
  },
  {
    scope: 'broker',
    key: 'auto.leader.rebalance.enable',
    type: bool,
    onChange: 'none',
    kafkaDefault: true,
    doc: 'Move leadership back to preferred replicas periodically.',
  },
  {
    scope: 'broker',
    key: 'leader.imbalance.check.interval.seconds',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 300,
    doc: 'How often the controller checks for preferred-leader imbalance.',
  },
  {
    scope: 'broker',
    key: 'log.retention.check.interval.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 300000,
    doc: 'How often brokers look for log segments to delete.',
  },
  {
    scope: 'broker',
    key: 'log.retention.ms',
    type: int(-1),
    onChange: 'none',
    kafkaDefault: 604800000,
    doc: 'Default time retention for topics (-1 = forever).',
  },
  {
    scope: 'broker',
    key: 'log.retention.bytes',
    type: int(-1),
    onChange: 'none',
    kafkaDefault: -1,
    doc: 'Default size retention per partition (-1 = unlimited).',
  },
  {
    scope: 'broker',
    key: 'log.segment.bytes',
    type: int(14),
    onChange: 'none',
    kafkaDefault: 1073741824,
    doc: 'Default segment size.',
  },
  {
    scope: 'broker',
    key: 'log.roll.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 604800000,
    doc: 'Default segment age before a new segment is rolled.',
  },
  {
    scope: 'broker',
    key: 'offsets.topic.num.partitions',
    type: int(1, LIMITS.partitionsPerTopic),
    onChange: 'none',
    kafkaDefault: 50,
    doc: 'Partitions of __consumer_offsets (fixed once created).',
  },
  {
    scope: 'broker',
    key: 'offsets.topic.replication.factor',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 3,
    doc: 'Replication factor of __consumer_offsets.',
  },
  {
    scope: 'broker',
    key: 'group.initial.rebalance.delay.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 3000,
    doc: 'Wait for more members before the first rebalance of an empty group.',
  },
  {
    scope: 'broker',
    key: 'group.min.session.timeout.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 6000,
    doc: 'Smallest session.timeout.ms a consumer may ask for.',
  },
  {
    scope: 'broker',
    key: 'group.max.session.timeout.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 1800000,
    doc: 'Largest session.timeout.ms a consumer may ask for.',
  },
  {
    scope: 'broker',
    key: 'auto.create.topics.enable',
    type: bool,
    onChange: 'none',
    kafkaDefault: true,
    doc: 'Create a topic when a client asks for metadata of an unknown one.',
  },

  // Topic (each falls back to the broker's log.* / default when unset)
  {
    scope: 'topic',
    key: 'min.insync.replicas',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 1,
    brokerFallback: 'min.insync.replicas',
    doc: 'Fewest in-sync replicas for an acks=all write to succeed.',
  },
  {
    scope: 'topic',
    key: 'unclean.leader.election.enable',
    type: bool,
    onChange: 'elect-offline',
    kafkaDefault: false,
    brokerFallback: 'unclean.leader.election.enable',
    doc: 'Allow an out-of-sync replica to become leader (can lose data).',
  },
  {
    scope: 'topic',
    key: 'retention.ms',
    type: int(-1),
    onChange: 'none',
    kafkaDefault: 604800000,
    brokerFallback: 'log.retention.ms',
    doc: 'Delete segments whose newest record is older than this (-1 = forever).',
  },
  {
    scope: 'topic',
    key: 'retention.bytes',
    type: int(-1),
    onChange: 'none',
    kafkaDefault: -1,
    brokerFallback: 'log.retention.bytes',
    doc: 'Delete oldest segments while the partition is bigger than this (-1 = unlimited).',
  },
  {
    scope: 'topic',
    key: 'segment.bytes',
    type: int(14),
    onChange: 'none',
    kafkaDefault: 1073741824,
    brokerFallback: 'log.segment.bytes',
    doc: 'Roll a new segment when the active one reaches this size.',
  },
  {
    scope: 'topic',
    key: 'segment.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 604800000,
    brokerFallback: 'log.roll.ms',
    doc: 'Roll a new segment when the active one is this old.',
  },
  {
    scope: 'topic',
    key: 'cleanup.policy',
    type: oneOf('delete'),
    onChange: 'none',
    kafkaDefault: 'delete',
    doc: 'What happens to old segments. The simulator models "delete" (compaction is not modelled).',
  },
  {
    scope: 'topic',
    key: 'max.message.bytes',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 1048588,
    doc: 'Largest record batch the topic accepts.',
  },

  // Producer
  {
    scope: 'producer',
    key: 'acks',
    type: oneOf('0', '1', 'all', '-1'),
    onChange: 'none',
    kafkaDefault: 'all',
    doc: 'How many replicas must have a write before it is acknowledged.',
  },
  {
    scope: 'producer',
    key: 'enable.idempotence',
    type: bool,
    onChange: 'revalidate',
    kafkaDefault: true,
    doc: 'Producer id and sequence numbers so the broker drops retried duplicates.',
  },
  {
    scope: 'producer',
    key: 'linger.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 5,
    doc: 'Wait this long for more records before sending a batch.',
  },
  {
    scope: 'producer',
    key: 'batch.size',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 16384,
    doc: 'Bytes per partition batch; a full batch is sent at once.',
  },
  {
    scope: 'producer',
    key: 'retries',
    type: int(0, INT_MAX),
    onChange: 'none',
    kafkaDefault: INT_MAX,
    doc: 'How many times to retry a failed batch (bounded by delivery.timeout.ms).',
  },
  {
    scope: 'producer',
    key: 'retry.backoff.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 100,
    doc: 'First pause before a retry; doubles per attempt.',
  },
  {
    scope: 'producer',
    key: 'retry.backoff.max.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 1000,
    doc: 'Longest pause before a retry.',
  },
  {
    scope: 'producer',
    key: 'request.timeout.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 30000,
    doc: 'How long to wait for a produce response.',
  },
  {
    scope: 'producer',
    key: 'delivery.timeout.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 120000,
    doc: 'Total time a record may take from send() to success or failure.',
  },
  {
    scope: 'producer',
    key: 'max.in.flight.requests.per.connection',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 5,
    doc: 'Unacknowledged requests per broker connection.',
  },
  {
    scope: 'producer',
    key: 'reconnect.backoff.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 50,
    doc: 'Pause before reconnecting to a broker whose connection closed; doubles per failure.',
  },
  {
    scope: 'producer',
    key: 'reconnect.backoff.max.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 1000,
    doc: 'Longest pause before reconnecting to a broker.',
  },
  {
    scope: 'producer',
    key: 'socket.connection.setup.timeout.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 10000,
    doc: 'How long a new connection may take to open; doubles per failed attempt.',
  },
  {
    scope: 'producer',
    key: 'socket.connection.setup.timeout.max.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 30000,
    doc: 'Longest time a new connection may take to open.',
  },
  {
    scope: 'producer',
    key: 'max.block.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 60000,
    doc: 'How long send() waits for metadata before giving up.',
  },
  {
    scope: 'producer',
    key: 'partitioner',
    type: oneOf('default', 'round-robin'),
    onChange: 'none',
    kafkaDefault: 'default',
    doc: 'default = key hash, or the built-in sticky partitioner for null keys; round-robin = RoundRobinPartitioner.',
  },
  {
    scope: 'producer',
    key: 'partitioner.ignore.keys',
    type: bool,
    onChange: 'none',
    kafkaDefault: false,
    doc: 'Use the sticky partitioner even for keyed records.',
  },
  {
    scope: 'producer',
    key: 'partitioner.adaptive.partitioning.enable',
    type: bool,
    onChange: 'none',
    kafkaDefault: true,
    doc: 'Send more to partitions whose brokers drain faster.',
  },
  {
    scope: 'producer',
    key: 'metadata.max.age.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 300000,
    doc: 'Refresh metadata at least this often.',
  },

  // Consumer (group-level settings are the group's consumers' settings)
  {
    scope: 'consumer',
    key: 'partition.assignment.strategy',
    type: oneOf('range', 'roundrobin', 'sticky', 'cooperative-sticky'),
    onChange: 'rejoin',
    kafkaDefault: 'range',
    doc: 'The assignor. Kafka default is [range, cooperative-sticky], which runs range (eager).',
  },
  {
    scope: 'consumer',
    key: 'auto.offset.reset',
    type: oneOf('earliest', 'latest', 'none'),
    onChange: 'none',
    kafkaDefault: 'latest',
    doc: 'Where to start when the group has no committed offset.',
  },
  {
    scope: 'consumer',
    key: 'enable.auto.commit',
    type: bool,
    onChange: 'none',
    kafkaDefault: true,
    doc: 'Commit positions in the background every auto.commit.interval.ms.',
  },
  {
    scope: 'consumer',
    key: 'auto.commit.interval.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 5000,
    doc: 'How often auto-commit runs.',
  },
  {
    scope: 'consumer',
    key: 'session.timeout.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 45000,
    doc: 'The coordinator removes a member whose heartbeats stop for this long.',
  },
  {
    scope: 'consumer',
    key: 'heartbeat.interval.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 3000,
    doc: 'How often a member heartbeats to the coordinator.',
  },
  {
    scope: 'consumer',
    key: 'max.poll.interval.ms',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 300000,
    doc: 'Rebalance timeout: how long the group waits for members to rejoin.',
  },
  {
    scope: 'consumer',
    key: 'max.poll.records',
    type: int(1),
    onChange: 'none',
    kafkaDefault: 500,
    doc: 'Most records one poll returns.',
  },
  {
    scope: 'consumer',
    key: 'fetch.max.wait.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 500,
    doc: 'How long a fetch waits at the broker for new data.',
  },
  {
    scope: 'consumer',
    key: 'isolation.level',
    type: oneOf('read_uncommitted'),
    onChange: 'none',
    kafkaDefault: 'read_uncommitted',
    doc: 'read_uncommitted reads up to the high watermark (transactions are not modelled).',
  },
  {
    scope: 'consumer',
    key: 'retry.backoff.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 100,
    doc: 'Pause before retrying a failed request.',
  },
  {
    scope: 'consumer',
    key: 'request.timeout.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 30000,
    doc: 'How long to wait for a response before giving up on a request.',
  },
  {
    scope: 'consumer',
    key: 'metadata.max.age.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 300000,
    doc: 'Refresh metadata at least this often.',
  },
  {
    scope: 'consumer',
    key: 'sim.processing.ms',
    type: int(0),
    onChange: 'none',
    kafkaDefault: 0,
    simOnly: true,
    doc: 'Sim-only: time the application spends per record, so a slow consumer builds lag.',
  },
] as const satisfies readonly ConfigDefinition[];

/** Every config definition (the list is typed loosely for callers; keys are typed below). */
export const CONFIG_DEFINITIONS: readonly ConfigDefinition[] = DEFINITIONS;

type Definition = (typeof DEFINITIONS)[number];
type OfScope<S extends ConfigScope> = Extract<Definition, { scope: S }>;

/** The keys of scope S: a misspelt key is a compile error where a key of S is expected. */
export type ConfigKey<S extends ConfigScope> = OfScope<S>['key'];
/** Keys of scope S whose values are whole numbers. */
export type IntKey<S extends ConfigScope> = Extract<OfScope<S>, { type: { kind: 'int' } }>['key'];
/** Keys of scope S whose values are true or false. */
export type BoolKey<S extends ConfigScope> = Extract<OfScope<S>, { type: { kind: 'bool' } }>['key'];
/** Keys of scope S whose values are one of a list. */
export type EnumKey<S extends ConfigScope> = Extract<OfScope<S>, { type: { kind: 'enum' } }>['key'];
/** The values enum config K may take (enum keys are unique across scopes). */
export type EnumValue<K extends string> = Extract<
  Definition,
  { key: K; type: { kind: 'enum' } }
>['type']['values'][number];

/** Sim-only network settings per preset (not Kafka configs). */
export interface NetworkSettings {
  latencyMs: number;
  jitterMs: number;
}

const byScopeAndKey = new Map(CONFIG_DEFINITIONS.map((d) => [`${d.scope}:${d.key}`, d]));

export function findConfigDefinition(
  scope: ConfigScope,
  key: string,
): ConfigDefinition | undefined {
  return byScopeAndKey.get(`${scope}:${key}`);
}

export function definitionsFor(scope: ConfigScope): ConfigDefinition[] {
  return CONFIG_DEFINITIONS.filter((d) => d.scope === scope);
}
