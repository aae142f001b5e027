// The application's loop around poll(): each poll hands out up to max.poll.records buffered
// records, round-robin over partitions, and the application processes them one at a time
// (sim.processing.ms each, a sim-only setting), then polls again. Positions move as records are
// processed; commits follow the poll (auto-commit's interval, or after each batch without it).
// poll() is also where the group protocol moves (Kafka's ConsumerCoordinator.poll): a rejoin the
// group asked for waits for it, and max.poll.interval.ms counts the time between two polls.
import * as cfg from '../../config/access';
import { keyAt, recordOffset, valueAt } from '../../records/batch';
import type { Sim } from '../../sim/sim';
import { parseTp } from '../../sim/ids';
import type { ConsumerState } from '../../sim/world';
import { commit, maybeAutoCommit } from './commits';
import { maybeFetch, schedulePoll } from './fetcher';
import { maybeRejoin } from './membership';
import { isRunning } from './state';

/** One step of the application loop. */
export function onPoll(sim: Sim, c: ConsumerState, token: number): void {
  const loop = c.poll;
  if (token !== loop.token || !isRunning(c)) return;
  const processingMs = cfg.int(c.config, 'sim.processing.ms');
  if (loop.inHand.length === 0) {
    // poll(): the application is back in the client, no longer processing.
    loop.active = false;
    loop.lastPollAt = sim.now;
    if (c.membership.rejoinNeeded) maybeRejoin(sim, c);
    maybeAutoCommit(sim, c);
    takePollBatch(c);
    if (loop.inHand.length === 0) {
      maybeFetch(sim, c);
      return;
    }
    armPollTimeout(sim, c);
    maybeFetch(sim, c);
  }
  // Process records; with no processing time the whole poll batch is handled now.
  do {
    const run = loop.inHand[0];
    const batch = run.batch;
    const index = run.from;
    const offset = recordOffset(run.batch, run.from);
    run.from++;
    if (run.from >= run.to) loop.inHand.shift();
    if (!run.revoked) c.positions.byPartition[run.tp] = offset + 1;
    c.consumed++;
    sim.emit({
      type: 'record.consumed',
      groupId: c.groupId,
      consumerId: c.id,
      topic: run.topic,
      partition: run.partition,
      offset,
      key: keyAt(batch, index),
      value: valueAt(batch, index),
      ...(run.revoked ? { revoked: true as const } : {}),
      t: sim.now,
    });
  } while (processingMs === 0 && loop.inHand.length > 0);
  if (loop.inHand.length === 0 && !cfg.bool(c.config, 'enable.auto.commit')) commit(sim, c);
  schedulePoll(sim, c, processingMs);
}

/** max.poll.interval.ms from this poll(): the heartbeat thread checks it (pollTimeoutExpired). */
function armPollTimeout(sim: Sim, c: ConsumerState): void {
  c.poll.pollTimeoutToken++;
  sim.timer(
    c.node,
    c.inc,
    'consumer.poll-timeout',
    cfg.int(c.config, 'max.poll.interval.ms'),
    c.poll.pollTimeoutToken,
  );
}

/** poll(): hand out up to max.poll.records, round-robin over partitions so none starves. */
function takePollBatch(c: ConsumerState): void {
  let budget = cfg.int(c.config, 'max.poll.records');
  const buffer = c.fetcher.buffer;
  while (budget > 0) {
    let took = false;
    for (const tp of c.membership.owned) {
      const buf = buffer[tp];
      if (!buf || buf.length === 0 || budget === 0) continue;
      const head = buf[0];
      const n = Math.min(head.batch.count - head.from, budget);
      const { topic, partition } = parseTp(tp);
      c.poll.inHand.push({
        tp,
        topic,
        partition,
        batch: head.batch,
        from: head.from,
        to: head.from + n,
      });
      head.from += n;
      c.positions.offsetEpoch[tp] = head.batch.epoch;
      if (head.from >= head.batch.count) buf.shift();
      budget -= n;
      took = true;
    }
    if (!took) break;
  }
}
