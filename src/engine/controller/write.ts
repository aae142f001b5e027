// The one way the controller changes metadata: write records. While the world is being built
// (the cluster has been running) a write commits at once and the image is replayed on the spot.
// Under the KRaft quorum the records go to the active controller's `__cluster_metadata` log and the operation's consequences wait until a majority of the
// controllers has them (quorum/scope.ts); in ZooKeeper mode they wait for ZooKeeper to commit the
// znode writes (zookeeper/writes.ts).
import type { Sim } from '../sim/sim';
import { writeToQuorum } from '../quorum/scope';
import { writeToZooKeeper } from '../zookeeper/writes';
import { replay, type MetadataRecord } from './records';

export function write(sim: Sim, records: readonly MetadataRecord[]): void {
  // Brokers hand out producer ids from blocks the controller gave them in advance, so a new id
  // does not wait for the quorum (one counter stands for the blocks).
  const w = sim.world;
  const started = w.quorum?.started || w.zookeeper?.started;
  if (!started || records.every((r) => r.type === 'ProducerIdsRecord')) {
    for (const record of records) replay(w, record, sim.now);
    return;
  }
  if (w.zookeeper) writeToZooKeeper(sim, records);
  else writeToQuorum(sim, records);
}
