// Presenter mode shows one topic at a time when there are several: a tab per topic above the
// scene (the tab panel is the scene). A topic with a partition offline or short of in-sync
// replicas says so on its tab, so trouble on a topic not on show is not missed.
import { useRef, type KeyboardEvent } from 'react';
import { useSim, useSimStore } from '../../app/SimulatorProvider';
import type { SimState } from '../../app/store';
import { useT } from '../hooks';
import { focusTopic, visibleTopics } from './model';

/** Topics with a partition offline or under-replicated, as one string (a stable selector). */
function troubled(s: SimState): string {
  const out = new Set<string>();
  for (const key of s.partitionKeys) {
    const p = s.partitions[key];
    if (p && (p.offline || p.isr.length < p.replicas.length)) out.add(p.topic);
  }
  return [...out].join('\u0000');
}

export function TopicTabs() {
  const t = useT();
  const store = useSimStore();
  const current = useSim(focusTopic);
  const topics = useSim((s) => visibleTopics(s).join('\u0000'));
  const trouble = useSim(troubled);
  const refs = useRef(new Map<string, HTMLButtonElement>());
  if (current === null) return null;
  const list = topics.split('\u0000');
  const troubledTopics = new Set(trouble.split('\u0000'));
  const choose = (topic: string) => store.setState({ sceneTopic: topic });
  // Arrow keys move between tabs (the WAI-ARIA tabs pattern); Tab leaves the list.
  const onKeyDown = (event: KeyboardEvent) => {
    const i = list.indexOf(current);
    const next =
      event.key === 'ArrowRight'
        ? list[(i + 1) % list.length]
        : event.key === 'ArrowLeft'
          ? list[(i - 1 + list.length) % list.length]
          : event.key === 'Home'
            ? list[0]
            : event.key === 'End'
              ? list[list.length - 1]
              : null;
    if (!next) return;
    event.preventDefault();
    choose(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div className="topic-tabs" role="tablist" aria-label={t('scene.topicTabs')}>
      {list.map((topic) => {
        const selected = topic === current;
        const warn = troubledTopics.has(topic);
        return (
          <button
            key={topic}
            ref={(el) => {
              if (el) refs.current.set(topic, el);
              else refs.current.delete(topic);
            }}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls="scene"
            tabIndex={selected ? 0 : -1}
            className={warn ? 'topic-tab warn' : 'topic-tab'}
            onClick={() => choose(topic)}
            onKeyDown={onKeyDown}
          >
            {topic}
            {warn && (
              <>
                <span aria-hidden="true"> ⚠</span>
                <span className="visually-hidden"> ({t('scene.topicTrouble')})</span>
              </>
            )}
          </button>
        );
      })}
    </div>
  );
}
