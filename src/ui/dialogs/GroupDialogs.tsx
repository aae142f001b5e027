// Add a consumer group (topics, how many consumers, assignor, auto.offset.reset) and add one
// consumer to an existing group.
import { useState, type FormEvent } from 'react';
import { simStore } from '../../app/store';
import { freeId, newId, wholeNumber, type Checked } from '../../app/validation';
import { engineErrorText, useActionContext, useT } from '../hooks';
import { visibleTopics } from '../scene/model';
import { closeDialog, Dialog, Field, FormButtons, FormError } from './Dialog';
import { problemText } from './problems';

const ASSIGNORS = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const;

export function AddGroupDialog() {
  const t = useT();
  const ctx = useActionContext();
  const state = simStore.getState();
  const topics = visibleTopics(state);
  const [id, setId] = useState(() => freeId('group', state.groupIds));
  const [chosen, setChosen] = useState<string[]>(() =>
    topics[0] ? [state.deliveryTopic ?? topics[0]] : [],
  );
  const [consumers, setConsumers] = useState('2');
  const [assignor, setAssignor] = useState<string>('range');
  const [reset, setReset] = useState('earliest');
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const checks = {
    id: newId(id, t('forms.addGroup.id'), state.groupIds),
    consumers: wholeNumber(consumers, t('forms.addGroup.consumers'), { min: 0, max: 50 }),
  };
  const topicsProblem = chosen.length === 0 ? t('forms.errors.pickTopic') : null;
  const show = (c: Checked<unknown>) => (touched && !c.ok ? problemText(c.problem, t) : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!checks.id.ok || !checks.consumers.ok || topicsProblem) return;
    const result = await ctx.client.dispatch({
      type: 'addGroup',
      id: checks.id.value,
      topics: chosen,
      consumers: checks.consumers.value,
      config: { 'partition.assignment.strategy': assignor, 'auto.offset.reset': reset },
    });
    if (result.ok) closeDialog();
    else setRefusal(t('dialog.engineSaid', { message: engineErrorText(result.error, t) }));
  };

  return (
    <Dialog title={t('forms.addGroup.title')}>
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          <Field label={t('forms.addGroup.id')} error={show(checks.id)}>
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
          <Field label={t('forms.addGroup.consumers')} error={show(checks.consumers)}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                value={consumers}
                onChange={(e) => setConsumers(e.target.value)}
              />
            )}
          </Field>
        </div>
        <fieldset className={`field${topicsProblem && touched ? ' invalid' : ''}`}>
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
          {topicsProblem && touched && <p className="field-error">{topicsProblem}</p>}
        </fieldset>
        <div className="field-row">
          <Field label={t('forms.addGroup.assignor')}>
            {(p) => (
              <select {...p} value={assignor} onChange={(e) => setAssignor(e.target.value)}>
                {ASSIGNORS.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('forms.addGroup.offsetReset')}>
            {(p) => (
              <select {...p} value={reset} onChange={(e) => setReset(e.target.value)}>
                <option value="earliest">earliest</option>
                <option value="latest">latest</option>
              </select>
            )}
          </Field>
        </div>
        <FormError message={refusal} />
        <FormButtons submitLabel={t('dialog.add')} />
      </form>
    </Dialog>
  );
}

export function AddConsumerDialog({ groupId }: { groupId?: string }) {
  const t = useT();
  const ctx = useActionContext();
  const state = simStore.getState();
  const [group, setGroup] = useState(groupId ?? state.groupIds[0] ?? '');
  const [id, setId] = useState('');
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const idCheck = id.trim() === '' ? null : newId(id, t('forms.addConsumer.id'), state.consumerIds);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!group || (idCheck && !idCheck.ok)) return;
    const result = await ctx.client.dispatch({
      type: 'addConsumer',
      groupId: group,
      ...(idCheck?.ok ? { consumerId: idCheck.value } : {}),
    });
    if (result.ok) closeDialog();
    else setRefusal(t('dialog.engineSaid', { message: engineErrorText(result.error, t) }));
  };

  return (
    <Dialog title={t('forms.addConsumer.title')}>
      {state.groupIds.length === 0 ? (
        <p>{t('forms.addConsumer.noGroup')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field label={t('forms.addConsumer.group')}>
            {(p) => (
              <select {...p} value={group} onChange={(e) => setGroup(e.target.value)}>
                {state.groupIds.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('forms.addConsumer.id')}
            hint={t('forms.addConsumer.idHint')}
            error={touched && idCheck && !idCheck.ok ? problemText(idCheck.problem, t) : null}
          >
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
          <FormError message={refusal} />
          <FormButtons submitLabel={t('dialog.add')} />
        </form>
      )}
    </Dialog>
  );
}
