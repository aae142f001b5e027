// The consumer's picture of the cluster: partition counts of its group's topics and each
// partition's leader, from Metadata requests to the least recently failed broker it knows.
import type { Sim } from '../../sim/sim';
import { tpKey } from '../../sim/ids';
import type { ConsumerState, Message } from '../../sim/world';
import { pickBroker } from '../pickBroker';
import { groupTopics, request } from './network';

export function requestMetadata(sim: Sim, c: ConsumerState): void {
  if (c.metadata.inFlight) return;
  c.metadata.inFlight = true;
  const broker = pickBroker(c.requests.knownBrokers, c.requests.brokerFailedAt);
  request(sim, c, broker, 'metadata', (reqId) => ({ reqId, topics: groupTopics(sim, c) }));
}

/**
 * Take in a Metadata answer. Says whether a topic or a leader was missing (ask again later) and
 * whether a partition count changed (the group must rebalance).
 */
export function applyMetadata(
  c: ConsumerState,
  msg: Message<'metadata-response'>,
): { missing: boolean; countsChanged: boolean } {
  const md = c.metadata;
  md.inFlight = false;
  if (msg.body.brokers.length > 0) c.requests.knownBrokers = [...msg.body.brokers];
  let countsChanged = false;
  let missing = false;
  for (const t of msg.body.topics) {
    if (t.error) {
      missing = true;
      // A topic we knew is gone (deleted): its partitions leave the assignment at the next
      // rebalance, which the changed metadata sets off (ConsumerCoordinator's metadata snapshot).
      if (t.error === 'UNKNOWN_TOPIC_OR_PARTITION' && md.partitionCounts[t.name] !== undefined) {
        delete md.partitionCounts[t.name];
        for (const key of Object.keys(md.leaders))
          if (key.startsWith(`${t.name}-`) && /^\d+$/.test(key.slice(t.name.length + 1)))
            delete md.leaders[key];
        countsChanged = true;
      }
      continue;
    }
    // A count that changed, or a topic that (re)appeared, changes the metadata the group's
    // assignment was made from: Kafka's leader rejoins when its assignment snapshot no longer
    // matches (ConsumerCoordinator.rejoinNeededOrPending). Only a stable member acts on it.
    if (md.partitionCounts[t.name] !== t.partitions.length) countsChanged = true;
    md.partitionCounts[t.name] = t.partitions.length;
    for (const m of t.partitions) {
      const key = tpKey(m.topic, m.partition);
      const hw = md.leaders[key]?.hw ?? 0;
      md.leaders[key] = { leader: m.leader, leaderEpoch: m.leaderEpoch, hw };
      if (m.leader < 0) missing = true;
    }
  }
  return { missing, countsChanged };
}

/** The leader of partition `tp` as the consumer knows it, or -1. */
export function leaderOf(c: ConsumerState, tp: string): number {
  return c.metadata.leaders[tp]?.leader ?? -1;
}
