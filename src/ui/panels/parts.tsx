// Building blocks of the inspector: a property list, a config table that puts Kafka's default
// beside every changed value, and a clickable reference to another thing in the cluster.
import { useState, type ReactNode } from 'react';
import type { ConfigEntry } from '../../engine';
import type { Selection } from '../../app/store';
import { useT, type BoundAction } from '../hooks';
import { useSelect } from '../scene/selection';
import { ConfigValueInput, type ConfigTarget } from './ConfigValueInput';

export function Props({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="props">
      {rows.map(([label, value]) => (
        <div key={label} className="prop">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Ref({ to, children }: { to: Selection; children: ReactNode }) {
  const select = useSelect();
  return (
    <button type="button" className="link-button" onClick={() => select(to)}>
      {children}
    </button>
  );
}

export function BrokerList({ ids }: { ids: number[] }) {
  const t = useT();
  if (ids.length === 0) return <>{t('inspector.none')}</>;
  return (
    <span className="ref-list">
      [
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <Ref to={{ kind: 'broker', id }}>{id}</Ref>
        </span>
      ))}
      ]
    </span>
  );
}

export function PartitionList({ keys }: { keys: string[] }) {
  const t = useT();
  if (keys.length === 0) return <>{t('inspector.none')}</>;
  return (
    <span className="ref-list">
      {keys.map((key, i) => (
        <span key={key}>
          {i > 0 && ', '}
          <Ref to={{ kind: 'partition', key }}>{key}</Ref>
        </span>
      ))}
    </span>
  );
}

function show(value: ConfigEntry['value'] | null): string {
  return value === null ? '—' : String(value);
}

/** The config table; with a target, every value is a live control labelled by its Kafka name. */
export function ConfigTable({
  entries,
  target,
}: {
  entries: ConfigEntry[];
  target?: ConfigTarget;
}) {
  const t = useT();
  const [all, setAll] = useState(false);
  const changed = entries.filter((e) => e.source !== 'kafka-default' || e.simOnly);
  const rows = all ? entries : changed;
  return (
    <section className="inspector-section">
      <h3>{t('inspector.config')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('inspector.noChangedConfig')}</p>
      ) : (
        <table className="table config-table">
          <thead>
            <tr>
              <th scope="col">{t('inspector.configKey')}</th>
              <th scope="col">{t('inspector.configValue')}</th>
              <th scope="col">{t('inspector.kafkaDefault')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.key} className={e.source !== 'kafka-default' ? 'changed' : undefined}>
                <th scope="row">
                  <code>{e.key}</code>
                  {e.simOnly && <span className="tag">{t('inspector.simOnly')}</span>}
                </th>
                <td>
                  {target ? <ConfigValueInput entry={e} target={target} /> : show(e.value)}
                  {e.source !== 'kafka-default' && (
                    <span className="tag">{t(`inspector.source.${e.source}`)}</span>
                  )}
                </td>
                <td>{e.simOnly ? '—' : show(e.kafkaDefault)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.length > changed.length && (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? t('inspector.showChangedConfig') : t('inspector.showAllConfig')}
        </button>
      )}
    </section>
  );
}

/** One action of the inspected entity as a button of its own (Reset offsets, Seek consumer). */
export function InspectorAction({ action }: { action: BoundAction }) {
  return (
    <div className="inspector-actions">
      <button type="button" className="button" onClick={action.perform} disabled={!action.enabled}>
        {action.label}
      </button>
    </div>
  );
}

/** A Kafka error's name with its meaning in words, or a dash for none. */
export function KafkaErrorName({ error }: { error: string | null }) {
  const t = useT();
  if (!error) return <>—</>;
  return (
    <>
      <code>{error}</code>{' '}
      <span className="muted">{t(`kafkaErrors.${error}`, { defaultValue: '' })}</span>
    </>
  );
}
