// The data-loss notice above the picture (design.md 4): which partition lost how many
// acknowledged records, where they were and who wrote them. It stays until dismissed; the strip
// keeps the lost records marked (✕) as long as it does. "Show" brings the partition into view.
import { useSim, useSimStore } from '../../app/SimulatorProvider';
import { dismissLoss, lossesOnShow, type LossOnShow } from '../../app/dataLoss';
import type { SimState } from '../../app/store';
import { useT } from '../hooks';

/** One string per partition on show, so the notice re-renders only when a loss comes or goes. */
function signature(s: SimState): string {
  return lossesOnShow(s)
    .map((l) => `${l.partition}:${l.records.length}:${l.latest}`)
    .join('|');
}

export function DataLossNotice() {
  const t = useT();
  const store = useSimStore();
  useSim(signature);
  const losses = lossesOnShow(store.getState());
  if (losses.length === 0) return null;
  return (
    <div className="data-loss" role="region" aria-label={t('dataLoss.region')}>
      {losses.map((loss) => (
        <p key={loss.partition} className="data-loss-line">
          <span aria-hidden="true" className="data-loss-mark">
            ✕
          </span>
          <span>{lossText(loss, t)}</span>
          <button
            type="button"
            className="button quiet small"
            aria-label={t('dataLoss.show', { partition: loss.partition })}
            onClick={() => showPartition(store, loss.partition)}
          >
            {t('dataLoss.showShort')}
          </button>
          <button
            type="button"
            className="button quiet small"
            aria-label={t('dataLoss.dismiss', { partition: loss.partition })}
            onClick={() => store.setState(dismissLoss(store.getState(), loss))}
          >
            {t('app.dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}

function lossText(loss: LossOnShow, t: ReturnType<typeof useT>): string {
  const offsets = loss.records.map((r) => r.offset);
  const from = Math.min(...offsets);
  const to = Math.max(...offsets);
  const producers = [...new Set(loss.records.map((r) => r.producerId ?? '?'))].join(', ');
  return t('dataLoss.text', {
    count: loss.records.length,
    partition: loss.partition,
    offsets: from === to ? String(from) : `${from}–${to}`,
    producers,
    seconds: (loss.latest / 1000).toFixed(1),
  });
}

/** Put the partition's topic on show (presenter mode) and scroll its strip into view. */
function showPartition(store: ReturnType<typeof useSimStore>, partition: string): void {
  const p = store.getState().partitions[partition];
  if (p) store.setState({ sceneTopic: p.topic });
  // After the topic's strips are drawn: scroll the picture (not the page) to the strip.
  requestAnimationFrame(() => {
    const strip = document.querySelector(
      `.strip[data-select="partition:${CSS.escape(partition)}"]`,
    );
    const viewport = strip?.closest('.scene-viewport');
    if (!strip || !viewport) return;
    const box = strip.getBoundingClientRect();
    const port = viewport.getBoundingClientRect();
    viewport.scrollBy({
      top: box.top + box.height / 2 - (port.top + port.height / 2),
      left: box.left < port.left || box.right > port.right ? box.left - port.left - 16 : 0,
    });
  });
}
