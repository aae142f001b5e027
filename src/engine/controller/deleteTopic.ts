// DeleteTopics on the controller (KRaft ReplicationControlManager.deleteTopic): the topic and its
// partitions leave the metadata at once; brokers drop their replicas and logs when the update
// reaches them (broker/replicaRemoval.ts). Clients learn it from their next Metadata answer:
// UNKNOWN_TOPIC_OR_PARTITION. The group coordinator drops the committed offsets of the deleted
// partitions (GroupCoordinator.onPartitionsDeleted); here at the same moment, not a few ms later.
import { tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import { publish } from './controller';
import { write } from './write';

export function deleteTopicNow(sim: Sim, name: string): void {
  const w = sim.world;
  const topic = w.topics[name];
  write(sim, [{ type: 'RemoveTopicRecord', name }]);
  for (const g of Object.values(w.groups)) {
    for (let i = 0; i < topic.numPartitions; i++) {
      const key = tpKey(name, i);
      delete g.committed[key];
      if (g.committedEpochs) delete g.committedEpochs[key];
    }
  }
  sim.emit({ type: 'topic.deleted', topic: name, partitions: topic.numPartitions, t: sim.now });
  publish(sim, [], [name]);
}
