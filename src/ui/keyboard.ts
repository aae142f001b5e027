// Global keyboard shortcuts, from the action registry. Keys typed into text fields, and Space on
// a focused control, stay with the page.
import { useEffect } from 'react';
import { actionForKey, isEnabled, type ActionContext, type KeyInput } from '../app/actions';

function targetKind(target: EventTarget | null): KeyInput['targetKind'] {
  if (!(target instanceof Element)) return 'other';
  if (target.closest('textarea, select, [contenteditable="true"]')) return 'text';
  if (target instanceof HTMLInputElement) {
    return ['checkbox', 'radio', 'range', 'button', 'submit'].includes(target.type)
      ? 'control'
      : 'text';
  }
  if (target.closest('button, a, summary, [role="button"]')) return 'control';
  return 'other';
}

export function useKeyboardShortcuts(ctx: ActionContext): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const state = ctx.store.getState();
      const action = actionForKey({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        targetKind: targetKind(event.target),
        dialogOpen: state.dialog !== null,
      });
      if (!action || !isEnabled(action, state, undefined)) return;
      event.preventDefault();
      void action.perform(ctx, undefined);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [ctx]);
}
