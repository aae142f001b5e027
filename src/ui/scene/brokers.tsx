// Brokers as columns (design.md 4): a header with the controller badge and the broker's state,
// one row per replica it hosts (leader solid with "L" and its epoch, follower lighter, out of ISR
// dashed, offline hatched), and the Kill / Restart / Isolate buttons at the bottom.
import { memo, useRef } from 'react';
import { BROKER_ACTIONS } from '../../app/actions';
import { useSim } from '../../app/SimulatorProvider';
import type { PartitionInfo } from '../../worker/protocol';
import { useAction, useFastWriter, useT } from '../hooks';
import type { BrokerBox, Rect } from './layout';
import { COLOURS } from './palette';
import { Box } from './shapes';
import { SceneButton, SceneHtml } from './SceneHtml';
import { SceneCard } from './card';

export type ReplicaRole = 'leader' | 'follower' | 'out-of-isr' | 'offline';

export function replicaRole(p: PartitionInfo, brokerId: number): ReplicaRole {
  const state = p.replicaStates.find((r) => r.brokerId === brokerId);
  if (state && !state.online) return 'offline';
  if (p.leader === brokerId && !p.offline) return 'leader';
  if (p.isr.includes(brokerId) && (state?.inIsr ?? true)) return 'follower';
  if (!state) return 'offline';
  return 'out-of-isr';
}

export const BrokerColumn = memo(function BrokerColumn({
  id,
  box,
}: {
  id: number;
  box: BrokerBox;
}) {
  const t = useT();
  const broker = useSim((s) => s.brokers[id]);
  if (!broker) return null;
  const { rect } = box;
  // The controller's crown sits at the end of the title row, inside the card, where nothing
  // that moves (messages, highlight outlines) lands on it; the section heading says it in words.
  const crownW = broker.isController ? CROWN_W : 0;
  return (
    <SceneCard
      label={t('broker.group', { id })}
      selection={{ kind: 'broker', id }}
      rect={rect}
      title={t('broker.title', { id })}
      titleLabel={t('broker.details', { id })}
      titleWidth={rect.w - 12 - crownW}
      fill={broker.status !== 'running' ? 'url(#hatch-down)' : undefined}
      isolated={broker.isolated}
      className="broker"
    >
      <BrokerStatusLine x={rect.x + 14} y={rect.y + 56} id={id} />
      {broker.isController && <ControllerCrown x={rect.x + rect.w - 8 - CROWN_W} y={rect.y + 8} />}
      {[...box.rows].map(([key, row]) => (
        <ReplicaRow key={key} partitionKey={key} brokerId={id} rect={row} />
      ))}
      {[...box.summaries].map(([topic, row]) => (
        <TopicSummaryRow key={topic} topic={topic} brokerId={id} rect={row} />
      ))}
      <SceneHtml rect={box.actions} className="scene-actions">
        <BrokerButtons id={id} />
      </SceneHtml>
    </SceneCard>
  );
});

export const CROWN_W = 26;

/** The controller's mark: a crown in a purple disc (the legend and the heading say what it is). */
export function ControllerCrown({ x, y }: { x: number; y: number }) {
  const t = useT();
  return (
    <g role="img" aria-label={t('broker.controller')}>
      <title>{t('broker.controller')}</title>
      <rect
        x={x}
        y={y}
        width={CROWN_W}
        height={CROWN_W}
        rx={CROWN_W / 2}
        fill={COLOURS.controller}
      />
      <text
        x={x + CROWN_W / 2}
        y={y + CROWN_W / 2 + 5}
        textAnchor="middle"
        className="scene-text strong"
        fill="#fff"
        aria-hidden="true"
      >
        ♛
      </text>
    </g>
  );
}

export function BrokerStatusLine({
  x,
  y,
  id,
  small,
  withFenced = true,
}: {
  x: number;
  y: number;
  id: number;
  small?: boolean;
  /** Say "fenced" on this line (a tile says it on a line of its own). */
  withFenced?: boolean;
}) {
  const t = useT();
  const broker = useSim((s) => s.brokers[id]);
  if (!broker) return null;
  const down = broker.status !== 'running';
  const status = down
    ? `${broker.status === 'crashed' ? '✕' : '■'} ${t(`broker.status.${broker.status}`)}`
    : broker.isolated
      ? `⚡ ${t('broker.isolated')}`
      : `● ${t('broker.status.running')}`;
  const colour = down || broker.isolated ? COLOURS.bad : COLOURS.good;
  return (
    <text
      x={x}
      y={y}
      className={small ? 'scene-text small strong' : 'scene-text strong'}
      fill={colour}
    >
      {status}
      {withFenced && broker.fenced && !down ? ` · ${t('broker.fenced')}` : ''}
    </text>
  );
}

export function BrokerButtons({ id, compact }: { id: number; compact?: boolean }) {
  const t = useT();
  const isolated = useSim((s) => s.brokers[id]?.isolated ?? false);
  const kill = useAction(BROKER_ACTIONS.kill, { brokerId: id });
  const restart = useAction(BROKER_ACTIONS.restart, { brokerId: id });
  const isolate = useAction(BROKER_ACTIONS.isolate, { brokerId: id });
  const heal = useAction(BROKER_ACTIONS.heal, { brokerId: id });
  // Compact tiles are narrow: a symbol each (the accessible name stays the full label).
  const text = (symbol: string, key: string) => (compact ? symbol : t(key));
  return (
    <>
      <SceneButton action={kill} text={text('✕', 'broker.killShort')} tone="danger" />
      <SceneButton action={restart} text={text('↻', 'broker.restartShort')} tone="good" />
      <SceneButton
        action={isolated ? heal : isolate}
        text={text('⚡', isolated ? 'broker.healShort' : 'broker.isolateShort')}
      />
    </>
  );
}

/**
 * One replica: the partition and its role (L, F, offline) on the first line; its log end offset
 * and what matters about it on the second (a leader's epoch, how far a follower is behind, that
 * it is out of the ISR). Short words on the right of each line, so the two never meet.
 */
const ReplicaRow = memo(function ReplicaRow({
  partitionKey,
  brokerId,
  rect,
}: {
  partitionKey: string;
  brokerId: number;
  rect: Rect;
}) {
  const t = useT();
  const partition = useSim((s) => s.partitions[partitionKey]);
  const role = partition ? replicaRole(partition, brokerId) : 'offline';
  const leoRef = useRef<SVGTextElement>(null);
  const behindRef = useRef<SVGTextElement>(null);
  useFastWriter(
    (buffer) => buffer.partitions.get(partitionKey),
    (fast) => {
      const replica = fast?.replicas.find((r) => r.brokerId === brokerId);
      if (leoRef.current) {
        leoRef.current.textContent = replica ? t('replica.leo', { leo: replica.logEndOffset }) : '';
      }
      if (behindRef.current) {
        const behind = fast && replica ? fast.logEndOffset - replica.logEndOffset : 0;
        behindRef.current.textContent =
          role === 'follower' && behind > 0 ? t('replica.behind', { count: behind }) : '';
      }
    },
  );
  if (!partition) return null;
  const style = ROW_STYLES[role];
  const mark =
    role === 'leader'
      ? t('replica.leaderMark')
      : role === 'follower' || role === 'out-of-isr'
        ? t('replica.followerMark')
        : t('replica.offline');
  const note =
    role === 'leader'
      ? t('replica.epoch', { epoch: partition.leaderEpoch })
      : role === 'out-of-isr'
        ? t('replica.outOfIsr')
        : '';
  const description = t('replica.describe', {
    partition: partitionKey,
    broker: brokerId,
    role:
      role === 'leader'
        ? t('replica.roleLeader', { epoch: partition.leaderEpoch })
        : role === 'follower'
          ? t('replica.roleFollower')
          : role === 'out-of-isr'
            ? t('replica.roleOutOfIsr')
            : t('replica.roleOffline'),
  });
  return (
    <g
      role="img"
      aria-label={description}
      data-select={`partition:${partitionKey}`}
      className="replica-row"
    >
      <Box
        rect={rect}
        rx={8}
        fill={style.fill}
        stroke={style.stroke}
        strokeWidth={style.strokeWidth}
        strokeDasharray={style.dash}
      />
      <text x={rect.x + 10} y={rect.y + 17} className="scene-text strong" fill={style.text}>
        {partitionKey}
      </text>
      <text
        x={rect.x + rect.w - 9}
        y={rect.y + 17}
        textAnchor="end"
        className="scene-text small strong"
        fill={style.mark}
      >
        {mark}
      </text>
      <text
        ref={leoRef}
        x={rect.x + 10}
        y={rect.y + 34}
        className="scene-text small"
        fill={style.sub}
      />
      <text
        x={rect.x + rect.w - 9}
        y={rect.y + 34}
        textAnchor="end"
        className="scene-text small strong"
        fill={style.mark}
      >
        {note}
      </text>
      <text
        ref={behindRef}
        x={rect.x + rect.w - 9}
        y={rect.y + 34}
        textAnchor="end"
        className="scene-text small"
        fill={style.sub}
      />
    </g>
  );
});

/** A topic with too many partitions for rows: how many of them this broker leads and follows. */
const TopicSummaryRow = memo(function TopicSummaryRow({
  topic,
  brokerId,
  rect,
}: {
  topic: string;
  brokerId: number;
  rect: Rect;
}) {
  const t = useT();
  const counts = useSim((s) => {
    const b = s.brokers[brokerId];
    if (!b) return '0/0';
    const mine = (keys: string[]) => keys.filter((k) => k.slice(0, k.lastIndexOf('-')) === topic);
    return `${mine(b.leaderOf).length}/${mine(b.followerOf).length}`;
  });
  const [leads, follows] = counts.split('/').map(Number);
  return (
    <g data-select={`topic:${topic}`} className="replica-row">
      <Box rect={rect} rx={8} fill="#F2F4F7" stroke={COLOURS.line} />
      <text x={rect.x + 10} y={rect.y + 19} className="scene-text small strong">
        {t('broker.topicCounts', { topic, leads, follows })}
      </text>
    </g>
  );
});

const ROW_STYLES: Record<
  ReplicaRole,
  {
    fill: string;
    stroke: string;
    strokeWidth: number;
    dash?: string;
    text: string;
    mark: string;
    sub: string;
  }
> = {
  leader: {
    fill: COLOURS.leader,
    stroke: COLOURS.leader,
    strokeWidth: 1,
    text: COLOURS.leaderText,
    mark: COLOURS.leaderText,
    sub: '#D1FADF',
  },
  follower: {
    fill: COLOURS.follower,
    stroke: '#8FD5C7',
    strokeWidth: 1,
    text: COLOURS.followerText,
    mark: COLOURS.followerText,
    sub: '#2E6B61',
  },
  'out-of-isr': {
    fill: '#FFFFFF',
    stroke: COLOURS.outOfIsr,
    strokeWidth: 2,
    dash: '6 4',
    text: COLOURS.ink,
    mark: COLOURS.outOfIsr,
    sub: COLOURS.muted,
  },
  offline: {
    fill: 'url(#hatch-offline)',
    stroke: COLOURS.offline,
    strokeWidth: 1,
    text: COLOURS.muted,
    mark: COLOURS.muted,
    sub: COLOURS.muted,
  },
};
