// The course, in order. The app loads this module on demand (it is not in the initial bundle).
import type { Lesson } from '../types';
import { whyAMessageQueue } from './01-why-a-message-queue';
import { kafkaAndATraditionalQueue } from './02-kafka-and-a-traditional-queue';
import { topicsPartitionsOffsets } from './03-topics-partitions-offsets';
import { choosingAPartition } from './04-choosing-a-partition';
import { batchingAndAsyncSend } from './05-batching-and-async-send';
import { consumersPull } from './06-consumers-pull';
import { queueOrPubsub } from './07-queue-or-pubsub';
import { rebalancing } from './08-rebalancing';
import { replication } from './09-replication';
import { failover } from './10-failover';
import { durability } from './11-durability';
import { whereAckedDataIsLost } from './12-where-acked-data-is-lost';
import { ordering } from './13-ordering';
import { retention } from './14-retention';
import { whoKeepsTheMetadata } from './15-who-keeps-the-metadata';
import { zookeeperBeforeKraft } from './16-zookeeper-before-kraft';

export const COURSE: readonly Lesson[] = [
  whyAMessageQueue,
  kafkaAndATraditionalQueue,
  topicsPartitionsOffsets,
  choosingAPartition,
  batchingAndAsyncSend,
  consumersPull,
  queueOrPubsub,
  rebalancing,
  replication,
  failover,
  durability,
  whereAckedDataIsLost,
  ordering,
  retention,
  whoKeepsTheMetadata,
  zookeeperBeforeKraft,
];

export function findLesson(id: string): Lesson | undefined {
  return COURSE.find((l) => l.id === id);
}
