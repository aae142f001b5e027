// The inspector for a topic: replication factor, every partition with its leader and ISR.
import { useSim } from '../../../app/SimulatorProvider';
import { minIsrProblem } from '../../../app/brokenStates';
import { configValue } from '../../scene/producers';
import { useT } from '../../hooks';
import { ConfigTable, Props, Ref } from '../parts';
import { AddPartitions } from './AddPartitions';
import { DeleteTopic } from './DeleteTopic';

export function TopicDetails({ name }: { name: string }) {
  const t = useT();
  const topic = useSim((s) => s.topics[name]);
  const keys = useSim((s) =>
    s.partitionKeys.filter((k) => s.partitions[k]?.topic === name).join('\u0000'),
  );
  const partitions = useSim((s) => s.partitions);
  if (!topic) return null;
  const list = keys ? keys.split('\u0000') : [];
  const problem = minIsrProblem(
    configValue(topic.config, 'min.insync.replicas'),
    topic.replicationFactor,
  );
  return (
    <>
      <h2>{t('inspector.topicTitle', { topic: name })}</h2>
      {problem && (
        <p className="config-warning" role="note">
          ⚠ {t('broken.minIsrWarning', { minIsr: problem.minIsr, rf: problem.replicationFactor })}
        </p>
      )}
      <Props
        rows={[
          [t('inspector.replicationFactor'), topic.replicationFactor],
          [t('inspector.partitions'), topic.partitionCount],
        ]}
      />
      <AddPartitions topic={name} current={topic.partitionCount} />
      <DeleteTopic topic={name} />
      <section className="inspector-section">
        <h3>{t('inspector.partitions')}</h3>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('inspector.partition')}</th>
              <th scope="col">{t('inspector.leader')}</th>
              <th scope="col">{t('inspector.epoch')}</th>
              <th scope="col">{t('inspector.isr')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((key) => {
              const p = partitions[key];
              return (
                <tr key={key}>
                  <th scope="row">
                    <Ref to={{ kind: 'partition', key }}>{key}</Ref>
                  </th>
                  <td>{p.offline ? t('inspector.noLeader') : p.leader}</td>
                  <td>{p.leaderEpoch}</td>
                  <td>[{p.isr.join(',')}]</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <ConfigTable entries={topic.config} target={{ scope: 'topic', id: name }} />
    </>
  );
}
