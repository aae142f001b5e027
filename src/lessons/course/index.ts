// The course, in order. The app loads this module on demand (it is not in the initial bundle).
import type { Lesson } from '../types';
import { whyAMessageQueue } from './01-why-a-message-queue';
import { kafkaAndATraditionalQueue } from './02-kafka-and-a-traditional-queue';
import { topicsPartitionsOffsets } from './03-topics-partitions-offsets';
import { choosingAPartition } from './04-choosing-a-partition';
import { batchingAndAsyncSend } from './05-batching-and-async-send';
import { consumersPull } from './06-consumers-pull';
import { queueOrPubsub } from './07-queue-or-pubsub';

export const COURSE: readonly Lesson[] = [
  whyAMessageQueue,
  kafkaAndATraditionalQueue,
  topicsPartitionsOffsets,
  choosingAPartition,
  batchingAndAsyncSend,
  consumersPull,
  queueOrPubsub,
];

export function findLesson(id: string): Lesson | undefined {
  return COURSE.find((l) => l.id === id);
}
