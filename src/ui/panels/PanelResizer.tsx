// The handle between the scene and the side panel: drag it to give the inspector and the event
// log more or less room. Keyboard users get the same as a slider inside it (arrow keys, Home and
// End), named "Resize the side panel". The width is remembered by the browser.
import { useRef, type PointerEvent } from 'react';
import { useSim, useSimStore } from '../../app/SimulatorProvider';
import { clampPanelWidth, SIDE_PANEL } from '../../app/preferences';
import { useT } from '../hooks';

export function PanelResizer() {
  const t = useT();
  const store = useSimStore();
  const width = useSim((s) => s.sidePanelWidth);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const set = (next: number) => store.setState({ sidePanelWidth: clampPanelWidth(next) });
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || event.target instanceof HTMLInputElement) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width: store.getState().sidePanelWidth };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    // The panel is on the right: moving the handle left widens it.
    if (drag.current) set(drag.current.width - (event.clientX - drag.current.x));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  return (
    <div
      className="panel-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      <input
        type="range"
        className="panel-resizer-input"
        aria-label={t('app.resizePanel')}
        aria-valuetext={t('app.panelWidth', { width })}
        min={SIDE_PANEL.min}
        max={SIDE_PANEL.max}
        step={24}
        value={width}
        onChange={(e) => set(Number(e.target.value))}
      />
    </div>
  );
}
