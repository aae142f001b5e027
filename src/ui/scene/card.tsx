// The frame every card in the scene shares (brokers, producers, groups, consumers, topic
// summaries): a named group, a box outlined when the card is selected (dashed red when the thing
// is cut off from the network) and a title button that opens it in the inspector.
import type { ReactNode } from 'react';
import type { Selection } from '../../app/store';
import type { Rect } from './layout';
import { COLOURS } from './palette';
import { Box } from './shapes';
import { SceneHtml } from './SceneHtml';
import { selectionId, useIsSelected, useSelect } from './selection';

export type CardSize = 'large' | 'small' | 'row';

const SIZES: Record<
  CardSize,
  { radius: number; inset: number; titleH: number; line: number; strong: number; dash: string }
> = {
  large: { radius: 12, inset: 6, titleH: 32, line: 1.5, strong: 3, dash: '8 5' },
  small: { radius: 10, inset: 4, titleH: 28, line: 1.5, strong: 3, dash: '7 4' },
  row: { radius: 8, inset: 3, titleH: 30, line: 1, strong: 2.5, dash: '6 4' },
};

export function SceneCard({
  label,
  selection,
  rect,
  title,
  titleLabel,
  size = 'large',
  fill = COLOURS.panel,
  isolated = false,
  className,
  titleWidth,
  titleExtra,
  children,
}: {
  /** The accessible name of the card (a role="group"). */
  label: string;
  /** What the title button opens; also what a click anywhere on the card selects. */
  selection: Selection;
  rect: Rect;
  /** Visible title text, and the title button's accessible name. */
  title: ReactNode;
  titleLabel: string;
  size?: CardSize;
  fill?: string;
  isolated?: boolean;
  className?: string;
  titleWidth?: number;
  /** Buttons that share the title's row (consumer rows). */
  titleExtra?: ReactNode;
  children?: ReactNode;
}) {
  const selected = useIsSelected(selection);
  const s = SIZES[size];
  const titleRect = {
    x: rect.x + s.inset,
    y: rect.y + s.inset,
    w: titleWidth ?? rect.w - 2 * s.inset,
    h: s.titleH,
  };
  return (
    <g role="group" aria-label={label} data-select={selectionId(selection)} className={className}>
      <Box
        rect={rect}
        rx={s.radius}
        fill={fill}
        stroke={isolated ? COLOURS.bad : selected ? COLOURS.info : COLOURS.line}
        strokeWidth={isolated || selected ? s.strong : s.line}
        strokeDasharray={isolated ? s.dash : undefined}
      />
      <SceneHtml rect={titleRect} className={titleExtra ? 'scene-row' : undefined}>
        <TitleButton
          selection={selection}
          label={titleLabel}
          small={size !== 'large'}
          selected={selected}
        >
          {title}
        </TitleButton>
        {titleExtra}
      </SceneHtml>
      {children}
    </g>
  );
}

/** A title in the scene that opens its thing in the inspector (and closes it again). */
export function TitleButton({
  selection,
  label,
  small,
  selected,
  children,
}: {
  selection: Selection;
  label: string;
  small?: boolean;
  selected: boolean;
  children: ReactNode;
}) {
  const select = useSelect();
  return (
    <button
      type="button"
      className={small ? 'scene-title small' : 'scene-title'}
      aria-label={label}
      aria-pressed={selected}
      onClick={() => select(selection)}
    >
      {children}
    </button>
  );
}
