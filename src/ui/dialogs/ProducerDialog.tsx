// Add a producer, or edit one: topic, rate, keys, acks, linger.ms and idempotence.
// Kafka refuses enable.idempotence=true together with acks other than all, and so does this form.
import { useState, type FormEvent } from 'react';
import type { Command, ConfigValue } from '../../engine';
import { simStore } from '../../app/store';
import {
  configValue,
  freeId,
  keyList,
  newId,
  wholeNumber,
  type Checked,
} from '../../app/validation';
import { engineErrorText, useActionContext, useT } from '../hooks';
import { visibleTopics } from '../scene/model';
import { configValue as currentConfig } from '../scene/producers';
import { closeDialog, Dialog, Field, FormButtons, FormError } from './Dialog';
import { problemText } from './problems';

export function ProducerDialog({ editId }: { editId?: string }) {
  const t = useT();
  const ctx = useActionContext();
  const state = simStore.getState();
  const existing = editId ? state.producers[editId] : undefined;
  const topics = visibleTopics(state);
  const [id, setId] = useState(() => editId ?? freeId('producer', state.producerIds));
  const [topic, setTopic] = useState(existing?.topic ?? state.deliveryTopic ?? topics[0] ?? '');
  const [rate, setRate] = useState(String(existing?.ratePerSec ?? 2));
  const [keys, setKeys] = useState(
    existing ? (existing.keys ?? []).join(', ') : 'alice, bob, carol',
  );
  const initialAcks = String(existing ? (currentConfig(existing.config, 'acks') ?? 'all') : 'all');
  const [acks, setAcks] = useState(initialAcks);
  const initialLinger = existing ? String(currentConfig(existing.config, 'linger.ms') ?? '') : '';
  const [linger, setLinger] = useState(initialLinger);
  const initialIdempotence = existing
    ? currentConfig(existing.config, 'enable.idempotence') !== false
    : true;
  const [idempotence, setIdempotence] = useState(initialIdempotence);
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const checks = {
    id: editId
      ? ({ ok: true, value: editId } as const)
      : newId(id, t('forms.addProducer.id'), state.producerIds),
    rate: wholeNumber(rate, t('forms.addProducer.rate'), { min: 0, max: 1000 }),
    linger:
      linger.trim() === ''
        ? ({ ok: true, value: null } as const)
        : configValue('producer', 'linger.ms', linger),
  };
  const idempotenceProblem =
    idempotence && acks !== 'all' ? t('forms.errors.idempotenceNeedsAll') : null;
  const show = (c: Checked<unknown>) => (touched && !c.ok ? problemText(c.problem, t) : null);

  const onAcks = (value: string) => {
    setAcks(value);
    // As Kafka does when idempotence was not asked for explicitly: it goes with acks=all.
    setIdempotence(value === 'all');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    const { id: i, rate: r, linger: l } = checks;
    if (!i.ok || !r.ok || !l.ok || idempotenceProblem || !topic) return;
    const config: Record<string, ConfigValue> = { acks, 'enable.idempotence': idempotence };
    if (l.value !== null) config['linger.ms'] = l.value;
    const commands: Command[] = existing
      ? [
          {
            type: 'updateProducer',
            producerId: existing.id,
            ratePerSec: r.value,
            keys: keyList(keys),
          },
          ...Object.entries(config)
            .filter(([key, value]) => String(currentConfig(existing.config, key)) !== String(value))
            .map(([key, value]): Command => ({
              type: 'setConfig',
              scope: 'producer',
              id: existing.id,
              key,
              value,
            })),
        ]
      : [
          {
            type: 'addProducer',
            id: i.value,
            topic,
            ratePerSec: r.value,
            keys: keyList(keys),
            config,
          },
        ];
    for (const command of commands) {
      const result = await ctx.client.dispatch(command);
      if (!result.ok) {
        setRefusal(t('dialog.engineSaid', { message: engineErrorText(result.error, t) }));
        return;
      }
    }
    closeDialog();
  };

  return (
    <Dialog
      title={
        existing
          ? t('forms.addProducer.editTitle', { id: existing.id })
          : t('forms.addProducer.title')
      }
    >
      <form onSubmit={submit} noValidate>
        {!existing && (
          <div className="field-row">
            <Field label={t('forms.addProducer.id')} error={show(checks.id)}>
              {(p) => (
                <input
                  {...p}
                  type="text"
                  value={id}
                  onChange={(e) => setId(e.target.value)}
                  autoComplete="off"
                />
              )}
            </Field>
            <Field label={t('forms.addProducer.topic')}>
              {(p) => (
                <select {...p} value={topic} onChange={(e) => setTopic(e.target.value)}>
                  {topics.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        )}
        <div className="field-row">
          <Field label={t('forms.addProducer.rate')} error={show(checks.rate)}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                value={rate}
                onChange={(e) => setRate(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('forms.addProducer.linger')} error={show(checks.linger)}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                value={linger}
                placeholder="—"
                onChange={(e) => setLinger(e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field label={t('forms.addProducer.keys')} hint={t('forms.addProducer.keysHint')}>
          {(p) => (
            <input
              {...p}
              type="text"
              value={keys}
              onChange={(e) => setKeys(e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label={t('forms.addProducer.acks')}>
          {(p) => (
            <select {...p} value={acks} onChange={(e) => onAcks(e.target.value)}>
              <option value="all">{t('forms.addProducer.acksAll')}</option>
              <option value="1">{t('forms.addProducer.acksOne')}</option>
              <option value="0">{t('forms.addProducer.acksZero')}</option>
            </select>
          )}
        </Field>
        <div className={`field checkbox${idempotenceProblem ? ' invalid' : ''}`}>
          <label>
            <input
              type="checkbox"
              checked={idempotence}
              onChange={(e) => setIdempotence(e.target.checked)}
              aria-describedby="idempotence-hint"
            />
            <code>{t('forms.addProducer.idempotence')}</code>
          </label>
          <p id="idempotence-hint" className="field-hint">
            {t('forms.addProducer.idempotenceHint')}
          </p>
          {idempotenceProblem && touched && <p className="field-error">{idempotenceProblem}</p>}
        </div>
        <FormError message={refusal} />
        <FormButtons submitLabel={existing ? t('dialog.save') : t('dialog.add')} />
      </form>
    </Dialog>
  );
}
