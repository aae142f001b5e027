// Remove broker N (design 3.6): reassign its replicas to other brokers, then shut it down and
// unregister it. The note says what is modelled; a refusal names the partition that would lose a
// replica (the replication factor is kept).
import { useState } from 'react';
import { engineErrorText, useActionContext, useT } from '../../hooks';

export function RemoveBroker({ id }: { id: number }) {
  const t = useT();
  const ctx = useActionContext();
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    const result = await ctx.client.dispatch({ type: 'removeBroker', brokerId: id });
    setError(result.ok ? null : engineErrorText(result.error, t));
  };
  return (
    <div className="inspector-actions">
      <button type="button" className="button" onClick={() => void remove()}>
        {t('inspector.removeBroker', { id })}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      <p className="muted">{t('inspector.removeBrokerNote')}</p>
    </div>
  );
}
