// The simulator's limits (../limits.ts) as command checks: each refusal names the field, the
// limit and the rule (its key in the scenario layer's rules catalogue, for translation).
import { LIMITS } from '../limits';
import { isInternalTopic } from '../sim/internalTopics';
import type { Sim } from '../sim/sim';
import { fail, OK, type Result } from './results';

/** A number at most `limit` (NaN and Infinity are refused too). */
export function atMost(value: unknown, limit: number, field: string): Result {
  if (typeof value !== 'number' || !(value <= limit))
    return fail(
      'INVALID_VALUE',
      `${field} must be at most ${limit} (a limit of this simulator), got ${JSON.stringify(value)}`,
      field,
      { limit, got: JSON.stringify(value), ruleKey: 'limitAtMost' },
    );
  return OK;
}

/** A name or text at most `limit` characters long. */
export function shortText(
  value: unknown,
  field: string,
  limit: number = LIMITS.nameLength,
): Result {
  if (typeof value === 'string' && value.length > limit)
    return fail(
      'INVALID_VALUE',
      `${field} must be at most ${limit} characters long (a limit of this simulator), got ${value.length}`,
      field,
      { limit, got: value.length, ruleKey: 'limitChars' },
    );
  return OK;
}

/** A list of at most `limit` items. */
export function fewItems(value: unknown, field: string, limit: number): Result {
  if (Array.isArray(value) && value.length > limit)
    return fail(
      'INVALID_VALUE',
      `${field} must list at most ${limit} items (a limit of this simulator), got ${value.length}`,
      field,
      { limit, got: value.length, ruleKey: 'limitItems' },
    );
  return OK;
}

type Total =
  | 'Brokers'
  | 'Controllers'
  | 'ZooKeeperServers'
  | 'Partitions'
  | 'Consumers'
  | 'Producers'
  | 'Groups'
  | 'ConsumersPerGroup';

const WHAT: Record<Total, string> = {
  Brokers: 'brokers',
  Controllers: 'controllers',
  ZooKeeperServers: 'ZooKeeper servers',
  Partitions: 'partitions in all topics',
  Consumers: 'consumers',
  Producers: 'producers',
  Groups: 'consumer groups',
  ConsumersPerGroup: 'consumers in the group',
};

/** Adding `more` to `have` must stay within `limit` (a count of the whole cluster). */
export function withinTotal(
  kind: Total,
  have: number,
  more: number,
  limit: number,
  field: string,
): Result {
  const total = have + more;
  if (total > limit)
    return fail(
      'INVALID_VALUE',
      `${field}: this would make ${total} ${WHAT[kind]}; this simulator allows at most ${limit}`,
      field,
      { total, limit, ruleKey: `limit${kind}` },
    );
  return OK;
}

/** Partitions of every user topic (internal topics are the cluster's own). */
export function userPartitions(sim: Sim): number {
  let n = 0;
  for (const topic of Object.values(sim.world.topics))
    if (!isInternalTopic(topic.name)) n += topic.numPartitions;
  return n;
}

export function firstFailure(...checks: Result[]): Result {
  for (const check of checks) if (!check.ok) return check;
  return OK;
}
