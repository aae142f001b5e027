// The form pieces the dialogs share: a labelled field with its hint and error (wired up with
// aria-describedby and aria-invalid), inputs and selects built on it, the buttons and the
// engine's refusal.
import { Fragment, useId, type ReactNode } from 'react';
import { useT } from '../hooks';
import { useCloseDialog } from './Dialog';

export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  children: (props: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: boolean;
  }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{labelText(label)}</label>
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': error ? true : undefined,
      })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A Kafka config key as a label (partition.assignment.strategy) is code, in code's font, and may
 * wrap after a dot where it must.
 */
function labelText(text: string): ReactNode {
  if (!text.includes('.') || text.includes(' ')) return text;
  return (
    <code>
      {text.split('.').map((part, i) => (
        <Fragment key={i}>
          {i > 0 && '.'}
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </code>
  );
}

/** A text or number input with its label, and its hint and error if any. */
export function InputField({
  label,
  hint,
  error,
  type = 'text',
  value,
  onChange,
  min,
  placeholder,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  type?: 'text' | 'number';
  value: string;
  onChange: (value: string) => void;
  min?: number;
  placeholder?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(p) => (
        <input
          {...p}
          type={type}
          min={min}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          // Browsers' suggestions for ids and names only get in the way.
          autoComplete={type === 'text' ? 'off' : undefined}
        />
      )}
    </Field>
  );
}

/** A select with its label; options are values shown as they are, or value/text pairs. */
export function SelectField({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly (string | { value: string; text: string })[];
}) {
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => {
            const { value: v, text } = typeof o === 'string' ? { value: o, text: o } : o;
            return (
              <option key={v} value={v}>
                {text}
              </option>
            );
          })}
        </select>
      )}
    </Field>
  );
}

export function FormButtons({
  submitLabel,
  disabled,
}: {
  submitLabel: string;
  disabled?: boolean;
}) {
  const t = useT();
  const closeDialog = useCloseDialog();
  return (
    <div className="dialog-buttons">
      <button type="button" className="button" onClick={closeDialog}>
        {t('dialog.cancel')}
      </button>
      <button type="submit" className="button primary" disabled={disabled}>
        {submitLabel}
      </button>
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
