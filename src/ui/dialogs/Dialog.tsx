// A modal dialog on the native <dialog> element: focus is trapped inside, Escape closes it, and
// focus goes back to whatever opened it. The form helpers the dialogs share are in fields.tsx.
import { useCallback, useEffect, useId, useRef, type ReactNode } from 'react';
import { useSimStore } from '../../app/SimulatorProvider';
import { useT } from '../hooks';

/** Close whatever dialog is open in this simulator's page. */
export function useCloseDialog(): () => void {
  const store = useSimStore();
  return useCallback(() => store.setState({ dialog: null }), [store]);
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
  const closeDialog = useCloseDialog();
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
