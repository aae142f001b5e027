// Every user action (design.md 3.2): validated first, so an invalid command changes nothing and
// returns an error that names the problem; then applied to the world at the current sim time.
import { addController, applyControllerCommand } from './controllerNodes';
import { combinedControllerOf } from '../quorum/combined';
import { addZooKeeper, applyZooKeeperCommand } from './zookeeperNodes';
import { inControllerScope } from '../quorum/scope';
import { newSlot, refreshSlot, setExplicit } from '../config/resolve';
import { createGroup } from './createGroup';
import {
  beginControlledShutdown,
  healBroker,
  isolateBroker,
  startBroker,
  stopBroker,
} from '../broker/broker';
import { electPreferredLeaders } from '../controller/controller';
import { addPartitionsWithAssignment, placeReplicas } from '../controller/topics';
import {
  closeConsumer,
  createConsumer,
  killConsumer,
  startConsumer,
} from '../client/consumer/lifecycle';
import { isRunning } from '../client/consumer/state';
import { resetCommitted } from '../broker/group/offsets';
import { newBrokerMetadataLog } from '../broker/metadataFetcher';
import {
  createProducer,
  drain,
  isIdempotent,
  removeProducer,
  send,
  setPaused,
  updateRate,
} from '../client/producer';
import { brokerNode, consumerNode, producerNode, tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import { isInternalTopic } from '../sim/internalTopics';
import type { BrokerState, ConsumerState, GroupRecord } from '../sim/world';
import type { Command, ExternalCommand, GroupSpec, ProducerSpec } from '../types';
import { applyExternalCommand } from '../client/external';
import { fail, findBroker, findConsumer, findGroup, isResult, OK, type Result } from './results';
import { setConfig } from './setConfig';
import {
  checkConfigs,
  checkPositiveInt,
  checkTopicName,
  needController,
  normaliseConfigs,
} from './checks';
import { createTopic } from './createTopic';
import { LIMITS } from '../limits';
import {
  atMost,
  fewItems,
  firstFailure,
  shortText,
  userPartitions,
  withinTotal,
} from './limitChecks';
import { crashOrRestartProducer } from './crashProducer';
import { offsetForTime } from '../broker/offsetForTime';
import { deleteTopic } from './deleteTopic';
import { seek } from './seek';
import { removeBroker } from './removeBroker';

function clientExists(sim: Sim, id: string): boolean {
  return !!sim.world.producers[id] || !!sim.world.consumers[id];
}

function checkClientId(sim: Sim, id: unknown, field: string): Result {
  if (typeof id !== 'string' || id.trim() === '')
    return fail('INVALID_VALUE', `${field}: an id is required`, field, { ruleKey: 'idRequired' });
  if (!/^[a-zA-Z0-9._-]+$/.test(id))
    return fail(
      'INVALID_VALUE',
      `${field}: "${id}" may use letters, digits, '.', '_' and '-' only`,
      field,
      { id, got: JSON.stringify(id), ruleKey: 'idCharacters' },
    );
  if (clientExists(sim, id))
    return fail('DUPLICATE_ID', `${field}: a client named "${id}" already exists`, field, { id });
  return OK;
}

// ---------------------------------------------------------------------------------------------
// Validation + application, per command
// ---------------------------------------------------------------------------------------------

export function applyCommand(sim: Sim, command: Command, source: 'scenario' | 'user'): Result {
  // A real client's connection and requests are traffic, not an operation of the user's.
  if (isExternalCommand(command)) return applyExternalCommand(sim, command);
  // A command that changes metadata is one controller operation: under a KRaft quorum its
  // consequences wait for the commit (the command itself is accepted at once).
  const result = inControllerScope(sim, () => apply(sim, command, source));
  if (result.ok)
    sim.emit({
      type: 'command.applied',
      command,
      ...(source === 'scenario' ? { scenario: true as const } : {}),
      t: sim.now,
    });
  return result;
}

function isExternalCommand(command: Command): command is ExternalCommand {
  return (
    command.type === 'externalConnect' ||
    command.type === 'externalRequest' ||
    command.type === 'externalClose'
  );
}

/** What a controller command does to a combined node: the same to its broker. */
const BROKER_COMMAND_OF = {
  killController: 'killBroker',
  restartController: 'restartBroker',
  isolateController: 'isolateBroker',
  healController: 'healBroker',
} as const;

function apply(sim: Sim, cmd: Command, source: 'scenario' | 'user'): Result {
  const w = sim.world;
  switch (cmd.type) {
    case 'addBroker': {
      const limit = firstFailure(
        withinTotal('Brokers', w.brokers.length, 1, LIMITS.brokers, 'type'),
        shortText(cmd.rack, 'rack'),
      );
      if (!limit.ok) return limit;
      addBroker(sim, cmd.rack ?? null);
      return OK;
    }
    case 'killBroker':
    case 'stopBroker': {
      const b = findBroker(sim, cmd.brokerId);
      if (isResult(b)) return b;
      if (b.status !== 'running')
        return fail('BROKER_NOT_RUNNING', `broker ${b.id} is not running`, 'brokerId', {
          brokerId: b.id,
        });
      if (cmd.type === 'killBroker') stopBroker(sim, b, 'crash');
      else if (!b.shuttingDown) beginControlledShutdown(sim, b);
      return OK;
    }
    case 'restartBroker': {
      const b = findBroker(sim, cmd.brokerId);
      if (isResult(b)) return b;
      if (b.status === 'running')
        return fail('BROKER_RUNNING', `broker ${b.id} is already running`, 'brokerId', {
          brokerId: b.id,
        });
      startBroker(sim, b, true);
      return OK;
    }
    case 'isolateBroker':
    case 'healBroker': {
      const b = findBroker(sim, cmd.brokerId);
      if (isResult(b)) return b;
      const isolated = sim.isIsolated(brokerNode(b.id));
      if (cmd.type === 'isolateBroker') {
        if (isolated)
          return fail('ALREADY_ISOLATED', `broker ${b.id} is already isolated`, 'brokerId', {
            brokerId: b.id,
          });
        isolateBroker(sim, b);
      } else {
        if (!isolated)
          return fail('NOT_ISOLATED', `broker ${b.id} is not isolated`, 'brokerId', {
            brokerId: b.id,
          });
        healBroker(sim, b);
      }
      return OK;
    }
    case 'addController':
      return addController(sim);
    case 'killController':
    case 'restartController':
    case 'isolateController':
    case 'healController': {
      // Combined placement: the controller is its broker's process, so the broker's command.
      const asBroker = combinedControllerOf(sim, cmd.controllerId)
        ? BROKER_COMMAND_OF[cmd.type]
        : null;
      if (asBroker !== null)
        return apply(sim, { type: asBroker, brokerId: cmd.controllerId }, source);
      return applyControllerCommand(sim, cmd);
    }
    case 'addZooKeeper':
      return addZooKeeper(sim);
    case 'killZooKeeper':
    case 'restartZooKeeper':
    case 'isolateZooKeeper':
    case 'healZooKeeper':
      return applyZooKeeperCommand(sim, cmd);
    case 'isolateClient':
    case 'healClient': {
      const clientKind = w.producers[cmd.clientId] ? 'producer' : 'consumer';
      const node = w.producers[cmd.clientId]
        ? producerNode(cmd.clientId)
        : w.consumers[cmd.clientId]
          ? consumerNode(cmd.clientId)
          : null;
      if (!node)
        return fail(
          'UNKNOWN_CLIENT',
          `clientId: no producer or consumer "${cmd.clientId}"`,
          'clientId',
          { clientId: cmd.clientId },
        );
      const isolated = sim.isIsolated(node);
      if (cmd.type === 'isolateClient') {
        if (isolated)
          return fail(
            'ALREADY_ISOLATED',
            `client ${cmd.clientId} is already isolated`,
            'clientId',
            { clientId: cmd.clientId },
          );
        sim.setIsolated(node, true);
        sim.emit({
          type: 'client.isolated',
          client: clientKind,
          clientId: cmd.clientId,
          t: sim.now,
        });
      } else {
        if (!isolated)
          return fail('NOT_ISOLATED', `client ${cmd.clientId} is not isolated`, 'clientId', {
            clientId: cmd.clientId,
          });
        sim.setIsolated(node, false);
        sim.emit({ type: 'client.healed', client: clientKind, clientId: cmd.clientId, t: sim.now });
      }
      return OK;
    }
    case 'createTopic':
      return createTopic(sim, cmd, source, '');
    case 'addPartitions': {
      const topic = w.topics[cmd.topic];
      if (!topic || isInternalTopic(topic.name))
        return fail('UNKNOWN_TOPIC_OR_PARTITION', `topic: no topic "${cmd.topic}"`, 'topic', {
          topic: cmd.topic,
        });
      const check = firstFailure(
        checkPositiveInt(cmd.count, 'count'),
        atMost(cmd.count, LIMITS.partitionsPerTopic - topic.numPartitions, 'count'),
        withinTotal('Partitions', userPartitions(sim), cmd.count, LIMITS.partitions, 'count'),
      );
      if (!check.ok) return check;
      const ctl = needController(sim);
      if (!ctl.ok) return ctl;
      const placed = placeReplicas(sim, cmd.count, topic.replicationFactor, {
        existingPartitions: topic.numPartitions,
        firstReplicaOfPartition0: w.controller.partitions[tpKey(cmd.topic, 0)]?.replicas[0] ?? -1,
      });
      if (!placed.ok) return { ok: false, error: placed.error };
      addPartitionsWithAssignment(sim, cmd.topic, placed.assignment);
      return OK;
    }
    case 'deleteTopic':
      return deleteTopic(sim, cmd.topic);
    case 'removeBroker':
      return removeBroker(sim, cmd.brokerId);
    case 'addProducer': {
      const { type: _type, ...spec } = cmd;
      return addProducer(sim, spec, source, '');
    }
    case 'crashProducer':
    case 'restartProducer':
      return crashOrRestartProducer(sim, cmd);
    case 'removeProducer':
    case 'pauseProducer':
    case 'resumeProducer':
    case 'updateProducer':
    case 'produce': {
      const p = w.producers[cmd.producerId];
      if (!p)
        return fail(
          'UNKNOWN_PRODUCER',
          `producerId: no producer "${cmd.producerId}"`,
          'producerId',
          { producerId: cmd.producerId },
        );
      if (cmd.type === 'removeProducer') removeProducer(sim, p);
      else if (cmd.type === 'pauseProducer') setPaused(sim, p, true);
      else if (cmd.type === 'resumeProducer') setPaused(sim, p, false);
      else if (cmd.type === 'updateProducer') {
        if (
          cmd.ratePerSec !== undefined &&
          (typeof cmd.ratePerSec !== 'number' || !(cmd.ratePerSec >= 0))
        ) {
          return fail(
            'INVALID_VALUE',
            `ratePerSec must be a number >= 0, got ${JSON.stringify(cmd.ratePerSec)}`,
            'ratePerSec',
            { got: JSON.stringify(cmd.ratePerSec), ruleKey: 'numberAtLeastZero' },
          );
        }
        if (cmd.ratePerSec !== undefined) {
          const rate = atMost(cmd.ratePerSec, LIMITS.ratePerSec, 'ratePerSec');
          if (!rate.ok) return rate;
        }
        const keys = checkKeys(cmd.keys, 'keys');
        if (!keys.ok) return keys;
        if (cmd.keys !== undefined) p.keys = cmd.keys && cmd.keys.length > 0 ? [...cmd.keys] : null;
        if (cmd.ratePerSec !== undefined) updateRate(sim, p, cmd.ratePerSec);
      } else {
        if (cmd.key !== null && typeof cmd.key !== 'string')
          return fail('INVALID_VALUE', 'key must be a string or null', 'key', {
            ruleKey: 'stringOrNull',
          });
        if (typeof cmd.value !== 'string')
          return fail('INVALID_VALUE', 'value must be a string', 'value', { ruleKey: 'string' });
        const size = firstFailure(
          shortText(cmd.key, 'key', LIMITS.recordChars),
          shortText(cmd.value, 'value', LIMITS.recordChars),
        );
        if (!size.ok) return size;
        if (p.crashed)
          return fail(
            'PRODUCER_CRASHED',
            `producer ${p.id} has crashed: restart it first`,
            'producerId',
            {
              producerId: p.id,
            },
          );
        send(sim, p, cmd.key, cmd.value);
        drain(sim, p);
      }
      return OK;
    }
    case 'addGroup': {
      const { type: _type, ...spec } = cmd;
      return addGroup(sim, { ...spec, consumers: spec.consumers ?? 0 }, source, '');
    }
    case 'addConsumer': {
      const g = findGroup(sim, cmd.groupId);
      if (isResult(g)) return g;
      const id = cmd.consumerId ?? nextConsumerId(sim, g.id);
      const check = firstFailure(
        checkClientId(sim, id, 'consumerId'),
        shortText(id, 'consumerId'),
        withinTotal(
          'ConsumersPerGroup',
          groupSize(sim, g.id),
          1,
          LIMITS.consumersPerGroup,
          'groupId',
        ),
        withinTotal('Consumers', Object.keys(w.consumers).length, 1, LIMITS.consumers, 'groupId'),
      );
      if (!check.ok) return check;
      createConsumer(sim, g, id);
      return OK;
    }
    case 'killConsumer':
    case 'closeConsumer':
    case 'restartConsumer': {
      const c = findConsumer(sim, cmd.consumerId);
      if (isResult(c)) return c;
      if (cmd.type === 'restartConsumer') {
        if (isRunning(c))
          return fail('CONSUMER_RUNNING', `consumer ${c.id} is already running`, 'consumerId', {
            consumerId: c.id,
          });
        startConsumer(sim, c);
        return OK;
      }
      if (!isRunning(c))
        return fail('CONSUMER_NOT_RUNNING', `consumer ${c.id} is not running`, 'consumerId', {
          consumerId: c.id,
        });
      if (cmd.type === 'killConsumer') killConsumer(sim, c);
      else closeConsumer(sim, c);
      return OK;
    }
    case 'resetOffsets':
      return resetOffsets(sim, cmd);
    case 'seek':
      return seek(sim, cmd);
    case 'setConfig':
      return setConfig(sim, cmd);
    case 'electPreferredLeaders': {
      if (cmd.topic !== undefined && !w.topics[cmd.topic])
        return fail('UNKNOWN_TOPIC_OR_PARTITION', `topic: no topic "${cmd.topic}"`, 'topic', {
          topic: cmd.topic,
        });
      const ctl = needController(sim);
      if (!ctl.ok) return ctl;
      electPreferredLeaders(sim, cmd.topic);
      return OK;
    }
    case 'setDeliveryMode':
      return setDeliveryMode(sim, cmd.topic, cmd.mode);
    default:
      return fail(
        'UNKNOWN_COMMAND',
        `unknown command type "${(cmd as { type: string }).type}"`,
        'type',
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Building blocks, shared with scenario loading
// ---------------------------------------------------------------------------------------------

export function addBroker(sim: Sim, rack: string | null): BrokerState {
  const w = sim.world;
  const slot = newSlot('broker');
  refreshSlot(w, slot);
  const b: BrokerState = {
    id: w.brokers.length + 1,
    rack,
    status: 'stopped',
    inc: 0,
    config: slot,
    logs: {},
    meta: {},
    liveBrokers: [],
    controllerId: null,
    metaVersion: 0,
    metadataLog: newBrokerMetadataLog(),
    brokerEpoch: -1,
    lead: {},
    follow: {},
    fetchers: {},
    parked: [],
    purgatory: [],
    nextToken: 0,
    shuttingDown: false,
    registration: null,
  };
  w.brokers.push(b);
  startBroker(sim, b, false);
  return b;
}

function checkKeys(keys: unknown, field: string): Result {
  if (keys === undefined || keys === null) return OK;
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string'))
    return fail('INVALID_VALUE', `${field} must be a list of strings or null`, field, {
      ruleKey: 'keys',
    });
  return firstFailure(
    fewItems(keys, field, LIMITS.keys),
    ...(keys as string[]).map((k, i) => shortText(k, `${field}[${i}]`, LIMITS.recordChars)),
  );
}

export function addProducer(
  sim: Sim,
  spec: ProducerSpec,
  source: 'scenario' | 'user',
  prefix: string,
): Result {
  const f = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const w = sim.world;
  for (const check of [
    checkClientId(sim, spec.id, f('id')),
    shortText(spec.id, f('id')),
    withinTotal('Producers', Object.keys(w.producers).length, 1, LIMITS.producers, f('id')),
    checkKeys(spec.keys, f('keys')),
    checkConfigs('producer', spec.config, f('config')),
  ]) {
    if (!check.ok) return check;
  }
  // A producer may name a topic that does not exist yet: its first metadata request has the
  // cluster create it when auto.create.topics.enable is on; otherwise its records wait for it
  // until max.block.ms. Internal topics are not for producers.
  if (isInternalTopic(spec.topic)) {
    return fail(
      'UNKNOWN_TOPIC_OR_PARTITION',
      `${f('topic')}: no topic "${spec.topic}"`,
      f('topic'),
      { topic: spec.topic },
    );
  }
  if (!w.topics[spec.topic]) {
    const name = checkTopicName(sim, spec.topic, f('topic'));
    if (!name.ok) return name;
  }
  if (
    spec.ratePerSec !== undefined &&
    (typeof spec.ratePerSec !== 'number' || !(spec.ratePerSec >= 0))
  ) {
    return fail(
      'INVALID_VALUE',
      `${f('ratePerSec')} must be a number >= 0, got ${JSON.stringify(spec.ratePerSec)}`,
      f('ratePerSec'),
      { got: JSON.stringify(spec.ratePerSec), ruleKey: 'numberAtLeastZero' },
    );
  }
  if (spec.ratePerSec !== undefined) {
    const rate = atMost(spec.ratePerSec, LIMITS.ratePerSec, f('ratePerSec'));
    if (!rate.ok) return rate;
  }
  const config = normaliseConfigs('producer', spec.config);
  // Kafka refuses an explicit enable.idempotence=true together with a setting it conflicts with.
  if (config['enable.idempotence'] === true) {
    const slot = newSlot('producer');
    setExplicit(slot.explicit, config, source);
    refreshSlot(w, slot);
    if (!isIdempotent(slot)) {
      return fail(
        'INVALID_CONFIG',
        `${f('config')}: enable.idempotence=true needs acks=all, retries > 0 and max.in.flight.requests.per.connection <= 5`,
        f('config.enable.idempotence'),
        { key: 'enable.idempotence', ruleKey: 'idempotenceNeeds' },
      );
    }
  }
  createProducer(sim, { ...spec, config }, source);
  return OK;
}

export function addGroup(
  sim: Sim,
  spec: GroupSpec,
  source: 'scenario' | 'user',
  prefix: string,
): Result {
  const f = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const w = sim.world;
  if (typeof spec.id !== 'string' || !/^[a-zA-Z0-9._-]+$/.test(spec.id)) {
    return fail(
      'INVALID_VALUE',
      `${f('id')}: a group id may use letters, digits, '.', '_' and '-' only`,
      f('id'),
      { got: JSON.stringify(spec.id), ruleKey: 'idCharacters' },
    );
  }
  if (w.groups[spec.id])
    return fail('DUPLICATE_ID', `${f('id')}: group "${spec.id}" already exists`, f('id'), {
      groupId: spec.id,
    });
  if (!Array.isArray(spec.topics) || spec.topics.length === 0)
    return fail('INVALID_VALUE', `${f('topics')}: a group reads at least one topic`, f('topics'), {
      ruleKey: 'atLeastOneTopic',
    });
  for (const [i, t] of spec.topics.entries()) {
    if (!w.topics[t] || isInternalTopic(t))
      return fail(
        'UNKNOWN_TOPIC_OR_PARTITION',
        `${f(`topics[${i}]`)}: no topic "${t}"`,
        f(`topics[${i}]`),
        { topic: t },
      );
  }
  const count = firstFailure(
    checkPositiveInt(spec.consumers, f('consumers'), 0),
    shortText(spec.id, f('id')),
    withinTotal('Groups', Object.keys(w.groups).length, 1, LIMITS.groups, f('id')),
    atMost(spec.consumers, LIMITS.consumersPerGroup, f('consumers')),
    withinTotal(
      'Consumers',
      Object.keys(w.consumers).length,
      spec.consumers,
      LIMITS.consumers,
      f('consumers'),
    ),
  );
  if (!count.ok) return count;
  const cfg = checkConfigs('consumer', spec.config, f('config'));
  if (!cfg.ok) return cfg;
  const ids = Array.from({ length: spec.consumers }, (_, i) => `${spec.id}-${i + 1}`);
  for (const id of ids)
    if (clientExists(sim, id))
      return fail(
        'DUPLICATE_ID',
        `${f('consumers')}: a client named "${id}" already exists`,
        f('consumers'),
        { id },
      );
  const group = createGroup(
    sim,
    spec.id,
    spec.topics,
    normaliseConfigs('consumer', spec.config),
    source,
  );
  for (const id of ids) createConsumer(sim, group, id);
  return OK;
}

/** Consumers of the group, running or not (each still has a place in the scene). */
function groupSize(sim: Sim, groupId: string): number {
  let n = 0;
  for (const c of Object.values(sim.world.consumers)) if (c.groupId === groupId) n++;
  return n;
}

function nextConsumerId(sim: Sim, groupId: string): string {
  for (let n = 1; ; n++) {
    const id = `${groupId}-${n}`;
    if (!clientExists(sim, id)) return id;
  }
}

// ---------------------------------------------------------------------------------------------
// Admin operations
// ---------------------------------------------------------------------------------------------

function resetOffsets(sim: Sim, cmd: Extract<Command, { type: 'resetOffsets' }>): Result {
  const g = findGroup(sim, cmd.groupId);
  if (isResult(g)) return g;
  const topic = sim.world.topics[cmd.topic];
  if (!topic || !g.topics.includes(cmd.topic))
    return fail(
      'UNKNOWN_TOPIC_OR_PARTITION',
      `topic: group "${g.id}" does not read topic "${cmd.topic}"`,
      'topic',
      { topic: cmd.topic, groupId: g.id },
    );
  if (Object.keys(g.members).length > 0) {
    return fail(
      'NON_EMPTY_GROUP',
      `offsets can only be reset while group "${g.id}" has no active members (close or kill its consumers first)`,
      'groupId',
      { groupId: g.id },
    );
  }
  if (typeof cmd.to === 'number' && (!Number.isInteger(cmd.to) || cmd.to < 0))
    return fail('INVALID_VALUE', `to must be "earliest", "latest" or an offset >= 0`, 'to');
  const to = cmd.to;
  const byTime = typeof to === 'object' && to !== null ? to.timestamp : null;
  if (typeof to === 'object' && (typeof byTime !== 'number' || !(byTime >= 0)))
    return fail('INVALID_VALUE', `to.timestamp must be a time >= 0 (ms)`, 'to.timestamp');
  const offsets: Record<number, number> = {};
  for (let p = 0; p < topic.numPartitions; p++) {
    const part = sim.world.controller.partitions[tpKey(cmd.topic, p)];
    const leaderLog =
      part.leader >= 0 ? sim.broker(part.leader)?.logs[tpKey(cmd.topic, p)] : undefined;
    const start = leaderLog?.logStartOffset ?? 0;
    const hw = leaderLog?.hw ?? 0;
    // Like kafka-consumer-groups, an offset outside the log is clamped to it.
    offsets[p] =
      to === 'earliest'
        ? start
        : to === 'latest'
          ? hw
          : typeof to === 'number'
            ? Math.min(Math.max(to, start), hw)
            : leaderLog
              ? offsetForTime(leaderLog, byTime!)
              : 0;
  }
  resetCommitted(sim, g, cmd.topic, offsets);
  return OK;
}

/**
 * Queue: every running consumer that reads `topic` joins one group (the first such group).
 * Publish-subscribe: each of them gets a group of its own. Consumers move by leaving their group
 * and joining the other, so the rebalances are real.
 */
function setDeliveryMode(sim: Sim, topic: string, mode: 'queue' | 'pubsub'): Result {
  const w = sim.world;
  if (!w.topics[topic] || isInternalTopic(topic))
    return fail('UNKNOWN_TOPIC_OR_PARTITION', `topic: no topic "${topic}"`, 'topic', { topic });
  if (mode !== 'queue' && mode !== 'pubsub')
    return fail(
      'INVALID_VALUE',
      `mode must be "queue" or "pubsub", got ${JSON.stringify(mode)}`,
      'mode',
      { got: JSON.stringify(mode), values: '"queue", "pubsub"', ruleKey: 'oneOf' },
    );
  const groups = Object.values(w.groups).filter((g) => g.topics.includes(topic));
  const readers = groups.flatMap((g) =>
    g.consumerIds
      .map((id) => w.consumers[id])
      .filter((c) => c && c.groupId === g.id && isRunning(c)),
  );
  if (readers.length === 0)
    return fail('NO_CONSUMERS', `no running consumer reads topic "${topic}"`, 'topic', { topic });
  if (mode === 'queue') {
    const target = groups.find((g) => readers.some((c) => c.groupId === g.id))!;
    for (const c of readers) if (c.groupId !== target.id) moveConsumer(sim, c, target);
  } else {
    const seen = new Set<string>();
    for (const c of readers) {
      if (!seen.has(c.groupId)) {
        seen.add(c.groupId);
        continue;
      }
      const old = w.groups[c.groupId];
      let id = c.id;
      for (let n = 2; w.groups[id]; n++) id = `${c.id}-${n}`;
      const group = createGroup(
        sim,
        id,
        old.topics,
        Object.fromEntries(Object.entries(old.config.explicit).map(([k, v]) => [k, v.value])),
        'user',
      );
      moveConsumer(sim, c, group);
    }
  }
  return OK;
}

function moveConsumer(sim: Sim, c: ConsumerState, to: GroupRecord): void {
  const from = sim.world.groups[c.groupId];
  closeConsumer(sim, c);
  from.consumerIds = from.consumerIds.filter((id) => id !== c.id);
  c.groupId = to.id;
  c.config.explicit = { ...to.config.explicit };
  refreshSlot(sim.world, c.config);
  to.consumerIds.push(c.id);
  sim.emit({ type: 'consumer.added', groupId: to.id, consumerId: c.id, t: sim.now });
  startConsumer(sim, c);
}
