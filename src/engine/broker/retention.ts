// The broker's periodic retention pass (log.retention.check.interval.ms) over every log it holds.
import * as cfg from '../config/access';
import { isInternalTopic } from '../sim/internalTopics';
import type { Sim } from '../sim/sim';
import type { BrokerState } from '../sim/world';
import { applyRetention } from './log';

export function onRetentionCheck(sim: Sim, b: BrokerState): void {
  for (const log of Object.values(b.logs)) {
    const topic = sim.world.topics[log.topic];
    if (!topic || isInternalTopic(topic.name)) continue;
    const retentionMs = cfg.int(topic.config, 'retention.ms');
    const retentionBytes = cfg.int(topic.config, 'retention.bytes');
    const result = applyRetention(log, sim.now, retentionMs, retentionBytes);
    if (!result) continue;
    sim.emit({
      type: 'log.retention-deleted',
      topic: log.topic,
      partition: log.partition,
      brokerId: b.id,
      segments: result.segments,
      logStartOffset: log.logStartOffset,
      reason:
        result.reason === 'time'
          ? { code: 'retention-ms', retentionMs }
          : { code: 'retention-bytes', retentionBytes },
      t: sim.now,
    });
  }
}
