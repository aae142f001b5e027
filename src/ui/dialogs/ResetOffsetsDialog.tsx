// Reset offsets of a group (kafka-consumer-groups --reset-offsets): to the earliest or latest
// offset, to an offset, or to a time (--to-datetime: the first record at or after it). Like the
// real tool, the engine refuses while the group has active members; its words show in the form.
import { useState, type FormEvent } from 'react';
import { wholeNumber } from '../../app/validation';
import { useActionContext, useT } from '../hooks';
import { Dialog, useCloseDialog } from './Dialog';
import { FormButtons, FormError, InputField, SelectField } from './fields';
import { useForm } from './useForm';

const MODES = ['earliest', 'latest', 'offset', 'time'] as const;
type Mode = (typeof MODES)[number];

export function ResetOffsetsDialog({ groupId }: { groupId: string }) {
  const t = useT();
  const ctx = useActionContext();
  const closeDialog = useCloseDialog();
  const state = ctx.store.getState();
  const topics = state.groups[groupId]?.topics ?? [];
  const [topic, setTopic] = useState(topics[0] ?? '');
  const [mode, setMode] = useState<Mode>('earliest');
  const [offset, setOffset] = useState('0');
  const [seconds, setSeconds] = useState('0');
  const form = useForm();
  const offsetCheck = wholeNumber(offset, t('forms.resetOffsets.offset'), { min: 0 });
  const timeCheck = wholeNumber(seconds, t('forms.resetOffsets.time'), { min: 0 });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.submitted();
    if (mode === 'offset' && !offsetCheck.ok) return;
    if (mode === 'time' && !timeCheck.ok) return;
    const to =
      mode === 'offset' && offsetCheck.ok
        ? offsetCheck.value
        : mode === 'time' && timeCheck.ok
          ? { timestamp: timeCheck.value * 1000 }
          : mode === 'latest'
            ? 'latest'
            : 'earliest';
    const result = await ctx.client.dispatch({ type: 'resetOffsets', groupId, topic, to });
    if (form.accepted(result)) closeDialog();
  };

  return (
    <Dialog title={t('forms.resetOffsets.title', { group: groupId })}>
      <form onSubmit={submit} noValidate>
        <p className="muted">{t('forms.resetOffsets.intro')}</p>
        <SelectField
          label={t('forms.resetOffsets.topic')}
          value={topic}
          onChange={setTopic}
          options={topics}
        />
        <SelectField
          label={t('forms.resetOffsets.to')}
          value={mode}
          onChange={(v) => setMode(v as Mode)}
          options={MODES.map((m) => ({ value: m, text: t(`forms.resetOffsets.mode.${m}`) }))}
        />
        {mode === 'offset' && (
          <InputField
            label={t('forms.resetOffsets.offset')}
            hint={t('forms.resetOffsets.offsetHint')}
            error={form.show(offsetCheck)}
            value={offset}
            onChange={setOffset}
          />
        )}
        {mode === 'time' && (
          <InputField
            label={t('forms.resetOffsets.time')}
            hint={t('forms.resetOffsets.timeHint')}
            error={form.show(timeCheck)}
            value={seconds}
            onChange={setSeconds}
          />
        )}
        <FormError message={form.refusal} />
        <FormButtons submitLabel={t('forms.resetOffsets.submit')} />
      </form>
    </Dialog>
  );
}
