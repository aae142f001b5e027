// What the shapes and colours mean, under the scene: replica states, the controller's crown, one
// swatch per record key (colour and shape), and every kind of message drawn, each control kind
// with its own switch (remembered by the browser). In presenter mode and narrow windows the
// legend folds behind a button beside the scene, so the picture keeps the room.
import { useState } from 'react';
import { useSim, useSimStore } from '../../app/SimulatorProvider';
import { HIDEABLE_TRAFFIC, isShown, type HideableTraffic } from '../../app/traffic';
import { useT } from '../hooks';
import { Hatch } from './shapes';
import { knownKeys } from './model';
import {
  COLOURS,
  keyStyle,
  keyStyleAt,
  NULL_KEY_COLOUR,
  shapePath,
  TRAFFIC_STYLES,
} from './palette';

function Swatch({
  fill,
  stroke,
  dash,
  pattern,
  strokeWidth,
}: {
  fill: string;
  stroke?: string;
  dash?: string;
  pattern?: boolean;
  strokeWidth?: number;
}) {
  return (
    <svg width="22" height="14" aria-hidden="true" className="swatch">
      {pattern && (
        <defs>
          <Hatch id="legend-hatch" size={5} background="#F2F4F7" stripe="#98A2B3" width={2} />
        </defs>
      )}
      <rect
        x="1"
        y="1"
        width="20"
        height="12"
        rx="3"
        fill={pattern ? 'url(#legend-hatch)' : fill}
        stroke={stroke ?? fill}
        strokeWidth={strokeWidth ?? (dash ? 1.6 : 1)}
        strokeDasharray={dash}
      />
    </svg>
  );
}

function KeyMark({ keyName, index }: { keyName: string | null; index?: number }) {
  const style = index === undefined ? keyStyle(keyName) : keyStyleAt(index);
  return (
    <svg width="16" height="16" aria-hidden="true" className="swatch">
      <path
        d={shapePath(style.shape, 5.5)}
        transform="translate(8 8)"
        fill={style.colour}
        stroke="#fff"
        strokeWidth="1"
      />
    </svg>
  );
}

/** A control message's mark, as the canvas draws it (a little larger). */
function TrafficMark({ kind }: { kind: HideableTraffic }) {
  const style = TRAFFIC_STYLES[kind];
  return (
    <svg width="16" height="16" aria-hidden="true" className="swatch">
      <path
        d={shapePath(style.shape, style.r * 1.25)}
        transform="translate(8 8)"
        fill={style.filled ? style.colour : '#fff'}
        stroke={style.colour}
        strokeWidth="2"
      />
    </svg>
  );
}

/** The legend under the scene, where there is room for it. */
export function SceneLegend({ quiet, collapsed }: { quiet: boolean; collapsed: boolean }) {
  return (
    <div className="scene-legend">
      <LegendItems quiet={quiet} collapsed={collapsed} />
    </div>
  );
}

/** The legend folded behind a button beside the scene (presenter mode, narrow windows). */
export function LegendButton({ quiet, collapsed }: { quiet: boolean; collapsed: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <div className="legend-fold">
      <button
        type="button"
        aria-expanded={open}
        aria-label={t('scene.legendTitle')}
        title={t('scene.legendTitle')}
        onClick={() => setOpen(!open)}
      >
        ?
      </button>
      {open && (
        <div className="legend-popover scene-legend">
          <LegendItems quiet={quiet} collapsed={collapsed} />
        </div>
      )}
    </div>
  );
}

function LegendItems({ quiet, collapsed }: { quiet: boolean; collapsed: boolean }) {
  const t = useT();
  const keys = useSim((s) => knownKeys(s).join('\u0000'));
  const nullKeys = useSim((s) => s.producerIds.some((id) => s.producers[id]?.keys === null));
  const hidden = useSim((s) => s.hiddenTraffic);
  const zookeeper = useSim((s) => s.cluster?.metadata?.mode === 'zookeeper');
  const store = useSimStore();
  const keyList = keys ? keys.split('\u0000') : [];
  const toggle = (kind: HideableTraffic, show: boolean) =>
    store.setState({ hiddenTraffic: { ...store.getState().hiddenTraffic, [kind]: !show } });
  return (
    <>
      <span className="legend-group">
        <span className="legend-title">{t('scene.legendTitle')}</span>
        <span className="legend-item">
          <Swatch fill={COLOURS.leader} />
          {t('scene.legendLeader')}
        </span>
        <span className="legend-item">
          <Swatch fill={COLOURS.follower} stroke="#8FD5C7" />
          {t('scene.legendFollower')}
        </span>
        <span className="legend-item">
          <Swatch fill="#FFFFFF" stroke={COLOURS.outOfIsr} dash="4 2" />
          {t('scene.legendOutOfIsr')}
        </span>
        <span className="legend-item">
          <Swatch fill="#F2F4F7" pattern />
          {t('scene.legendOffline')}
        </span>
        <span className="legend-item">
          <span className="legend-crown" aria-hidden="true">
            ♛
          </span>
          {t('broker.controller')}
        </span>
        {/* ZooKeeper mode: the leading server's card is outlined in the leader colour. */}
        {zookeeper && (
          <span className="legend-item">
            <Swatch fill="#FFFFFF" stroke={COLOURS.leader} strokeWidth={2.5} />
            {t('zookeeper.legendLeader')}
          </span>
        )}
      </span>
      {(keyList.length > 0 || nullKeys) && (
        <span className="legend-group">
          <span className="legend-title">{t('scene.keys')}</span>
          {keyList.slice(0, 8).map((key, i) => (
            <span className="legend-item" key={key}>
              <KeyMark keyName={key} index={i} />
              {key}
            </span>
          ))}
          {nullKeys && (
            <span className="legend-item">
              <svg width="16" height="16" aria-hidden="true" className="swatch">
                <circle cx="8" cy="8" r="5.5" fill={NULL_KEY_COLOUR} />
              </svg>
              {t('scene.legendNullKey')}
            </span>
          )}
        </span>
      )}
      <fieldset className="legend-group legend-traffic">
        <legend className="legend-title">{t('scene.legendMessages')}</legend>
        <span className="legend-item">
          <span className="legend-batch" aria-hidden="true">
            ×8
          </span>
          {t('scene.legendBatch')}
        </span>
        {HIDEABLE_TRAFFIC.map((kind) => (
          <label className="legend-item legend-toggle" key={kind}>
            <input
              type="checkbox"
              checked={isShown(kind, hidden, quiet)}
              onChange={(e) => toggle(kind, e.target.checked)}
            />
            <TrafficMark kind={kind} />
            {t(`traffic.${kind}`)}
          </label>
        ))}
        <span className="legend-item">
          <span className="legend-error" aria-hidden="true">
            !
          </span>
          {t('traffic.error')}
        </span>
        <span className="legend-item">
          <span className="legend-lost" aria-hidden="true">
            ✕
          </span>
          {t('traffic.lost')}
        </span>
      </fieldset>
      {collapsed && <span className="legend-note">{t('scene.bigSceneNote')}</span>}
    </>
  );
}
