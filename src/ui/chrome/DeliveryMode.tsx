// The Delivery mode switch for one topic: Queue (its consumers share one group) or
// Publish-subscribe (each in a group of its own), and a hint that says what that means. Wide
// screens show the hint inline; narrower ones behind an info button (and as a tooltip).
import { useEffect, useId, useRef, useState } from 'react';
import { run } from '../../app/actions';
import { useSim } from '../../app/SimulatorProvider';
import { useActionContext, useT } from '../hooks';
import { deliveryModeOf, visibleTopics } from '../scene/model';

export function DeliveryMode() {
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
        onChange={(e) => ctx.store.setState({ deliveryTopic: e.target.value })}
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
        title={hint}
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
      <DeliveryHint id={hintId} hint={hint} />
    </div>
  );
}

/**
 * The hint, inline where there is room (styles.css). Elsewhere an info button shows it in a
 * bubble, so sighted people get what screen readers get from aria-describedby.
 */
function DeliveryHint({ id, hint }: { id: string; hint: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);
  return (
    <span ref={ref} className={open ? 'delivery-explain open' : 'delivery-explain'}>
      <button
        type="button"
        className="info-button"
        aria-label={t('delivery.explain')}
        aria-expanded={open}
        aria-controls={id}
        title={t('delivery.explain')}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.preventDefault();
            setOpen(false);
          }
        }}
      >
        i
      </button>
      <span id={id} className="delivery-hint">
        {hint}
      </span>
    </span>
  );
}
