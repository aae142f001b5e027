// The inspector for a ZooKeeper server (ZooKeeper mode): its state, the epoch and the last
// transaction it applied, the brokers whose session runs through it, the ensemble's open sessions
// and the znode tree, where a learner finds what "Kafka's metadata in ZooKeeper" is: /controller,
// /controller_epoch, /brokers/ids with one ephemeral znode per live broker, the topics' state.
import type { ZooKeeperView } from '../../../engine';
import { zookeeperOf } from '../../../app/metadataMode';
import { useSim } from '../../../app/SimulatorProvider';
import { formatSessionId, formatZxid, zxidCounter, zxidEpoch } from '../../../i18n/zxid';
import { ACTIONS } from '../../../app/actions';
import { useAction, useT } from '../../hooks';
import { BrokerList, InspectorAction, Props, Ref } from '../parts';
import { time } from './time';
import { ZnodeTree } from './ZnodeTree';

/** Dynamic reconfig: a new server joins this ensemble. */
function AddZooKeeper() {
  return <InspectorAction action={useAction(ACTIONS.addZooKeeper, undefined)} />;
}

export function ZooKeeperDetails({ id }: { id: number }) {
  const t = useT();
  const ensemble = useSim((s) => zookeeperOf(s.cluster?.metadata));
  const node = ensemble?.nodes.find((n) => n.id === id);
  if (!ensemble || !node) return null;
  const status = [
    t(`zookeeper.role.${node.alive ? node.role : 'stopped'}`),
    node.isolated ? t('zookeeper.isolated') : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const zxid = node.lastZxid;
  return (
    <>
      <h2>{t('zookeeper.title', { id })}</h2>
      <Props
        rows={[
          [t('inspector.status'), status],
          [t('zookeeper.epochLabel'), node.epoch],
          [
            t('zookeeper.lastZxid'),
            t('zookeeper.zxidParts', {
              zxid: formatZxid(zxid),
              epoch: zxidEpoch(zxid),
              counter: zxidCounter(zxid),
            }),
          ],
          [t('zookeeper.connected'), <BrokerList key="clients" ids={node.clients} />],
          [
            t('zookeeper.kafkaController'),
            <ControllerValue key="controller" ensemble={ensemble} />,
          ],
        ]}
      />
      <AddZooKeeper />
      <h3>{t('zookeeper.sessions')}</h3>
      <Sessions ensemble={ensemble} />
      <h3>{t('zookeeper.znodes')}</h3>
      <p className="muted">
        {t('zookeeper.znodesIntro', { controller: '/controller', brokers: '/brokers/ids' })}
      </p>
      <ZnodeTree znodes={ensemble.znodes} label={t('zookeeper.znodes')} />
      {ensemble.znodesTotal > ensemble.znodes.length && (
        <p className="muted">
          {t('zookeeper.znodesShown', {
            shown: ensemble.znodes.length,
            total: ensemble.znodesTotal,
          })}
        </p>
      )}
    </>
  );
}

/** The broker that owns /controller, and /controller_epoch. */
function ControllerValue({ ensemble }: { ensemble: ZooKeeperView }) {
  const t = useT();
  const broker = ensemble.activeController;
  if (broker === null) return <>{t('inspector.none')}</>;
  return (
    <Ref to={{ kind: 'broker', id: broker }}>
      {t('zookeeper.controllerValue', { broker, epoch: ensemble.epoch })}
    </Ref>
  );
}

/** The open sessions: one per registered broker, with the server it talks through. */
function Sessions({ ensemble }: { ensemble: ZooKeeperView }) {
  const t = useT();
  if (ensemble.sessions.length === 0) return <p className="muted">{t('zookeeper.noSessions')}</p>;
  const serverOf = (brokerId: number) => ensemble.nodes.find((n) => n.clients.includes(brokerId));
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('zookeeper.sessionBroker')}</th>
          <th scope="col">{t('zookeeper.sessionId')}</th>
          <th scope="col">{t('zookeeper.sessionServer')}</th>
          <th scope="col">{t('zookeeper.sessionTimeout')}</th>
          <th scope="col">{t('zookeeper.sessionExpires')}</th>
        </tr>
      </thead>
      <tbody>
        {ensemble.sessions.map((s) => {
          const server = serverOf(s.brokerId);
          return (
            <tr key={s.sessionId}>
              <th scope="row">
                <Ref to={{ kind: 'broker', id: s.brokerId }}>{s.brokerId}</Ref>
              </th>
              <td>
                <code>{formatSessionId(s.sessionId)}</code>
              </td>
              <td>{server ? `zk-${server.id}` : t('inspector.none')}</td>
              <td>{s.timeoutMs} ms</td>
              <td>{time(s.expiresAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
