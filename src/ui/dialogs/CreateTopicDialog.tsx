// Create topic: name, partitions, replication factor, min.insync.replicas and retention.ms,
// checked as the engine checks them.
import { useState, type FormEvent } from 'react';
import { simStore, useSim } from '../../app/store';
import { configValue, topicName, wholeNumber, type Checked } from '../../app/validation';
import { engineErrorText, useActionContext, useT } from '../hooks';
import { closeDialog, Dialog, Field, FormButtons, FormError } from './Dialog';
import { problemText } from './problems';

export function CreateTopicDialog() {
  const t = useT();
  const ctx = useActionContext();
  const running = useSim(
    (s) => s.brokerIds.filter((id) => s.brokers[id]?.status === 'running').length,
  );
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState('3');
  const [rf, setRf] = useState(String(Math.max(1, Math.min(3, running))));
  const [minIsr, setMinIsr] = useState(String(Math.max(1, Math.min(2, running))));
  const [retention, setRetention] = useState('604800000');
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const checks = {
    name: topicName(name, simStore.getState().topicNames, t('forms.createTopic.name')),
    partitions: wholeNumber(partitions, t('forms.createTopic.partitions'), { min: 1, max: 1000 }),
    rf: wholeNumber(rf, t('forms.createTopic.replicationFactor'), { min: 1 }),
    minIsr: configValue('topic', 'min.insync.replicas', minIsr),
    retention: configValue('topic', 'retention.ms', retention),
  };
  const rfProblem =
    checks.rf.ok && checks.rf.value > running
      ? t('forms.errors.rfTooBig', { rf: checks.rf.value, brokers: running })
      : null;
  const show = (c: Checked<unknown>) => (touched && !c.ok ? problemText(c.problem, t) : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    const { name: n, partitions: p, rf: r, minIsr: m, retention: ret } = checks;
    if (!n.ok || !p.ok || !r.ok || !m.ok || !ret.ok || rfProblem) return;
    const result = await ctx.client.dispatch({
      type: 'createTopic',
      name: n.value,
      partitions: p.value,
      replicationFactor: r.value,
      config: { 'min.insync.replicas': m.value, 'retention.ms': ret.value },
    });
    if (result.ok) closeDialog();
    else setRefusal(t('dialog.engineSaid', { message: engineErrorText(result.error, t) }));
  };

  return (
    <Dialog title={t('forms.createTopic.title')}>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('forms.createTopic.name')}
          hint={t('forms.createTopic.nameHint')}
          error={show(checks.name)}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <div className="field-row">
          <Field label={t('forms.createTopic.partitions')} error={show(checks.partitions)}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={1}
                value={partitions}
                onChange={(e) => setPartitions(e.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('forms.createTopic.replicationFactor')}
            error={show(checks.rf) ?? (touched || rfProblem ? rfProblem : null)}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                min={1}
                value={rf}
                onChange={(e) => setRf(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="field-row">
          <Field
            label={t('forms.createTopic.minIsr')}
            hint={t('forms.createTopic.minIsrHint')}
            error={show(checks.minIsr)}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                min={1}
                value={minIsr}
                onChange={(e) => setMinIsr(e.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('forms.createTopic.retention')}
            hint={t('forms.createTopic.retentionHint')}
            error={show(checks.retention)}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                min={-1}
                value={retention}
                onChange={(e) => setRetention(e.target.value)}
              />
            )}
          </Field>
        </div>
        <FormError message={refusal} />
        <FormButtons submitLabel={t('dialog.create')} />
      </form>
    </Dialog>
  );
}
