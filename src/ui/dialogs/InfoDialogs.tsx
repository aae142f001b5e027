// "About this simulation" (where the engine simplifies Kafka, and what the preset changes, with
// Kafka's default beside each value) and the keyboard shortcuts, read from the action registry.
import { ACTIONS, type Action } from '../../app/actions';
import { useSim } from '../../app/SimulatorProvider';
import { simplificationText } from '../../i18n/describe';
import { useT } from '../hooks';
import { Dialog } from './Dialog';
import { TimelineKeyRows } from '../timeline/TimelineKeys';

export function AboutDialog() {
  const t = useT();
  const cluster = useSim((s) => s.cluster);
  const preset = cluster?.preset ?? 'classroom';
  const scenarioId = useSim((s) => s.scenarioId);
  const title = useSim((s) => s.scenarioTitle);
  const description = useSim((s) => s.scenarioDescription);
  return (
    <Dialog title={t('about.title')} wide>
      <p>{t('about.intro')}</p>
      {title && (
        <>
          <h3>
            {t('about.thisScenario')}:{' '}
            {scenarioId ? t(`scenarios.${scenarioId}.title`, { defaultValue: title }) : title}
          </h3>
          {description && (
            <p>
              {scenarioId
                ? t(`scenarios.${scenarioId}.description`, { defaultValue: description })
                : description}
            </p>
          )}
        </>
      )}
      <h3>{t('about.simplificationsTitle')}</h3>
      {cluster && cluster.simplifications.length > 0 ? (
        <ul className="plain-list">
          {cluster.simplifications.map((key) => (
            <li key={key}>{simplificationText(key, t)}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('about.noSimplifications')}</p>
      )}
      <h3>{t('about.presetTitle', { preset: t(`app.presetName.${preset}`) })}</h3>
      <p>{t('about.presetIntro')}</p>
      {cluster && cluster.presetConfig.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('about.setting')}</th>
              <th scope="col">{t('about.here')}</th>
              <th scope="col">{t('about.kafka')}</th>
            </tr>
          </thead>
          <tbody>
            {cluster.presetConfig.map((e) => (
              <tr key={e.key}>
                <th scope="row">
                  <code>{e.key}</code>
                </th>
                <td>{String(e.value)}</td>
                <td>{e.kafkaDefault === null ? '—' : String(e.kafkaDefault)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('about.noPresetChanges')}</p>
      )}
      <p className="muted">{t('about.console')}</p>
    </Dialog>
  );
}

export function ShortcutsDialog() {
  const t = useT();
  const actions = (Object.values(ACTIONS) as Action[]).filter((a) => a.shortcut);
  return (
    <Dialog title={t('shortcuts.title')}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.key')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id}>
              <td>
                <kbd>{a.shortcut!.label}</kbd>
              </td>
              <td>{t(`actions.${a.id}`)}</td>
            </tr>
          ))}
          <TimelineKeyRows />
        </tbody>
      </table>
      <p className="muted">{t('shortcuts.selectionNote')}</p>
    </Dialog>
  );
}
