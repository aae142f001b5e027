// Seek a consumer (KafkaConsumer.seek): pick one of the partitions it owns and an offset. Only the
// position moves; the engine refuses a partition the consumer does not own, and its words show.
import { useState, type FormEvent } from 'react';
import { wholeNumber } from '../../app/validation';
import { useSim } from '../../app/SimulatorProvider';
import { parsePartitionKey } from '../../worker/protocol';
import { useActionContext, useFastRefresh, useT } from '../hooks';
import { Dialog, useCloseDialog } from './Dialog';
import { FormButtons, FormError, InputField, SelectField } from './fields';
import { useForm } from './useForm';

export function SeekDialog({ consumerId }: { consumerId: string }) {
  const t = useT();
  const ctx = useActionContext();
  const closeDialog = useCloseDialog();
  const consumer = useSim((s) => s.consumers[consumerId]);
  const owned = consumer?.assignment ?? [];
  // Positions move every frame: read from the frame buffer, refreshed while the dialog is open.
  const positions = useFastRefresh(300).consumers.get(consumerId)?.positions ?? {};
  const [partition, setPartition] = useState(owned[0] ?? '');
  const [offset, setOffset] = useState(String(positions[owned[0] ?? ''] ?? 0));
  const form = useForm();
  const offsetCheck = wholeNumber(offset, t('forms.seek.offset'), { min: 0 });
  const position = positions[partition];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.submitted();
    const target = parsePartitionKey(partition);
    if (!offsetCheck.ok || !target) return;
    const result = await ctx.client.dispatch({
      type: 'seek',
      consumerId,
      ...target,
      offset: offsetCheck.value,
    });
    if (form.accepted(result)) closeDialog();
  };

  return (
    <Dialog title={t('forms.seek.title', { consumer: consumerId })}>
      <form onSubmit={submit} noValidate>
        <p className="muted">{t('forms.seek.intro')}</p>
        {owned.length === 0 ? (
          <p role="alert">{t('forms.seek.noPartition')}</p>
        ) : (
          <>
            <SelectField
              label={t('forms.seek.partition')}
              value={partition}
              onChange={setPartition}
              options={owned}
            />
            <InputField
              label={t('forms.seek.offset')}
              hint={position === undefined ? undefined : t('forms.seek.offsetHint', { position })}
              error={form.show(offsetCheck)}
              value={offset}
              onChange={setOffset}
            />
          </>
        )}
        <FormError message={form.refusal} />
        <FormButtons submitLabel={t('forms.seek.submit')} />
      </form>
    </Dialog>
  );
}
