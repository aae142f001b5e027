// Consumer groups on the right (design.md 4): a card per group with its generation, its state,
// what a rebalance does under its protocol (eager: every partition revoked; cooperative: only
// the ones that move) lit up while one runs, a row per consumer, its assignor and coordinator.
import { memo, type ReactNode } from 'react';
import { GROUP_ACTIONS } from '../../app/actions';
import { isRebalancing } from '../../app/rebalance';
import { coordinatorUnavailable } from '../../app/brokenStates';
import { useSim } from '../../app/SimulatorProvider';
import type { GroupInfo } from '../../worker/protocol';
import { useAction, useT } from '../hooks';
import { SceneCard } from './card';
import { ConsumerRow } from './consumers';
import type { Rect } from './layout';
import { textWidth } from './measure';
import { COLOURS } from './palette';
import { Box } from './shapes';
import { SceneButton, SceneHtml, fit } from './SceneHtml';
import { LagOutline, LagSparkline, useGroupLag } from './lagSpark';
import { lagGrowing } from '../../app/chartSeries';

function groupStateColour(state: string): string {
  if (state === 'Stable') return COLOURS.good;
  if (state === 'Empty' || state === 'Dead') return COLOURS.muted;
  return COLOURS.warn;
}

/** What a group's card is given by the scene: its rectangle and its consumers' rectangles. */
export interface GroupCardProps {
  id: string;
  rect: Rect;
  consumers: [string, Rect][];
}

export const GroupBox = memo(function GroupBox({ id, rect, consumers }: GroupCardProps) {
  const t = useT();
  const group = useSim((s) => s.groups[id]);
  const rebalancing = useSim((s) => (s.groups[id] ? isRebalancing(s, s.groups[id]) : false));
  const add = useAction(GROUP_ACTIONS.addConsumer, { groupId: id });
  const lag = useGroupLag(id);
  if (!group) return null;
  const footerY = rect.y + rect.h - 40;
  // The lag sparkline sits at the end of the state's row, where there is room beside its text.
  const stateEnd = rect.x + 14 + textWidth(`● ${t(`group.state.${group.state}`)}`, 14) + 10;
  const sparkW = Math.min(90, rect.x + rect.w - 12 - stateEnd);
  return (
    <GroupFrame id={id} rect={rect} generation={group.generation} className="group">
      {lagGrowing(lag) && (
        <LagOutline
          rect={rect}
          label={sparkW >= 40 ? undefined : t('charts.lagGrowing', { group: id })}
        />
      )}
      <GroupStateText x={rect.x + 14} y={rect.y + 60} group={group} />
      {sparkW >= 40 && (
        <LagSparkline
          group={id}
          values={lag}
          rect={{ x: rect.x + rect.w - 12 - sparkW, y: rect.y + 44, w: sparkW, h: 20 }}
        />
      )}
      <RebalanceNote
        rect={{ x: rect.x + 8, y: rect.y + 68, w: rect.w - 16, h: 40 }}
        protocol={group.rebalanceProtocol}
        active={rebalancing}
      />
      {consumers.map(([consumerId, r]) => (
        <ConsumerRow key={consumerId} id={consumerId} rect={r} />
      ))}
      {consumers.length === 0 && (
        <text x={rect.x + 14} y={rect.y + 140} className="scene-text" fill={COLOURS.muted}>
          {t('group.noConsumers')}
        </text>
      )}
      <text x={rect.x + 14} y={footerY + 15} className="scene-text small" fill={COLOURS.muted}>
        {fit(group.protocol, 18)}
      </text>
      <text x={rect.x + 14} y={footerY + 31} className="scene-text small" fill={COLOURS.muted}>
        {group.coordinator === null
          ? t('group.noCoordinator')
          : t('group.coordinator', { broker: group.coordinator })}
      </text>
      <SceneHtml
        rect={{ x: rect.x + rect.w - 112, y: footerY + 4, w: 106, h: 32 }}
        className="scene-actions end"
      >
        <SceneButton action={add} text={t('group.addConsumerShort')} tone="good" />
      </SceneHtml>
    </GroupFrame>
  );
});

/**
 * A group's card (full size, or small in the compact scene): titled with the group's id, and its
 * generation in a tag in the corner, the number every rebalance moves on.
 */
export function GroupFrame({
  id,
  rect,
  generation,
  small,
  className,
  children,
}: {
  id: string;
  rect: Rect;
  generation: number;
  small?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const t = useT();
  const tag = t('group.generation', { generation });
  const tagW = textWidth(tag, 12.5) + 16;
  const inset = small ? 6 : 10;
  // The tag is centred on the title's row.
  const tagY = rect.y + (small ? 7 : 11);
  return (
    <SceneCard
      label={t('group.group', { id })}
      selection={{ kind: 'group', id }}
      rect={rect}
      size={small ? 'small' : 'large'}
      title={id}
      titleLabel={t('group.details', { id })}
      titleWidth={rect.w - 2 * inset - tagW}
      className={className}
    >
      <g>
        <Box
          rect={{ x: rect.x + rect.w - inset - tagW, y: tagY, w: tagW, h: 22 }}
          rx={11}
          fill="#F2F4F7"
          stroke={COLOURS.line}
        />
        <text
          x={rect.x + rect.w - inset - tagW / 2}
          y={tagY + 15.5}
          textAnchor="middle"
          className="scene-text small strong"
          fill={COLOURS.ink}
        >
          {tag}
        </text>
      </g>
      {children}
    </SceneCard>
  );
}

/** The group's state in words (and a symbol, so colour is not the only signal). */
export function GroupStateText({
  x,
  y,
  group,
  small,
}: {
  x: number;
  y: number;
  group: GroupInfo;
  small?: boolean;
}) {
  const t = useT();
  // The view keeps the state the dead coordinator last had; with the coordinator down no one
  // runs the group, so it is not "Stable" (derived here from the coordinator broker's status).
  const orphaned = useSim((s) => coordinatorUnavailable(group, (id) => s.brokers[id]?.status));
  if (orphaned)
    return (
      <text
        x={x}
        y={y}
        className={small ? 'scene-text small strong' : 'scene-text strong'}
        fill={COLOURS.bad}
      >
        ✕ {t('broken.coordinatorUnavailable')}
      </text>
    );
  const symbol =
    group.state === 'Stable' ? '●' : group.state === 'Empty' || group.state === 'Dead' ? '○' : '⟳';
  return (
    <text
      x={x}
      y={y}
      className={small ? 'scene-text small strong' : 'scene-text strong'}
      fill={groupStateColour(group.state)}
    >
      {symbol} {t(`group.state.${group.state}`)}
    </text>
  );
}

/**
 * What a rebalance does under this group's protocol. Quiet while the group is stable; while a
 * rebalance runs it fills in, says "Rebalancing" and what is revoked.
 */
function RebalanceNote({
  rect,
  protocol,
  active,
}: {
  rect: Rect;
  protocol: 'eager' | 'cooperative';
  active: boolean;
}) {
  const t = useT();
  const line1 = t(active ? `group.rebalance.${protocol}Now` : `group.rebalance.${protocol}`);
  const line2 = t(
    active ? `group.rebalance.${protocol}NowHint` : `group.rebalance.${protocol}Hint`,
  );
  return (
    <g className={active ? 'rebalance-note active' : 'rebalance-note'}>
      <Box
        rect={rect}
        rx={8}
        fill={active ? '#FFFAEB' : 'none'}
        stroke={active ? COLOURS.warn : COLOURS.line}
        strokeWidth={active ? 2 : 1}
        strokeDasharray={active ? undefined : '4 3'}
      />
      <text
        x={rect.x + 8}
        y={rect.y + 16}
        className="scene-text small strong"
        fill={active ? COLOURS.warn : COLOURS.muted}
      >
        {line1}
      </text>
      <text
        x={rect.x + 8}
        y={rect.y + 32}
        className={active ? 'scene-text small strong' : 'scene-text small'}
        fill={active ? COLOURS.ink : COLOURS.muted}
      >
        {line2}
      </text>
    </g>
  );
}
