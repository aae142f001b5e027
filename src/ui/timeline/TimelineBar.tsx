// The timeline bar under the scene: Step back, Previous event and Next event, the Timeline
// slider with its markers, and Share. The notice that offers Undo (after a fork or a Reset)
// floats just above it. Embed mode puts its own controls at the ends instead of Share.
import type { ReactNode } from 'react';
import { ACTIONS } from '../../app/actions';
import { useAction, useT } from '../hooks';
import { ActionButton } from '../chrome/ActionButton';
import { TimelineNotice } from './TimelineNotice';
import { TimelineSlider } from './TimelineSlider';
import { ChartsButton } from '../charts/ChartsDock';
import { CodeLabButton } from '../lab/CodeLabDock';
import './timeline.css';

export function TimelineBar({ start, end }: { start?: ReactNode; end?: ReactNode }) {
  const t = useT();
  const stepBack = useAction(ACTIONS.stepBack, undefined);
  const previous = useAction(ACTIONS.previousEvent, undefined);
  const next = useAction(ACTIONS.nextEvent, undefined);
  const share = useAction(ACTIONS.share, undefined);
  const walk = [
    { action: stepBack, icon: '❘◀', hint: 'timeline.stepBackHint', keys: ',' },
    { action: previous, icon: '⇤', hint: 'timeline.previousEventHint', keys: '<' },
    { action: next, icon: '⇥', hint: 'timeline.nextEventHint', keys: '>' },
  ];
  return (
    <div className="timeline-bar" role="group" aria-label={t('timeline.bar')}>
      <TimelineNotice />
      {start}
      <div className="timeline-buttons">
        {walk.map(({ action, icon, hint, keys }) => (
          <ActionButton
            key={keys}
            action={action}
            icon={icon}
            short=""
            title={t(hint)}
            keys={keys}
          />
        ))}
      </div>
      <TimelineSlider />
      {end ?? (
        <>
          <ChartsButton />
          <CodeLabButton />
          <ActionButton action={share} icon="⤴" className="timeline-share" />
        </>
      )}
    </div>
  );
}
