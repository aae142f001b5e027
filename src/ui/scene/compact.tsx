// The compact scene for big clusters (dozens of brokers, hundreds of partitions): broker tiles
// with counts instead of replica rows, one summary bar per topic, consumers as small chips.
// Everything stays clickable; the inspector has the details.
import { memo } from 'react';
import { useSim } from '../../app/SimulatorProvider';
import { useT } from '../hooks';
import type { BrokerBox, Rect } from './layout';
import { COLOURS } from './palette';
import { Box } from './shapes';
import { SceneHtml, fit } from './SceneHtml';
import { BrokerButtons, BrokerStatusLine } from './brokers';
import { SceneCard } from './card';
import { isDead } from './consumers';
import { GroupFrame, GroupStateText, type GroupCardProps } from './groups';

export const BrokerTile = memo(function BrokerTile({ id, box }: { id: number; box: BrokerBox }) {
  const t = useT();
  const broker = useSim((s) => s.brokers[id]);
  if (!broker) return null;
  const r = box.rect;
  return (
    <SceneCard
      label={t('broker.group', { id })}
      selection={{ kind: 'broker', id }}
      rect={r}
      size="small"
      title={`${t('broker.title', { id })}${broker.isController ? ' ♛' : ''}`}
      titleLabel={t('broker.details', { id })}
      fill={broker.status !== 'running' ? 'url(#hatch-down)' : undefined}
      isolated={broker.isolated}
    >
      <BrokerStatusLine x={r.x + 10} y={r.y + 48} id={id} small withFenced={false} />
      {/* A fenced broker leads nothing: the line says why instead. */}
      {broker.fenced && broker.status === 'running' ? (
        <text x={r.x + 10} y={r.y + 64} className="scene-text small strong" fill={COLOURS.bad}>
          {t('broker.fenced')}
        </text>
      ) : (
        <text x={r.x + 10} y={r.y + 64} className="scene-text small" fill={COLOURS.muted}>
          {t('broker.leaderCount', { count: broker.leaderOf.length })}
        </text>
      )}
      <text x={r.x + 10} y={r.y + 79} className="scene-text small" fill={COLOURS.muted}>
        {t('broker.followerCount', { count: broker.followerOf.length })}
      </text>
      <SceneHtml rect={box.actions} className="scene-actions compact">
        <BrokerButtons id={id} compact />
      </SceneHtml>
    </SceneCard>
  );
});

/** Partition health of a topic as a primitive string, so the selector result is stable. */
function topicHealth(name: string) {
  return (s: import('../../app/store').SimState) => {
    const states: string[] = [];
    for (const key of s.partitionKeys) {
      const p = s.partitions[key];
      if (!p || p.topic !== name) continue;
      states.push(p.offline ? 'o' : p.isr.length < p.replicas.length ? 'u' : 'k');
    }
    return states.join('');
  };
}

export const TopicSummary = memo(function TopicSummary({
  name,
  rect,
}: {
  name: string;
  rect: Rect;
}) {
  const t = useT();
  const topic = useSim((s) => s.topics[name]);
  const health = useSim(topicHealth(name));
  if (!topic) return null;
  const under = [...health].filter((c) => c === 'u').length;
  const offline = [...health].filter((c) => c === 'o').length;
  const cellW = Math.max(3, Math.min(14, (rect.w - 8) / Math.max(1, health.length)));
  return (
    <SceneCard
      label={t('partition.topicTitle', { topic: name })}
      selection={{ kind: 'topic', name }}
      rect={rect}
      size="small"
      title={t('partition.topicTitle', { topic: name })}
      titleLabel={t('partition.topicDetails', { topic: name })}
    >
      <text
        x={rect.x + 10}
        y={rect.y + 50}
        className="scene-text small"
        fill={under || offline ? COLOURS.warn : COLOURS.muted}
      >
        {t('partition.summary', { partitions: health.length, under, offline })}
      </text>
      {[...health].map((c, i) => (
        <rect
          key={i}
          x={rect.x + 4 + i * cellW}
          y={rect.y + 58}
          width={Math.max(1, cellW - 1)}
          height={18}
          fill={c === 'k' ? COLOURS.leader : c === 'u' ? '#FEC84B' : 'url(#hatch-bad)'}
        />
      ))}
    </SceneCard>
  );
});

export const CompactGroup = memo(function CompactGroup({ id, rect, consumers }: GroupCardProps) {
  const group = useSim((s) => s.groups[id]);
  if (!group) return null;
  return (
    <GroupFrame id={id} rect={rect} generation={group.generation} small>
      <GroupStateText x={rect.x + 10} y={rect.y + 46} group={group} small />
      {consumers.map(([consumerId, r]) => (
        <ConsumerChip key={consumerId} id={consumerId} rect={r} />
      ))}
    </GroupFrame>
  );
});

const ConsumerChip = memo(function ConsumerChip({ id, rect }: { id: string; rect: Rect }) {
  const consumer = useSim((s) => s.consumers[id]);
  const departed = useSim((s) => s.departed[id]);
  if (!consumer) return null;
  const dead = isDead(consumer);
  const idle = consumer.status === 'stable' && consumer.assignment.length === 0;
  const fading = departed === 'fading';
  const suffix = id.slice(id.lastIndexOf('-') + 1) || id;
  return (
    <g data-select={`consumer:${id}`} className={fading ? 'fading' : undefined}>
      <Box
        rect={rect}
        rx={5}
        fill={dead ? 'url(#hatch-offline)' : idle ? '#FFFFFF' : COLOURS.follower}
        stroke={dead ? COLOURS.bad : consumer.status === 'stable' ? '#8FD5C7' : COLOURS.warn}
        strokeDasharray={consumer.status === 'stable' || dead ? undefined : '4 3'}
      />
      <text
        x={rect.x + rect.w / 2}
        y={rect.y + rect.h / 2 + 4}
        textAnchor="middle"
        className="scene-text tiny"
        fill={dead ? COLOURS.bad : COLOURS.ink}
      >
        {dead ? '✕' : fit(suffix, 4)}
      </text>
    </g>
  );
});
