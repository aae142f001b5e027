// The cluster-level checks of a scenario that the engine needs before it can build anything.
// (Field shapes are validated by the scenario layer's schema; this guards the engine anyway.)
import { checkConfigValue } from './config/validate';
import type { EngineError, Scenario } from './types';

export const MAX_BROKERS = 200;

export function checkScenarioShape(scenario: Scenario): EngineError[] {
  const errors: EngineError[] = [];
  const err = (field: string, message: string, code = 'INVALID_VALUE') =>
    errors.push({ code, message: `${field} ${message}`, field });
  if (typeof scenario !== 'object' || scenario === null)
    return [{ code: 'INVALID_SCENARIO', message: 'a scenario is a JSON object' }];
  if (scenario.version !== 1) err('version', `must be 1, got ${JSON.stringify(scenario.version)}`);
  if (!Number.isInteger(scenario.seed))
    err('seed', `must be a whole number, got ${JSON.stringify(scenario.seed)}`);
  const brokers = scenario.cluster?.brokers;
  if (!Number.isInteger(brokers) || brokers < 1 || brokers > MAX_BROKERS) {
    err(
      'cluster.brokers',
      `must be a whole number from 1 to ${MAX_BROKERS}, got ${JSON.stringify(brokers)}`,
    );
  }
  if (scenario.cluster?.racks && scenario.cluster.racks.length !== brokers) {
    err('cluster.racks', `lists ${scenario.cluster.racks.length} racks for ${brokers} brokers`);
  }
  for (const [key, value] of Object.entries(scenario.cluster?.config ?? {})) {
    const check = checkConfigValue('broker', key, value, `cluster.config.${key}`);
    if (!check.ok) errors.push(check.error);
  }
  const net = scenario.network;
  if (net?.latencyMs !== undefined && !(Number.isFinite(net.latencyMs) && net.latencyMs >= 0))
    err('network.latencyMs', 'must be a number >= 0');
  if (net?.jitterMs !== undefined && !(Number.isInteger(net.jitterMs) && net.jitterMs >= 0))
    err('network.jitterMs', 'must be a whole number >= 0');
  (scenario.actions ?? []).forEach((a, i) => {
    if (!(typeof a.at === 'number' && a.at >= 0))
      err(`actions[${i}].at`, `must be a time in ms >= 0, got ${JSON.stringify(a.at)}`);
  });
  return errors;
}
