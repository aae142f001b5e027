// The simulator's limits (src/engine/limits.ts): every value that scales the engine's work is
// refused past its limit, by the scenario parser (zod) and by the engine's own checks (a command
// from the page, a scenario built in code), with an error naming the field and the limit.
import { describe, expect, it } from 'vitest';
import { createEngine, LIMITS } from '../../src/engine';
import type { Command, EngineError, Scenario } from '../../src/engine';
import { parseScenario } from '../../src/scenario';
import { errorLine } from '../../src/i18n/describe';
import { createI18n } from '../../src/i18n';
import { scenario } from './helpers';

const base = (): Scenario =>
  scenario({
    cluster: { brokers: 3 },
    topics: [{ name: 't', partitions: 3, replicationFactor: 3 }],
    producers: [{ id: 'p', topic: 't', ratePerSec: 5 }],
    groups: [{ id: 'g', topics: ['t'], consumers: 1 }],
  });

const long = 'x'.repeat(LIMITS.nameLength + 1);

/** Scenarios one value past a limit, and the field the error must name. */
const scenarioCases: [string, (s: Scenario) => void, string][] = [
  ['brokers', (s) => (s.cluster.brokers = LIMITS.brokers + 1), 'cluster.brokers'],
  ['partitions', (s) => (s.topics![0].partitions = 1e9), 'topics[0].partitions'],
  ['ratePerSec 1e9', (s) => (s.producers![0].ratePerSec = 1e9), 'producers[0].ratePerSec'],
  ['ratePerSec 1e308', (s) => (s.producers![0].ratePerSec = 1e308), 'producers[0].ratePerSec'],
  ['consumers', (s) => (s.groups![0].consumers = 100_000), 'groups[0].consumers'],
  ['latencyMs', (s) => (s.network = { latencyMs: 1e12 }), 'network.latencyMs'],
  ['jitterMs', (s) => (s.network = { jitterMs: 1e9 }), 'network.jitterMs'],
  ['producer id length', (s) => (s.producers![0].id = long), 'producers[0].id'],
  ['group id length', (s) => (s.groups![0].id = long), 'groups[0].id'],
  [
    'keys',
    (s) => (s.producers![0].keys = Array.from({ length: LIMITS.keys + 1 }, (_, i) => `k${i}`)),
    'producers[0].keys',
  ],
  [
    'num.partitions',
    (s) => (s.cluster.config = { 'num.partitions': 100_000 }),
    'cluster.config.num.partitions',
  ],
];

function expectNamed(errors: EngineError[], field: string) {
  const error = errors.find((e) => e.field === field || e.message.startsWith(field));
  expect(error, `${field} in ${JSON.stringify(errors)}`).toBeDefined();
  return error!;
}

describe('simulator limits', () => {
  it.each(scenarioCases)(
    'the parser refuses %s past its limit, naming the field',
    (_n, edit, field) => {
      const s = base();
      edit(s);
      const result = parseScenario(s);
      expect(result.ok).toBe(false);
      if (!result.ok) expectNamed(result.errors, field);
    },
  );

  it.each(scenarioCases)(
    'the engine refuses %s too (a scenario built in code)',
    (_n, edit, field) => {
      const s = base();
      edit(s);
      let errors: EngineError[] = [];
      try {
        createEngine(s);
      } catch (e) {
        errors = (e as { errors: EngineError[] }).errors;
      }
      expectNamed(errors, field);
    },
  );

  it('refuses totals across topics, groups and added consumers', () => {
    const s = base();
    s.topics = [
      { name: 'a', partitions: LIMITS.partitionsPerTopic, replicationFactor: 1 },
      { name: 'b', partitions: 1, replicationFactor: 1 },
    ];
    s.producers = [];
    s.groups = [];
    let errors: EngineError[] = [];
    try {
      createEngine(s);
    } catch (e) {
      errors = (e as { errors: EngineError[] }).errors;
    }
    const e = expectNamed(errors, 'topics[1].partitions');
    expect(e.params).toMatchObject({ ruleKey: 'limitPartitions', limit: LIMITS.partitions });
  });

  const commands: [string, Command, string, Record<string, string | number>][] = [
    [
      'updateProducer 1e9',
      { type: 'updateProducer', producerId: 'p', ratePerSec: 1e9 },
      'ratePerSec',
      { ruleKey: 'limitAtMost' },
    ],
    ['addPartitions 1e9', { type: 'addPartitions', topic: 't', count: 1e9 }, 'count', {}],
    [
      'addGroup 100,000 consumers',
      { type: 'addGroup', id: 'h', topics: ['t'], consumers: 100_000 },
      'consumers',
      {},
    ],
    [
      'createTopic 100,000 partitions',
      { type: 'createTopic', name: 'u', partitions: 100_000, replicationFactor: 1 },
      'partitions',
      {},
    ],
    [
      'addProducer with a long id',
      { type: 'addProducer', id: long, topic: 't' },
      'id',
      { ruleKey: 'limitChars' },
    ],
    [
      'produce a huge value',
      { type: 'produce', producerId: 'p', key: null, value: 'v'.repeat(LIMITS.recordChars + 1) },
      'value',
      {},
    ],
    [
      'setConfig num.partitions',
      { type: 'setConfig', scope: 'broker', id: 'cluster', key: 'num.partitions', value: 1e9 },
      'value',
      {},
    ],
  ];

  it.each(commands)(
    'the engine refuses the command %s, naming %s',
    (_n, command, field, params) => {
      const engine = createEngine(base());
      engine.advanceTo(2000);
      const result = engine.dispatch(command);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.field ?? result.error.message).toContain(field);
      expect(result.error.params).toMatchObject(params);
    },
  );

  it('adds brokers up to the limit and no more', () => {
    const s = base();
    s.cluster.brokers = LIMITS.brokers;
    const engine = createEngine(s);
    const result = engine.dispatch({ type: 'addBroker' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.params).toMatchObject({
        ruleKey: 'limitBrokers',
        total: LIMITS.brokers + 1,
      });
  });

  it('says each limit in both languages', () => {
    const engine = createEngine(base());
    const result = engine.dispatch({ type: 'updateProducer', producerId: 'p', ratePerSec: 1e9 });
    if (result.ok) throw new Error('accepted');
    expect(errorLine(result.error, createI18n('en').t)).toContain(`at most ${LIMITS.ratePerSec}`);
    expect(errorLine(result.error, createI18n('zh-CN').t)).toContain(
      `不能大于 ${LIMITS.ratePerSec}`,
    );
  });
});
