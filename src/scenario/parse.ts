// Read a scenario in three steps, each reporting every problem it finds:
//   1. shape (zod): types, ranges, required and unknown fields, command types;
//   2. Kafka configs: every key known for its scope, every value valid, and the commands of a
//      recorded session in the order they were given;
//   3. the engine's checkScenario: rules that need the cluster model (replication factor vs
//      brokers, unknown topics, broker ids in actions, ...).
// Before all three, limits.ts bounds the input's size and depth (nothing recurses into it first).
// A later step runs only when the earlier ones passed, so it can trust the input's shape; when
// the shape fails, the config maps that are well formed are still checked (step 2) so one load
// reports them too.
import { checkScenario, type ConfigMap, type EngineError, type Scenario } from '../engine';
import { checkScenarioConfigs } from './config-check';
import { issuesToErrors } from './issues';
import { parseJson } from './json';
import { checkJsonTextLimits, checkValueLimits } from './limits';
import { scenarioSchema } from './schema';
import { checkRecordedOrder } from './session';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: EngineError[] };

export function parseScenario(input: unknown): ParseResult {
  const limit = checkValueLimits(input);
  if (limit) return { ok: false, errors: [limit] };
  const shape = scenarioSchema.safeParse(input);
  if (!shape.success) {
    const errors = issuesToErrors(shape.error.issues, input, scenarioSchema);
    // Every problem at once: the config maps that are well formed are checked too (their
    // values' rules), so one load names them all instead of one round per stage.
    const named = new Set(errors.map((e) => e.field));
    for (const e of checkScenarioConfigs(configMapsOf(input)))
      if (!named.has(e.field)) errors.push(e);
    return { ok: false, errors };
  }
  const scenario = shape.data;
  const configErrors = [...checkScenarioConfigs(scenario), ...checkRecordedOrder(scenario)];
  if (configErrors.length > 0) return { ok: false, errors: configErrors };
  const modelErrors = checkScenario(scenario);
  if (modelErrors.length > 0) return { ok: false, errors: modelErrors };
  return { ok: true, scenario };
}

/** parseScenario for JSON text; broken JSON is reported with its line and column. */
export function parseScenarioText(text: string): ParseResult {
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
  const clean = text.replace(/^\uFEFF/, '');
  const limit = checkJsonTextLimits(clean);
  if (limit) return { ok: false, errors: [limit] };
  const json = parseJson(clean);
  if (!json.ok) {
    return {
      ok: false,
      errors: [
        {
          code: 'INVALID_JSON',
          message: `invalid JSON at line ${json.line}, column ${json.column}: ${json.problem}`,
          params: { line: json.line, column: json.column, problem: json.problem },
        },
      ],
    };
  }
  return parseScenario(json.value);
}

const isPlainMap = (v: unknown): v is ConfigMap =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((x) => ['string', 'number', 'boolean'].includes(typeof x));

/**
 * Only the well-formed config maps of an input that failed the schema, at their own indices,
 * shaped as a Scenario so checkScenarioConfigs reads them (its other fields are left empty).
 */
function configMapsOf(input: unknown): Scenario {
  const root = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  const listOf = (key: string) => {
    const list = root[key];
    if (!Array.isArray(list)) return undefined;
    return list.map((item: unknown) => {
      const config = (item as { config?: unknown } | null)?.config;
      return { config: isPlainMap(config) ? config : undefined };
    });
  };
  const clusterConfig = (root.cluster as { config?: unknown } | null | undefined)?.config;
  return {
    version: 1,
    seed: 0,
    cluster: { brokers: 1, config: isPlainMap(clusterConfig) ? clusterConfig : undefined },
    topics: listOf('topics'),
    producers: listOf('producers'),
    groups: listOf('groups'),
  } as unknown as Scenario;
}
