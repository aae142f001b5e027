// The KRaft controllers (cluster.metadata), a row of cards above the brokers: each with its Raft
// role, its epoch and its copy of the metadata log (LEO and HW), the crown on the active one, and
// Kill / Restart / Isolate buttons. Messages between them and with the brokers fly to these cards;
// combined ones (placement: combined) say which broker they run in, and their messages fly from it.
import { memo } from 'react';
import { CONTROLLER_ACTIONS } from '../../app/actions';
import { kraftOf } from '../../app/metadataMode';
import { useSim } from '../../app/SimulatorProvider';
import { useAction, useT } from '../hooks';
import { ControllerCrown, CROWN_W } from './brokers';
import type { NodeCardBox } from './layout';
import { COLOURS } from './palette';
import { Box } from './shapes';
import { SceneButton, SceneHtml } from './SceneHtml';
import { SceneCard } from './card';

export const ControllerCard = memo(function ControllerCard({
  id,
  box,
}: {
  id: number;
  box: NodeCardBox;
}) {
  const t = useT();
  const node = useSim((s) => kraftOf(s.cluster?.metadata)?.nodes.find((n) => n.id === id));
  const active = useSim((s) => kraftOf(s.cluster?.metadata)?.activeController === id);
  // Combined placement: controller N is a part of broker N's process (same life, same address).
  const combined = useSim((s) => kraftOf(s.cluster?.metadata)?.placement === 'combined');
  if (!node) return null;
  const { rect } = box;
  const down = !node.alive;
  const roleColour =
    down || node.isolated ? COLOURS.bad : active ? COLOURS.controller : COLOURS.ink;
  const role = down ? t('quorum.role.stopped') : t(`quorum.role.${node.role}`);
  return (
    <SceneCard
      label={t('quorum.title', { id })}
      selection={{ kind: 'controller', id }}
      rect={rect}
      title={t('quorum.title', { id })}
      titleLabel={t('quorum.details', { id })}
      fill={down ? 'url(#hatch-down)' : undefined}
      isolated={node.isolated}
      className="controller-node"
    >
      {/* The active controller's card is outlined in the controller colour (and crowned). */}
      {active && !node.isolated && (
        <Box
          rect={rect}
          rx={12}
          fill="none"
          stroke={COLOURS.controller}
          strokeWidth={3}
          pointerEvents="none"
        />
      )}
      {/* On the role line (the active one is the Leader: a short word), so the title keeps its width. */}
      {active && <ControllerCrown x={rect.x + rect.w - 10 - CROWN_W} y={rect.y + 40} />}
      <text x={rect.x + 14} y={rect.y + 58} className="scene-text strong" fill={roleColour}>
        {node.isolated && !down ? `⚡ ${role} · ${t('quorum.isolated')}` : role}
      </text>
      {/* Its copy of the metadata log: the epoch it is in, its log end and what it knows is committed. */}
      <text x={rect.x + 14} y={rect.y + 82} className="scene-text" fill={COLOURS.muted}>
        {combined
          ? t('quorum.epochInBroker', { epoch: node.epoch, id })
          : t('quorum.epoch', { epoch: node.epoch })}
      </text>
      <text x={rect.x + 14} y={rect.y + 104} className="scene-text" fill={COLOURS.muted}>
        {t('quorum.log', { leo: node.logEndOffset, hw: node.highWatermark })}
      </text>
      <SceneHtml rect={box.actions} className="scene-actions">
        <ControllerButtons id={id} isolated={node.isolated} />
      </SceneHtml>
    </SceneCard>
  );
});

function ControllerButtons({ id, isolated }: { id: number; isolated: boolean }) {
  const t = useT();
  const params = { controllerId: id };
  const kill = useAction(CONTROLLER_ACTIONS.kill, params);
  const restart = useAction(CONTROLLER_ACTIONS.restart, params);
  const isolate = useAction(CONTROLLER_ACTIONS.isolate, params);
  const heal = useAction(CONTROLLER_ACTIONS.heal, params);
  return (
    <>
      <SceneButton action={kill} text={t('broker.killShort')} tone="danger" />
      <SceneButton action={restart} text={t('broker.restartShort')} tone="good" />
      <SceneButton
        action={isolated ? heal : isolate}
        text={t(isolated ? 'broker.healShort' : 'broker.isolateShort')}
      />
    </>
  );
}
