// Pick one of the built-in scenarios (lessons). The list comes from the worker, so the scenario
// files stay out of the page's bundle; titles are translated by id.
import { useEffect, useId, useState } from 'react';
import { useSim, useSimClient } from '../../app/SimulatorProvider';
import type { ScenarioSummary } from '../../worker/protocol';
import { useT } from '../hooks';

export function ScenarioPicker() {
  const t = useT();
  const id = useId();
  const client = useSimClient();
  const current = useSim((s) => s.scenarioId);
  const [list, setList] = useState<ScenarioSummary[]>([]);
  useEffect(() => {
    let live = true;
    void client.scenarios().then((items) => {
      if (live) setList(items);
    });
    return () => {
      live = false;
    };
  }, [client]);
  const choose = (scenarioId: string) => {
    void client.load({ kind: 'builtin', id: scenarioId });
    // The address says which lesson is open, so it can be shared or reloaded.
    const url = new URL(location.href);
    url.searchParams.set('scenario', scenarioId);
    url.hash = '';
    history.replaceState(null, '', url);
  };
  if (list.length === 0) return null;
  return (
    <span className="scenario-picker">
      <label htmlFor={id}>{t('app.scenario')}</label>
      <select id={id} value={current ?? ''} onChange={(e) => choose(e.target.value)}>
        {current === null && <option value="">{t('app.customScenario')}</option>}
        {list.map((s) => (
          <option key={s.id} value={s.id}>
            {t(`scenarios.${s.id}.title`, { defaultValue: s.title })}
          </option>
        ))}
      </select>
    </span>
  );
}
