// HTML controls placed inside the SVG scene (a foreignObject), so that they zoom and pan with
// the picture and stay real, focusable buttons with accessible names.
import type { ReactNode } from 'react';
import type { BoundAction } from '../hooks';
import type { Rect } from './layout';

export function SceneHtml({
  rect,
  className,
  children,
}: {
  rect: Rect;
  className?: string;
  children: ReactNode;
}) {
  return (
    <foreignObject x={rect.x} y={rect.y} width={rect.w} height={rect.h}>
      <div className={`scene-html ${className ?? ''}`}>{children}</div>
    </foreignObject>
  );
}

/** A button in the scene for one action: short visible text, the action's label as its name. */
export function SceneButton({
  action,
  text,
  tone,
}: {
  action: BoundAction;
  text: string;
  tone?: 'danger' | 'plain' | 'good';
}) {
  return (
    <button
      type="button"
      className={`scene-button ${tone ?? 'plain'}`}
      aria-label={action.label}
      disabled={!action.enabled}
      onClick={action.perform}
    >
      {text}
    </button>
  );
}

/** Cut a label that would not fit: the full text stays in the accessible name and inspector. */
export function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
