// Invalid input (design.md 3.1, 3.2): a refused command returns an error that names the problem
// and changes nothing, not even the event log; a scenario that makes no sense is refused by
// createEngine with an EngineInputError whose errors name the field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, EngineInputError } from '../../src/engine';
import type { Command, Engine, EngineError, Scenario } from '../../src/engine';
import { must, scenario } from './helpers';

function cluster(): Scenario {
  return scenario({
    seed: 1,
    cluster: { brokers: 3, config: { 'min.insync.replicas': 2 } },
    topics: [{ name: 't', partitions: 3, replicationFactor: 3 }],
    producers: [
      { id: 'p', topic: 't', ratePerSec: 5, config: { acks: 'all' } },
      { id: 'q', topic: 't', ratePerSec: 5, config: { acks: '1' } },
    ],
    groups: [{ id: 'g', topics: ['t'], consumers: 2 }],
  });
}

function running(): Engine {
  const engine = createEngine(cluster());
  engine.advanceTo(8000);
  engine.drainEvents();
  return engine;
}

/** Dispatch `command`, which must be refused without any change; returns the error. */
function refused(engine: Engine, command: Command): EngineError {
  const before = JSON.stringify(engine.view());
  const saved = JSON.stringify(engine.save());
  const result = engine.dispatch(command);
  expect(result.ok, JSON.stringify(command)).toBe(false);
  expect(JSON.stringify(engine.view())).toBe(before);
  expect(JSON.stringify(engine.save())).toBe(saved);
  expect(engine.drainEvents()).toEqual([]);
  return (result as { ok: false; error: EngineError }).error;
}

// [what is wrong, command, error code, words the message must contain]
const cases: [string, Command, string, string[]][] = [
  ['unknown broker', { type: 'killBroker', brokerId: 9 }, 'UNKNOWN_BROKER', ['9']],
  ['restart of a running broker', { type: 'restartBroker', brokerId: 1 }, 'BROKER_RUNNING', ['1']],
  [
    'heal of a broker that is not isolated',
    { type: 'healBroker', brokerId: 2 },
    'NOT_ISOLATED',
    ['2'],
  ],
  [
    'replication factor above the brokers',
    { type: 'createTopic', name: 'u', partitions: 2, replicationFactor: 4 },
    'INVALID_REPLICATION_FACTOR',
    ['replicationFactor 4', 'live brokers 3'],
  ],
  [
    'a topic that already exists',
    { type: 'createTopic', name: 't', partitions: 1, replicationFactor: 1 },
    'TOPIC_ALREADY_EXISTS',
    ['"t"'],
  ],
  [
    'zero partitions',
    { type: 'createTopic', name: 'u', partitions: 0, replicationFactor: 1 },
    'INVALID_VALUE',
    ['partitions'],
  ],
  [
    'a bad config value',
    { type: 'setConfig', scope: 'producer', id: 'p', key: 'acks', value: 'two' },
    'INVALID_CONFIG',
    ['acks', 'two'],
  ],
  [
    'a config value below its minimum',
    { type: 'setConfig', scope: 'broker', id: 1, key: 'min.insync.replicas', value: 0 },
    'INVALID_CONFIG',
    ['min.insync.replicas'],
  ],
  [
    'an unknown config',
    { type: 'setConfig', scope: 'topic', id: 't', key: 'foo.bar', value: 1 },
    'UNKNOWN_CONFIG',
    ['foo.bar'],
  ],
  [
    'a config for an unknown topic',
    { type: 'setConfig', scope: 'topic', id: 'nope', key: 'retention.ms', value: 5 },
    'UNKNOWN_TOPIC_OR_PARTITION',
    ['nope'],
  ],
  [
    'idempotence on a producer with acks=1',
    { type: 'setConfig', scope: 'producer', id: 'q', key: 'enable.idempotence', value: true },
    'INVALID_CONFIG',
    ['enable.idempotence', 'acks=all'],
  ],
  [
    'unknown consumer',
    { type: 'killConsumer', consumerId: 'nobody' },
    'UNKNOWN_CONSUMER',
    ['nobody'],
  ],
  ['unknown group', { type: 'addConsumer', groupId: 'nope' }, 'UNKNOWN_GROUP', ['nope']],
  [
    'unknown producer',
    { type: 'produce', producerId: 'ghost', key: null, value: 'x' },
    'UNKNOWN_PRODUCER',
    ['ghost'],
  ],
  [
    'a producer id that is taken',
    { type: 'addProducer', id: 'p', topic: 't' },
    'DUPLICATE_ID',
    ['"p"'],
  ],
  [
    'a producer for a topic name Kafka refuses',
    { type: 'addProducer', id: 'r', topic: 'no way' },
    'INVALID_TOPIC',
    ['no way'],
  ],
  [
    'a group reading an unknown topic',
    { type: 'addGroup', id: 'h', topics: ['nope'] },
    'UNKNOWN_TOPIC_OR_PARTITION',
    ['nope'],
  ],
  [
    'an offset reset while the group has members',
    { type: 'resetOffsets', groupId: 'g', topic: 't', to: 'earliest' },
    'NON_EMPTY_GROUP',
    ['"g"'],
  ],
  [
    'an unknown command',
    { type: 'frobnicate' } as unknown as Command,
    'UNKNOWN_COMMAND',
    ['frobnicate'],
  ],
];

describe('an invalid command', () => {
  it.each(cases)('is refused and changes nothing: %s', (_what, command, code, words) => {
    const engine = running();
    const error = refused(engine, command);
    expect(error.code).toBe(code);
    for (const word of words) expect(error.message).toContain(word);
    // The engine carries on as if nothing had been asked.
    engine.advanceTo(9000);
    expect(engine.drainEvents().some((e) => e.type === 'command.applied')).toBe(false);
  });

  it('places a replica on a dead (fenced) broker when it must, as KRaft does, and refuses more replicas than registered brokers', () => {
    // StripedReplicaPlacer uses fenced brokers for followers when the unfenced ones are too few;
    // only the registered broker count bounds the replication factor.
    const engine = running();
    must(engine, { type: 'killBroker', brokerId: 3 });
    engine.advanceTo(20_000);
    engine.drainEvents();
    must(engine, { type: 'createTopic', name: 'u', partitions: 2, replicationFactor: 3 });
    engine.advanceTo(22_000); // the topic exists once the controller quorum has committed it
    const u = engine.view().topics.find((t) => t.name === 'u')!;
    for (const p of u.partitions) {
      expect([...p.replicas].sort()).toEqual([1, 2, 3]);
      expect(p.leader).not.toBe(3);
      expect(p.isr).not.toContain(3);
    }
    engine.drainEvents();
    const error = refused(engine, {
      type: 'createTopic',
      name: 'w',
      partitions: 2,
      replicationFactor: 4,
    });
    expect(error).toMatchObject({ code: 'INVALID_REPLICATION_FACTOR', field: 'replicationFactor' });
  });

  it('leaves the engine on the same trace as an engine that never received it', () => {
    const a = running();
    const b = running();
    refused(a, { type: 'killBroker', brokerId: 9 });
    refused(a, {
      type: 'setConfig',
      scope: 'producer',
      id: 'q',
      key: 'enable.idempotence',
      value: true,
    });
    a.advanceTo(20_000);
    b.advanceTo(20_000);
    expect(JSON.stringify(a.drainEvents())).toBe(JSON.stringify(b.drainEvents()));
  });
});

describe('any command aimed at something that does not exist', () => {
  it('is refused and changes nothing (property)', () => {
    const engine = running();
    const missingBroker = fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 4 }));
    const missingName = fc
      .stringMatching(/^[a-z][a-z0-9-]{0,11}$/)
      .filter((n) => !['p', 'q', 'g', 'g-1', 'g-2', 't'].includes(n));
    const command: fc.Arbitrary<Command> = fc.oneof(
      missingBroker.map((brokerId) => ({ type: 'killBroker' as const, brokerId })),
      missingBroker.map((brokerId) => ({ type: 'isolateBroker' as const, brokerId })),
      missingName.map((consumerId) => ({ type: 'closeConsumer' as const, consumerId })),
      missingName.map((groupId) => ({ type: 'addConsumer' as const, groupId })),
      missingName.map((producerId) => ({
        type: 'produce' as const,
        producerId,
        key: null,
        value: 'x',
      })),
      missingName.map((topic) => ({ type: 'addPartitions' as const, topic, count: 1 })),
    );
    fc.assert(
      fc.property(command, (c) => {
        const error = refused(engine, c);
        expect(error.message.length).toBeGreaterThan(0);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('createEngine with a scenario that makes no sense', () => {
  function errorsOf(change: (s: Scenario) => void): EngineError[] {
    const s = cluster();
    change(s);
    try {
      createEngine(s);
    } catch (e) {
      expect(e).toBeInstanceOf(EngineInputError);
      return (e as EngineInputError).errors;
    }
    throw new Error('createEngine accepted the scenario');
  }

  it.each<[string, (s: Scenario) => void, string]>([
    [
      'replication factor above brokers',
      (s) => (s.topics![0].replicationFactor = 4),
      'topics[0].replicationFactor',
    ],
    ['no brokers', (s) => (s.cluster.brokers = 0), 'cluster.brokers'],
    [
      'a bad producer config',
      (s) => (s.producers![0].config = { acks: 'x' }),
      'producers[0].config.acks',
    ],
    ['a group on an unknown topic', (s) => (s.groups![0].topics = ['nope']), 'groups[0].topics[0]'],
    [
      'a producer on an unknown topic',
      (s) => (s.producers![0].topic = 'nope'),
      'producers[0].topic',
    ],
    [
      'a broker config below its minimum',
      (s) => (s.cluster.config = { 'min.insync.replicas': 0 }),
      'cluster.config.min.insync.replicas',
    ],
    [
      'an unknown topic config',
      (s) => (s.topics![0].config = { 'retention.foo': 1 }),
      'topics[0].config.retention.foo',
    ],
    [
      'a negative action time',
      (s) => (s.actions = [{ at: -5, type: 'killBroker', brokerId: 1 }]),
      'actions[0].at',
    ],
    ['a duplicate topic', (s) => s.topics!.push({ ...s.topics![0] }), 'topics[1].name'],
  ])('throws EngineInputError naming the field: %s', (_what, change, field) => {
    const errors = errorsOf(change);
    expect(errors[0].field).toBe(field);
    expect(errors[0].message).toContain(field);
  });
});
