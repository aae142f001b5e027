// Every kind of bad input gets an error that names the field and the rule, in plain English.
import { describe, expect, it } from 'vitest';
import type { EngineError } from '../../src/engine';
import { parseScenario } from '../../src/scenario';

const base = () => ({
  version: 1,
  seed: 7,
  preset: 'classroom',
  cluster: { brokers: 3, config: { 'min.insync.replicas': 2 } },
  topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
  producers: [
    {
      id: 'checkout',
      topic: 'orders',
      ratePerSec: 4,
      keys: ['alice', 'bob'],
      config: { acks: 'all' },
    },
  ],
  groups: [{ id: 'billing', topics: ['orders'], consumers: 2 }],
  actions: [{ at: 8000, type: 'killBroker', brokerId: 2 }],
});

function errorsOf(input: unknown): EngineError[] {
  const result = parseScenario(input);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.errors;
}

/** The single error for `field`, which must exist. */
function errorFor(input: unknown, field: string): EngineError {
  const errors = errorsOf(input);
  const found = errors.filter((e) => e.field === field);
  expect(found, JSON.stringify(errors, null, 2)).toHaveLength(1);
  return found[0];
}

describe('parseScenario accepts', () => {
  it('the minimal scenario of design.md 3.2', () => {
    const result = parseScenario(base());
    expect(result).toEqual({ ok: true, scenario: base() });
  });

  it('every command type in actions', () => {
    const s = base();
    const actions = [
      { type: 'addBroker', rack: 'r1' },
      { type: 'killBroker', brokerId: 1 },
      { type: 'stopBroker', brokerId: 1 },
      { type: 'restartBroker', brokerId: 1 },
      { type: 'isolateBroker', brokerId: 2 },
      { type: 'healBroker', brokerId: 2 },
      { type: 'isolateClient', clientId: 'checkout' },
      { type: 'healClient', clientId: 'checkout' },
      {
        type: 'createTopic',
        name: 'audit',
        partitions: 1,
        replicationFactor: 1,
        config: { 'retention.ms': 1000 },
      },
      { type: 'addPartitions', topic: 'orders', count: 4 },
      {
        type: 'addProducer',
        id: 'p2',
        topic: 'orders',
        ratePerSec: 1,
        keys: null,
        config: { acks: '1' },
      },
      { type: 'pauseProducer', producerId: 'p2' },
      { type: 'resumeProducer', producerId: 'p2' },
      { type: 'updateProducer', producerId: 'p2', ratePerSec: 2, keys: ['k'] },
      { type: 'produce', producerId: 'p2', key: null, value: 'hello' },
      { type: 'removeProducer', producerId: 'p2' },
      {
        type: 'addGroup',
        id: 'g2',
        topics: ['orders'],
        config: { 'auto.offset.reset': 'earliest' },
      },
      { type: 'addConsumer', groupId: 'g2', consumerId: 'g2-a' },
      { type: 'addConsumer', groupId: 'g2' },
      { type: 'killConsumer', consumerId: 'g2-a' },
      { type: 'restartConsumer', consumerId: 'g2-a' },
      { type: 'closeConsumer', consumerId: 'g2-a' },
      { type: 'resetOffsets', groupId: 'g2', topic: 'orders', to: 'earliest' },
      { type: 'resetOffsets', groupId: 'g2', topic: 'orders', to: 0 },
      { type: 'setConfig', scope: 'broker', id: 1, key: 'min.insync.replicas', value: 1 },
      { type: 'setConfig', scope: 'topic', id: 'orders', key: 'retention.ms', value: '60000' },
      { type: 'setConfig', scope: 'group', id: 'g2', key: 'session.timeout.ms', value: 6000 },
      { type: 'electPreferredLeaders' },
      { type: 'electPreferredLeaders', topic: 'orders' },
      { type: 'setDeliveryMode', topic: 'orders', mode: 'pubsub' },
    ].map((command, i) => ({ at: 1000 + i, ...command }));
    const result = parseScenario({ ...s, actions });
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('parseScenario names the field and the rule', () => {
  it('wrong type', () => {
    const s = base();
    (s.producers[0] as Record<string, unknown>).ratePerSec = 'fast';
    expect(errorFor(s, 'producers[0].ratePerSec').message).toBe(
      'producers[0].ratePerSec must be a number from 0 to 1000, got "fast"',
    );
  });

  it('a number out of range', () => {
    const s = base();
    s.cluster.brokers = 0;
    expect(errorFor(s, 'cluster.brokers').message).toBe(
      'cluster.brokers must be a whole number from 1 to 100, got 0',
    );
  });

  it('a fraction where a whole number is needed', () => {
    const s = base();
    s.groups[0].consumers = 1.5;
    expect(errorFor(s, 'groups[0].consumers').message).toBe(
      'groups[0].consumers must be a whole number from 0 to 400, got 1.5',
    );
  });

  it('missing required field', () => {
    const s = base() as Record<string, unknown>;
    delete (s.topics as Record<string, unknown>[])[0].replicationFactor;
    const error = errorFor(s, 'topics[0].replicationFactor');
    expect(error.code).toBe('MISSING_FIELD');
    expect(error.message).toBe(
      'topics[0].replicationFactor is required and must be a whole number from 1 to 100',
    );
  });

  it('missing top-level field', () => {
    const s = base() as Record<string, unknown>;
    delete s.cluster;
    expect(errorFor(s, 'cluster').message).toBe('cluster is required and must be an object');
  });

  it('unknown field, with the likely intended name', () => {
    const s = base();
    const topic = s.topics[0] as Record<string, unknown>;
    topic.replicationFactr = topic.replicationFactor;
    delete topic.replicationFactor;
    const errors = errorsOf(s);
    const unknown = errors.find((e) => e.field === 'topics[0].replicationFactr');
    expect(unknown?.code).toBe('UNKNOWN_FIELD');
    expect(unknown?.message).toBe(
      'topics[0].replicationFactr is not a known field (did you mean "replicationFactor"?)',
    );
  });

  it('unknown field without a close match lists the known ones', () => {
    const s = { ...base(), colour: 'blue' };
    expect(errorFor(s, 'colour').message).toMatch(
      /^colour is not a known field; known fields here: version, seed, preset, .*actions, playhead$/,
    );
  });

  it('unknown field inside a command', () => {
    const s = base();
    s.actions = [{ at: 100, type: 'killBroker', brokerID: 2 } as never];
    expect(errorFor(s, 'actions[0].brokerID').message).toBe(
      'actions[0].brokerID is not a known field (did you mean "brokerId"?)',
    );
    expect(errorFor(s, 'actions[0].brokerId').code).toBe('MISSING_FIELD');
  });

  it('version other than 1', () => {
    expect(errorFor({ ...base(), version: 2 }, 'version').message).toMatch(
      /^version must be 1\b.*, got 2$/,
    );
  });

  it('enum value', () => {
    expect(errorFor({ ...base(), preset: 'slow' }, 'preset').message).toBe(
      'preset must be one of "classroom", "kafka-defaults", got "slow"',
    );
  });

  it('a topic name Kafka would refuse', () => {
    const s = base();
    s.topics[0].name = 'my orders';
    expect(errorFor(s, 'topics[0].name').message).toMatch(
      /^topics\[0\]\.name must be .*letters, digits.*, got "my orders"$/,
    );
  });

  it('an empty key list', () => {
    const s = base();
    s.producers[0].keys = [];
    expect(errorFor(s, 'producers[0].keys').message).toBe(
      'producers[0].keys must be null or a list of at least one key (strings), got an empty list',
    );
  });

  it('bad config key, with a suggestion', () => {
    const s = base();
    (s.producers[0].config as Record<string, unknown>) = { ack: 'all' };
    const error = errorFor(s, 'producers[0].config.ack');
    expect(error.code).toBe('UNKNOWN_CONFIG');
    expect(error.message).toBe(
      'producers[0].config.ack is not a known producer config (did you mean "acks"?)',
    );
  });

  it('config key of another scope says where it belongs', () => {
    const s = base();
    (s.topics[0] as Record<string, unknown>).config = { acks: 'all' };
    expect(errorFor(s, 'topics[0].config.acks').message).toBe(
      'topics[0].config.acks is not a known topic config: it is a producer config, set in producers[].config',
    );
  });

  it('bad config value', () => {
    const s = base();
    s.producers[0].config = { acks: 'fast' };
    const error = errorFor(s, 'producers[0].config.acks');
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.message).toMatch(
      /^producers\[0\]\.config\.acks: acks must be one of .*got "fast"$/,
    );
  });

  it('bad config value in each scope, by path', () => {
    const s = base() as Record<string, unknown> & ReturnType<typeof base>;
    s.cluster.config = { 'min.insync.replicas': 0 };
    (s.topics[0] as Record<string, unknown>).config = { 'retention.ms': 'soon' };
    (s.groups[0] as Record<string, unknown>).config = { 'auto.offset.reset': 'start' };
    const fields = errorsOf(s).map((e) => e.field);
    expect(fields).toEqual([
      'cluster.config.min.insync.replicas',
      'topics[0].config.retention.ms',
      'groups[0].config.auto.offset.reset',
    ]);
  });

  it('config value of the wrong JSON type', () => {
    const s = base();
    s.producers[0].config = { acks: null } as never;
    expect(errorFor(s, 'producers[0].config.acks').message).toBe(
      'producers[0].config.acks must be a string, a number or true/false, got null',
    );
  });

  it('setConfig in actions: key and value checked for the scope', () => {
    const s = base();
    s.actions = [
      {
        at: 1,
        type: 'setConfig',
        scope: 'group',
        id: 'billing',
        key: 'sesion.timeout.ms',
        value: 1,
      },
      {
        at: 2,
        type: 'setConfig',
        scope: 'broker',
        id: 1,
        key: 'min.insync.replicas',
        value: 'two',
      },
    ] as never;
    expect(errorFor(s, 'actions[0].key').message).toBe(
      'actions[0].key "sesion.timeout.ms" is not a known consumer config (did you mean "session.timeout.ms"?)',
    );
    expect(errorFor(s, 'actions[1].value').message).toMatch(
      /^actions\[1\]\.value: min\.insync\.replicas must be a whole number, got "two"$/,
    );
  });

  it('unknown command type, with a suggestion', () => {
    const s = base();
    s.actions = [{ at: 5, type: 'killBrokr', brokerId: 2 } as never];
    const error = errorFor(s, 'actions[0].type');
    expect(error.code).toBe('UNKNOWN_COMMAND');
    expect(error.message).toBe(
      'actions[0].type "killBrokr" is not a command; did you mean "killBroker"?',
    );
  });

  it('unknown command type without a close match lists the commands', () => {
    const s = base();
    s.actions = [{ at: 5, type: 'explode' } as never];
    expect(errorFor(s, 'actions[0].type').message).toMatch(
      /^actions\[0\]\.type "explode" is not a command; expected one of addBroker, killBroker, .*setDeliveryMode, externalConnect, externalRequest, externalClose$/,
    );
  });

  it("a real client's request of a kind the engine does not serve names the kind", () => {
    const s = base();
    s.actions = [
      {
        at: 5,
        type: 'externalRequest',
        conn: 'c1',
        request: { kind: 'explode', body: {} },
      } as never,
    ];
    expect(errorFor(s, 'actions[0].request.kind').message).toMatch(/"explode" .*metadata/);
  });

  it('negative at', () => {
    const s = base();
    s.actions[0].at = -5;
    expect(errorFor(s, 'actions[0].at').message).toBe(
      'actions[0].at must be a number >= 0, got -5',
    );
  });

  it('an action that is not an object', () => {
    const s = base();
    s.actions = [42 as never];
    expect(errorFor(s, 'actions[0]').message).toMatch(
      /^actions\[0\] must be a command object .*, got 42$/,
    );
  });

  it('a scenario that is not an object', () => {
    expect(errorsOf([1, 2]).map((e) => e.message)).toEqual([
      'the scenario must be an object, got a list',
    ]);
    expect(errorsOf(null)[0].message).toBe('the scenario must be an object, got null');
  });

  it('reports every shape error at once, in document order', () => {
    const s = base() as Record<string, unknown>;
    s.seed = -1;
    s.cluster = { brokers: 'three' };
    s.actions = [{ at: -1, type: 'killBroker', brokerId: 0 }];
    expect(errorsOf(s).map((e) => e.field)).toEqual([
      'seed',
      'cluster.brokers',
      'actions[0].at',
      'actions[0].brokerId',
    ]);
  });

  it('never throws, whatever the input', () => {
    for (const input of [undefined, 0, 'x', true, {}, { version: 1 }, { cluster: [] }]) {
      expect(parseScenario(input).ok).toBe(false);
    }
  });
});

// These rules need the cluster model: the engine's checkScenario (src/engine/engine.ts) owns
// them. They fail while the engine is a placeholder.
describe('rules that need the cluster model (engine checkScenario)', () => {
  it('replication factor larger than the cluster', () => {
    const s = base();
    s.topics[0].replicationFactor = 4;
    const error = errorFor(s, 'topics[0].replicationFactor');
    expect(error.message).toMatch(/topics\[0\]\.replicationFactor 4 exceeds .*3/);
  });

  it('a producer writing to an unknown topic', () => {
    const s = base();
    s.producers[0].topic = 'ordres';
    expect(errorFor(s, 'producers[0].topic').message).toMatch(/ordres/);
  });

  it('a group reading an unknown topic', () => {
    const s = base();
    s.groups[0].topics = ['orders', 'refunds'];
    const error = errorsOf(s).find((e) => e.field?.startsWith('groups[0].topics'));
    expect(error?.message).toMatch(/refunds/);
  });

  it('an action naming a broker that does not exist', () => {
    const s = base();
    s.actions[0].brokerId = 9;
    expect(errorFor(s, 'actions[0].brokerId').message).toMatch(/9/);
  });
});
