// The leader's side of replication: a follower's fetch records how far that follower has come
// (its fetch state, kafka-spec 3.2), which may add it to the ISR and move the high watermark;
// then the fetch is answered, or parked until new data arrives (replica.fetch.wait.max.ms).
import { onFollowerFetch } from '../kernels';
import { tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { BrokerState, Message } from '../sim/world';
import { park } from './fetchPurgatory';
import { respondReplicaFetch } from './fetchResponses';
import { maybeAdvanceHw } from './highWatermark';
import { maybeExpandIsr } from './isr';
import { divergingEpoch } from './log';

export function handleReplicaFetch(sim: Sim, b: BrokerState, msg: Message<'replica-fetch'>): void {
  const follower = msg.body.replicaId;
  let anyData = false;
  let anyError = false;
  for (const part of msg.body.partitions) {
    const key = tpKey(part.topic, part.partition);
    const lead = b.lead[key];
    const log = b.logs[key];
    if (!lead || !log || part.currentLeaderEpoch !== lead.leaderEpoch) {
      anyError = true;
      continue;
    }
    if (
      divergingEpoch(log, part.lastFetchedEpoch, part.fetchOffset) !== null ||
      part.fetchOffset < log.logStartOffset
    ) {
      anyError = true;
      continue;
    }
    const state = lead.followers[follower];
    if (!state) continue;
    lead.followers[follower] = onFollowerFetch(state, part.fetchOffset, log.leo, sim.now);
    maybeExpandIsr(sim, b, key, follower);
    maybeAdvanceHw(sim, b, key);
    if (part.fetchOffset < log.leo) anyData = true;
  }
  if (!anyData && !anyError && msg.body.maxWaitMs > 0) {
    park(sim, b, msg, msg.body.maxWaitMs);
    return;
  }
  respondReplicaFetch(sim, b, msg);
}
