// Requests any broker answers for clients: Metadata, consumer Fetch, ListOffsets,
// FindCoordinator and InitProducerId.
import * as cfg from '../config/access';
import { autoCreateTopic, ensureOffsetsTopic } from '../controller/topics';
import { controllerCanAct } from '../controller/controller';
import { brokerNode, clientIdOf, tpKey } from '../sim/ids';
import { coordinatorPartitionKey, OFFSETS_TOPIC } from '../sim/internalTopics';
import type { Sim } from '../sim/sim';
import type { BrokerState, Message, PartitionMeta } from '../sim/world';
import { endOffsetForEpoch } from '../kernels';
import { write } from '../controller/write';
import { park } from './fetchPurgatory';
import { offsetAtOrAfterTime } from './offsetForTime';
import { consumerFetchError, respondConsumerFetch } from './fetchResponses';

/** Every topic in the broker's metadata image, in the order its partitions came. */
function topicsInImage(b: BrokerState): string[] {
  const names = new Set<string>();
  for (const meta of Object.values(b.meta)) names.add(meta.topic);
  return [...names];
}

export function handleMetadata(sim: Sim, b: BrokerState, msg: Message<'metadata'>): void {
  const asked = msg.body.topics ?? topicsInImage(b);
  const autoCreate =
    msg.body.allowAutoTopicCreation === true && cfg.bool(b.config, 'auto.create.topics.enable');
  const topics = asked.map((name) => {
    if (autoCreate && sim.world.topics[name] === undefined)
      autoCreateTopic(sim, b, name, msg.body.clientId ?? clientIdOf(msg.from));
    // What this broker's metadata image holds of the topic, by partition.
    const partitions: PartitionMeta[] = [];
    const count = sim.world.topics[name]?.numPartitions ?? 0;
    for (let p = 0; p < count; p++) {
      const meta = b.meta[tpKey(name, p)];
      if (meta !== undefined) partitions.push(meta);
    }
    // A topic being created (auto-creation, or a CreateTopics this broker has not read yet):
    // LEADER_NOT_AVAILABLE, as Kafka's broker answers while it waits (kafka-spec 4.3).
    const creating = autoCreate && sim.world.topics[name] !== undefined;
    const unknown = creating ? 'LEADER_NOT_AVAILABLE' : 'UNKNOWN_TOPIC_OR_PARTITION';
    return { name, error: partitions.length === 0 ? unknown : null, partitions };
  });
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'metadata-response',
    {
      reqId: msg.body.reqId,
      brokers: [...b.liveBrokers],
      controllerId: b.controllerId,
      topics,
    },
    { toInc: msg.fromInc },
  );
}

export function handleFetch(sim: Sim, b: BrokerState, msg: Message<'fetch'>): void {
  let ready = false;
  for (const part of msg.body.partitions) {
    const key = tpKey(part.topic, part.partition);
    if (consumerFetchError(b, part, key)) {
      ready = true;
      break;
    }
    if (part.fetchOffset < b.logs[key].hw) ready = true;
  }
  if (!ready && msg.body.maxWaitMs > 0) park(sim, b, msg, msg.body.maxWaitMs);
  else respondConsumerFetch(sim, b, msg);
}

export function handleListOffsets(sim: Sim, b: BrokerState, msg: Message<'list-offsets'>): void {
  const results = msg.body.partitions.map((part) => {
    const key = tpKey(part.topic, part.partition);
    const log = b.logs[key];
    const refuse = (error: string) => ({
      topic: part.topic,
      partition: part.partition,
      error,
      offset: -1,
    });
    if (sim.world.topics[part.topic] === undefined) return refuse('UNKNOWN_TOPIC_OR_PARTITION');
    if (!b.lead[key] || !log) return refuse('NOT_LEADER_OR_FOLLOWER');
    // -2 = earliest (log start offset), -1 = latest (high watermark, read_uncommitted), else by
    // time: the first readable record at or after it, -1 if there is none (as Kafka answers).
    const offset =
      part.timestamp === -2
        ? log.logStartOffset
        : part.timestamp === -1
          ? log.hw
          : (offsetAtOrAfterTime(log, part.timestamp) ?? -1);
    return { topic: part.topic, partition: part.partition, error: null, offset };
  });
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'list-offsets-response',
    { reqId: msg.body.reqId, results },
    { toInc: msg.fromInc },
  );
}

/**
 * OffsetsForLeaderEpoch from a consumer (KIP-320; Kafka's Partition.lastOffsetForLeaderEpoch):
 * the end offset of the requested epoch in the leader's log, after checking the caller's view of
 * the leader epoch.
 */
export function handleOffsetsForLeaderEpoch(
  sim: Sim,
  b: BrokerState,
  msg: Message<'offsets-for-leader-epoch'>,
): void {
  const results = msg.body.partitions.map((part) => {
    const key = tpKey(part.topic, part.partition);
    const lead = b.lead[key];
    const log = b.logs[key];
    const answer = { topic: part.topic, partition: part.partition, leaderEpoch: -1, endOffset: -1 };
    if (lead === undefined || log === undefined)
      return { ...answer, error: 'NOT_LEADER_OR_FOLLOWER' };
    if (part.currentLeaderEpoch < lead.leaderEpoch)
      return { ...answer, error: 'FENCED_LEADER_EPOCH' };
    if (part.currentLeaderEpoch > lead.leaderEpoch)
      return { ...answer, error: 'UNKNOWN_LEADER_EPOCH' };
    const eo = endOffsetForEpoch(log.epochCache, part.leaderEpoch, log.leo);
    return { ...answer, error: null, leaderEpoch: eo.epoch, endOffset: eo.endOffset };
  });
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'offsets-for-leader-epoch-response',
    { reqId: msg.body.reqId, results },
    { toInc: msg.fromInc },
  );
}

export function handleFindCoordinator(
  sim: Sim,
  b: BrokerState,
  msg: Message<'find-coordinator'>,
): void {
  const reply = (error: string | null, coordinator: number) =>
    sim.send(
      brokerNode(b.id),
      b.inc,
      msg.from,
      'find-coordinator-response',
      { reqId: msg.body.reqId, error, coordinator },
      { toInc: msg.fromInc },
    );
  // Kafka creates __consumer_offsets on the first FindCoordinator; this answer comes too early.
  if (!sim.world.topics[OFFSETS_TOPIC]) {
    if (controllerCanAct(sim)) ensureOffsetsTopic(sim);
    return reply('COORDINATOR_NOT_AVAILABLE', -1);
  }
  const key = coordinatorPartitionKey(sim.world, msg.body.groupId)!;
  const meta = b.meta[key];
  if (!meta || meta.leader < 0) return reply('COORDINATOR_NOT_AVAILABLE', -1);
  reply(null, meta.leader);
}

export function handleInitProducerId(
  sim: Sim,
  b: BrokerState,
  msg: Message<'init-producer-id'>,
): void {
  // Brokers hand out ids from blocks the controller allocates; one counter stands for that.
  const id = sim.world.controller.nextProducerId;
  write(sim, [{ type: 'ProducerIdsRecord', nextProducerId: id + 1 }]);
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'init-producer-id-response',
    { reqId: msg.body.reqId, error: null, producerIdNumber: id, producerEpoch: 0 },
    { toInc: msg.fromInc },
  );
}
