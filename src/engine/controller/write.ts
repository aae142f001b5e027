// The one way the controller changes metadata: write records. Today the quorum that replicates
// the metadata log is not modelled (the `controller-quorum` simplification), so a write commits
// at once and the image is replayed on the spot; with the KRaft quorum (docs/plan-metadata-modes.md)
// a write will wait for a majority of controllers before it is replayed.
import type { Sim } from '../sim/sim';
import { replay, type MetadataRecord } from './records';

export function write(sim: Sim, records: readonly MetadataRecord[]): void {
  for (const record of records) replay(sim.world, record, sim.now);
}
