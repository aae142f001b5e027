// The short summary printed after the timeline: who is up, who leads what, and what happened to
// the records. Counts come from the events, state from the final view.
import type { ClusterView, SimEvent } from '../engine';
import { formatTime } from './describe';
import { isLiveConsumer } from '../engine';

export interface RecordCounts {
  acked: number;
  /** Given up by the producer (record.failed, not retriable). */
  failed: number;
  /** Failed attempts the producer retried. */
  retried: number;
  consumed: number;
  /** Acknowledged, then removed by a log truncation (log.truncated lostAcked), each counted once. */
  lost: number;
}

export function countRecords(events: readonly SimEvent[]): RecordCounts {
  const counts: RecordCounts = { acked: 0, failed: 0, retried: 0, consumed: 0, lost: 0 };
  // Several replicas may truncate away the same record: count it once.
  const lost = new Set<string>();
  for (const e of events) {
    if (e.type === 'record.acked') counts.acked++;
    else if (e.type === 'record.failed') counts[e.retriable ? 'retried' : 'failed']++;
    else if (e.type === 'record.consumed') counts.consumed++;
    else if (e.type === 'log.truncated') {
      for (const r of e.lostAcked) lost.add(`${e.topic}-${e.partition}@${r.offset}:${r.key}`);
    }
  }
  counts.lost = lost.size;
  return counts;
}

export function summarize(view: ClusterView, events: readonly SimEvent[]): string[] {
  const lines = [`--- state at ${formatTime(view.now)} ---`];

  lines.push(
    `controller: ${view.controller.brokerId === null ? 'none' : `broker ${view.controller.brokerId} (epoch ${view.controller.epoch})`}`,
  );
  const brokers = view.brokers.map((b) => {
    const flags = [b.status, b.isolated ? 'isolated' : '', b.fenced ? 'fenced' : ''];
    return `${b.id} ${flags.filter(Boolean).join(', ')}`;
  });
  lines.push(`brokers: ${brokers.length ? brokers.join('; ') : 'none'}`);

  lines.push('partitions:');
  for (const topic of view.topics) {
    // Internal topics (__consumer_offsets) would drown the summary.
    if (topic.name.startsWith('__')) {
      lines.push(`  ${topic.name}: ${topic.partitions.length} partitions (internal, not listed)`);
      continue;
    }
    for (const p of topic.partitions) {
      const leader = p.offline ? 'OFFLINE' : `leader ${p.leader} (epoch ${p.leaderEpoch})`;
      lines.push(
        `  ${p.topic}-${p.partition}  ${leader}  ISR [${p.isr.join(',')}]  replicas [${p.replicas.join(',')}]  log ${p.logStartOffset}..${p.logEndOffset}, HW ${p.highWatermark}`,
      );
    }
  }
  if (view.topics.length === 0) lines.push('  none');

  if (view.groups.length > 0) lines.push('groups:');
  for (const group of view.groups) {
    const members = view.consumers
      .filter((c) => c.groupId === group.id && isLiveConsumer(c.status))
      .map((c) => `${c.id} ${c.assignment.length ? c.assignment.join(' ') : '(idle)'}`);
    const lag = group.offsets.reduce((sum, o) => sum + (o.lag ?? 0), 0);
    lines.push(
      `  ${group.id}  ${group.state}, generation ${group.generation}, lag ${lag}: ${members.join('; ') || 'no consumers'}`,
    );
  }

  const c = countRecords(events);
  lines.push(
    `records: ${c.acked} acknowledged, ${c.failed} failed (given up), ${c.retried} retried, ${c.consumed} consumed, ${c.lost} lost (acknowledged, then truncated away)`,
  );
  return lines;
}
