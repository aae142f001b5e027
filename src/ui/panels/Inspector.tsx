// The inspector: everything about the selected broker, topic, partition, producer, group or
// consumer. Structure comes from the store; live numbers are re-read a few times a second.
// One file per kind of thing, in inspector/.
import { useSim, useSimStore } from '../../app/SimulatorProvider';
import type { Selection } from '../../app/store';
import { useT } from '../hooks';
import { BrokerDetails } from './inspector/BrokerDetails';
import { ConsumerDetails } from './inspector/ConsumerDetails';
import { ControllerDetails } from './inspector/ControllerDetails';
import { GroupDetails } from './inspector/GroupDetails';
import { PartitionDetails } from './inspector/PartitionDetails';
import { ProducerDetails } from './inspector/ProducerDetails';
import { TopicDetails } from './inspector/TopicDetails';
import { ZooKeeperDetails } from './inspector/ZooKeeperDetails';

export function Inspector() {
  const t = useT();
  const selection = useSim((s) => s.selection);
  const store = useSimStore();
  return (
    <section
      className={`panel inspector${selection ? ' open' : ''}`}
      aria-label={t('inspector.region')}
    >
      {selection ? (
        <>
          <button
            type="button"
            className="panel-close"
            aria-label={t('inspector.close')}
            onClick={() => store.setState({ selection: null })}
          >
            ×
          </button>
          <Details selection={selection} />
        </>
      ) : (
        <>
          <h2>{t('inspector.region')}</h2>
          <p className="muted">{t('inspector.empty')}</p>
        </>
      )}
    </section>
  );
}

function Details({ selection }: { selection: Selection }) {
  switch (selection.kind) {
    case 'broker':
      return <BrokerDetails id={selection.id} />;
    case 'controller':
      return <ControllerDetails id={selection.id} />;
    case 'zookeeper':
      return <ZooKeeperDetails id={selection.id} />;
    case 'topic':
      return <TopicDetails name={selection.name} />;
    case 'partition':
      return <PartitionDetails partitionKey={selection.key} />;
    case 'producer':
      return <ProducerDetails id={selection.id} />;
    case 'group':
      return <GroupDetails id={selection.id} />;
    case 'consumer':
      return <ConsumerDetails id={selection.id} />;
  }
}
