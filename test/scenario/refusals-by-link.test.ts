// Every refusal reached through a shared link names its field (issue 16): each case the
// reliability probe found accepted, or refused with a message that named nothing, is loaded
// through the app's link loader (decodeScenarioFromUrl) and the page's own wording (errorLine),
// in English and Chinese; the message must name the field path and the value's rule.
import * as lzModule from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeScenarioFromUrl } from '../../src/scenario';
import { errorLine } from '../../src/i18n/describe';
import { createI18n } from '../../src/i18n';

const lz: typeof lzModule =
  (lzModule as unknown as { default?: typeof lzModule }).default ?? lzModule;

const base = () => ({
  version: 1,
  seed: 1,
  cluster: { brokers: 3 } as Record<string, unknown>,
  topics: [{ name: 't', partitions: 3, replicationFactor: 3 }] as Record<string, unknown>[],
  producers: [{ id: 'p', topic: 't', ratePerSec: 5 }] as Record<string, unknown>[],
  groups: [{ id: 'g', topics: ['t'], consumers: 1 }],
});

type Case = [name: string, json: () => string, field: string];

const json = (edit: (s: ReturnType<typeof base> & Record<string, unknown>) => void) => () => {
  const s = base() as ReturnType<typeof base> & Record<string, unknown>;
  edit(s);
  return JSON.stringify(s);
};

const REFUSED_BY_LINK: Case[] = [
  ['cluster.brokers 0', json((s) => (s.cluster.brokers = 0)), 'cluster.brokers'],
  ['latencyMs 1e308', json((s) => (s.network = { latencyMs: 1e308 })), 'network.latencyMs'],
  ['jitterMs 1e12', json((s) => (s.network = { jitterMs: 1e12 })), 'network.jitterMs'],
  [
    'an id of 100,000 characters',
    json((s) => (s.producers[0].id = 'x'.repeat(100_000))),
    'producers[0].id',
  ],
  [
    'min.insync.replicas 1e21',
    json((s) => (s.topics[0].config = { 'min.insync.replicas': 1e21 })),
    'topics[0].config.min.insync.replicas',
  ],
  [
    'retention.ms 1e21',
    json((s) => (s.topics[0].config = { 'retention.ms': 1e21 })),
    'topics[0].config.retention.ms',
  ],
  [
    'linger.ms 1e21',
    json((s) => (s.producers[0].config = { 'linger.ms': 1e21 })),
    'producers[0].config.linger.ms',
  ],
  [
    'min.insync.replicas 2^31 (an INT in Kafka: 32-bit)',
    json((s) => (s.topics[0].config = { 'min.insync.replicas': 2 ** 31 })),
    'topics[0].config.min.insync.replicas',
  ],
  [
    'a config value "0x2"',
    json((s) => (s.topics[0].config = { 'min.insync.replicas': '0x2' })),
    'topics[0].config.min.insync.replicas',
  ],
  [
    'a __proto__ key inside a config map',
    () =>
      JSON.stringify(base()).replace(
        '"ratePerSec":5',
        '"ratePerSec":5,"config":{"__proto__":{"acks":"0"}}',
      ),
    'producers[0].config.__proto__',
  ],
  [
    'duplicate createTopic actions',
    json(
      (s) =>
        (s.actions = [
          { at: 100, type: 'createTopic', name: 'u', partitions: 1, replicationFactor: 1 },
          { at: 200, type: 'createTopic', name: 'u', partitions: 1, replicationFactor: 1 },
        ]),
    ),
    'actions[1]',
  ],
  [
    'duplicate addProducer actions',
    json(
      (s) =>
        (s.actions = [
          { at: 100, type: 'addProducer', id: 'q', topic: 't', ratePerSec: 1 },
          { at: 200, type: 'addProducer', id: 'q', topic: 't', ratePerSec: 1 },
        ]),
    ),
    'actions[1]',
  ],
  [
    'replication factor 9 on 3 brokers',
    json((s) => (s.topics[0].replicationFactor = 9)),
    'topics[0].replicationFactor',
  ],
];

const fragment = (text: string) => `scenario=${lz.compressToEncodedURIComponent(text)}`;

describe('refusals through a shared link name their field', () => {
  it.each(REFUSED_BY_LINK)('%s', async (_name, text, field) => {
    const result = decodeScenarioFromUrl(fragment(text()));
    expect(result.ok, 'the link was accepted').toBe(false);
    if (result.ok) return;
    for (const language of ['en', 'zh-CN'] as const) {
      const i18n = await createI18n(language);
      const lines = result.errors.map((e) => errorLine(e, i18n.t.bind(i18n)));
      expect(
        lines.some((l) => l.includes(field)),
        `${language}: ${lines.join(' | ')}`,
      ).toBe(true);
    }
  });

  it("accepts the largest values of Kafka's types (INT 2^31-1, LONG beyond it)", () => {
    const s = base() as ReturnType<typeof base> & Record<string, unknown>;
    s.topics[0].config = { 'retention.ms': 2 ** 40, 'max.message.bytes': 2 ** 31 - 1 };
    expect(decodeScenarioFromUrl(fragment(JSON.stringify(s))).ok).toBe(true);
  });

  it('names every problem at once: a shape error and a config value in the same link', () => {
    const s = base() as ReturnType<typeof base> & Record<string, unknown>;
    s.network = { latencyMs: 1e308 };
    s.topics[0].config = { 'min.insync.replicas': '0x2' };
    const result = decodeScenarioFromUrl(fragment(JSON.stringify(s)));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.field)).toEqual([
        'network.latencyMs',
        'topics[0].config.min.insync.replicas',
      ]);
  });
});
