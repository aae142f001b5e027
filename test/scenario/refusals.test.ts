// A shared link that cannot load says, in the page's language, every reason and the field each
// one is about: never only "A value is not valid." and never only the first error. Each case is
// one the reliability probe found refused vaguely (or accepted) through the URL.
import { describe, expect, it } from 'vitest';
import type { Scenario, TimedCommand } from '../../src/engine';
import { CATALOGUES, createI18n } from '../../src/i18n';
import { errorLine } from '../../src/i18n/describe';
import { RULE_KEYS, ruleText } from '../../src/scenario/rules';
import { decodeScenarioFromUrl, encodeScenarioForUrl } from '../../src/scenario/url';

const base = (): Scenario => ({
  version: 1,
  seed: 7,
  cluster: { brokers: 3 },
  topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
  producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 2 }],
  groups: [{ id: 'billing', topics: ['orders'], consumers: 2 }],
});

const at = (ms: number, command: Record<string, unknown>) =>
  ({ at: ms, ...command }) as unknown as TimedCommand;

/** A broken scenario, and the field paths its refusal must name. */
const CASES: { name: string; scenario: () => unknown; fields: string[] }[] = [
  {
    name: 'no brokers',
    scenario: () => ({ ...base(), cluster: { brokers: 0 } }),
    fields: ['cluster.brokers'],
  },
  {
    name: 'a config number written in hex',
    scenario: () => ({
      ...base(),
      cluster: { brokers: 3, config: { 'min.insync.replicas': '0x2' } },
    }),
    fields: ['cluster.config.min.insync.replicas'],
  },
  {
    name: 'a config number beyond what can be held exactly',
    scenario: () => ({
      ...base(),
      topics: [
        { name: 'orders', partitions: 3, replicationFactor: 3, config: { 'retention.ms': 1e21 } },
      ],
    }),
    fields: ['topics[0].config.retention.ms'],
  },
  {
    name: 'a producer id with a space',
    scenario: () => ({
      ...base(),
      actions: [at(1000, { type: 'addProducer', id: 'my producer', topic: 'orders' })],
    }),
    fields: ['actions[0].id'],
  },
  {
    name: 'an internal topic name',
    scenario: () => ({
      ...base(),
      actions: [
        at(1000, {
          type: 'createTopic',
          name: '__consumer_offsets',
          partitions: 1,
          replicationFactor: 1,
        }),
      ],
    }),
    fields: ['actions[0].name'],
  },
  {
    name: 'a topic created twice',
    scenario: () => ({
      ...base(),
      actions: [
        at(1000, { type: 'createTopic', name: 'orders', partitions: 1, replicationFactor: 1 }),
      ],
    }),
    fields: ['actions[0].name'],
  },
  {
    name: 'a producer added twice',
    scenario: () => ({
      ...base(),
      actions: [at(1000, { type: 'addProducer', id: 'checkout', topic: 'orders' })],
    }),
    fields: ['actions[0].id'],
  },
  {
    name: 'a replication factor above the brokers',
    scenario: () => ({
      ...base(),
      actions: [
        at(1000, { type: 'createTopic', name: 'audit', partitions: 1, replicationFactor: 9 }),
      ],
    }),
    fields: ['actions[0].replicationFactor'],
  },
  {
    name: 'several problems at once',
    scenario: () => ({
      ...base(),
      topics: [{ name: 'orders', partitions: 0, replicationFactr: 3 }],
      producers: [{ id: 'checkout', topic: 'orders', ratePerSec: -1 }],
    }),
    fields: ['topics[0].partitions', 'topics[0].replicationFactr', 'producers[0].ratePerSec'],
  },
];

const en = createI18n('en');
const zh = createI18n('zh-CN');
const GENERIC = [CATALOGUES.en.errors.INVALID_SCENARIO, 'A value is not valid.', '某个值无效。'];

describe('a shared link that cannot load', () => {
  it.each(CASES)(
    '$name: every reason names its field, in both languages',
    ({ scenario, fields }) => {
      const fragment = encodeScenarioForUrl(scenario() as Scenario);
      const result = decodeScenarioFromUrl(fragment);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      for (const t of [en.t.bind(en), zh.t.bind(zh)]) {
        const lines = result.errors.map((e) => errorLine(e, t));
        for (const field of fields) expect(lines.some((line) => line.includes(field))).toBe(true);
        for (const line of lines) {
          expect(GENERIC).not.toContain(line);
          expect(line).not.toContain('{{');
        }
      }
      // The Chinese lines are Chinese, not the engine's English passed through.
      const zhLines = result.errors.map((e) => errorLine(e, zh.t.bind(zh)));
      for (const line of zhLines) expect(line).toMatch(/[\u4e00-\u9fff]/);
    },
  );
});

describe('the rules a field can break', () => {
  it.each(['en', 'zh-CN'] as const)('each has words in %s', (lng) => {
    const rules: Record<string, string> = CATALOGUES[lng].rules;
    expect(RULE_KEYS.filter((key) => !rules[key])).toEqual([]);
  });

  it('say in the English catalogue what the CLI says', () => {
    const params = {
      min: 1,
      max: 9,
      values: '"a", "b"',
      allowed: 'x, y',
      brokers: 3,
      limit: 7,
      total: 8,
      controllers: 5,
    };
    for (const key of RULE_KEYS) expect(en.t(`rules.${key}`, params)).toBe(ruleText(key, params));
  });
});
