// Producers on the left: what they write to, with which acks and rate, live counters, and the
// pause / edit / remove buttons.
import { memo, useRef } from 'react';
import { PRODUCER_ACTIONS } from '../../app/actions';
import { useSim } from '../../app/SimulatorProvider';
import { useAction, useFastWriter, useT } from '../hooks';
import type { Rect } from './layout';
import { COLOURS } from './palette';
import { SceneButton, SceneHtml, fit } from './SceneHtml';
import { SceneCard } from './card';

export function configValue(
  config: { key: string; value: string | number | boolean }[],
  key: string,
): string | number | boolean | undefined {
  return config.find((c) => c.key === key)?.value;
}

export const ProducerCard = memo(function ProducerCard({
  id,
  rect,
  compact,
}: {
  id: string;
  rect: Rect;
  compact?: boolean;
}) {
  const t = useT();
  const producer = useSim((s) => s.producers[id]);
  const statsRef = useRef<SVGTextElement>(null);
  useFastWriter(
    (buffer) => buffer.producers.get(id),
    (stats) => {
      if (statsRef.current && stats) statsRef.current.textContent = t('producer.stats', stats);
    },
  );
  if (!producer) return null;
  const acks = configValue(producer.config, 'acks');
  const state = producer.isolated
    ? t('producer.isolated')
    : producer.paused
      ? t('producer.paused')
      : t('producer.rate', { rate: producer.ratePerSec });
  return (
    <SceneCard
      label={t('producer.group', { id })}
      selection={{ kind: 'producer', id }}
      rect={rect}
      title={fit(id, 18)}
      titleLabel={t('producer.details', { id })}
      isolated={producer.isolated}
      className="producer"
    >
      <text x={rect.x + 14} y={rect.y + 56} className="scene-text">
        {t('producer.toTopic', { topic: fit(producer.topic, 14) })}
        {acks !== undefined ? ` · acks=${String(acks)}` : ''}
      </text>
      <text
        x={rect.x + 14}
        y={rect.y + 76}
        className="scene-text strong"
        fill={producer.paused || producer.isolated ? COLOURS.warn : COLOURS.muted}
      >
        {state}
      </text>
      {!compact && (
        <text
          ref={statsRef}
          x={rect.x + 14}
          y={rect.y + 95}
          className="scene-text small"
          fill={COLOURS.muted}
        />
      )}
      <SceneHtml
        rect={{ x: rect.x + 6, y: rect.y + rect.h - 36, w: rect.w - 12, h: 32 }}
        className="scene-actions"
      >
        <ProducerButtons id={id} compact={compact} />
      </SceneHtml>
    </SceneCard>
  );
});

function ProducerButtons({ id, compact }: { id: string; compact?: boolean }) {
  const t = useT();
  const paused = useSim((s) => s.producers[id]?.paused ?? false);
  const pause = useAction(PRODUCER_ACTIONS.pause, { producerId: id });
  const resume = useAction(PRODUCER_ACTIONS.resume, { producerId: id });
  const edit = useAction(PRODUCER_ACTIONS.edit, { producerId: id });
  const remove = useAction(PRODUCER_ACTIONS.remove, { producerId: id });
  // Compact cards are short of room: a symbol each (the accessible name stays the full label).
  const text = (symbol: string, key: string) => (compact ? symbol : t(key));
  return (
    <>
      <SceneButton
        action={paused ? resume : pause}
        text={paused ? text('▶', 'producer.resumeShort') : text('❚❚', 'producer.pauseShort')}
      />
      <SceneButton action={edit} text={text('✎', 'producer.editShort')} />
      <SceneButton action={remove} text={text('✕', 'producer.removeShort')} tone="danger" />
    </>
  );
}
