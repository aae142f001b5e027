// The ZooKeeper ensemble (ZooKeeper mode), a row of cards above the brokers where the KRaft
// controllers would be: each server with its state as ZooKeeper names it (Leading, Following,
// Looking), the epoch it is in, the last transaction it applied (zxid), how many brokers hold
// their session through it, and Kill / Restart / Isolate buttons. The leader is outlined.
// Messages between the servers and with the brokers fly to these cards.
import { memo } from 'react';
import { zookeeperOf } from '../../app/metadataMode';
import { useSim } from '../../app/SimulatorProvider';
import { ZOOKEEPER_ACTIONS } from '../../app/zookeeperActions';
import { formatZxid } from '../../i18n/zxid';
import { useAction, useT } from '../hooks';
import type { NodeCardBox } from './layout';
import { COLOURS } from './palette';
import { Box } from './shapes';
import { SceneButton, SceneHtml } from './SceneHtml';
import { SceneCard } from './card';

type Server = NonNullable<ReturnType<typeof zookeeperOf>>['nodes'][number];

/** The colour of the state line: the leader in the leader's colour, trouble in red or amber. */
function roleColour(node: Server): string {
  if (!node.alive || node.isolated) return COLOURS.bad;
  if (node.role === 'leading') return COLOURS.leader;
  if (node.role === 'looking') return COLOURS.warn;
  return COLOURS.ink;
}

export const ZooKeeperCard = memo(function ZooKeeperCard({
  id,
  box,
}: {
  id: number;
  box: NodeCardBox;
}) {
  const t = useT();
  const node = useSim((s) => zookeeperOf(s.cluster?.metadata)?.nodes.find((n) => n.id === id));
  if (!node) return null;
  const { rect } = box;
  const down = !node.alive;
  // A server added by reconfig follows without a vote until the reconfig commits.
  const joining = !down && !node.voter && node.role === 'following';
  const role = t(`zookeeper.role.${down ? 'stopped' : joining ? 'joining' : node.role}`);
  const leading = !down && !node.isolated && node.role === 'leading';
  const line = (n: number) => rect.y + 58 + n * 22;
  return (
    <SceneCard
      label={t('zookeeper.title', { id })}
      selection={{ kind: 'zookeeper', id }}
      rect={rect}
      title={t('zookeeper.title', { id })}
      titleLabel={t('zookeeper.details', { id })}
      fill={down ? 'url(#hatch-down)' : undefined}
      isolated={node.isolated}
      className="zookeeper-node"
    >
      {leading && (
        <Box
          rect={rect}
          rx={12}
          fill="none"
          stroke={COLOURS.leader}
          strokeWidth={3}
          pointerEvents="none"
        />
      )}
      <text x={rect.x + 14} y={line(0)} className="scene-text strong" fill={roleColour(node)}>
        {node.isolated && !down ? `⚡ ${role} · ${t('zookeeper.isolated')}` : role}
      </text>
      {/* What it has applied: the epoch it follows and its newest transaction, as ZooKeeper prints it. */}
      <text x={rect.x + 14} y={line(1)} className="scene-text" fill={COLOURS.muted}>
        {t('zookeeper.epoch', { epoch: node.epoch })}
      </text>
      <text x={rect.x + 14} y={line(2)} className="scene-text" fill={COLOURS.muted}>
        {t('zookeeper.zxid', { zxid: formatZxid(node.lastZxid) })}
      </text>
      <text x={rect.x + 14} y={line(3)} className="scene-text" fill={COLOURS.muted}>
        {t('zookeeper.clients', { count: node.clients.length })}
      </text>
      <SceneHtml rect={box.actions} className="scene-actions">
        <ZooKeeperButtons id={id} isolated={node.isolated} />
      </SceneHtml>
    </SceneCard>
  );
});

function ZooKeeperButtons({ id, isolated }: { id: number; isolated: boolean }) {
  const t = useT();
  const params = { nodeId: id };
  const kill = useAction(ZOOKEEPER_ACTIONS.kill, params);
  const restart = useAction(ZOOKEEPER_ACTIONS.restart, params);
  const isolate = useAction(ZOOKEEPER_ACTIONS.isolate, params);
  const heal = useAction(ZOOKEEPER_ACTIONS.heal, params);
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
