// Add a producer, or edit one: topic, rate, keys, acks, linger.ms and idempotence.
// Kafka refuses enable.idempotence=true together with acks other than all, and so does this form.
import { useState, type FormEvent } from 'react';
import type { Command, ConfigValue } from '../../engine';
import { configValue, freeId, keyList, newId, wholeNumber } from '../../app/validation';
import { useActionContext, useT } from '../hooks';
import { visibleTopics } from '../scene/model';
import { configValue as currentConfig } from '../scene/producers';
import { Dialog, useCloseDialog } from './Dialog';
import { FormButtons, FormError, InputField, SelectField } from './fields';
import { useForm } from './useForm';

export function ProducerDialog({ editId }: { editId?: string }) {
  const t = useT();
  const ctx = useActionContext();
  const closeDialog = useCloseDialog();
  const state = ctx.store.getState();
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
  const form = useForm();

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

  const onAcks = (value: string) => {
    setAcks(value);
    // As Kafka does when idempotence was not asked for explicitly: it goes with acks=all.
    setIdempotence(value === 'all');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.submitted();
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
      if (!form.accepted(result)) return;
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
            <InputField
              label={t('forms.addProducer.id')}
              error={form.show(checks.id)}
              value={id}
              onChange={setId}
            />
            <SelectField
              label={t('forms.addProducer.topic')}
              value={topic}
              onChange={setTopic}
              options={topics}
            />
          </div>
        )}
        <div className="field-row">
          <InputField
            label={t('forms.addProducer.rate')}
            error={form.show(checks.rate)}
            type="number"
            min={0}
            value={rate}
            onChange={setRate}
          />
          <InputField
            label={t('forms.addProducer.linger')}
            error={form.show(checks.linger)}
            type="number"
            min={0}
            placeholder="—"
            value={linger}
            onChange={setLinger}
          />
        </div>
        <InputField
          label={t('forms.addProducer.keys')}
          hint={t('forms.addProducer.keysHint')}
          value={keys}
          onChange={setKeys}
        />
        <SelectField
          label={t('forms.addProducer.acks')}
          value={acks}
          onChange={onAcks}
          options={[
            { value: 'all', text: t('forms.addProducer.acksAll') },
            { value: '1', text: t('forms.addProducer.acksOne') },
            { value: '0', text: t('forms.addProducer.acksZero') },
          ]}
        />
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
          {idempotenceProblem && form.touched && (
            <p className="field-error">{idempotenceProblem}</p>
          )}
        </div>
        <FormError message={form.refusal} />
        <FormButtons submitLabel={existing ? t('dialog.save') : t('dialog.add')} />
      </form>
    </Dialog>
  );
}
