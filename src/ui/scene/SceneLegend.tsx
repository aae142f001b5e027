// What the shapes and colours mean, under the scene: replica states, one swatch per record key
// (colour and shape), batches and control messages, and the switch for control traffic.
import { useSim, useSimStore } from '../../app/SimulatorProvider';
import { useT } from '../hooks';
import { Hatch } from './shapes';
import { knownKeys } from './model';
import { COLOURS, keyStyle, keyStyleAt, NULL_KEY_COLOUR, shapePath } from './palette';

function Swatch({
  fill,
  stroke,
  dash,
  pattern,
}: {
  fill: string;
  stroke?: string;
  dash?: string;
  pattern?: boolean;
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
        strokeWidth={dash ? 1.6 : 1}
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

export function SceneLegend({ compact }: { compact: boolean }) {
  const t = useT();
  const keys = useSim((s) => knownKeys(s).join('\u0000'));
  const nullKeys = useSim((s) => s.producerIds.some((id) => s.producers[id]?.keys === null));
  const showControl = useSim((s) => s.showControlTraffic);
  const store = useSimStore();
  const keyList = keys ? keys.split('\u0000') : [];
  return (
    <div className="scene-legend">
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
      {keyList.length > 0 && <span className="legend-title">{t('scene.keys')}</span>}
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
      <span className="legend-item">
        <span className="legend-batch" aria-hidden="true">
          ×8
        </span>
        {t('scene.legendBatch')}
      </span>
      <label className="legend-item legend-toggle">
        <input
          type="checkbox"
          checked={showControl}
          onChange={(e) => store.setState({ showControlTraffic: e.target.checked })}
        />
        {t('scene.controlTraffic')}
      </label>
      {compact && <span className="legend-note">{t('scene.bigSceneNote')}</span>}
    </div>
  );
}
