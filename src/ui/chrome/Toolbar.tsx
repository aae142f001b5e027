// The "build and break" toolbar: add brokers, topics, producers, groups and consumers (all from
// the action registry), and the Delivery mode switch for one topic.
import { ACTIONS, type Action } from '../../app/actions';
import { useSim } from '../../app/SimulatorProvider';
import { useAction, useT } from '../hooks';
import { ActionButton } from './ActionButton';
import { DeliveryMode } from './DeliveryMode';

function ToolbarButton({ action, short }: { action: Action; short: string }) {
  const t = useT();
  const bound = useAction(action, undefined);
  // Narrow screens show "+ Broker" for "Add broker": the toolbar then fits on one line.
  return (
    <ActionButton
      action={bound}
      icon="+"
      short={t(short)}
      keys={action.shortcut?.keys[0]?.toUpperCase()}
    />
  );
}

export function Toolbar() {
  const t = useT();
  // Presenter mode keeps it folded until the header's button opens it.
  const hidden = useSim((s) => s.presenter && !s.toolbarOpen);
  if (hidden) return null;
  return (
    <div className="toolbar" id="toolbar">
      <div className="toolbar-actions" role="group" aria-label={t('toolbar.group')}>
        <ToolbarButton action={ACTIONS.addBroker} short="toolbar.addBrokerShort" />
        <ToolbarButton action={ACTIONS.createTopic} short="toolbar.createTopicShort" />
        <ToolbarButton action={ACTIONS.addProducer} short="toolbar.addProducerShort" />
        <ToolbarButton action={ACTIONS.addGroup} short="toolbar.addGroupShort" />
        <ToolbarButton action={ACTIONS.addConsumer} short="toolbar.addConsumerShort" />
      </div>
      <DeliveryMode />
    </div>
  );
}
