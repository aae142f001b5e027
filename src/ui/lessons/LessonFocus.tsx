// What the lesson step asks the learner to look at: an outline with "Look here" around each
// focused thing on the scene, brought into view when the step begins (and, in presenter mode,
// its topic put on show).
import { useEffect, useRef } from 'react';
import { useSim, useSimStore } from '../../app/SimulatorProvider';
import type { FocusTarget } from '../../lessons/types';
import { parsePartitionKey } from '../../worker/protocol';
import type { Rect, SceneLayout } from '../scene/layout';

const PAD = 6;

function rectOf(layout: SceneLayout, target: FocusTarget): Rect | null {
  switch (target.kind) {
    case 'broker':
      return layout.brokers.get(target.id)?.rect ?? null;
    case 'topic':
      return layout.topics.get(target.name) ?? null;
    case 'partition':
      return layout.strips.get(target.key)?.rect ?? null;
    case 'replica':
      return layout.brokers.get(target.brokerId)?.rows.get(target.key) ?? null;
    case 'producer':
      return layout.producers.get(target.id) ?? null;
    case 'group':
      return layout.groups.get(target.id) ?? null;
    case 'consumer':
      return layout.consumers.get(target.id) ?? null;
    case 'model':
      return null;
  }
}

function topicOf(target: FocusTarget): string | null {
  if (target.kind === 'topic') return target.name;
  if (target.kind === 'partition' || target.kind === 'replica') {
    return parsePartitionKey(target.key)?.topic ?? null;
  }
  return null;
}

export function LessonFocus({ layout }: { layout: SceneLayout }) {
  const store = useSimStore();
  const focus = useSim((s) => {
    const lesson = s.lesson;
    const status = lesson?.status;
    if (!lesson || !status || status.phase !== 'step') return null;
    return lesson.content.stepList[status.step]?.focus ?? null;
  });
  const stepKey = useSim((s) =>
    s.lesson?.status ? `${s.lesson.content.id}:${s.lesson.status.step}` : '',
  );
  const ref = useRef<SVGGElement>(null);
  // A new step: show its topic (presenter mode shows one at a time) and bring the focus into view.
  useEffect(() => {
    if (!focus || focus.length === 0) return;
    const topic = focus.map(topicOf).find((x) => x !== null);
    const state = store.getState();
    if (topic && state.topicNames.includes(topic) && state.sceneTopic !== topic) {
      store.setState({ sceneTopic: topic });
    }
    // The last target is the most particular one (lessons name the context first, then what the
    // learner acts on: "register ... restart sms-1"); scrolling to the first, then to the last,
    // shows both when they fit and the one to act on when they do not.
    const rings = ref.current?.querySelectorAll('rect');
    rings?.[0]?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    rings?.[rings.length - 1]?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    // Only when the step changes, not on every layout change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stepKey]);
  if (!focus) return null;
  const rects = focus.flatMap((f) => {
    const r = rectOf(layout, f);
    return r ? [r] : [];
  });
  return (
    <g ref={ref} className="lesson-focus" aria-hidden="true">
      {rects.map((r, i) => (
        <g key={i}>
          <rect
            x={r.x - PAD}
            y={r.y - PAD}
            width={r.w + 2 * PAD}
            height={r.h + 2 * PAD}
            rx={10}
            className="lesson-focus-ring"
          />
        </g>
      ))}
    </g>
  );
}
