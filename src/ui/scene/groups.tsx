// Consumer groups on the right (design.md 4): a box per group with its state and generation,
// a row per consumer with the partitions it owns (or "idle"), its lag, and Kill / Leave.
import { memo, useRef } from 'react';
import { CONSUMER_ACTIONS, GROUP_ACTIONS } from '../../app/actions';
import { useSim } from '../../app/store';
import { useAction, useFastWriter, useT } from '../hooks';
import type { Rect } from './layout';
import { COLOURS } from './palette';
import { SceneButton, SceneHtml, fit } from './SceneHtml';
import { select, useIsSelected } from './selection';
import { assignmentText } from '../../app/eventText';

export function groupStateColour(state: string): string {
  if (state === 'Stable') return COLOURS.good;
  if (state === 'Empty' || state === 'Dead') return COLOURS.muted;
  return COLOURS.warn;
}

export const GroupBox = memo(function GroupBox({
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
  const add = useAction(GROUP_ACTIONS.addConsumer, { groupId: id });
  if (!group) return null;
  const footerY = rect.y + rect.h - 40;
  return (
    <g
      role="group"
      aria-label={t('group.group', { id })}
      data-select={`group:${id}`}
      className="group"
    >
      <rect
        x={rect.x}
        y={rect.y}
        width={rect.w}
        height={rect.h}
        rx={12}
        fill={COLOURS.panel}
        stroke={selected ? COLOURS.info : COLOURS.line}
        strokeWidth={selected ? 3 : 1.5}
      />
      <SceneHtml rect={{ x: rect.x + 6, y: rect.y + 6, w: rect.w - 12, h: 32 }}>
        <button
          type="button"
          className="scene-title"
          aria-label={t('group.details', { id })}
          aria-pressed={selected}
          onClick={() => select({ kind: 'group', id })}
        >
          {t('group.title', { id: fit(id, 18) })}
        </button>
      </SceneHtml>
      <text
        x={rect.x + 14}
        y={rect.y + 56}
        className="scene-text strong"
        fill={groupStateColour(group.state)}
      >
        {t(`group.state.${group.state}`)}
        <tspan fill={COLOURS.muted} fontWeight={400}>
          {' · '}
          {t('inspector.generation')} {group.generation}
        </tspan>
      </text>
      {consumers.map(([consumerId, r]) => (
        <ConsumerRow key={consumerId} id={consumerId} rect={r} />
      ))}
      {consumers.length === 0 && (
        <text x={rect.x + 14} y={rect.y + 84} className="scene-text" fill={COLOURS.muted}>
          {t('group.noConsumers')}
        </text>
      )}
      <text x={rect.x + 14} y={footerY + 24} className="scene-text small" fill={COLOURS.muted}>
        {group.protocol}
        {' · '}
        {group.coordinator === null
          ? t('group.noCoordinator')
          : t('group.coordinator', { broker: group.coordinator })}
      </text>
      <SceneHtml
        rect={{ x: rect.x + rect.w - 112, y: footerY + 4, w: 106, h: 32 }}
        className="scene-actions end"
      >
        <SceneButton
          label={add.label}
          text={t('group.addConsumerShort')}
          onClick={add.perform}
          disabled={!add.enabled}
          tone="good"
        />
      </SceneHtml>
    </g>
  );
});

const ConsumerRow = memo(function ConsumerRow({ id, rect }: { id: string; rect: Rect }) {
  const t = useT();
  const consumer = useSim((s) => s.consumers[id]);
  const selected = useIsSelected({ kind: 'consumer', id });
  const lagRef = useRef<SVGTextElement>(null);
  useFastWriter(
    (buffer) => buffer.consumers.get(id),
    (fast) => {
      if (!lagRef.current) return;
      if (!fast) {
        lagRef.current.textContent = '';
        return;
      }
      // How many records it has read shows who gets what: queue splits them, pub-sub copies them.
      const lag = Object.values(fast.lag).reduce((a, b) => a + b, 0);
      lagRef.current.textContent = `${t('consumer.consumed', { count: fast.consumed })} · ${t('consumer.lag', { lag })}`;
    },
  );
  if (!consumer) return null;
  const dead = consumer.status === 'crashed' || consumer.status === 'closed';
  // During a rebalance an eager consumer has given up everything; a cooperative one keeps
  // reading the partitions that do not move, so they stay listed (with ⟳).
  const owned = consumer.assignment.length ? assignmentText(consumer.assignment) : null;
  const line =
    consumer.status === 'stable'
      ? (owned ?? t('consumer.idle'))
      : !dead && owned
        ? `⟳ ${owned}`
        : t(`consumer.status.${consumer.status}`);
  const lineColour = dead
    ? COLOURS.bad
    : consumer.status === 'stable'
      ? consumer.assignment.length
        ? COLOURS.ink
        : COLOURS.muted
      : COLOURS.warn;
  return (
    <g
      role="group"
      aria-label={t('consumer.group', { id })}
      data-select={`consumer:${id}`}
      className="consumer"
    >
      <rect
        x={rect.x}
        y={rect.y}
        width={rect.w}
        height={rect.h}
        rx={8}
        fill={dead ? 'url(#hatch-offline)' : '#F9FAFB'}
        stroke={consumer.isolated ? COLOURS.bad : selected ? COLOURS.info : COLOURS.line}
        strokeWidth={selected || consumer.isolated ? 2.5 : 1}
        strokeDasharray={consumer.isolated ? '6 4' : undefined}
      />
      <SceneHtml
        rect={{ x: rect.x + 3, y: rect.y + 3, w: rect.w - 6, h: 30 }}
        className="scene-row"
      >
        <button
          type="button"
          className="scene-title small"
          aria-label={t('consumer.details', { id })}
          aria-pressed={selected}
          onClick={() => select({ kind: 'consumer', id })}
        >
          {fit(id, 14)}
        </button>
        <ConsumerButtons id={id} dead={dead} />
      </SceneHtml>
      <text x={rect.x + 10} y={rect.y + 50} className="scene-text small strong" fill={lineColour}>
        {fit(line, 19)}
      </text>
      <text
        ref={lagRef}
        x={rect.x + rect.w - 10}
        y={rect.y + 50}
        textAnchor="end"
        className="scene-text small"
        fill={COLOURS.muted}
      />
    </g>
  );
});

export function ConsumerButtons({ id, dead }: { id: string; dead: boolean }) {
  const t = useT();
  const kill = useAction(CONSUMER_ACTIONS.kill, { consumerId: id });
  const leave = useAction(CONSUMER_ACTIONS.leave, { consumerId: id });
  const restart = useAction(CONSUMER_ACTIONS.restart, { consumerId: id });
  if (dead) {
    return (
      <SceneButton
        label={restart.label}
        text={t('consumer.restartShort')}
        onClick={restart.perform}
        disabled={!restart.enabled}
        tone="good"
      />
    );
  }
  return (
    <>
      <SceneButton
        label={kill.label}
        text={t('consumer.killShort')}
        onClick={kill.perform}
        disabled={!kill.enabled}
        tone="danger"
      />
      <SceneButton
        label={leave.label}
        text={t('consumer.leaveShort')}
        onClick={leave.perform}
        disabled={!leave.enabled}
      />
    </>
  );
}
