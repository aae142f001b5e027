// The compact scene for big clusters (dozens of brokers, hundreds of partitions): broker tiles
// with counts instead of replica rows, one summary bar per topic, consumers as small chips.
// Everything stays clickable; the inspector has the details.
import { memo } from 'react';
import { useSim } from '../../app/store';
import { useT } from '../hooks';
import type { BrokerBox, Rect } from './layout';
import { COLOURS } from './palette';
import { SceneHtml, fit } from './SceneHtml';
import { BrokerButtons } from './brokers';
import { groupStateColour } from './groups';
import { select, useIsSelected } from './selection';

export const BrokerTile = memo(function BrokerTile({ id, box }: { id: number; box: BrokerBox }) {
  const t = useT();
  const broker = useSim((s) => s.brokers[id]);
  const selected = useIsSelected({ kind: 'broker', id });
  if (!broker) return null;
  const r = box.rect;
  const down = broker.status !== 'running';
  const status = down
    ? t(`broker.status.${broker.status}`)
    : broker.isolated
      ? t('broker.isolated')
      : t('broker.status.running');
  return (
    <g role="group" aria-label={t('broker.group', { id })} data-select={`broker:${id}`}>
      <rect
        x={r.x}
        y={r.y}
        width={r.w}
        height={r.h}
        rx={10}
        fill={down ? 'url(#hatch-down)' : COLOURS.panel}
        stroke={broker.isolated ? COLOURS.bad : selected ? COLOURS.info : COLOURS.line}
        strokeWidth={broker.isolated || selected ? 3 : 1.5}
        strokeDasharray={broker.isolated ? '7 4' : undefined}
      />
      <SceneHtml rect={{ x: r.x + 4, y: r.y + 4, w: r.w - 8, h: 28 }}>
        <button
          type="button"
          className="scene-title small"
          aria-label={t('broker.details', { id })}
          aria-pressed={selected}
          onClick={() => select({ kind: 'broker', id })}
        >
          {t('broker.title', { id })}
          {broker.isController ? ' ♛' : ''}
        </button>
      </SceneHtml>
      <text
        x={r.x + 10}
        y={r.y + 48}
        className="scene-text small strong"
        fill={down || broker.isolated ? COLOURS.bad : COLOURS.good}
      >
        {status}
      </text>
      <text x={r.x + 10} y={r.y + 64} className="scene-text small" fill={COLOURS.muted}>
        {t('broker.leaderCount', { count: broker.leaderOf.length })}
      </text>
      <text x={r.x + 10} y={r.y + 79} className="scene-text small" fill={COLOURS.muted}>
        {t('broker.followerCount', { count: broker.followerOf.length })}
      </text>
      <SceneHtml rect={box.actions} className="scene-actions compact">
        <BrokerButtons id={id} compact />
      </SceneHtml>
    </g>
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
  const selected = useIsSelected({ kind: 'topic', name });
  if (!topic) return null;
  const under = [...health].filter((c) => c === 'u').length;
  const offline = [...health].filter((c) => c === 'o').length;
  const cellW = Math.max(3, Math.min(14, (rect.w - 8) / Math.max(1, health.length)));
  return (
    <g
      role="group"
      aria-label={t('partition.topicTitle', { topic: name })}
      data-select={`topic:${name}`}
    >
      <rect
        x={rect.x}
        y={rect.y}
        width={rect.w}
        height={rect.h}
        rx={10}
        fill={COLOURS.panel}
        stroke={selected ? COLOURS.info : COLOURS.line}
        strokeWidth={selected ? 3 : 1.5}
      />
      <SceneHtml rect={{ x: rect.x + 4, y: rect.y + 4, w: 220, h: 28 }}>
        <button
          type="button"
          className="scene-title small"
          aria-label={t('partition.topicDetails', { topic: name })}
          aria-pressed={selected}
          onClick={() => select({ kind: 'topic', name })}
        >
          {t('partition.topicTitle', { topic: fit(name, 18) })}
        </button>
      </SceneHtml>
      <text
        x={rect.x + 232}
        y={rect.y + 23}
        className="scene-text small"
        fill={under || offline ? COLOURS.warn : COLOURS.muted}
      >
        {t('partition.summary', { partitions: health.length, under, offline })}
      </text>
      {[...health].map((c, i) => (
        <rect
          key={i}
          x={rect.x + 4 + i * cellW}
          y={rect.y + 38}
          width={Math.max(1, cellW - 1)}
          height={18}
          fill={c === 'k' ? COLOURS.leader : c === 'u' ? '#FEC84B' : 'url(#hatch-bad)'}
        />
      ))}
    </g>
  );
});

export const CompactGroup = memo(function CompactGroup({
  id,
  rect,
  consumers,
}: {
  id: string;
  rect: Rect;
  consumers: [string, Rect][];
}) {
  const t = useT();
  const group = useSim((s) => s.groups[id]);
  const selected = useIsSelected({ kind: 'group', id });
  if (!group) return null;
  return (
    <g role="group" aria-label={t('group.group', { id })} data-select={`group:${id}`}>
      <rect
        x={rect.x}
        y={rect.y}
        width={rect.w}
        height={rect.h}
        rx={10}
        fill={COLOURS.panel}
        stroke={selected ? COLOURS.info : COLOURS.line}
        strokeWidth={selected ? 3 : 1.5}
      />
      <SceneHtml rect={{ x: rect.x + 4, y: rect.y + 4, w: rect.w - 8, h: 28 }}>
        <button
          type="button"
          className="scene-title small"
          aria-label={t('group.details', { id })}
          aria-pressed={selected}
          onClick={() => select({ kind: 'group', id })}
        >
          {t('group.title', { id: fit(id, 16) })}
        </button>
      </SceneHtml>
      <text
        x={rect.x + 10}
        y={rect.y + 46}
        className="scene-text small strong"
        fill={groupStateColour(group.state)}
      >
        {t(`group.state.${group.state}`)}
        <tspan fill={COLOURS.muted} fontWeight={400}>
          {' · '}
          {t('inspector.generation')} {group.generation}
        </tspan>
      </text>
      {consumers.map(([consumerId, r]) => (
        <ConsumerChip key={consumerId} id={consumerId} rect={r} />
      ))}
    </g>
  );
});

const ConsumerChip = memo(function ConsumerChip({ id, rect }: { id: string; rect: Rect }) {
  const consumer = useSim((s) => s.consumers[id]);
  if (!consumer) return null;
  const dead = consumer.status === 'crashed' || consumer.status === 'closed';
  const idle = consumer.status === 'stable' && consumer.assignment.length === 0;
  const suffix = id.slice(id.lastIndexOf('-') + 1) || id;
  return (
    <g data-select={`consumer:${id}`}>
      <rect
        x={rect.x}
        y={rect.y}
        width={rect.w}
        height={rect.h}
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
