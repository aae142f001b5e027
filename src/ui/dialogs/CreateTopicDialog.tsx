// Create topic: name, partitions, replication factor, min.insync.replicas and retention.ms,
// checked as the engine checks them.
import { useState, type FormEvent } from 'react';
import { useSim } from '../../app/SimulatorProvider';
import { configValue, topicName, wholeNumber } from '../../app/validation';
import { minIsrProblem } from '../../app/brokenStates';
import { useActionContext, useT } from '../hooks';
import { Dialog, useCloseDialog } from './Dialog';
import { FormButtons, FormError, InputField } from './fields';
import { useForm } from './useForm';

export function CreateTopicDialog() {
  const t = useT();
  const ctx = useActionContext();
  const closeDialog = useCloseDialog();
  const running = useSim(
    (s) => s.brokerIds.filter((id) => s.brokers[id]?.status === 'running').length,
  );
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState('3');
  const [rf, setRf] = useState(String(Math.max(1, Math.min(3, running))));
  const [minIsr, setMinIsr] = useState(String(Math.max(1, Math.min(2, running))));
  const [retention, setRetention] = useState('604800000');
  const form = useForm();

  const checks = {
    name: topicName(name, ctx.store.getState().topicNames, t('forms.createTopic.name')),
    partitions: wholeNumber(partitions, t('forms.createTopic.partitions'), { min: 1, max: 1000 }),
    rf: wholeNumber(rf, t('forms.createTopic.replicationFactor'), { min: 1 }),
    minIsr: configValue('topic', 'min.insync.replicas', minIsr),
    retention: configValue('topic', 'retention.ms', retention),
  };
  const rfProblem =
    checks.rf.ok && checks.rf.value > running
      ? t('forms.errors.rfTooBig', { rf: checks.rf.value, brokers: running })
      : null;

  // Kafka accepts min.insync.replicas above the replication factor, so this warns, never refuses.
  const minIsrWarning =
    checks.minIsr.ok && checks.rf.ok ? minIsrProblem(checks.minIsr.value, checks.rf.value) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.submitted();
    const { name: n, partitions: p, rf: r, minIsr: m, retention: ret } = checks;
    if (!n.ok || !p.ok || !r.ok || !m.ok || !ret.ok || rfProblem) return;
    const result = await ctx.client.dispatch({
      type: 'createTopic',
      name: n.value,
      partitions: p.value,
      replicationFactor: r.value,
      config: { 'min.insync.replicas': m.value, 'retention.ms': ret.value },
    });
    if (form.accepted(result)) closeDialog();
  };

  return (
    <Dialog title={t('forms.createTopic.title')}>
      <form onSubmit={submit} noValidate>
        <InputField
          label={t('forms.createTopic.name')}
          hint={t('forms.createTopic.nameHint')}
          error={form.show(checks.name)}
          value={name}
          onChange={setName}
        />
        <div className="field-row">
          <InputField
            label={t('forms.createTopic.partitions')}
            error={form.show(checks.partitions)}
            type="number"
            min={1}
            value={partitions}
            onChange={setPartitions}
          />
          <InputField
            label={t('forms.createTopic.replicationFactor')}
            error={form.show(checks.rf) ?? (form.touched || rfProblem ? rfProblem : null)}
            type="number"
            min={1}
            value={rf}
            onChange={setRf}
          />
        </div>
        <div className="field-row">
          <InputField
            label={t('forms.createTopic.minIsr')}
            hint={t('forms.createTopic.minIsrHint')}
            error={form.show(checks.minIsr)}
            type="number"
            min={1}
            value={minIsr}
            onChange={setMinIsr}
          />
          <InputField
            label={t('forms.createTopic.retention')}
            hint={t('forms.createTopic.retentionHint')}
            error={form.show(checks.retention)}
            type="number"
            min={-1}
            value={retention}
            onChange={setRetention}
          />
        </div>
        {minIsrWarning && (
          <p className="config-warning" role="note">
            ⚠{' '}
            {t('broken.minIsrWarning', {
              minIsr: minIsrWarning.minIsr,
              rf: minIsrWarning.replicationFactor,
            })}
          </p>
        )}
        <FormError message={form.refusal} />
        <FormButtons submitLabel={t('dialog.create')} />
      </form>
    </Dialog>
  );
}
