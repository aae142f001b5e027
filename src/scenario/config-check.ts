// Check every Kafka config in a (well-shaped) scenario against the engine's definitions, so an
// unknown key or a bad value is reported with its path: `producers[1].config.acks`.
import {
  CONFIG_DEFINITIONS,
  checkConfigValue,
  definitionsFor,
  findConfigDefinition,
  type Command,
  type ConfigMap,
  type ConfigScope,
  type ConfigValue,
  type EngineError,
  type Scenario,
} from '../engine';
import { fieldPath } from './format';
import { closestMatch } from './suggest';

/** Where each scope's configs are written in a scenario, for hints. */
const WHERE: Record<ConfigScope, string> = {
  broker: 'cluster.config',
  topic: 'topics[].config',
  producer: 'producers[].config',
  consumer: 'groups[].config',
};

/** setConfig scopes: a group's settings are its consumers' settings. */
const SET_CONFIG_SCOPE: Record<Extract<Command, { type: 'setConfig' }>['scope'], ConfigScope> = {
  broker: 'broker',
  topic: 'topic',
  producer: 'producer',
  group: 'consumer',
  consumer: 'consumer',
};

export function checkScenarioConfigs(scenario: Scenario): EngineError[] {
  const errors: EngineError[] = [];
  const checkMap = (scope: ConfigScope, map: ConfigMap | undefined, path: PropertyKey[]) => {
    for (const [key, value] of Object.entries(map ?? {})) {
      const error = checkEntry(scope, key, value, [...path, key], [...path, key]);
      if (error) errors.push(error);
    }
  };

  checkMap('broker', scenario.cluster.config, ['cluster', 'config']);
  scenario.topics?.forEach((t, i) => checkMap('topic', t.config, ['topics', i, 'config']));
  scenario.producers?.forEach((p, i) => checkMap('producer', p.config, ['producers', i, 'config']));
  scenario.groups?.forEach((g, i) => checkMap('consumer', g.config, ['groups', i, 'config']));
  scenario.actions?.forEach((action, i) => {
    const at: PropertyKey[] = ['actions', i];
    switch (action.type) {
      case 'createTopic':
        return checkMap('topic', action.config, [...at, 'config']);
      case 'addProducer':
        return checkMap('producer', action.config, [...at, 'config']);
      case 'addGroup':
        return checkMap('consumer', action.config, [...at, 'config']);
      case 'setConfig': {
        const scope = SET_CONFIG_SCOPE[action.scope];
        const error = checkEntry(scope, action.key, action.value, [...at, 'key'], [...at, 'value']);
        if (error) errors.push(error);
      }
    }
  });
  return errors;
}

function checkEntry(
  scope: ConfigScope,
  key: string,
  value: ConfigValue,
  keyPath: PropertyKey[],
  valuePath: PropertyKey[],
): EngineError | undefined {
  if (!findConfigDefinition(scope, key)) return unknownConfig(scope, key, keyPath);
  const check = checkConfigValue(scope, key, value, fieldPath(valuePath));
  return check.ok ? undefined : check.error;
}

function unknownConfig(scope: ConfigScope, key: string, keyPath: PropertyKey[]): EngineError {
  const field = fieldPath(keyPath);
  // In a config map the path ends with the key itself; in setConfig it ends with "key".
  const subject = keyPath.at(-1) === key ? field : `${field} ${JSON.stringify(key)}`;
  const guess = closestMatch(
    key,
    definitionsFor(scope).map((d) => d.key),
  );
  const elsewhere = CONFIG_DEFINITIONS.find((d) => d.key === key && d.scope !== scope);
  const hint = guess
    ? ` (did you mean "${guess}"?)`
    : elsewhere
      ? `: it is a ${elsewhere.scope} config, set in ${WHERE[elsewhere.scope]}`
      : '';
  return {
    code: 'UNKNOWN_CONFIG',
    message: `${subject} is not a known ${scope} config${hint}`,
    field,
    params: { key, scope, ...(guess ? { suggestion: guess } : {}) },
  };
}
