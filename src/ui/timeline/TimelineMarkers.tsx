// The markers above the Timeline: one button per notable event (elections, ISR changes, fencing,
// data lost, failed produces, rebalances, the learner's own actions), named by the event in
// words, with a tooltip. A click jumps a moment before the event, so that playing on (or Step)
// shows it happen. The markers are one stop in the Tab order: the arrow keys move between them.
import { useId, useState, type KeyboardEvent } from 'react';
import { useSim, useSimClient } from '../../app/SimulatorProvider';
import { describeEvent } from '../../i18n/describe';
import type { MarkerKind, TimelineMarker } from '../../worker/protocol';
import { useT } from '../hooks';

/** A marker jumps this much sim time before its event: the moment before the change. */
export const MARKER_LEAD_MS = 1000;

/** A shape per kind as well as a colour, so the kinds differ without colour vision. */
export const MARKER_GLYPHS: Record<MarkerKind, string> = {
  command: '▼',
  action: '▽',
  election: '★',
  isr: '◆',
  fencing: '⊘',
  'data-lost': '✕',
  'produce-failed': '!',
  rebalance: '↻',
};

const seconds = (ms: number) => (ms / 1000).toFixed(1);

export function TimelineMarkers() {
  const t = useT();
  const client = useSimClient();
  const markers = useSim((s) => s.markers);
  const [active, setActive] = useState(0);
  const [tip, setTip] = useState<number | null>(null);
  /** Which way the tooltip leans, so that it stays on screen near either end. */
  const [lean, setLean] = useState<'left' | 'middle' | 'right'>('middle');
  const tipId = useId();
  const current = Math.min(active, markers.length - 1);

  const jump = (marker: TimelineMarker) =>
    void client.seek({ kind: 'time', at: Math.max(0, marker.at - MARKER_LEAD_MS) });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: current - 1,
      ArrowRight: current + 1,
      Home: 0,
      End: markers.length - 1,
    };
    if (!(e.key in moves) || markers.length === 0) return;
    e.preventDefault();
    const next = Math.min(markers.length - 1, Math.max(0, moves[e.key]));
    setActive(next);
    const buttons = e.currentTarget.querySelectorAll<HTMLButtonElement>('button');
    buttons[next]?.focus();
  };

  const showTip = (i: number, button: HTMLElement) => {
    const group = button.parentElement!;
    const fraction = group.clientWidth > 0 ? button.offsetLeft / group.clientWidth : 0.5;
    setLean(fraction < 0.2 ? 'right' : fraction > 0.8 ? 'left' : 'middle');
    setTip(i);
  };

  const shown = tip !== null ? markers[tip] : undefined;
  return (
    <div
      className="timeline-markers"
      role="toolbar"
      aria-label={t('timeline.markers')}
      onKeyDown={onKeyDown}
      onMouseLeave={() => setTip(null)}
    >
      {markers.map((marker, i) => (
        <button
          key={`${marker.position}:${marker.kind}:${i}`}
          type="button"
          className={`timeline-marker kind-${marker.kind}`}
          style={{ left: `calc(var(--per-ms) * ${marker.at})` }}
          tabIndex={i === current ? 0 : -1}
          aria-describedby={tip === i ? tipId : undefined}
          onClick={() => {
            setActive(i);
            jump(marker);
          }}
          onMouseEnter={(e) => showTip(i, e.currentTarget)}
          onFocus={(e) => {
            setActive(i);
            showTip(i, e.currentTarget);
          }}
          onBlur={() => setTip((x) => (x === i ? null : x))}
        >
          <span aria-hidden="true">{MARKER_GLYPHS[marker.kind]}</span>
          <span className="visually-hidden">{describeEvent(marker.event, t)}</span>
        </button>
      ))}
      {shown && (
        <div
          id={tipId}
          role="tooltip"
          className={`timeline-tip lean-${lean}`}
          style={{ left: `calc(var(--per-ms) * ${shown.at})` }}
        >
          <strong>{describeEvent(shown.event, t)}</strong>
          <span>
            {t('timeline.markerTip', {
              kind: t(`timeline.markerKind.${shown.kind}`),
              seconds: seconds(shown.event.t),
            })}
            {shown.count > 1 && ` · ${t('timeline.markerMore', { count: shown.count - 1 })}`}
          </span>
          <span className="muted">{t('timeline.markerJump')}</span>
        </div>
      )}
    </div>
  );
}
