// A modal dialog on the native <dialog> element: focus is trapped inside, Escape closes it, and
// focus goes back to whatever opened it. Plus the small form helpers the dialogs share.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { simStore } from '../../app/store';
import { useT } from '../hooks';

export function closeDialog(): void {
  simStore.setState({ dialog: null });
}

export function Dialog({
  title,
  children,
  wide,
}: {
  title: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      // Unmounting removes the dialog from the page (and the top layer); calling close() here
      // would fire a late "close" event that shuts the next dialog (React's strict mode remounts).
      queueMicrotask(() => {
        if (!dialog?.isConnected && opener && document.contains(opener)) opener.focus();
      });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' wide' : ''}`}
      aria-labelledby={titleId}
      onClose={closeDialog}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
      </div>
      {children}
      {/* Last in the tab order, so the dialog opens with focus on its first field. */}
      <button
        type="button"
        className="panel-close dialog-close"
        aria-label={t('dialog.close')}
        onClick={closeDialog}
      >
        ×
      </button>
    </dialog>
  );
}

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
      <label htmlFor={id}>{label}</label>
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

export function FormButtons({
  submitLabel,
  disabled,
}: {
  submitLabel: string;
  disabled?: boolean;
}) {
  const t = useT();
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
