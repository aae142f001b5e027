// HTML controls placed inside the SVG scene (a foreignObject), so that they zoom and pan with
// the picture and stay real, focusable buttons with accessible names.
import type { ReactNode } from 'react';
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

/** A button in the scene: short visible text, full accessible name. */
export function SceneButton({
  label,
  text,
  onClick,
  disabled,
  tone,
  pressed,
}: {
  label: string;
  text: string;
  onClick: () => void;
  disabled?: boolean;
  tone?: 'danger' | 'plain' | 'good';
  pressed?: boolean;
}) {
  return (
    <button
      type="button"
      className={`scene-button ${tone ?? 'plain'}`}
      aria-label={label}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
    >
      {text}
    </button>
  );
}

/** Cut a label that would not fit: the full text stays in the accessible name and inspector. */
export function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
