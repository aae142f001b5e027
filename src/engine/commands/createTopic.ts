// CreateTopics (kafka-topics --create, or a real client's request): the checks, then the
// controller's placement and records. A hand-made assignment is checked broker by broker.
import { LIMITS } from '../limits';
import { createTopicWithAssignment, placeReplicas } from '../controller/topics';
import type { Sim } from '../sim/sim';
import type { TopicSpec } from '../types';
import {
  checkConfigs,
  checkPositiveInt,
  checkTopicName,
  needController,
  normaliseConfigs,
} from './checks';
import { atMost, userPartitions, withinTotal } from './limitChecks';
import { fail, OK, type Result } from './results';

export function createTopic(
  sim: Sim,
  spec: TopicSpec,
  source: 'scenario' | 'user',
  prefix: string,
): Result {
  const f = (name: string) => (prefix ? `${prefix}.${name}` : name);
  for (const check of [
    checkTopicName(sim, spec.name, f('name')),
    checkPositiveInt(spec.partitions, f('partitions')),
    atMost(spec.partitions, LIMITS.partitionsPerTopic, f('partitions')),
    withinTotal(
      'Partitions',
      userPartitions(sim),
      spec.partitions,
      LIMITS.partitions,
      f('partitions'),
    ),
    checkPositiveInt(spec.replicationFactor, f('replicationFactor')),
    checkConfigs('topic', spec.config, f('config')),
  ]) {
    if (!check.ok) return check;
  }
  const ctl = needController(sim);
  if (!ctl.ok) return ctl;
  if (spec.assignment !== undefined) {
    const check = checkAssignment(sim, spec, f('assignment'));
    if (!check.ok) return check;
    createTopicWithAssignment(
      sim,
      spec.name,
      spec.assignment.map((r) => [...r]),
      normaliseConfigs('topic', spec.config),
      source,
    );
    return OK;
  }
  const placed = placeReplicas(sim, spec.partitions, spec.replicationFactor);
  if (!placed.ok) {
    const e = placed.error;
    return fail(
      e.code,
      `${f('replicationFactor')} ${spec.replicationFactor} exceeds live brokers ${e.params?.liveBrokers ?? '?'}`,
      f('replicationFactor'),
      e.params,
    );
  }
  createTopicWithAssignment(
    sim,
    spec.name,
    placed.assignment,
    normaliseConfigs('topic', spec.config),
    source,
  );
  return OK;
}

/** A hand-made placement must name existing brokers, RF of them per partition, no repeats. */
function checkAssignment(
  sim: Sim,
  spec: { partitions: number; replicationFactor: number; assignment?: number[][] },
  field: string,
): Result {
  const a = spec.assignment!;
  if (!Array.isArray(a) || a.length !== spec.partitions) {
    return fail(
      'INVALID_REPLICA_ASSIGNMENT',
      `${field} must list ${spec.partitions} partitions`,
      field,
    );
  }
  for (const [p, replicas] of a.entries()) {
    const at = `${field}[${p}]`;
    if (!Array.isArray(replicas) || replicas.length !== spec.replicationFactor) {
      return fail(
        'INVALID_REPLICA_ASSIGNMENT',
        `${at} must list ${spec.replicationFactor} brokers (the replication factor)`,
        at,
      );
    }
    if (new Set(replicas).size !== replicas.length) {
      return fail('INVALID_REPLICA_ASSIGNMENT', `${at} lists a broker twice`, at);
    }
    for (const id of replicas) {
      if (!sim.world.controller.brokers[id]?.registered) {
        return fail('INVALID_REPLICA_ASSIGNMENT', `${at}: no broker ${id}`, at, { brokerId: id });
      }
    }
  }
  return OK;
}
