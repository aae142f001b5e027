// Checks several commands share: topic names, whole numbers, configs, and whether the
// controller can act. Each fails with an error that names the field and the rule.
import { checkConfigValue } from '../config/validate';
import type { ConfigScope } from '../config/definitions';
import { controllerCanAct } from '../controller/controller';
import type { Sim } from '../sim/sim';
import type { ConfigMap } from '../types';
import { controllerUnavailable } from './controllerUnavailable';
import { fail, OK, type Result } from './results';

export function checkConfigs(
  scope: ConfigScope,
  config: ConfigMap | undefined,
  field: string,
): Result {
  for (const [key, value] of Object.entries(config ?? {})) {
    const check = checkConfigValue(scope, key, value, `${field}.${key}`);
    if (!check.ok) return { ok: false, error: check.error };
  }
  return OK;
}

export function normaliseConfigs(scope: ConfigScope, config: ConfigMap | undefined): ConfigMap {
  const out: ConfigMap = {};
  for (const [key, value] of Object.entries(config ?? {})) {
    const check = checkConfigValue(scope, key, value);
    if (check.ok) out[key] = check.value;
  }
  return out;
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]+$/;

export function checkTopicName(sim: Sim, name: unknown, field: string): Result {
  if (typeof name !== 'string' || name.length === 0)
    return fail('INVALID_TOPIC', `${field}: a topic needs a name`, field, {
      ruleKey: 'nonEmptyString',
    });
  if (name.length > 249 || name === '.' || name === '..' || !TOPIC_NAME.test(name)) {
    return fail(
      'INVALID_TOPIC',
      `${field}: "${name}" is not a valid topic name (letters, digits, '.', '_' and '-', at most 249)`,
      field,
      { name, got: JSON.stringify(name), ruleKey: 'topicName' },
    );
  }
  if (name.startsWith('__'))
    return fail(
      'INVALID_TOPIC',
      `${field}: names starting with "__" are reserved for Kafka's internal topics`,
      field,
      { name, ruleKey: 'reservedTopicName' },
    );
  if (sim.world.topics[name])
    return fail('TOPIC_ALREADY_EXISTS', `${field}: topic "${name}" already exists`, field, {
      name,
    });
  return OK;
}

export function checkPositiveInt(value: unknown, field: string, min = 1): Result {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    return fail(
      'INVALID_VALUE',
      `${field} must be a whole number >= ${min}, got ${JSON.stringify(value)}`,
      field,
      { value: String(value), min, got: JSON.stringify(value), ruleKey: 'wholeNumberAtLeast' },
    );
  }
  return OK;
}

export function needController(sim: Sim): Result {
  return controllerCanAct(sim) ? OK : controllerUnavailable(sim);
}
