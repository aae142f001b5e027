// The Timeline slider (value = sim ms) over the recorded range, with the play head and the
// markers of notable events above it. Dragging scrubs: the picture follows the pointer (one seek
// on its way at a time, the latest wins) and no time passes meanwhile. The play head and the
// range move every animation frame, so they are written straight into the DOM from the frame
// buffer; only the markers come through React (they change a few times a minute).
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useFrameBuffer, useSimClient } from '../../app/SimulatorProvider';
import { useT } from '../hooks';
import { TimelineMarkers } from './TimelineMarkers';

/** Arrow keys move the play head this far; Page Up / Page Down (or Shift + arrow) ten times. */
export const KEY_STEP_MS = 1000;
export const PAGE_STEP_MS = 10_000;

const seconds = (ms: number) => (ms / 1000).toFixed(1);

export function TimelineSlider() {
  const t = useT();
  const client = useSimClient();
  const buffer = useFrameBuffer();
  const areaRef = useRef<HTMLDivElement>(null);
  const sliderRef = useRef<HTMLDivElement>(null);
  const playedRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const endRef = useRef<HTMLSpanElement>(null);
  /** Where the play head was asked to go and has not arrived yet (drawn there meanwhile). */
  const target = useRef<number | null>(null);
  const dragging = useRef(false);
  const range = useRef({ end: 1, now: 0 });

  useEffect(() => {
    let shownEnd = -1;
    let shownNow = -1;
    let shownText = '';
    return buffer.subscribe((b) => {
      const end = Math.max(b.session?.end ?? 0, b.displayNow, 1);
      const now = Math.min(end, target.current ?? b.displayNow);
      range.current = { end, now };
      const area = areaRef.current;
      const slider = sliderRef.current;
      if (!area || !slider) return;
      if (end !== shownEnd) {
        area.style.setProperty('--per-ms', `${100 / end}%`);
        slider.setAttribute('aria-valuemax', String(Math.round(end)));
      }
      if (now !== shownNow || end !== shownEnd) {
        shownNow = now;
        shownEnd = end;
        const at = `${(now / end) * 100}%`;
        if (playedRef.current) playedRef.current.style.width = at;
        if (headRef.current) headRef.current.style.left = at;
      }
      // The value screen readers hear: once per tenth of a second, not every frame.
      const text = t('timeline.valueText', { now: seconds(now), end: seconds(end) });
      if (text !== shownText) {
        shownText = text;
        if (endRef.current) {
          endRef.current.textContent = t('timeline.position', {
            now: seconds(now),
            end: seconds(end),
          });
        }
        slider.setAttribute('aria-valuenow', String(Math.round(now)));
        slider.setAttribute('aria-valuetext', text);
      }
    });
    // A new language writes the texts again.
  }, [buffer, t]);

  const latest = useRef<Promise<unknown>>(Promise.resolve());
  const go = (ms: number) => {
    const at = Math.round(Math.min(Math.max(0, ms), range.current.end));
    target.current = at;
    latest.current = client.seek({ kind: 'time', at }).then(() => {
      // Arrived (a newer seek has changed the target, and will clear it): draw the engine's time.
      if (target.current === at && !dragging.current) target.current = null;
    });
  };

  const msAt = (clientX: number): number => {
    const rect = sliderRef.current!.getBoundingClientRect();
    const fraction = rect.width > 0 ? (clientX - rect.left) / rect.width : 0;
    return Math.min(1, Math.max(0, fraction)) * range.current.end;
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    // No text selection while dragging: a later drag starting on selected text would become
    // the browser's own drag and drop, and cancel this one.
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    dragging.current = true;
    client.setScrubbing(true);
    go(msAt(e.clientX));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    go(msAt(e.clientX));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) {
      e.currentTarget.releasePointerCapture(e.pointerId);
    }
    client.setScrubbing(false);
    const settled = target.current;
    void latest.current.then(() => {
      if (target.current === settled) target.current = null;
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const { now, end } = range.current;
    const step = e.shiftKey ? PAGE_STEP_MS : KEY_STEP_MS;
    const moves: Record<string, number> = {
      ArrowLeft: now - step,
      ArrowDown: now - step,
      ArrowRight: now + step,
      ArrowUp: now + step,
      PageDown: now - PAGE_STEP_MS,
      PageUp: now + PAGE_STEP_MS,
      Home: 0,
      End: end,
    };
    if (!(e.key in moves) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    go(moves[e.key]);
  };

  return (
    <div className="timeline-track" ref={areaRef}>
      <TimelineMarkers />
      <div
        ref={sliderRef}
        className="timeline-slider"
        role="slider"
        tabIndex={0}
        aria-label={t('timeline.slider')}
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={0}
        aria-keyshortcuts="ArrowLeft ArrowRight PageUp PageDown Home End"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      >
        <div className="timeline-recorded" />
        <div className="timeline-played" ref={playedRef} />
        <div className="timeline-head" ref={headRef} />
      </div>
      <span className="timeline-end" ref={endRef} aria-hidden="true">
        {t('timeline.position', { now: '0.0', end: '0.0' })}
      </span>
    </div>
  );
}
