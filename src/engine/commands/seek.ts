// seek (KafkaConsumer.seek(partition, offset)): the application moves a consumer's position on a
// partition it owns. Only the position moves; nothing is committed until the next commit (with
// enable.auto.commit, the next auto-commit). An offset outside the log is not refused here: as in
// Kafka, the next fetch answers OFFSET_OUT_OF_RANGE and auto.offset.reset decides.
import { setPosition } from '../client/consumer/assignment';
import { maybeFetch } from '../client/consumer/fetcher';
import { isRunning } from '../client/consumer/state';
import { tpKey } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { Command } from '../types';
import { fail, findConsumer, isResult, OK, type Result } from './results';

export function seek(sim: Sim, cmd: Extract<Command, { type: 'seek' }>): Result {
  const c = findConsumer(sim, cmd.consumerId);
  if (isResult(c)) return c;
  if (!isRunning(c))
    return fail('CONSUMER_NOT_RUNNING', `consumer ${c.id} is not running`, 'consumerId', {
      consumerId: c.id,
    });
  const tp = tpKey(cmd.topic, cmd.partition);
  // Kafka: IllegalStateException "No current assignment for partition".
  if (!c.membership.owned.includes(tp))
    return fail(
      'PARTITION_NOT_ASSIGNED',
      `partition: consumer ${c.id} is not assigned ${tp}; seek works only on partitions it owns`,
      'partition',
      { consumerId: c.id, partition: tp },
    );
  setPosition(c, tp, cmd.offset);
  // A seek overrides an offset still being looked up (committed offset or reset).
  c.positions.unknown = c.positions.unknown.filter((x) => x !== tp);
  delete c.positions.awaitingReset?.[tp];
  sim.emit({
    type: 'offset.reset',
    groupId: c.groupId,
    consumerId: c.id,
    topic: cmd.topic,
    partition: cmd.partition,
    offset: cmd.offset,
    reason: { code: 'seek' },
    t: sim.now,
  });
  maybeFetch(sim, c);
  return OK;
}
