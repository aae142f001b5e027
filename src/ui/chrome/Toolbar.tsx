// The "build and break" toolbar: add brokers, topics, producers, groups and consumers (all from
// the action registry), and the Delivery mode switch for one topic.
import { useId, useState } from 'react';
import { ACTIONS, run, type Action } from '../../app/actions';
import { simStore, useSim } from '../../app/store';
import { useAction, useActionContext, useT } from '../hooks';
import { deliveryModeOf, visibleTopics } from '../scene/model';

function ToolbarButton({ action, icon }: { action: Action; icon: string }) {
  const bound = useAction(action, undefined);
  return (
    <button
      type="button"
      className="button"
      onClick={bound.perform}
      disabled={!bound.enabled}
      aria-keyshortcuts={action.shortcut?.keys[0]?.toUpperCase()}
    >
      <span aria-hidden="true" className="icon">
        {icon}
      </span>
      {bound.label}
    </button>
  );
}

export function Toolbar() {
  const t = useT();
  return (
    <div className="toolbar">
      <div className="toolbar-actions" role="group" aria-label={t('toolbar.group')}>
        <ToolbarButton action={ACTIONS.addBroker} icon="+" />
        <ToolbarButton action={ACTIONS.createTopic} icon="+" />
        <ToolbarButton action={ACTIONS.addProducer} icon="+" />
        <ToolbarButton action={ACTIONS.addGroup} icon="+" />
        <ToolbarButton action={ACTIONS.addConsumer} icon="+" />
      </div>
      <DeliveryMode />
    </div>
  );
}

function DeliveryMode() {
  const t = useT();
  const ctx = useActionContext();
  const labelId = useId();
  const hintId = useId();
  const topicsKey = useSim((s) => visibleTopics(s).join('\u0000'));
  const topics = topicsKey ? topicsKey.split('\u0000') : [];
  const topic = useSim((s) => s.deliveryTopic);
  const ready = useSim((s) => s.status === 'ready');
  const modeKey = useSim((s) => {
    const d = deliveryModeOf(s, s.deliveryTopic);
    return `${d.mode ?? ''}|${d.groups}|${d.consumers}`;
  });
  const [mode, groups, consumers] = modeKey.split('|');
  // The consumers regroup through real rebalances, which take a moment: until they have, the
  // choice stays shown as made.
  const [pending, setPending] = useState<{ topic: string; mode: string } | null>(null);
  if (pending && (pending.mode === mode || pending.topic !== topic)) setPending(null);
  const shown = pending?.topic === topic ? pending.mode : mode;
  const choose = (next: 'queue' | 'pubsub') => {
    if (!topic) return;
    setPending({ topic, mode: next });
    void run(ctx, { type: 'setDeliveryMode', topic, mode: next }).then((ok) => {
      if (!ok) setPending(null);
    });
  };
  const hint =
    mode === 'queue'
      ? t('delivery.queueHint')
      : mode === 'pubsub'
        ? t('delivery.pubsubHint')
        : t('delivery.mixedHint', { groups, consumers });
  return (
    <div className="delivery">
      <span id={labelId} className="delivery-label">
        {t('delivery.legend')}
      </span>
      <select
        aria-label={t('delivery.topic')}
        value={topic ?? ''}
        disabled={topics.length === 0}
        onChange={(e) => simStore.setState({ deliveryTopic: e.target.value })}
      >
        {topics.length === 0 && <option value="">{t('delivery.noTopic')}</option>}
        {topics.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <div
        className="segmented"
        role="radiogroup"
        aria-labelledby={labelId}
        aria-describedby={hintId}
      >
        {(['queue', 'pubsub'] as const).map((value) => (
          <label key={value} className={shown === value ? 'checked' : undefined}>
            <input
              type="radio"
              name="delivery-mode"
              value={value}
              checked={shown === value}
              disabled={!ready || !topic}
              onChange={() => choose(value)}
            />
            {t(value === 'queue' ? 'delivery.queue' : 'delivery.pubsub')}
          </label>
        ))}
      </div>
      <span id={hintId} className="delivery-hint">
        {hint}
      </span>
    </div>
  );
}
