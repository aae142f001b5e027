// Producers on the left: what they write to, with which acks and rate, live counters, and the
// pause / edit / remove buttons.
import { memo, useRef } from 'react';
import { PRODUCER_ACTIONS } from '../../app/actions';
import { useFrameBuffer, useSim } from '../../app/SimulatorProvider';
import { useAction, useFastWriter, useT } from '../hooks';
import type { Rect } from './layout';
import { COLOURS } from './palette';
import { SceneButton, SceneHtml } from './SceneHtml';
import { SceneCard } from './card';
import { splitToFit } from './labels';
import { textWidth } from './measure';
import type { ProducerFast } from '../../worker/protocol';
import type { Translate } from '../../i18n';

/** The card's small text (styles.css .scene-text.small). */
const SMALL_FONT = 12.5;

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
  const frameBuffer = useFrameBuffer();
  const producer = useSim((s) => s.producers[id]);
  const statsRef = useRef<SVGTextElement>(null);
  const stateRef = useRef<SVGTextElement>(null);
  const pendingRef = useRef<SVGTextElement>(null);
  const external = producer?.external;
  const acks = external
    ? acksText(external.acks)
    : producer
      ? configValue(producer.config, 'acks')
      : undefined;
  const state = !producer
    ? ''
    : external
      ? t('external.state', { count: external.connections.length })
      : producer.crashed
        ? t('producer.crashed')
        : producer.isolated
          ? t('producer.isolated')
          : producer.paused
            ? t('producer.paused')
            : t('producer.rate', { rate: producer.ratePerSec });
  const stateColour = producer?.crashed
    ? COLOURS.bad
    : producer && (producer.paused || producer.isolated)
      ? COLOURS.warn
      : external
        ? COLOURS.info
        : COLOURS.muted;
  const inner = rect.w - 28;
  // The counters, named for what they are (acked, failed, lost; buffered, in flight), and while
  // a produce error stands (until the partition acknowledges a record again) the error on the
  // state line: retrying (⟳) or given up (✕). A long error name takes the first counters' line
  // too, broken at an underscore, until it clears. The engine keeps which errors stand, so a jump
  // on the timeline shows the badge of that moment.
  const trouble = producer?.standingError ?? null;
  useFastWriter(
    (buffer) => buffer.fastVersion,
    () => {
      const stats = frameBuffer.producers.get(id);
      let lines: [string, string?] = [state];
      if (trouble) {
        lines = splitToFit(`${trouble.retriable ? '⟳' : '✕'} ${trouble.error}`, inner, (text) =>
          textWidth(text, SMALL_FONT, 650),
        );
      }
      const tone = trouble ? (trouble.retriable ? COLOURS.warn : COLOURS.bad) : stateColour;
      write(stateRef.current, lines[0], tone, trouble ? 'small strong' : 'strong');
      if (lines[1]) write(statsRef.current, lines[1], tone, 'small strong');
      else writeOutcome(statsRef.current, stats, t);
      write(
        pendingRef.current,
        stats ? t(external ? 'external.statsPending' : 'producer.statsPending', stats) : '',
        COLOURS.muted,
        'small',
      );
    },
  );
  if (!producer) return null;
  // A real client's card is named by its client id, and has no buttons: its program drives it.
  const name = external ? external.clientId : id;
  return (
    <SceneCard
      label={
        external
          ? t('external.producerGroup', { clientId: external.clientId })
          : t('producer.group', { id })
      }
      selection={{ kind: 'producer', id }}
      rect={rect}
      title={name}
      titleLabel={
        external
          ? t('external.producerDetails', { clientId: external.clientId })
          : t('producer.details', { id })
      }
      isolated={producer.isolated}
      className="producer"
    >
      <text x={rect.x + 14} y={rect.y + 56} className="scene-text">
        {t('producer.toTopic', { topic: external ? external.topics.join(', ') : producer.topic })}
        {acks !== undefined ? ` · acks=${String(acks)}` : ''}
      </text>
      <text
        ref={stateRef}
        x={rect.x + 14}
        y={rect.y + 76}
        className="scene-text strong"
        fill={stateColour}
      />
      {!compact && (
        <g>
          <title>{t(external ? 'external.statsHelp' : 'producer.statsHelp')}</title>
          <text
            ref={statsRef}
            x={rect.x + 14}
            y={rect.y + 95}
            className="scene-text small"
            fill={COLOURS.muted}
          />
          <text
            ref={pendingRef}
            x={rect.x + 14}
            y={rect.y + 113}
            className="scene-text small"
            fill={COLOURS.muted}
          />
        </g>
      )}
      {external ? (
        !compact && (
          <text
            x={rect.x + 14}
            y={rect.y + rect.h - 16}
            className="scene-text small"
            fill={COLOURS.muted}
          >
            {t('external.ownCode')}
          </text>
        )
      ) : (
        <SceneHtml
          rect={{ x: rect.x + 6, y: rect.y + rect.h - 36, w: rect.w - 12, h: 32 }}
          className="scene-actions"
        >
          <ProducerButtons id={id} compact={compact} />
        </SceneHtml>
      )}
    </SceneCard>
  );
});

/** A real client's acks as a built-in producer's config shows them (-1 is "all"). */
function acksText(acks: number | null): string | undefined {
  if (acks === null) return undefined;
  return acks === -1 ? 'all' : String(acks);
}

/** Set a text's words, colour and weight, touching the DOM only where they changed. */
function write(el: SVGTextElement | null, text: string, fill: string, style: string): void {
  if (!el) return;
  if (el.textContent !== text) el.textContent = text;
  if (el.getAttribute('fill') !== fill) el.setAttribute('fill', fill);
  const className = `scene-text ${style}`;
  if (el.getAttribute('class') !== className) el.setAttribute('class', className);
}

/** acked · failed · lost, with the lost count in red once anything is lost. */
function writeOutcome(
  el: SVGTextElement | null,
  stats: ProducerFast | undefined,
  t: Translate,
): void {
  if (!el) return;
  if (!stats) {
    write(el, '', COLOURS.muted, 'small');
    return;
  }
  const lost = stats.lostAcked + stats.lostUnsent;
  const text = t('producer.statsOutcome', { ...stats, lost });
  if (el.textContent === text && el.getAttribute('fill') === COLOURS.muted) return;
  write(el, '', COLOURS.muted, 'small');
  // The number after the last separator is the lost count: red when it is not 0.
  const cut = text.lastIndexOf(' · ') + 3;
  const head = document.createElementNS(el.namespaceURI, 'tspan');
  head.textContent = text.slice(0, cut);
  const tail = document.createElementNS(el.namespaceURI, 'tspan');
  tail.textContent = text.slice(cut);
  if (lost > 0) {
    tail.setAttribute('fill', COLOURS.bad);
    tail.setAttribute('font-weight', '750');
  }
  el.replaceChildren(head, tail);
}

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
