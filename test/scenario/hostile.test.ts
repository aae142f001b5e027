// Hostile scenarios (issue 15), generated with fast-check over the schema: extreme numbers,
// long strings, deep nesting and prototype keys put into any field of a valid scenario. Each
// is refused with errors that name the field, or it loads and runs a few seconds with a bounded
// number of events per instant (the engine's budget). The seed is printed: FC_SEED=<n> replays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, EngineRunawayError } from '../../src/engine';
import type { EngineError } from '../../src/engine';
import { parseScenarioText } from '../../src/scenario';

const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));

function base(): Record<string, unknown> {
  return {
    version: 1,
    seed: 7,
    preset: 'classroom',
    network: { latencyMs: 5, jitterMs: 1 },
    cluster: { brokers: 3, config: { 'min.insync.replicas': 2 } },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 5, config: { acks: 'all' } }],
    groups: [{ id: 'billing', topics: ['orders'], consumers: 2, config: {} }],
    actions: [
      { at: 1000, type: 'killBroker', brokerId: 2 },
      { at: 2000, type: 'updateProducer', producerId: 'checkout', ratePerSec: 10 },
      {
        at: 2500,
        type: 'setConfig',
        scope: 'producer',
        id: 'checkout',
        key: 'linger.ms',
        value: 5,
      },
    ],
  };
}

/** Every path to a value in `value` (objects and lists), for the generator to pick from. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => paths(v, [...at, k]))];
}

const deep = (n: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = [v];
  return v;
};

const hostileValue = fc.oneof(
  fc.constantFrom(1e308, -1e308, 1e9, 2 ** 53, -1, 0, 0.5, -0.000001, 4294967296),
  fc.constantFrom('constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty', ''),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 5, max: 40 }).map(deep),
  fc.constantFrom(null, true, [], {}),
  fc.constant('__PROTO_KEY__'),
);

/** JSON text of a scenario with `value` put at `path` (or a "__proto__" key added there). */
function hostileText(path: (string | number)[], value: unknown): string {
  const scenario = base();
  let text: string;
  if (path.length === 0) return JSON.stringify(value);
  let parent = scenario as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === '__PROTO_KEY__') {
    parent[last] = { polluted: true };
    text = JSON.stringify(scenario).replace('"polluted":true', '"__proto__":{"polluted":true}');
  } else {
    parent[last] = value;
    text = JSON.stringify(scenario);
  }
  return text;
}

const FIELDLESS = new Set(['SCENARIO_TOO_LARGE', 'INVALID_JSON']);

function namesAField(error: EngineError): boolean {
  return (
    FIELDLESS.has(error.code) ||
    (typeof error.field === 'string' && error.field !== '') ||
    /^[\w.[\]-]+( |:)/.test(error.message)
  );
}

describe('hostile scenarios', () => {
  it('are refused naming the field, or run with bounded events per instant', () => {
    console.log(`hostile scenarios: FC_SEED=${SEED}`);
    const all = paths(base());
    let refused = 0;
    let ran = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), hostileValue, (i, value) => {
        const text = hostileText(all[i], value);
        const result = parseScenarioText(text);
        if (!result.ok) {
          refused++;
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) expect(namesAField(e), JSON.stringify(e)).toBe(true);
          return;
        }
        ran++;
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        const engine = createEngine(result.scenario);
        try {
          engine.advanceTo(4000);
        } catch (error) {
          // The budget is the bound: a runaway is stopped, never a freeze.
          expect(error).toBeInstanceOf(EngineRunawayError);
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
    console.log(`hostile scenarios: ${refused} refused, ${ran} ran`);
    expect(refused).toBeGreaterThan(0);
  });

  it.each([
    ['ratePerSec 1e9', 'producers', 0, 'ratePerSec', 1e9],
    ['ratePerSec 1e308', 'producers', 0, 'ratePerSec', 1e308],
    ['100,000 partitions', 'topics', 0, 'partitions', 100_000],
    ['1e9 partitions', 'topics', 0, 'partitions', 1e9],
    ['100,000 consumers', 'groups', 0, 'consumers', 100_000],
  ] as const)("refuses the issue's cases: %s", (_n, list, index, field, value) => {
    const scenario = base();
    (scenario[list] as Record<string, unknown>[])[index][field] = value;
    const result = parseScenarioText(JSON.stringify(scenario));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].field).toBe(`${list}[${index}].${field}`);
  });
});
