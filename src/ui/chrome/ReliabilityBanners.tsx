// A stuck or crashed worker (with the way back), the offer to restore the last visit's session,
// and a session too large to keep (issue 15).
import { useSim, useSimStore, useSimulator } from '../../app/SimulatorProvider';
import { useT } from '../hooks';

export function ReliabilityBanners() {
  const t = useT();
  const simulator = useSimulator();
  const store = useSimStore();
  const trouble = useSim((s) => s.workerTrouble);
  const offer = useSim((s) => s.restoreOffer);
  const tooBig = useSim((s) => s.sessionTooBig);
  const keeper = simulator.keeper;
  const restart = (fromLastGood: boolean) =>
    void simulator.client.restart(fromLastGood ? keeper.lastGood : null);
  return (
    <>
      {trouble && (
        <div className="banner bad" role="alert">
          <span>
            {trouble.kind === 'stuck'
              ? t('reliability.workerStuck', { seconds: trouble.seconds })
              : t('reliability.workerCrashed', { message: trouble.message })}{' '}
            {t('reliability.restartNote')}
          </span>
          {keeper.lastGood && (
            <button type="button" className="button" onClick={() => restart(true)}>
              {t('reliability.restart')}
            </button>
          )}
          <button type="button" className="button quiet" onClick={() => restart(false)}>
            {t('reliability.restartScenario')}
          </button>
        </div>
      )}
      {offer && (
        <div className="banner" role="region" aria-label={t('reliability.restore')}>
          <span>
            {t('reliability.restoreOffer', {
              title: offer.title ?? '…',
              commands: offer.commands,
              seconds: offer.seconds,
            })}
          </span>
          <button
            type="button"
            className="button"
            onClick={() => {
              store.setState({ restoreOffer: null });
              void simulator.client.load({ kind: 'scenario', scenario: offer.scenario });
            }}
          >
            {t('reliability.restore')}
          </button>
          <button
            type="button"
            className="button quiet"
            onClick={() => {
              keeper.forget();
              store.setState({ restoreOffer: null });
            }}
          >
            {t('reliability.dismiss')}
          </button>
        </div>
      )}
      {tooBig && (
        <div className="banner" role="status">
          {t('reliability.tooBigToKeep', tooBig)}
        </div>
      )}
    </>
  );
}
