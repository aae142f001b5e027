// Play / Pause, Step, the Speed slider (log scale 0.1x..100x), the sim clock and Reset.
import { useEffect, useRef } from 'react';
import { select } from 'd3-selection';
import { arc } from 'd3-shape';
import { ACTIONS } from '../../app/actions';
import { sliderFromSpeed, speedFromSlider } from '../../app/pacing';
import { useFrameBuffer, useSim, useSimClient } from '../../app/SimulatorProvider';
import { useAction, useT } from '../hooks';
import { ActionButton } from './ActionButton';

export function Playback() {
  const t = useT();
  const playing = useSim((s) => s.playing);
  const play = useAction(ACTIONS.playPause, undefined);
  const step = useAction(ACTIONS.step, undefined);
  const reset = useAction(ACTIONS.reset, undefined);
  // Presenter mode's large type leaves room for symbols only on Step and Reset (their names and
  // hints stay).
  const presenter = useSim((s) => s.presenter);
  const iconOnly = presenter ? '' : undefined;
  return (
    <div className="playback" role="group" aria-label={t('playback.group')}>
      <ActionButton
        action={play}
        icon={playing ? '❚❚' : '▶'}
        className="primary play"
        keys="Space P"
      />
      <ActionButton
        action={step}
        icon="▶❘"
        text={iconOnly}
        title={presenter ? `${step.label}: ${t('playback.stepHint')}` : t('playback.stepHint')}
        keys="."
      />
      <SpeedSlider />
      <SimClock />
      <ActionButton
        action={reset}
        icon="↺"
        text={iconOnly}
        title={presenter ? `${reset.label}: ${t('playback.resetHint')}` : t('playback.resetHint')}
      />
    </div>
  );
}

function SpeedSlider() {
  const t = useT();
  const client = useSimClient();
  const speed = useSim((s) => s.speed);
  const text = t('playback.speedValue', { speed: formatSpeed(speed) });
  return (
    <div className="speed">
      <label htmlFor="speed-slider">{t('playback.speed')}</label>
      <input
        id="speed-slider"
        type="range"
        min={-1}
        max={2}
        step={0.05}
        value={sliderFromSpeed(speed)}
        aria-valuetext={text}
        aria-keyshortcuts="[ ]"
        onChange={(e) => client.setSpeed(speedFromSlider(Number(e.target.value)))}
      />
      <output htmlFor="speed-slider" className="speed-value">
        {text}
      </output>
    </div>
  );
}

export function formatSpeed(speed: number): string {
  return speed < 1 ? speed.toFixed(speed < 0.15 ? 1 : 2).replace(/0$/, '') : String(speed);
}

const ring = arc<number>()
  .innerRadius(8)
  .outerRadius(12)
  .startAngle(0)
  .endAngle((fraction) => fraction * 2 * Math.PI);

/** The sim clock, written straight into the DOM every frame (no React render). */
function SimClock() {
  const t = useT();
  const frameBuffer = useFrameBuffer();
  const textRef = useRef<HTMLSpanElement>(null);
  const ringRef = useRef<SVGSVGElement>(null);
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  });
  useEffect(() => {
    let shown = '';
    return frameBuffer.subscribe((buffer) => {
      const now = buffer.displayNow;
      const text = tRef.current('playback.simTime', { seconds: (now / 1000).toFixed(1) });
      if (text !== shown && textRef.current) {
        shown = text;
        textRef.current.textContent = text;
      }
      if (ringRef.current) {
        select(ringRef.current)
          .selectAll('path.sim-clock-ring')
          .data([(now % 1000) / 1000])
          .join('path')
          .attr('class', 'sim-clock-ring')
          .attr('transform', 'translate(13,13)')
          .attr('d', (d) => ring(d));
      }
    });
  }, [frameBuffer]);
  return (
    <div className="sim-clock" role="timer" aria-label={t('playback.simClock')}>
      <svg ref={ringRef} width={26} height={26} aria-hidden="true">
        <circle cx={13} cy={13} r={10} className="sim-clock-track" />
      </svg>
      <span ref={textRef} className="sim-clock-text">
        {t('playback.simTime', { seconds: '0.0' })}
      </span>
    </div>
  );
}
