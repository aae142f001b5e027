// One config value, editable live (kafka-configs --alter): a control labelled by the config's
// Kafka name (design 3.6), checked by the engine's definitions as the user types, sent as a
// setConfig command; a refusal is shown under the control and the typed text is kept. Broker and
// topic configs are metadata: the new value shows, marked as waiting, until the controller
// quorum (or ZooKeeper) has committed it and the engine's view carries it.
import { useState } from 'react';
import type { ConfigEntry } from '../../engine';
import { findConfigDefinition } from '../../engine/config/definitions';
import { configValue } from '../../app/validation';
import { problemText } from '../dialogs/problems';
import { engineErrorText, useActionContext, useT } from '../hooks';

/** Which thing a config table belongs to: the setConfig command's scope and id. */
export interface ConfigTarget {
  scope: 'broker' | 'topic' | 'producer' | 'group' | 'consumer';
  id: string | number;
}

export function ConfigValueInput({ entry, target }: { entry: ConfigEntry; target: ConfigTarget }) {
  const t = useT();
  const ctx = useActionContext();
  const engineScope = target.scope === 'group' ? 'consumer' : target.scope;
  const def = findConfigDefinition(engineScope, entry.key);
  const shown = entry.value === null ? '' : String(entry.value);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A checkbox or select shows the chosen value until the engine's new value arrives (or the
  // engine refuses it), so the control never flips back in between.
  // It is remembered with the value it replaced, and forgotten as soon as that value changes.
  const [choice, setChoice] = useState<{
    over: ConfigEntry['value'];
    value: string | boolean;
  } | null>(null);
  const chosen = choice && choice.over === entry.value ? choice.value : null;
  const setChosen = (value: string | boolean | null) =>
    setChoice(value === null ? null : { over: entry.value, value });
  if (!def) return <>{shown || '—'}</>;
  const errorId = `config-error-${target.scope}-${target.id}-${entry.key}`;

  async function submit(raw: string | boolean) {
    const checked = configValue(engineScope, entry.key, raw);
    if (!checked.ok) {
      setChosen(null);
      setError(problemText(checked.problem, t));
      return;
    }
    if (checked.value === entry.value) {
      setDraft(null);
      setError(null);
      return;
    }
    const result = await ctx.client.dispatch({
      type: 'setConfig',
      scope: target.scope,
      id: target.id,
      key: entry.key,
      value: checked.value,
    });
    if (result.ok) {
      setDraft(null);
      setError(null);
      // Kept on show until the committed value arrives (at once for client configs).
      setChosen(typeof checked.value === 'boolean' ? checked.value : String(checked.value));
    } else {
      setChosen(null);
      setError(engineErrorText(result.error, t));
    }
  }

  const common = {
    'aria-label': entry.key,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  } as const;
  let control;
  if (def.type.kind === 'bool') {
    control = (
      <input
        type="checkbox"
        {...common}
        checked={chosen === null ? entry.value === true : chosen === true}
        onChange={(e) => {
          setChosen(e.target.checked);
          void submit(e.target.checked);
        }}
      />
    );
  } else if (def.type.kind === 'enum') {
    control = (
      <select
        {...common}
        value={typeof chosen === 'string' ? chosen : shown}
        onChange={(e) => {
          setChosen(e.target.value);
          void submit(e.target.value);
        }}
      >
        {def.type.values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        type="text"
        className="config-input"
        inputMode={def.type.kind === 'int' ? 'numeric' : undefined}
        {...common}
        value={draft ?? (typeof chosen === 'string' ? chosen : shown)}
        size={Math.max(4, Math.min(14, (draft ?? shown).length + 1))}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void submit(e.currentTarget.value);
          if (e.key === 'Escape') {
            setDraft(null);
            setError(null);
          }
        }}
        onBlur={(e) => {
          if (draft !== null) void submit(e.currentTarget.value);
        }}
      />
    );
  }
  const waiting =
    chosen !== null && !error && (target.scope === 'broker' || target.scope === 'topic');
  return (
    <>
      {control}
      {waiting && (
        <span className="field-hint" role="status">
          {t('inspector.configWaiting')}
        </span>
      )}
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
