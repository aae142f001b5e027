// Small SVG pieces the scene draws with: a box on a layout rectangle, and the diagonal hatch
// that marks what is down or lost.
import type { SVGProps } from 'react';
import type { Rect } from './layout';

/** An SVG rect placed on a layout rectangle. */
export function Box({ rect, ...rest }: { rect: Rect } & SVGProps<SVGRectElement>) {
  return <rect x={rect.x} y={rect.y} width={rect.w} height={rect.h} {...rest} />;
}

/**
 * The hatch of offline replicas, stopped brokers and offline partitions (and in the legend): a
 * background and one stripe, turned 45°.
 */
export function Hatch({
  id,
  size,
  background,
  stripe,
  width,
}: {
  id: string;
  size: number;
  background: string;
  stripe: string;
  width: number;
}) {
  return (
    <pattern
      id={id}
      width={size}
      height={size}
      patternUnits="userSpaceOnUse"
      patternTransform="rotate(45)"
    >
      <rect width={size} height={size} fill={background} />
      <line x1="0" y1="0" x2="0" y2={size} stroke={stripe} strokeWidth={width} />
    </pattern>
  );
}
