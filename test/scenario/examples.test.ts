// The built-in scenarios: every one is valid, documented and listed; the default scene is the
// one the app promises on first load.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_SCENARIOS,
  DEFAULT_SCENARIO,
  findBuiltinScenario,
  parseScenario,
  parseScenarioText,
} from '../../src/scenario';

const EXAMPLES_DIR = new URL('../../src/scenario/examples/', import.meta.url);
const files = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json'));

describe('example scenarios', () => {
  it('are all listed as built-ins, by file name, default first', () => {
    const ids = BUILTIN_SCENARIOS.map((b) => b.id);
    expect([...ids].sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
    expect(ids[0]).toBe('default');
    expect(ids).toEqual(
      expect.arrayContaining([
        'leader-election',
        'acks-one-loses-data',
        'queue-vs-pubsub',
        'consumer-rebalance',
        'retention',
        'min-insync-replicas',
        'unclean-election',
      ]),
    );
  });

  it.each(files)('%s parses from its text and has a title and a description', (file) => {
    const text = readFileSync(new URL(file, EXAMPLES_DIR), 'utf8');
    const result = parseScenarioText(text);
    expect(result.ok ? [] : result.errors).toEqual([]);
    const scenario = JSON.parse(text);
    expect(scenario.title).toMatch(/\S/);
    expect(scenario.description.length).toBeGreaterThan(80);
  });

  it.each(BUILTIN_SCENARIOS)('built-in $id is the file content, unchanged', ({ id, scenario }) => {
    const text = readFileSync(new URL(`${id}.json`, EXAMPLES_DIR), 'utf8');
    expect(scenario).toEqual(JSON.parse(text));
    expect(findBuiltinScenario(id)).toBe(scenario);
  });

  it('actions only name brokers that exist', () => {
    for (const { id, scenario } of BUILTIN_SCENARIOS) {
      for (const action of scenario.actions ?? []) {
        if ('brokerId' in action) {
          expect(action.brokerId, id).toBeLessThanOrEqual(scenario.cluster.brokers);
        }
      }
    }
  });

  it('the default scene is the promised one', () => {
    const s = DEFAULT_SCENARIO;
    expect(parseScenario(s).ok).toBe(true);
    expect(s.preset).toBe('classroom');
    expect(s.cluster.brokers).toBe(3);
    expect(s.topics).toEqual([
      expect.objectContaining({
        name: 'orders',
        partitions: 3,
        replicationFactor: 3,
        config: expect.objectContaining({ 'min.insync.replicas': 2 }),
      }),
    ]);
    const [checkout] = s.producers ?? [];
    expect(checkout).toMatchObject({ id: 'checkout', topic: 'orders', config: { acks: 'all' } });
    expect(checkout.keys).toEqual(expect.arrayContaining(['alice', 'bob', 'carol', 'dave']));
    expect(checkout.ratePerSec).toBeGreaterThan(0);
    expect(checkout.ratePerSec).toBeLessThanOrEqual(5);
    expect(s.groups?.map((g) => [g.id, g.topics, g.consumers])).toEqual([
      ['billing', ['orders'], 2],
      ['analytics', ['orders'], 1],
    ]);
    expect(s.actions ?? []).toEqual([]);
  });
});
