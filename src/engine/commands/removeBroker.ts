// removeBroker: what an operator does to decommission a broker, in one command. Kafka has no
// single tool for it: kafka-reassign-partitions moves the replicas away (the controller's
// AlterPartitionReassignments), the broker is shut down, and `kafka-cluster unregister` removes
// its registration. Refused, naming the partition, when a replica cannot move without lowering
// the replication factor (no live broker left that does not hold that partition yet).
import { combinedControllerOf } from '../quorum/combined';
import { controllerCanAct } from '../controller/controller';
import { beginBrokerRemoval, isReassigning, planRemoval } from '../controller/reassignment';
import { tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import { controllerUnavailable } from './controllerUnavailable';
import { fail, findBroker, isResult, OK, type Result } from './results';

export function removeBroker(sim: Sim, brokerId: number): Result {
  const b = findBroker(sim, brokerId);
  if (isResult(b)) return b;
  const c = sim.world.controller;
  if (c.removingBrokers?.includes(b.id))
    return fail('REASSIGNMENT_IN_PROGRESS', `broker ${b.id} is already being removed`, 'brokerId', {
      brokerId: b.id,
    });
  if (combinedControllerOf(sim, b.id))
    return fail(
      'BROKER_IS_VOTER',
      `broker ${b.id} also runs controller ${b.id} of the KRaft quorum (combined placement): removing a voter (KIP-853) is not modelled`,
      'brokerId',
      { brokerId: b.id },
    );
  if (!controllerCanAct(sim)) return controllerUnavailable(sim);
  if (
    sim.world.brokers.every((o) => o.id === b.id || o.removed || c.removingBrokers?.includes(o.id))
  )
    return fail('LAST_BROKER', `broker ${b.id} is the last broker of the cluster`, 'brokerId', {
      brokerId: b.id,
    });
  for (const p of Object.values(c.partitions)) {
    if (p.replicas.includes(b.id) && isReassigning(sim, tpKey(p.topic, p.partition)))
      return fail(
        'REASSIGNMENT_IN_PROGRESS',
        `partition ${p.topic}-${p.partition} on broker ${b.id} is already being reassigned`,
        'brokerId',
        { brokerId: b.id, partition: `${p.topic}-${p.partition}` },
      );
  }
  const plan = planRemoval(sim, b.id);
  if (!plan.ok) {
    const partition = `${plan.topic}-${plan.partition}`;
    return fail(
      'REPLICATION_FACTOR_NOT_KEPT',
      `cannot remove broker ${b.id}: partition ${partition} has replication factor ${plan.replicationFactor} and no other live broker can take its replica (add a broker or restart one first)`,
      'brokerId',
      { brokerId: b.id, partition, replicationFactor: plan.replicationFactor },
    );
  }
  beginBrokerRemoval(sim, b.id, plan.moves);
  return OK;
}
