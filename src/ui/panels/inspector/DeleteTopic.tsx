// Delete topic (kafka-topics --delete, the DeleteTopics request), named `Delete topic NAME`
// (design 3.6). The note says what follows, since a running producer may bring the topic back.
import { useState } from 'react';
import { engineErrorText, useActionContext, useT } from '../../hooks';

export function DeleteTopic({ topic }: { topic: string }) {
  const t = useT();
  const ctx = useActionContext();
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    const result = await ctx.client.dispatch({ type: 'deleteTopic', topic });
    setError(result.ok ? null : engineErrorText(result.error, t));
  };
  return (
    <div className="inspector-actions">
      <button type="button" className="button" onClick={() => void remove()}>
        {t('inspector.deleteTopic', { topic })}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      <p className="muted">{t('inspector.deleteTopicNote')}</p>
    </div>
  );
}
