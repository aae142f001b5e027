// The cluster-level checks of a scenario that the engine needs before it can build anything.
// (Field shapes are validated by the scenario layer's schema; this guards the engine anyway.)
import { checkConfigValue } from './config/validate';
import type { EngineError, Scenario } from './types';
import { LIMITS } from './limits';
import { EVENT_BUDGET_PER_INSTANT } from './runaway';

/** The most brokers a scenario may start with (the simulator's limit, ./limits.ts). */
export const MAX_BROKERS = LIMITS.brokers;

export function checkScenarioShape(scenario: Scenario): EngineError[] {
  const errors: EngineError[] = [];
  // `rule`: the rule's key and numbers (the scenario layer's rules catalogue), for translation.
  const err = (field: string, message: string, rule: Record<string, string | number> = {}) =>
    errors.push({
      code: 'INVALID_VALUE',
      message: `${field} ${message}`,
      field,
      params: { field, ...rule },
    });
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
      { ruleKey: 'wholeNumberBetween', min: 1, max: MAX_BROKERS, got: JSON.stringify(brokers) },
    );
  }
  if (scenario.cluster?.racks && scenario.cluster.racks.length !== brokers) {
    err('cluster.racks', `lists ${scenario.cluster.racks.length} racks for ${brokers} brokers`, {
      ruleKey: 'oneRackPerBroker',
      brokers,
      got: scenario.cluster.racks.length,
    });
  }
  const metadata = scenario.cluster?.metadata;
  if (
    metadata?.mode === 'kraft' &&
    metadata.placement === 'combined' &&
    Number.isInteger(brokers)
  ) {
    const controllers = metadata.controllers ?? 3;
    if (controllers > brokers)
      err(
        'cluster.metadata.controllers',
        `combined placement runs controller N inside broker N: ${controllers} controllers need at least ${controllers} brokers, got ${brokers}`,
        { ruleKey: 'combinedNeedsBrokers', controllers, brokers },
      );
  }
  for (const [key, value] of Object.entries(scenario.cluster?.config ?? {})) {
    const check = checkConfigValue('broker', key, value, `cluster.config.${key}`);
    if (!check.ok) errors.push(check.error);
  }
  (scenario.cluster?.racks ?? []).forEach((rack, i) => {
    if (typeof rack === 'string' && rack.length > LIMITS.nameLength)
      err(
        `cluster.racks[${i}]`,
        `must be at most ${LIMITS.nameLength} characters long (a limit of this simulator), got ${rack.length}`,
        { ruleKey: 'limitChars', limit: LIMITS.nameLength, got: rack.length },
      );
  });
  const net = scenario.network;
  if (net?.latencyMs !== undefined && !(Number.isFinite(net.latencyMs) && net.latencyMs >= 0))
    err('network.latencyMs', 'must be a number >= 0', { ruleKey: 'numberAtLeastZero' });
  else if (net?.latencyMs !== undefined && net.latencyMs > LIMITS.latencyMs)
    err(
      'network.latencyMs',
      `must be at most ${LIMITS.latencyMs} (a limit of this simulator), got ${net.latencyMs}`,
      { ruleKey: 'limitAtMost', limit: LIMITS.latencyMs, got: net.latencyMs },
    );
  if (net?.jitterMs !== undefined && !(Number.isInteger(net.jitterMs) && net.jitterMs >= 0))
    err('network.jitterMs', 'must be a whole number >= 0', {
      ruleKey: 'wholeNumberAtLeast',
      min: 0,
    });
  else if (net?.jitterMs !== undefined && net.jitterMs > LIMITS.jitterMs)
    err(
      'network.jitterMs',
      `must be at most ${LIMITS.jitterMs} (a limit of this simulator), got ${net.jitterMs}`,
      { ruleKey: 'limitAtMost', limit: LIMITS.jitterMs, got: net.jitterMs },
    );
  const budget = scenario.simulator?.maxEventsPerInstant;
  if (
    budget !== undefined &&
    !(Number.isInteger(budget) && budget >= 1 && budget <= EVENT_BUDGET_PER_INSTANT)
  )
    err(
      'simulator.maxEventsPerInstant',
      `must be a whole number between 1 and ${EVENT_BUDGET_PER_INSTANT} (the most this simulator allows), got ${JSON.stringify(budget)}`,
      {
        ruleKey: 'wholeNumberBetween',
        min: 1,
        max: EVENT_BUDGET_PER_INSTANT,
        got: JSON.stringify(budget),
      },
    );
  (scenario.actions ?? []).forEach((a, i) => {
    if (!(typeof a.at === 'number' && a.at >= 0))
      err(`actions[${i}].at`, `must be a time in ms >= 0, got ${JSON.stringify(a.at)}`);
  });
  if (errors.length === 0) errors.push(...checkActions(scenario));
  return errors;
}

/**
 * Static checks of the timed actions: every broker, topic, producer, group and consumer they
 * name exists by then (counting what earlier actions add), and setConfig values are valid.
 */
function checkActions(scenario: Scenario): EngineError[] {
  const errors: EngineError[] = [];
  let brokers = scenario.cluster?.brokers ?? 0;
  const topics = new Set((scenario.topics ?? []).map((t) => t.name));
  const producers = new Set((scenario.producers ?? []).map((p) => p.id));
  const groups = new Map<string, number>();
  const consumers = new Set<string>();
  const addConsumers = (groupId: string, n: number) => {
    const have = groups.get(groupId) ?? 0;
    for (let i = have + 1; i <= have + n; i++) consumers.add(`${groupId}-${i}`);
    groups.set(groupId, have + n);
  };
  for (const g of scenario.groups ?? []) addConsumers(g.id, g.consumers);
  const ordered = (scenario.actions ?? [])
    .map((a, i) => ({ a, i }))
    .sort((x, y) => x.a.at - y.a.at || x.i - y.i);
  for (const { a, i } of ordered) {
    const at = `actions[${i}]`;
    const missing = (field: string, what: string, value: unknown) =>
      errors.push({
        code: 'UNKNOWN_REFERENCE',
        message: `${at}.${field}: no ${what} ${JSON.stringify(value)} at ${a.at} ms`,
        field: `${at}.${field}`,
        params: { value: String(value), at: a.at },
      });
    const taken = (field: string, code: string, name: string) =>
      errors.push({
        code,
        message: `${at}.${field}: ${JSON.stringify(name)} already exists at ${a.at} ms`,
        field: `${at}.${field}`,
        params: code === 'TOPIC_ALREADY_EXISTS' ? { name } : { id: name },
      });
    switch (a.type) {
      case 'addBroker':
        brokers++;
        break;
      case 'killBroker':
      case 'stopBroker':
      case 'restartBroker':
      case 'isolateBroker':
      case 'healBroker':
      case 'removeBroker':
        if (!Number.isInteger(a.brokerId) || a.brokerId < 1 || a.brokerId > brokers)
          missing('brokerId', `broker (brokers are 1..${brokers})`, a.brokerId);
        break;
      case 'createTopic':
        if (topics.has(a.name)) taken('name', 'TOPIC_ALREADY_EXISTS', a.name);
        else if (a.replicationFactor > brokers)
          errors.push({
            code: 'INVALID_REPLICATION_FACTOR',
            message: `${at}.replicationFactor: ${a.replicationFactor} is more than the ${brokers} brokers at ${a.at} ms`,
            field: `${at}.replicationFactor`,
            params: { replicationFactor: a.replicationFactor, brokers },
          });
        topics.add(a.name);
        break;
      case 'addPartitions':
      case 'resetOffsets':
      case 'setDeliveryMode':
        if (!topics.has(a.topic)) missing('topic', 'topic', a.topic);
        if (a.type === 'resetOffsets' && !groups.has(a.groupId))
          missing('groupId', 'group', a.groupId);
        break;
      case 'deleteTopic':
        if (!topics.has(a.topic)) missing('topic', 'topic', a.topic);
        topics.delete(a.topic);
        break;
      case 'electPreferredLeaders':
        if (a.topic !== undefined && !topics.has(a.topic)) missing('topic', 'topic', a.topic);
        break;
      case 'addProducer':
        // An unknown topic may be created for it (auto.create.topics.enable).
        if (producers.has(a.id) || consumers.has(a.id)) taken('id', 'DUPLICATE_ID', a.id);
        producers.add(a.id);
        break;
      case 'removeProducer':
      case 'pauseProducer':
      case 'resumeProducer':
      case 'updateProducer':
      case 'produce':
        if (!producers.has(a.producerId)) missing('producerId', 'producer', a.producerId);
        break;
      case 'addGroup':
        if (groups.has(a.id)) taken('id', 'DUPLICATE_ID', a.id);
        a.topics.forEach((t, j) => {
          if (!topics.has(t)) missing(`topics[${j}]`, 'topic', t);
        });
        addConsumers(a.id, a.consumers ?? 0);
        break;
      case 'addConsumer':
        if (!groups.has(a.groupId)) missing('groupId', 'group', a.groupId);
        else if (a.consumerId) consumers.add(a.consumerId);
        else addConsumers(a.groupId, 1);
        break;
      case 'killConsumer':
      case 'closeConsumer':
      case 'restartConsumer':
      case 'seek':
        if (!consumers.has(a.consumerId)) missing('consumerId', 'consumer', a.consumerId);
        break;
      case 'isolateClient':
      case 'healClient':
        if (!consumers.has(a.clientId) && !producers.has(a.clientId))
          missing('clientId', 'producer or consumer', a.clientId);
        break;
      case 'setConfig': {
        const scope = a.scope === 'group' ? 'consumer' : a.scope;
        const check = checkConfigValue(scope, a.key, a.value, `${at}.value`);
        if (!check.ok) errors.push(check.error);
        const id = String(a.id);
        if (a.scope === 'topic' && !topics.has(id)) missing('id', 'topic', a.id);
        if (a.scope === 'producer' && !producers.has(id)) missing('id', 'producer', a.id);
        if (a.scope === 'group' && !groups.has(id)) missing('id', 'group', a.id);
        if (a.scope === 'consumer' && !consumers.has(id)) missing('id', 'consumer', a.id);
        if (
          a.scope === 'broker' &&
          id !== 'cluster' &&
          id !== '*' &&
          !(Number(id) >= 1 && Number(id) <= brokers)
        )
          missing('id', 'broker', a.id);
        break;
      }
      default:
        break;
    }
  }
  return errors;
}
