// A group card's lag at a glance (issue 12): a sparkline of the group's `records-lag` over the
// last SPARK_SAMPLES seconds, and a warning outline with an accessible name while the lag keeps
// growing (chartSeries.ts `lagGrowing`: higher than 5 s before at each of the last 5 samples).
// The samples come from the shared MetricsFeed once a second; nothing moves per frame.
import { useEffect, useState } from 'react';
import { groupLag, lagGrowing, LAG_GROWTH_SAMPLES, LAG_GROWTH_SPAN } from '../../app/chartSeries';
import { metricsFeed } from '../../app/metricsFeed';
import { useSimClient } from '../../app/SimulatorProvider';
import { useT } from '../hooks';
import type { Rect } from './layout';
import { COLOURS } from './palette';

/** Seconds the sparkline shows. */
const SPARK_SAMPLES = 30;

/** The group's recent lag, re-rendered only when it changed. */
export function useGroupLag(id: string): (number | null)[] {
  const client = useSimClient();
  const [values, setValues] = useState<(number | null)[]>([]);
  useEffect(
    () =>
      metricsFeed(client).subscribe((h) => {
        const next = groupLag(h, id, Math.max(SPARK_SAMPLES, LAG_GROWTH_SAMPLES + LAG_GROWTH_SPAN));
        setValues((old) =>
          old.length === next.length && old.every((v, i) => v === next[i]) ? old : next,
        );
      }),
    [client, id],
  );
  return values;
}

/** The outline drawn around a card whose lag keeps growing (under its content). */
export function LagOutline({ rect, label }: { rect: Rect; label?: string }) {
  const outline = (
    <rect
      className="lag-outline"
      x={rect.x - 4}
      y={rect.y - 4}
      width={rect.w + 8}
      height={rect.h + 8}
      rx={15}
      fill="none"
      stroke={COLOURS.warn}
      strokeWidth={3}
      strokeDasharray="10 5"
    />
  );
  // Named here only when the card has no room for the sparkline (which carries the name).
  return label ? (
    <g role="img" aria-label={label}>
      {outline}
    </g>
  ) : (
    outline
  );
}

/** The sparkline (and, while growing, its warning), in `rect`. */
export function LagSparkline({
  group,
  rect,
  values,
}: {
  group: string;
  rect: Rect;
  values: (number | null)[];
}) {
  const t = useT();
  const growing = lagGrowing(values);
  const shown = values.slice(-SPARK_SAMPLES);
  const last = shown.at(-1) ?? null;
  if (shown.length < 2) return null;
  let max = 1;
  for (const v of shown) if (v !== null && v > max) max = v;
  const pad = 3;
  const step = (rect.w - 2 * pad) / (SPARK_SAMPLES - 1);
  const x0 = rect.x + rect.w - pad - (shown.length - 1) * step;
  let d = '';
  let pen = false;
  shown.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const x = x0 + i * step;
    const y = rect.y + rect.h - pad - (v / max) * (rect.h - 2 * pad);
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    pen = true;
  });
  const label = growing
    ? `${t('charts.lagGrowing', { group })}. ${t('charts.sparkline', { group, value: last ?? '–' })}`
    : t('charts.sparkline', { group, value: last ?? '–' });
  return (
    <g
      role="img"
      aria-label={label}
      className={growing ? 'lag-spark growing' : 'lag-spark'}
      data-growing={growing}
    >
      <rect
        x={rect.x}
        y={rect.y}
        width={rect.w}
        height={rect.h}
        rx={4}
        fill={growing ? '#FFFAEB' : '#F9FAFB'}
        stroke={growing ? COLOURS.warn : COLOURS.line}
        strokeWidth={growing ? 2 : 1}
      />
      <path d={d} fill="none" stroke={growing ? COLOURS.warn : COLOURS.info} strokeWidth={2} />
    </g>
  );
}
