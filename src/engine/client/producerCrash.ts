// A producer process that crashes (kill -9 of the application) and starts again. What was in
// its buffer (RecordAccumulator, and records waiting for metadata) was never sent: it is gone,
// and counted as lost. Requests in flight may still be written by the broker, but nobody hears
// the answer. The restarted process is a new client: fresh metadata, and, when idempotent, a
// new producer id from InitProducerId (its old sequences mean nothing).
import type { Sim } from '../sim/sim';
import type { ProducerState } from '../sim/world';
import { bootProducer } from './producer';

/** Records the producer holds but has not sent (waiting for metadata or in unsent batches). */
export function unsentRecords(p: ProducerState): number {
  let n = p.waiting.length;
  for (const queue of Object.values(p.queues))
    for (const batch of queue) if (!batch.inFlight) n += batch.records.length;
  return n;
}

export function crashProducer(sim: Sim, p: ProducerState): void {
  const lost = unsentRecords(p);
  p.stats.lostUnsent = (p.stats.lostUnsent ?? 0) + lost;
  p.crashed = true;
  // A new incarnation: the old life's timers and replies find nobody waiting.
  p.inc = sim.world.nextInc++;
  p.waiting = [];
  p.queues = {};
  p.inFlight = {};
  p.pending = {};
  p.connections = {};
  p.metadataInFlight = false;
  p.pidInFlight = false;
  p.expiryWakeAt = -1;
  // Its errors were about records that are gone now.
  p.standingErrors = [];
  sim.emit({ type: 'producer.crashed', producerId: p.id, lostRecords: lost, t: sim.now });
}

export function restartProducer(sim: Sim, p: ProducerState): void {
  p.crashed = false;
  p.inc = sim.world.nextInc++;
  p.leaders = [];
  p.numPartitions = 0;
  p.keyPartitions = {};
  p.knownBrokers = sim.world.brokers.map((b) => b.id);
  p.brokerFailedAt = {};
  p.metadataStale = true;
  p.sticky = { partition: -1, producedBytes: 0 };
  p.pidNumber = -1;
  p.producerEpoch = 0;
  p.sequences = {};
  p.owed = 0;
  p.lastGenerateAt = sim.now;
  p.generateToken++;
  p.lastError = null;
  sim.emit({ type: 'producer.restarted', producerId: p.id, t: sim.now });
  bootProducer(sim, p);
}
