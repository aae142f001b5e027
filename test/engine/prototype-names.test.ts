// Names that are also JavaScript object keys (issue 15): Kafka accepts a topic, producer, group
// or consumer called "constructor" or "toString", so the engine must too, and run them. (A topic
// may not be "__proto__" for another reason: the engine keeps "__" names for internal topics.)
import { describe, expect, it } from 'vitest';
import { createEngine, restoreEngine } from '../../src/engine';
import type { Command, Engine } from '../../src/engine';
import { parseScenario } from '../../src/scenario';
import { scenario } from './helpers';

const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];
const TOPIC_NAMES = NAMES.filter((n) => !n.startsWith('__'));

function must(engine: Engine, command: Command) {
  const result = engine.dispatch(command);
  expect(result, JSON.stringify(command)).toEqual({ ok: true });
}

describe('names that are JavaScript object keys', () => {
  it.each(NAMES)(
    'a producer, group and consumer called %s are created by command and run',
    (name) => {
      const engine = createEngine(
        scenario({
          cluster: { brokers: 3 },
          topics: [{ name: 't', partitions: 2, replicationFactor: 3 }],
        }),
      );
      engine.advanceTo(1000);
      must(engine, { type: 'addProducer', id: name, topic: 't', ratePerSec: 20 });
      must(engine, { type: 'addGroup', id: name, topics: ['t'], consumers: 0 });
      must(engine, { type: 'addConsumer', groupId: name, consumerId: `${name}.c` });
      must(engine, { type: 'addConsumer', groupId: name });
      engine.advanceTo(12_000);
      const view = engine.view();
      expect(view.producers.find((p) => p.id === name)?.stats.acked).toBeGreaterThan(0);
      const group = view.groups.find((g) => g.id === name);
      expect(group?.state).toBe('Stable');
      expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      // Saved and restored, the names still work.
      const again = restoreEngine(engine.save());
      again.advanceTo(14_000);
      must(again, { type: 'pauseProducer', producerId: name });
      must(again, { type: 'killConsumer', consumerId: `${name}.c` });
    },
  );

  it.each(TOPIC_NAMES)('a topic called %s is created, written and read', (name) => {
    const engine = createEngine(scenario({ cluster: { brokers: 3 } }));
    must(engine, { type: 'createTopic', name, partitions: 2, replicationFactor: 3 });
    must(engine, { type: 'addProducer', id: 'p', topic: name, ratePerSec: 20 });
    must(engine, { type: 'addGroup', id: 'g', topics: [name], consumers: 1 });
    must(engine, { type: 'addPartitions', topic: name, count: 1 });
    engine.advanceTo(12_000);
    const view = engine.view();
    expect(view.topics.find((t) => t.name === name)?.partitions).toHaveLength(3);
    expect(view.producers[0].stats.acked).toBeGreaterThan(0);
    expect(view.groups[0].state).toBe('Stable');
  });

  it('a scenario with every such name parses and runs', () => {
    const result = parseScenario(
      scenario({
        cluster: { brokers: 3 },
        topics: TOPIC_NAMES.map((name) => ({ name, partitions: 1, replicationFactor: 3 })),
        producers: NAMES.map((id, i) => ({ id, topic: TOPIC_NAMES[i % 4], ratePerSec: 5 })),
        groups: NAMES.map((id, i) => ({
          id: `${id}-g`,
          topics: [TOPIC_NAMES[i % 4]],
          consumers: 1,
        })),
      }),
    );
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const engine = createEngine(result.scenario);
    engine.advanceTo(12_000);
    expect(engine.view().producers.every((p) => p.stats.acked > 0)).toBe(true);
  });
});
