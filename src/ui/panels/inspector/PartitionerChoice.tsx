// Partitioner for null keys: the built-in sticky partitioner (KIP-794, partitioner.class unset)
// or RoundRobinPartitioner, set live through the producer's `partitioner` setting. The note says
// why null-key records stay on one partition for a while under the sticky one.
import { useState } from 'react';
import type { ConfigEntry } from '../../../engine';
import { engineErrorText, useActionContext, useT } from '../../hooks';

const CHOICES = ['default', 'round-robin'] as const;

export function PartitionerChoice({ id, config }: { id: string; config: ConfigEntry[] }) {
  const t = useT();
  const ctx = useActionContext();
  const [error, setError] = useState<string | null>(null);
  // The choice shows at once, before the engine's answer comes back (on a busy machine a frame
  // or two later); a refusal puts the engine's value back.
  const inEngine = config.find((e) => e.key === 'partitioner')?.value ?? 'default';
  const [chosen, setChosen] = useState<{ value: string; over: unknown } | null>(null);
  // Shown until the engine's value moves away from the one the choice was made over.
  const current = chosen && chosen.over === inEngine ? chosen.value : inEngine;
  const labelId = `partitioner-${id}`;
  const choose = async (value: (typeof CHOICES)[number]) => {
    setChosen({ value, over: inEngine });
    const result = await ctx.client.dispatch({
      type: 'setConfig',
      scope: 'producer',
      id,
      key: 'partitioner',
      value,
    });
    if (!result.ok) setChosen(null);
    setError(result.ok ? null : engineErrorText(result.error, t));
  };
  return (
    <div className="config-scope">
      <span id={labelId}>{t('inspector.partitionerChoice')}</span>
      <div className="segmented" role="radiogroup" aria-labelledby={labelId}>
        {CHOICES.map((value) => (
          <label key={value} className={current === value ? 'checked' : undefined}>
            <input
              type="radio"
              name={labelId}
              value={value}
              checked={current === value}
              onChange={() => void choose(value)}
            />
            {t(
              value === 'default'
                ? 'inspector.partitionerSticky'
                : 'inspector.partitionerRoundRobin',
            )}
          </label>
        ))}
      </div>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      <p className="muted">
        {t(
          current === 'default'
            ? 'inspector.partitionerStickyNote'
            : 'inspector.partitionerRoundRobinNote',
        )}
      </p>
    </div>
  );
}
