// Add partitions (kafka-topics --alter --partitions N, the CreatePartitions request): the new
// total, which can only grow; keys may then map to other partitions.
import { useState, type FormEvent } from 'react';
import { wholeNumber } from '../../../app/validation';
import { problemText } from '../../dialogs/problems';
import { engineErrorText, useActionContext, useT } from '../../hooks';

export function AddPartitions({ topic, current }: { topic: string; current: number }) {
  const t = useT();
  const ctx = useActionContext();
  const [total, setTotal] = useState(String(current + 1));
  const [error, setError] = useState<string | null>(null);
  const label = t('inspector.newPartitionCount');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = wholeNumber(total, label, { min: current + 1 });
    if (!checked.ok) {
      setError(problemText(checked.problem, t));
      return;
    }
    const result = await ctx.client.dispatch({
      type: 'addPartitions',
      topic,
      count: checked.value - current,
    });
    if (result.ok) {
      setError(null);
      setTotal(String(checked.value + 1));
    } else setError(engineErrorText(result.error, t));
  };

  return (
    <form className="inspector-actions" onSubmit={submit} noValidate>
      <label>
        {label}{' '}
        <input
          type="text"
          inputMode="numeric"
          size={4}
          value={total}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setTotal(e.target.value);
            setError(null);
          }}
        />
      </label>
      <button type="submit" className="button">
        {t('inspector.addPartitions')}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      <p className="muted">{t('inspector.addPartitionsNote')}</p>
    </form>
  );
}
