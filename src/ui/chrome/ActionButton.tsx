// A header or toolbar button for one action of the registry: an optional symbol, then the
// action's label, or a shorter text with the label kept as its accessible name. Disabled while
// the action is not possible.
import type { BoundAction } from '../hooks';

export function ActionButton({
  action,
  icon,
  text,
  short,
  className,
  title,
  keys,
}: {
  action: BoundAction;
  icon?: string;
  /** Visible text instead of the label (the label stays the accessible name). */
  text?: string;
  /** A shorter text shown instead of the label on narrow screens (see styles.css). */
  short?: string;
  className?: string;
  title?: string;
  keys?: string;
}) {
  const named = text !== undefined || short !== undefined;
  return (
    <button
      type="button"
      className={className ? `button ${className}` : 'button'}
      onClick={action.perform}
      disabled={!action.enabled}
      aria-label={named ? action.label : undefined}
      title={title}
      aria-keyshortcuts={keys}
    >
      {icon && (
        <span aria-hidden="true" className="icon">
          {icon}
        </span>
      )}
      {short === undefined ? (
        (text ?? action.label)
      ) : (
        <>
          <span className="label-long">{text ?? action.label}</span>
          <span className="label-short">{short}</span>
        </>
      )}
    </button>
  );
}
