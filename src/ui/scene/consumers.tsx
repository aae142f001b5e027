// A consumer inside its group's card: its id with Kill / Leave (or Restart), the partitions it
// owns as chips, and how much it has read and its lag. While a rebalance has taken partitions
// away, they stay on the row as empty, dashed, struck-through chips: eager consumers lose every
// chip at once, cooperative ones only those that move.
import { memo, useRef } from 'react';
import { CONSUMER_ACTIONS } from '../../app/actions';
import { assignmentText } from '../../app/eventText';
import { useSim } from '../../app/SimulatorProvider';
import type { ConsumerInfo } from '../../worker/protocol';
import { useAction, useFastWriter, useT } from '../hooks';
import { SceneCard } from './card';
import type { Rect } from './layout';
import { textWidth } from './measure';
import { COLOURS } from './palette';
import { SceneButton, fit } from './SceneHtml';
import { isLiveConsumer } from '../../engine/status';

const NOTHING_REVOKED: string[] = [];
/** Room kept at the right of the partitions line for "read N · lag M" (12.5 px text). */
const LAG_WIDTH = 112;
const LAG_FONT = 12.5;

export const ConsumerRow = memo(function ConsumerRow({ id, rect }: { id: string; rect: Rect }) {
  const t = useT();
  const consumer = useSim((s) => s.consumers[id]);
  const revoked = useSim((s) => s.revoked[id] ?? NOTHING_REVOKED);
  const fading = useSim((s) => s.departed[id] === 'fading');
  const lagRef = useRef<SVGTextElement>(null);
  useFastWriter(
    (buffer) => buffer.consumers.get(id),
    (fast) => {
      if (!lagRef.current) return;
      if (!fast) {
        lagRef.current.textContent = '';
        return;
      }
      // How many records it has read shows who gets what: queue splits them, pub-sub copies them.
      // Where that does not fit beside the partitions, the lag alone (the inspector has both).
      const lag = Object.values(fast.lag).reduce((a, b) => a + b, 0);
      const full = `${t('consumer.consumed', { count: fast.consumed })} · ${t('consumer.lag', { lag })}`;
      lagRef.current.textContent =
        textWidth(full, LAG_FONT, 400) <= LAG_WIDTH ? full : t('consumer.lag', { lag });
    },
  );
  if (!consumer) return null;
  const dead = isDead(consumer);
  return (
    <SceneCard
      label={consumer.external ? t('external.consumerGroup', { id }) : t('consumer.group', { id })}
      selection={{ kind: 'consumer', id }}
      rect={rect}
      size="row"
      title={id}
      titleLabel={t('consumer.details', { id })}
      titleExtra={
        consumer.external ? (
          <span className="scene-badge">{t('external.mark')}</span>
        ) : (
          <ConsumerButtons id={id} dead={dead} />
        )
      }
      fill={dead ? 'url(#hatch-offline)' : '#F9FAFB'}
      isolated={consumer.isolated}
      className={fading ? 'consumer fading' : 'consumer'}
    >
      <OwnedPartitions
        x={rect.x + 10}
        y={rect.y + 50}
        width={rect.w - 20 - LAG_WIDTH}
        consumer={consumer}
        revoked={revoked}
      />
      <text
        ref={lagRef}
        x={rect.x + rect.w - 10}
        y={rect.y + 50}
        textAnchor="end"
        className="scene-text small"
        fill={COLOURS.muted}
      />
    </SceneCard>
  );
});

export function isDead(consumer: ConsumerInfo): boolean {
  return !isLiveConsumer(consumer.status);
}

export function ConsumerButtons({ id, dead }: { id: string; dead: boolean }) {
  const t = useT();
  const kill = useAction(CONSUMER_ACTIONS.kill, { consumerId: id });
  const leave = useAction(CONSUMER_ACTIONS.leave, { consumerId: id });
  const restart = useAction(CONSUMER_ACTIONS.restart, { consumerId: id });
  if (dead) return <SceneButton action={restart} text={t('consumer.restartShort')} tone="good" />;
  return (
    <>
      <SceneButton action={kill} text={t('consumer.killShort')} tone="danger" />
      <SceneButton action={leave} text={t('consumer.leaveShort')} />
    </>
  );
}

interface Chip {
  topic: string;
  partition: string;
  revoked: boolean;
}

const CHIP = { height: 18, pad: 4, gap: 3, font: 12.5 };

/** What the consumer owns (and, during a rebalance, what it gave up), in one line. */
function OwnedPartitions({
  x,
  y,
  width,
  consumer,
  revoked,
}: {
  x: number;
  y: number;
  width: number;
  consumer: ConsumerInfo;
  revoked: string[];
}) {
  const t = useT();
  const owned = consumer.assignment;
  const given = revoked.filter((p) => !owned.includes(p));
  const ownedText = owned.length ? assignmentText(owned) : null;
  const givenText = given.length
    ? t('consumer.revoked', { partitions: assignmentText(given) })
    : null;

  // Nothing to draw as chips: say what the consumer is doing instead.
  if (isDead(consumer) || (!ownedText && !givenText)) {
    const [text, colour] = isDead(consumer)
      ? [t(`consumer.status.${consumer.status}`), COLOURS.bad]
      : consumer.status === 'stable'
        ? [t('consumer.idle'), COLOURS.muted]
        : [t(`consumer.status.${consumer.status}`), COLOURS.warn];
    return (
      <g role="img" aria-label={text}>
        <text x={x} y={y} className="scene-text small strong" fill={colour} aria-hidden="true">
          {fit(text, 19)}
        </text>
      </g>
    );
  }

  const label = [ownedText, givenText].filter(Boolean).join('; ');
  const chips: Chip[] = [
    ...owned.map((key) => ({ ...split(key), revoked: false })),
    ...given.map((key) => ({ ...split(key), revoked: true })),
  ].sort((a, b) =>
    a.topic === b.topic
      ? Number(a.partition) - Number(b.partition)
      : a.topic.localeCompare(b.topic),
  );
  // A consumer that is rebalancing but keeps reading what it holds (cooperative) says so.
  const marker = consumer.status === 'stable' ? '' : '⟳ ';
  const placed = placeChips(chips, x + textWidth(marker, CHIP.font));
  if (placed.end - x > width) {
    // Too many to draw as chips: the same facts as text (✕ before what was given up).
    return (
      <g role="img" aria-label={label}>
        <text x={x} y={y} className="scene-text small strong" aria-hidden="true">
          {marker}
          {ownedText && fit(ownedText, givenText ? 9 : 19)}
          {givenText && (
            <tspan fill={COLOURS.warn}>
              {ownedText ? ' · ' : ''}✕ {fit(assignmentText(given), ownedText ? 8 : 16)}
            </tspan>
          )}
        </text>
      </g>
    );
  }
  return (
    <g role="img" aria-label={label}>
      <g aria-hidden="true">
        {marker && (
          <text x={x} y={y} className="scene-text small strong" fill={COLOURS.warn}>
            {marker}
          </text>
        )}
        {placed.labels.map((l) => (
          <text key={l.topic} x={l.x} y={y} className="scene-text small" fill={COLOURS.muted}>
            {l.text}
          </text>
        ))}
        {placed.chips.map((c) => (
          <PartitionChip key={`${c.topic}-${c.partition}`} chip={c} x={c.x} w={c.w} y={y} />
        ))}
      </g>
    </g>
  );
}

function split(key: string): { topic: string; partition: string } {
  const dash = key.lastIndexOf('-');
  return { topic: key.slice(0, dash), partition: key.slice(dash + 1) };
}

/** Left to right: "topic:" then its partition numbers as chips, for each topic. */
function placeChips(chips: Chip[], start: number) {
  const labels: { topic: string; text: string; x: number }[] = [];
  const out: (Chip & { x: number; w: number })[] = [];
  let x = start;
  for (const chip of chips) {
    if (labels.at(-1)?.topic !== chip.topic) {
      const text = `${fit(chip.topic, 14)}:`;
      labels.push({ topic: chip.topic, text, x });
      x += textWidth(text, CHIP.font, 400) + 4;
    }
    const w = textWidth(chip.partition, CHIP.font) + 2 * CHIP.pad;
    out.push({ ...chip, x, w });
    x += w + CHIP.gap;
  }
  return { labels, chips: out, end: x - CHIP.gap };
}

function PartitionChip({ chip, x, w, y }: { chip: Chip; x: number; w: number; y: number }) {
  const top = y - 13;
  return (
    <g>
      <rect
        x={x}
        y={top}
        width={w}
        height={CHIP.height}
        rx={4}
        fill={chip.revoked ? '#FFFFFF' : COLOURS.follower}
        stroke={chip.revoked ? COLOURS.warn : '#8FD5C7'}
        strokeWidth={chip.revoked ? 1.5 : 1}
        strokeDasharray={chip.revoked ? '3 2' : undefined}
      />
      <text
        x={x + w / 2}
        y={y}
        textAnchor="middle"
        className="scene-text small strong"
        fill={chip.revoked ? COLOURS.muted : COLOURS.followerText}
      >
        {chip.partition}
      </text>
      {chip.revoked && (
        <line
          x1={x - 2}
          y1={top + CHIP.height / 2}
          x2={x + w + 2}
          y2={top + CHIP.height / 2}
          stroke={COLOURS.warn}
          strokeWidth={2}
        />
      )}
    </g>
  );
}
