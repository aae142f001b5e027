// Add a consumer group (topics, how many consumers, assignor, auto.offset.reset) and add one
// consumer to an existing group.
import { useState, type FormEvent } from 'react';
import { freeId, newId, wholeNumber } from '../../app/validation';
import { useActionContext, useT } from '../hooks';
import { visibleTopics } from '../scene/model';
import { Dialog, useCloseDialog } from './Dialog';
import { FormButtons, FormError, InputField, SelectField } from './fields';
import { useForm } from './useForm';

const ASSIGNORS = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const;
const OFFSET_RESETS = ['earliest', 'latest'] as const;

export function AddGroupDialog() {
  const t = useT();
  const ctx = useActionContext();
  const closeDialog = useCloseDialog();
  const state = ctx.store.getState();
  const topics = visibleTopics(state);
  const [id, setId] = useState(() => freeId('group', state.groupIds));
  const [chosen, setChosen] = useState<string[]>(() =>
    topics[0] ? [state.deliveryTopic ?? topics[0]] : [],
  );
  const [consumers, setConsumers] = useState('2');
  const [assignor, setAssignor] = useState<string>('range');
  const [reset, setReset] = useState('earliest');
  const form = useForm();

  const checks = {
    id: newId(id, t('forms.addGroup.id'), state.groupIds),
    consumers: wholeNumber(consumers, t('forms.addGroup.consumers'), { min: 0, max: 50 }),
  };
  const topicsProblem = chosen.length === 0 ? t('forms.errors.pickTopic') : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.submitted();
    if (!checks.id.ok || !checks.consumers.ok || topicsProblem) return;
    const result = await ctx.client.dispatch({
      type: 'addGroup',
      id: checks.id.value,
      topics: chosen,
      consumers: checks.consumers.value,
      config: { 'partition.assignment.strategy': assignor, 'auto.offset.reset': reset },
    });
    if (form.accepted(result)) closeDialog();
  };

  return (
    <Dialog title={t('forms.addGroup.title')}>
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          <InputField
            label={t('forms.addGroup.id')}
            error={form.show(checks.id)}
            value={id}
            onChange={setId}
          />
          <InputField
            label={t('forms.addGroup.consumers')}
            error={form.show(checks.consumers)}
            type="number"
            min={0}
            value={consumers}
            onChange={setConsumers}
          />
        </div>
        <fieldset className={`field${topicsProblem && form.touched ? ' invalid' : ''}`}>
          <legend>{t('forms.addGroup.topics')}</legend>
          {topics.map((name) => (
            <label key={name} className="checkbox-line">
              <input
                type="checkbox"
                checked={chosen.includes(name)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, name] : chosen.filter((n) => n !== name))
                }
              />
              {name}
            </label>
          ))}
          {topicsProblem && form.touched && <p className="field-error">{topicsProblem}</p>}
        </fieldset>
        <div className="field-row">
          <SelectField
            label={t('forms.addGroup.assignor')}
            value={assignor}
            onChange={setAssignor}
            options={ASSIGNORS}
          />
          <SelectField
            label={t('forms.addGroup.offsetReset')}
            value={reset}
            onChange={setReset}
            options={OFFSET_RESETS}
          />
        </div>
        <FormError message={form.refusal} />
        <FormButtons submitLabel={t('dialog.add')} />
      </form>
    </Dialog>
  );
}

export function AddConsumerDialog({ groupId }: { groupId?: string }) {
  const t = useT();
  const ctx = useActionContext();
  const closeDialog = useCloseDialog();
  const state = ctx.store.getState();
  const [group, setGroup] = useState(groupId ?? state.groupIds[0] ?? '');
  const [id, setId] = useState('');
  const form = useForm();
  const idCheck = id.trim() === '' ? null : newId(id, t('forms.addConsumer.id'), state.consumerIds);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.submitted();
    if (!group || (idCheck && !idCheck.ok)) return;
    const result = await ctx.client.dispatch({
      type: 'addConsumer',
      groupId: group,
      ...(idCheck?.ok ? { consumerId: idCheck.value } : {}),
    });
    if (form.accepted(result)) closeDialog();
  };

  return (
    <Dialog title={t('forms.addConsumer.title')}>
      {state.groupIds.length === 0 ? (
        <p>{t('forms.addConsumer.noGroup')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <SelectField
            label={t('forms.addConsumer.group')}
            value={group}
            onChange={setGroup}
            options={state.groupIds}
          />
          <InputField
            label={t('forms.addConsumer.id')}
            hint={t('forms.addConsumer.idHint')}
            error={idCheck ? form.show(idCheck) : null}
            value={id}
            onChange={setId}
          />
          <FormError message={form.refusal} />
          <FormButtons submitLabel={t('dialog.add')} />
        </form>
      )}
    </Dialog>
  );
}
