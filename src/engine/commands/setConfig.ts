// setConfig: a live config change (kafka-configs --alter), stored where it applies, then what
// the key's definition says the change sets off (LiveChange in config/definitions.ts): a
// rejoin, an election of leaders for offline partitions, or a check that may refuse it.
// Broker and topic configs are metadata: the controller writes them as a ConfigRecord (KRaft) or
// to their znode (ZooKeeper mode), so they need an active controller, and the change is told
// (config.changed) once the quorum or ZooKeeper has committed it. Client configs are the
// client's own and change at once.
import { isIdempotent, drain } from '../client/producer';
import { isRunning } from '../client/consumer/state';
import { requestRejoin } from '../client/consumer/membership';
import { findConfigDefinition, type ConfigScope } from '../config/definitions';
import { refreshSlot } from '../config/resolve';
import { checkConfigValue } from '../config/validate';
import { controllerCanAct, electOfflinePartitions } from '../controller/controller';
import type { ConfigRecord } from '../controller/records';
import { write } from '../controller/write';
import { controllerUnavailable } from './controllerUnavailable';
import { isInternalTopic } from '../sim/internalTopics';
import type { Sim } from '../sim/sim';
import type { ConsumerState, ProducerState } from '../sim/world';
import type { Command, ConfigValue } from '../types';
import { fail, findBroker, findConsumer, findGroup, isResult, OK, type Result } from './results';

type SetConfig = Extract<Command, { type: 'setConfig' }>;

export function setConfig(sim: Sim, cmd: SetConfig): Result {
  const w = sim.world;
  const scope: ConfigScope = cmd.scope === 'group' ? 'consumer' : cmd.scope;
  const check = checkConfigValue(scope, cmd.key, cmd.value, 'value');
  if (!check.ok) return { ok: false, error: check.error };
  const onChange = findConfigDefinition(scope, cmd.key)!.onChange;
  const value = check.value;
  const entry = { value, source: 'user' as const };
  switch (cmd.scope) {
    case 'broker': {
      // The cluster-wide default (kafka-configs --entity-default) reaches every broker and topic.
      const cluster = cmd.id === 'cluster' || cmd.id === '*';
      const b = cluster ? null : findBroker(sim, cmd.id, 'id');
      if (isResult(b)) return b;
      if (!controllerCanAct(sim)) return controllerUnavailable(sim);
      write(sim, [configRecord('BROKER', b === null ? '' : String(b.id), cmd.key, value)]);
      if (onChange === 'elect-offline' && value === true) electOffline(sim);
      break;
    }
    case 'topic': {
      const t = w.topics[String(cmd.id)];
      if (!t || isInternalTopic(t.name))
        return fail('UNKNOWN_TOPIC_OR_PARTITION', `id: no topic "${cmd.id}"`, 'id', {
          topic: String(cmd.id),
        });
      if (!controllerCanAct(sim)) return controllerUnavailable(sim);
      write(sim, [configRecord('TOPIC', t.name, cmd.key, value)]);
      if (onChange === 'elect-offline' && value === true) electOffline(sim, t.name);
      break;
    }
    case 'producer': {
      const p = w.producers[String(cmd.id)];
      if (!p)
        return fail('UNKNOWN_PRODUCER', `id: no producer "${cmd.id}"`, 'id', {
          producerId: String(cmd.id),
        });
      const before = { ...p.config.explicit };
      p.config.explicit[cmd.key] = entry;
      refreshSlot(w, p.config);
      if (onChange === 'revalidate' && value === true && !isIdempotent(p.config)) {
        p.config.explicit = before;
        refreshSlot(w, p.config);
        return fail(
          'INVALID_CONFIG',
          'enable.idempotence=true needs acks=all, retries > 0 and max.in.flight.requests.per.connection <= 5',
          'value',
          { key: 'enable.idempotence', ruleKey: 'idempotenceNeeds' },
        );
      }
      restartProducer(sim, p);
      break;
    }
    case 'group':
    case 'consumer': {
      const targets: ConsumerState[] = [];
      if (cmd.scope === 'group') {
        const g = findGroup(sim, String(cmd.id), 'id');
        if (isResult(g)) return g;
        g.config.explicit[cmd.key] = entry;
        refreshSlot(w, g.config);
        for (const id of g.consumerIds)
          if (w.consumers[id]?.groupId === g.id) targets.push(w.consumers[id]);
      } else {
        const c = findConsumer(sim, String(cmd.id), 'id');
        if (isResult(c)) return c;
        targets.push(c);
      }
      for (const c of targets) {
        c.config.explicit[cmd.key] = entry;
        refreshSlot(w, c.config);
      }
      // A new assignor takes effect through a rebalance.
      if (onChange === 'rejoin') for (const c of targets) if (isRunning(c)) requestRejoin(sim, c);
      break;
    }
  }
  sim.emit({
    type: 'config.changed',
    scope: cmd.scope,
    id: String(cmd.id),
    key: cmd.key,
    value,
    t: sim.now,
  });
  return OK;
}

function configRecord(
  resourceType: ConfigRecord['resourceType'],
  resourceName: string,
  name: string,
  value: ConfigValue,
): ConfigRecord {
  return { type: 'ConfigRecord', resourceType, resourceName, name, value };
}

/** Unclean election turned on: partitions without a leader may get one now (all, or a topic's). */
function electOffline(sim: Sim, topic?: string): void {
  if (controllerCanAct(sim)) electOfflinePartitions(sim, topic);
}

/** Like a producer restarted with the new settings: a new producer id if idempotence changed. */
function restartProducer(sim: Sim, p: ProducerState): void {
  const idempotent = isIdempotent(p.config);
  if (idempotent !== p.idempotent) {
    p.idempotent = idempotent;
    p.pidNumber = -1;
    p.sequences = {};
  }
  drain(sim, p);
}
