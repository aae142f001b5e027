// A controller operation (handling a broker's request, a timer, a command) under a KRaft quorum
// (or in ZooKeeper mode, where the writes wait for ZooKeeper instead: zookeeper/writes.ts):
// what it writes takes effect for the cluster only once the quorum commits it, so the events it
// emits and the messages it sends after its first write wait for that commit (Kafka's
// QuorumController completes an operation's response future when its records are committed).
import type { MetadataRecord } from '../controller/records';
import type { Sim } from '../sim/sim';
import { activeControllerNode } from './commit';
import { appendWrite, extendWrite } from './writes';

/** Run `operation` as one controller operation (nested calls join the outer one). */
export function inControllerScope<T>(sim: Sim, operation: () => T): T {
  const w = sim.world;
  if ((!w.quorum?.started && !w.zookeeper?.started) || sim.controllerScope !== null)
    return operation();
  sim.controllerScope = { write: null };
  // Writes of earlier operations still wait for the quorum: this one's answers wait for them
  // too, even if it writes nothing (QuorumController completes an operation at the offset
  // written last), so nobody hears of a state the quorum has not committed.
  const pending = w.quorum?.started ? activeControllerNode(sim)?.leader?.pending : undefined;
  if (pending && pending.length > 0) sim.deferTo = pending[pending.length - 1];
  try {
    return operation();
  } finally {
    sim.controllerScope = null;
    sim.deferTo = null;
  }
}

/** Write records under the quorum; the rest of the operation's effects wait for the commit. */
export function writeToQuorum(sim: Sim, records: readonly MetadataRecord[]): void {
  const scope = sim.controllerScope;
  if (scope === null) throw new Error('a metadata write outside a controller operation');
  // A write already committed (a quorum of one) is done: what follows is a new write.
  if (scope.write === null || scope.write.committed) scope.write = appendWrite(sim, records);
  else extendWrite(sim, scope.write, records);
  if (!scope.write.committed) sim.deferTo = scope.write;
}
