// The shape of a scenario file (design.md 3.2) as a zod schema. It checks types, ranges and
// unknown fields only; rules that need the cluster model (replication factor vs brokers, unknown
// topics, broker ids) are the engine's checkScenario, and config values are checked by key in
// config-check.ts. Every leaf carries its rule in plain English ("must be a whole number >= 1"):
// issues.ts turns a failed rule into "<field> <rule>, got <value>".
import { z } from 'zod';
import { ruleText } from './rules';
import { EVENT_BUDGET_PER_INSTANT, LIMITS } from '../engine';
import type {
  Command,
  ConfigMap,
  GroupSpec,
  ProducerSpec,
  Scenario,
  TimedCommand,
  TopicSpec,
} from '../engine';

// ---------------------------------------------------------------------------------------------
// Leaves, each with its rule
// ---------------------------------------------------------------------------------------------

/** The largest seed: the engine folds seeds to 32 bits, so bigger ones would collide. */
export const MAX_SEED = 4294967295;

function wholeNumber(min: number, max?: number) {
  const rule =
    max === undefined
      ? ruleText('wholeNumberAtLeast', { min })
      : ruleText('wholeNumberBetween', { min, max });
  const atLeast = z.int({ error: rule }).min(min, { error: rule });
  return max === undefined ? atLeast : atLeast.max(max, { error: rule });
}

function numberAtLeastZero() {
  const rule = ruleText('numberAtLeastZero');
  return z.number({ error: rule }).min(0, { error: rule });
}

function text(max?: number) {
  const plain = z.string({ error: ruleText('string') });
  return max === undefined
    ? plain
    : plain.max(max, { error: ruleText('limitChars', { limit: max }) });
}

/** A number from `min` to `max` (a simulator limit, src/engine/limits.ts). */
function numberBetween(min: number, max: number) {
  const rule = ruleText('numberBetween', { min, max });
  return z.number({ error: rule }).min(min, { error: rule }).max(max, { error: rule });
}

function nonEmptyText() {
  const rule = ruleText('nonEmptyString');
  return z.string({ error: rule }).min(1, { error: rule });
}

/** The name of something that exists (a topic, client, group or rack): not empty, not long. */
function name() {
  return nonEmptyText().max(LIMITS.nameLength, {
    error: ruleText('limitChars', { limit: LIMITS.nameLength }),
  });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: ruleText('oneOf', { values: values.map((v) => JSON.stringify(v)).join(', ') }),
  });
}

function object<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape, { error: ruleText('object') });
}

function list<T extends z.ZodType>(item: T, rule = ruleText('list')) {
  return z.array(item, { error: rule });
}

// Kafka's own rule for topic names (kafka.common.Topic / Topic.validate).
const TOPIC_NAME_RULE = ruleText('topicName');
const topicName = z
  .string({ error: TOPIC_NAME_RULE })
  .regex(/^[A-Za-z0-9._-]{1,249}$/, { error: TOPIC_NAME_RULE })
  .refine((name) => name !== '.' && name !== '..', { error: TOPIC_NAME_RULE })
  // The engine keeps "__" names for Kafka's internal topics (__consumer_offsets, ...).
  .refine((name) => !name.startsWith('__'), { error: ruleText('reservedTopicName') });

/** The name of a new producer, group or consumer: the characters the engine accepts in ids. */
function newId() {
  return name().regex(/^[a-zA-Z0-9._-]+$/, { error: ruleText('idCharacters') });
}

const configValue = z.union([z.string(), z.number(), z.boolean()], {
  error: ruleText('configValue'),
});

/** Kafka configs by name; each key and value is checked against its definition afterwards. */
const configMap = z.record(z.string(), configValue, {
  error: ruleText('configMap'),
});

const KEYS_RULE = ruleText('keys');
const keys = z
  .array(text(LIMITS.recordChars), { error: KEYS_RULE })
  .min(1, { error: KEYS_RULE })
  .max(LIMITS.keys, { error: ruleText('limitItems', { limit: LIMITS.keys }) })
  .nullable();

const topicList = list(name(), ruleText('listOfTopicNames')).min(1, {
  error: ruleText('atLeastOneTopic'),
});

// ---------------------------------------------------------------------------------------------
// Scenario parts
// ---------------------------------------------------------------------------------------------

const replicaAssignment = list(
  list(wholeNumber(1, LIMITS.brokers), ruleText('listOfBrokerIds')),
  ruleText('assignment'),
);

/** Bytes as a real client sent them, in base64 (record batches, group metadata). */
const base64 = z
  .string({ error: ruleText('base64') })
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, {
    error: ruleText('base64'),
  });

/** A real client's request, in the engine's terms (one shape per request kind served). */
const externalRequest = z.discriminatedUnion(
  'kind',
  [
    object({
      kind: z.literal('metadata'),
      body: object({
        reqId: wholeNumber(0),
        topics: list(name(), ruleText('listOfTopicNames')).nullable(),
        allowAutoTopicCreation: z.boolean({ error: ruleText('boolean') }).optional(),
        clientId: text(255).optional(),
      }),
    }),
    object({
      kind: z.literal('create-topics'),
      body: object({
        reqId: wholeNumber(0),
        // Checked by the controller as a created topic is (a bad one is answered, not refused).
        topics: list(
          object({
            name: text(249),
            partitions: z.int({ error: ruleText('wholeNumberAtLeast', { min: -1 }) }),
            replicationFactor: z.int({ error: ruleText('wholeNumberAtLeast', { min: -1 }) }),
            assignment: list(list(wholeNumber(1))).optional(),
            config: configMap.optional(),
          }),
        ),
        validateOnly: z.boolean({ error: ruleText('boolean') }).optional(),
      }),
    }),
    object({
      kind: z.literal('delete-topics'),
      body: object({ reqId: wholeNumber(0), topics: list(text(249)) }),
    }),
    object({
      kind: z.literal('produce'),
      body: object({
        reqId: wholeNumber(0),
        acks: z.union([z.literal(0), z.literal(1), z.literal(-1)], {
          error: ruleText('oneOf', { values: '0, 1, -1' }),
        }),
        timeoutMs: wholeNumber(0),
        partitions: list(
          object({
            topic: name(),
            partition: wholeNumber(0),
            records: base64,
          }),
        ),
      }),
    }),
    object({
      kind: z.literal('fetch'),
      body: object({
        reqId: wholeNumber(0),
        maxWaitMs: wholeNumber(0),
        partitions: list(
          object({
            topic: name(),
            partition: wholeNumber(0),
            fetchOffset: z.int({ error: ruleText('wholeNumberAtLeast', { min: -1 }) }),
            currentLeaderEpoch: z.int({ error: ruleText('wholeNumberAtLeast', { min: -1 }) }),
          }),
        ),
      }),
    }),
    object({
      kind: z.literal('list-offsets'),
      body: object({
        reqId: wholeNumber(0),
        partitions: list(
          object({
            topic: name(),
            partition: wholeNumber(0),
            timestamp: z.int({ error: ruleText('wholeNumberAtLeast', { min: -2 }) }).min(-2, {
              error: ruleText('wholeNumberAtLeast', { min: -2 }),
            }),
          }),
        ),
      }),
    }),
    object({ kind: z.literal('init-producer-id'), body: object({ reqId: wholeNumber(0) }) }),
    object({
      kind: z.literal('find-coordinator'),
      body: object({ reqId: wholeNumber(0), groupId: text(255) }),
    }),
    object({
      kind: z.literal('join-group'),
      body: object({
        reqId: wholeNumber(0),
        groupId: text(255),
        memberId: text(255),
        sessionTimeoutMs: wholeNumber(0),
        rebalanceTimeoutMs: wholeNumber(0),
        topics: list(name(), ruleText('listOfTopicNames')),
        protocols: list(object({ name: text(255), metadata: base64 })),
      }),
    }),
    object({
      kind: z.literal('sync-group'),
      body: object({
        reqId: wholeNumber(0),
        groupId: text(255),
        generation: z.int({ error: ruleText('wholeNumberAtLeast', { min: -1 }) }),
        memberId: text(255),
        assignments: z.record(z.string(), list(text(255))).nullable(),
        assignmentBytes: z.record(z.string(), base64).optional(),
      }),
    }),
    object({
      kind: z.literal('heartbeat'),
      body: object({
        reqId: wholeNumber(0),
        groupId: text(255),
        generation: z.int({ error: ruleText('wholeNumberAtLeast', { min: -1 }) }),
        memberId: text(255),
      }),
    }),
    object({
      kind: z.literal('leave-group'),
      body: object({ reqId: wholeNumber(0), groupId: text(255), memberId: text(255) }),
    }),
    object({
      kind: z.literal('offset-commit'),
      body: object({
        reqId: wholeNumber(0),
        groupId: text(255),
        generation: z.int({ error: ruleText('wholeNumberAtLeast', { min: -1 }) }),
        memberId: text(255),
        offsets: list(object({ topic: name(), partition: wholeNumber(0), offset: wholeNumber(0) })),
      }),
    }),
    object({ kind: z.literal('list-groups'), body: object({ reqId: wholeNumber(0) }) }),
    object({
      kind: z.literal('describe-groups'),
      body: object({ reqId: wholeNumber(0), groups: list(text(255)) }),
    }),
    object({
      kind: z.literal('offset-fetch'),
      body: object({
        reqId: wholeNumber(0),
        groupId: text(255),
        partitions: list(text(255)).nullable(),
      }),
    }),
  ],
  {
    error: ruleText('oneOf', {
      values:
        '"metadata", "create-topics", "delete-topics", "produce", "fetch", "list-offsets", "init-producer-id", "find-coordinator", "join-group", "sync-group", "heartbeat", "leave-group", "offset-commit", "offset-fetch", "list-groups", "describe-groups"',
    }),
  },
);

const topicFields = {
  name: topicName,
  partitions: wholeNumber(1, LIMITS.partitionsPerTopic),
  replicationFactor: wholeNumber(1, LIMITS.brokers),
  config: configMap.optional(),
  assignment: replicaAssignment.optional(),
};
export const topicSpecSchema = object(topicFields);

const producerFields = {
  id: newId(),
  topic: name(),
  ratePerSec: numberBetween(0, LIMITS.ratePerSec).optional(),
  keys: keys.optional(),
  config: configMap.optional(),
};
export const producerSpecSchema = object(producerFields);

const groupFields = {
  id: newId(),
  topics: topicList,
  config: configMap.optional(),
};
export const groupSpecSchema = object({
  ...groupFields,
  consumers: wholeNumber(0, LIMITS.consumersPerGroup),
});

// ---------------------------------------------------------------------------------------------
// Commands: one strict object per `type`, built twice (plain, and with `at` for actions).
// ---------------------------------------------------------------------------------------------

function commandOptions<Extra extends z.ZodRawShape>(extra: Extra) {
  const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
    object({ ...extra, type: z.literal(type), ...shape });
  const brokerId = { brokerId: wholeNumber(1) };
  const controllerId = { controllerId: wholeNumber(1) };
  const nodeId = { nodeId: wholeNumber(1) };
  const clientId = { clientId: nonEmptyText() };
  const producerId = { producerId: nonEmptyText() };
  const consumerId = { consumerId: nonEmptyText() };
  const conn = { conn: name() };
  return [
    command('addBroker', { rack: name().optional() }),
    command('killBroker', brokerId),
    command('stopBroker', brokerId),
    command('restartBroker', brokerId),
    command('isolateBroker', brokerId),
    command('healBroker', brokerId),
    command('removeBroker', brokerId),
    command('addController', {}),
    command('killController', controllerId),
    command('restartController', controllerId),
    command('isolateController', controllerId),
    command('healController', controllerId),
    command('addZooKeeper', {}),
    command('killZooKeeper', nodeId),
    command('restartZooKeeper', nodeId),
    command('isolateZooKeeper', nodeId),
    command('healZooKeeper', nodeId),
    command('isolateClient', clientId),
    command('healClient', clientId),
    command('createTopic', topicFields),
    command('addPartitions', {
      topic: nonEmptyText(),
      count: wholeNumber(1, LIMITS.partitionsPerTopic),
    }),
    command('deleteTopic', { topic: nonEmptyText() }),
    command('addProducer', producerFields),
    command('removeProducer', producerId),
    command('crashProducer', producerId),
    command('restartProducer', producerId),
    command('pauseProducer', producerId),
    command('resumeProducer', producerId),
    command('updateProducer', {
      ...producerId,
      ratePerSec: numberBetween(0, LIMITS.ratePerSec).optional(),
      keys: keys.optional(),
    }),
    command('produce', {
      ...producerId,
      key: text(LIMITS.recordChars).nullable(),
      value: text(LIMITS.recordChars),
    }),
    command('addGroup', {
      ...groupFields,
      consumers: wholeNumber(0, LIMITS.consumersPerGroup).optional(),
    }),
    command('addConsumer', { groupId: nonEmptyText(), consumerId: newId().optional() }),
    command('killConsumer', consumerId),
    command('closeConsumer', consumerId),
    command('restartConsumer', consumerId),
    command('resetOffsets', {
      groupId: nonEmptyText(),
      topic: nonEmptyText(),
      to: z.union(
        [z.enum(['earliest', 'latest']), z.int().min(0), object({ timestamp: z.number().min(0) })],
        {
          error: ruleText('resetTo'),
        },
      ),
    }),
    command('seek', {
      ...consumerId,
      topic: nonEmptyText(),
      partition: wholeNumber(0, LIMITS.partitionsPerTopic - 1),
      offset: wholeNumber(0),
    }),
    command('setConfig', {
      scope: oneOf(['broker', 'topic', 'producer', 'group', 'consumer']),
      id: z.union([nonEmptyText(), wholeNumber(1)], {
        error: ruleText('setConfigId'),
      }),
      key: nonEmptyText(),
      value: configValue,
    }),
    command('electPreferredLeaders', { topic: nonEmptyText().optional() }),
    command('setDeliveryMode', { topic: nonEmptyText(), mode: oneOf(['queue', 'pubsub']) }),
    // A real client's traffic through the gateway (recorded so that a session replays exactly).
    command('externalConnect', { ...conn, brokerId: wholeNumber(1), clientId: text(255) }),
    command('externalRequest', {
      ...conn,
      request: externalRequest,
      clientId: text(255).optional(),
    }),
    command('externalClose', conn),
  ] as const;
}

/** A command as the UI dispatches it. */
export const commandSchema = z.discriminatedUnion('type', commandOptions({}), {
  error: ruleText('command'),
});

/**
 * A command in a scenario's `actions`: the same, plus `at` (sim ms) and, in a recorded session,
 * `afterSeq` (how many engine events had run when the user gave it).
 */
export const timedCommandSchema = z.discriminatedUnion(
  'type',
  commandOptions({ at: numberAtLeastZero(), afterSeq: wholeNumber(0).optional() }),
  { error: ruleText('timedCommand') },
);

/** Every command type, in the order of the Command type (for messages and suggestions). */
export const COMMAND_TYPES: readonly string[] = commandSchema.options.map(
  (option) => option.shape.type.value,
);

// ---------------------------------------------------------------------------------------------
// The scenario
// ---------------------------------------------------------------------------------------------

export const scenarioSchema = object({
  version: z.literal(1, { error: ruleText('version') }),
  seed: wholeNumber(0, MAX_SEED),
  preset: oneOf(['classroom', 'kafka-defaults']).optional(),
  title: text().optional(),
  description: text().optional(),
  network: object({
    latencyMs: numberBetween(0, LIMITS.latencyMs).optional(),
    jitterMs: wholeNumber(0, LIMITS.jitterMs).optional(),
  }).optional(),
  simulator: object({
    maxEventsPerInstant: wholeNumber(1, EVENT_BUDGET_PER_INSTANT).optional(),
  }).optional(),
  cluster: object({
    brokers: wholeNumber(1, LIMITS.brokers),
    racks: list(name(), ruleText('listOfRacks')).optional(),
    config: configMap.optional(),
    metadata: z
      .discriminatedUnion(
        'mode',
        [
          object({
            mode: z.literal('kraft'),
            controllers: wholeNumber(1, LIMITS.controllers).optional(),
            placement: oneOf(['dedicated', 'combined']).optional(),
          }),
          object({
            mode: z.literal('zookeeper'),
            ensemble: wholeNumber(1, LIMITS.zookeeperNodes).optional(),
          }),
        ],
        { error: ruleText('oneOf', { values: '"kraft", "zookeeper"' }) },
      )
      .optional(),
  }),
  topics: list(topicSpecSchema, ruleText('listOfTopics')).optional(),
  producers: list(producerSpecSchema, ruleText('listOfProducers')).optional(),
  groups: list(groupSpecSchema, ruleText('listOfGroups')).optional(),
  actions: list(timedCommandSchema, ruleText('listOfActions')).optional(),
  playhead: object({ at: numberAtLeastZero(), afterSeq: wholeNumber(0).optional() }).optional(),
});

// ---------------------------------------------------------------------------------------------
// The compiler proves the schema describes exactly the engine's types (both directions), so a
// change to src/engine/types.ts that is not mirrored here fails the type check.
// ---------------------------------------------------------------------------------------------

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

/** @public A compile-time proof, used by nothing at run time. */
export type SchemaMatchesEngineTypes = [
  Assert<Same<z.output<typeof scenarioSchema>, Scenario>>,
  Assert<Same<z.output<typeof topicSpecSchema>, TopicSpec>>,
  Assert<Same<z.output<typeof producerSpecSchema>, ProducerSpec>>,
  Assert<Same<z.output<typeof groupSpecSchema>, GroupSpec>>,
  Assert<Same<z.output<typeof commandSchema>, Command>>,
  Assert<Same<z.output<typeof timedCommandSchema>, TimedCommand>>,
  Assert<Same<z.output<typeof configMap>, ConfigMap>>,
];
