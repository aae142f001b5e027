// A broker's config table with a choice of where an edit applies: this broker only
// (kafka-configs --entity-type brokers --entity-name N) or every broker, as the cluster-wide
// default (--entity-default). Both are checked by the same definitions; a broker's own value
// wins over the cluster default, as in Kafka.
import { useState } from 'react';
import type { ConfigEntry } from '../../../engine';
import { useSim } from '../../../app/SimulatorProvider';
import { useT } from '../../hooks';
import { ConfigTable } from '../parts';

export function BrokerConfig({ id, entries }: { id: number; entries: ConfigEntry[] }) {
  const t = useT();
  const [scope, setScope] = useState<'broker' | 'cluster'>('broker');
  const cluster = useSim((s) => s.cluster?.clusterConfig);
  const labelId = `broker-config-scope-${id}`;
  const shown = scope === 'cluster' && cluster ? cluster : entries;
  return (
    <>
      <div className="config-scope">
        <span id={labelId}>{t('inspector.configScope')}</span>
        <div className="segmented" role="radiogroup" aria-labelledby={labelId}>
          {(['broker', 'cluster'] as const).map((value) => (
            <label key={value} className={scope === value ? 'checked' : undefined}>
              <input
                type="radio"
                name={labelId}
                value={value}
                checked={scope === value}
                onChange={() => setScope(value)}
              />
              {value === 'broker'
                ? t('inspector.configScopeBroker', { id })
                : t('inspector.configScopeCluster')}
            </label>
          ))}
        </div>
        {scope === 'cluster' && <p className="muted">{t('inspector.configScopeClusterNote')}</p>}
      </div>
      <ConfigTable
        key={scope}
        entries={shown}
        target={scope === 'cluster' ? { scope: 'broker', id: 'cluster' } : { scope: 'broker', id }}
      />
    </>
  );
}
