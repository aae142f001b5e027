// The session's memory use against its budget (footer), and the warning before the session
// outgrows it, naming what holds the most and the setting to change (issue 16, app/memory.ts).
import { useSim } from '../../app/SimulatorProvider';
import { megabytes, memoryAdvice } from '../../app/memory';
import { useT } from '../hooks';

/** The page's own heap, where the browser tells it (Chrome's non-standard performance.memory). */
function pageHeapBytes(): number | null {
  const memory = (performance as { memory?: { usedJSHeapSize?: number } }).memory;
  return typeof memory?.usedJSHeapSize === 'number' ? memory.usedJSHeapSize : null;
}

export function MemoryUse() {
  const t = useT();
  const memory = useSim((s) => s.memory);
  const budget = useSim((s) => s.memoryBudget);
  if (!memory) return null;
  const page = pageHeapBytes();
  return (
    <span
      data-testid="memory-use"
      title={t('memory.useTitle', {
        logs: megabytes(memory.logBytes),
        recording: megabytes(memory.recordingBytes),
      })}
    >
      {t('memory.use', { used: megabytes(memory.bytes), budget: megabytes(budget) })}
      {page !== null && <> ({t('memory.page', { used: megabytes(page) })})</>}
    </span>
  );
}

export function MemoryWarning() {
  const t = useT();
  const memory = useSim((s) => s.memory);
  const budget = useSim((s) => s.memoryBudget);
  if (!memory) return null;
  const advice = memoryAdvice(memory, budget);
  if (advice.level === 'ok') return null;
  const { contributor, topic } = advice;
  // Polite, and worded without the running figure: the text changes only when the advice does.
  return (
    <div
      className={advice.level === 'over' ? 'banner bad' : 'banner warn'}
      role="status"
      aria-label={t('memory.warningName')}
    >
      <span>
        {t(advice.level === 'over' ? 'memory.overBudget' : 'memory.nearBudget', {
          budget: megabytes(budget),
        })}{' '}
        {contributor.kind === 'topic'
          ? t('memory.topicAdvice', { topic: contributor.topic })
          : t('memory.recordingAdvice')}
        {contributor.kind === 'recording' && topic !== null && (
          <> {t('memory.topicAlso', { topic })}</>
        )}
      </span>
    </div>
  );
}
