// Command results and the lookups every command starts with: each fails with an error that
// names the field and what is wrong, so an invalid command changes nothing.
import type { Sim } from '../sim/sim';
import type { BrokerState, ConsumerState, GroupRecord } from '../sim/world';
import type { DispatchResult, EngineError } from '../types';

export type Result = DispatchResult;
export const OK: Result = { ok: true };

export function fail(
  code: string,
  message: string,
  field?: string,
  params?: Record<string, string | number>,
): Result {
  const error: EngineError = { code, message };
  if (field) error.field = field;
  if (params) error.params = params;
  return { ok: false, error };
}

export function findBroker(sim: Sim, id: unknown, field = 'brokerId'): BrokerState | Result {
  const n = Number(id);
  const b = Number.isInteger(n) ? sim.broker(n) : undefined;
  if (!b) {
    return fail(
      'UNKNOWN_BROKER',
      `${field}: no broker ${String(id)} (brokers are 1..${sim.world.brokers.length})`,
      field,
      {
        brokerId: String(id),
        brokers: sim.world.brokers.length,
      },
    );
  }
  if (b.removed)
    return fail('BROKER_REMOVED', `${field}: broker ${b.id} was removed from the cluster`, field, {
      brokerId: b.id,
    });
  return b;
}

export function findGroup(sim: Sim, id: string, field = 'groupId'): GroupRecord | Result {
  return (
    sim.world.groups[id] ??
    fail('UNKNOWN_GROUP', `${field}: no consumer group "${id}"`, field, { groupId: id })
  );
}

export function findConsumer(sim: Sim, id: string, field = 'consumerId'): ConsumerState | Result {
  return (
    sim.world.consumers[id] ??
    fail('UNKNOWN_CONSUMER', `${field}: no consumer "${id}"`, field, { consumerId: id })
  );
}

export const isResult = (x: unknown): x is Result =>
  typeof x === 'object' && x !== null && 'ok' in x;
