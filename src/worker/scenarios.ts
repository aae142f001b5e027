// Resolves where a scenario comes from (the default scene, a built-in, a JSON object, a shared
// link) into a checked Scenario. Runs in the worker so that the scenario code (schema, URL codec)
// stays out of the page's initial bundle.
import type { EngineError, Scenario } from '../engine';
import {
  BUILTIN_SCENARIOS,
  DEFAULT_SCENARIO,
  decodeScenarioFromUrl,
  findBuiltinScenario,
  parseScenario,
} from '../scenario';
import type { LoadSource, ScenarioSummary } from './protocol';

export type Resolved = { ok: true; scenario: Scenario } | { ok: false; errors: EngineError[] };

export interface ScenarioSources {
  defaultScenario: Scenario;
  builtin(id: string): Scenario | null;
  parse(input: unknown): Resolved;
  decodeUrl(fragment: string): Resolved;
  list(): ScenarioSummary[];
}

export const scenarioSources: ScenarioSources = {
  defaultScenario: DEFAULT_SCENARIO,
  builtin: (id) => findBuiltinScenario(id) ?? null,
  parse: parseScenario,
  decodeUrl: decodeScenarioFromUrl,
  list: () =>
    BUILTIN_SCENARIOS.map(({ id, scenario }) => ({
      id,
      title: scenario.title ?? id,
      description: scenario.description ?? '',
    })),
};

export function resolveScenario(source: LoadSource, sources: ScenarioSources): Resolved {
  switch (source.kind) {
    case 'default':
    case 'current':
      return { ok: true, scenario: sources.defaultScenario };
    case 'builtin': {
      const scenario = sources.builtin(source.id);
      return scenario
        ? { ok: true, scenario }
        : {
            ok: false,
            errors: [
              {
                code: 'UNKNOWN_SCENARIO',
                message: `no built-in scenario "${source.id}"`,
                params: { id: source.id },
              },
            ],
          };
    }
    case 'scenario':
      return sources.parse(source.scenario);
    case 'url':
      return sources.decodeUrl(source.fragment);
  }
}
