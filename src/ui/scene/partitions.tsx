// Partition logs as offset strips (design.md 4): one cell per offset, coloured by key with the
// key's first letter; markers for log start, HW and LEO; one row per consumer group with its
// committed offset and the lag, labelled. The cells tick with every record, so they are drawn
// straight into the SVG with d3 (no React render per record).
import { memo, useRef } from 'react';
import { select } from 'd3-selection';
import type { LostRecordView, RecordRef } from '../../engine';
import { useShallow } from 'zustand/react/shallow';
import { lossOnShow } from '../../app/dataLoss';
import { cellPosition, stripCells } from './stripCells';
import { useSim } from '../../app/SimulatorProvider';
import type { PartitionFast } from '../../worker/protocol';
import { useFastWriter, useT } from '../hooks';
import type { Translate } from '../../i18n';
import { D, type Rect, type StripBox } from './layout';
import { COLOURS, groupColour, keyStyle } from './palette';
import { SceneHtml } from './SceneHtml';
import { textWidth } from './measure';
import { placeMarkerLabels } from './labels';
import { useIsSelected, useSelect } from './selection';
import { configValue } from './producers';
import { liveLeader, minIsrProblem } from '../../app/brokenStates';

export const TopicBlock = memo(function TopicBlock({
  name,
  rect,
  strips,
}: {
  name: string;
  rect: Rect;
  strips: [string, StripBox][];
}) {
  const t = useT();
  const topic = useSim((s) => s.topics[name]);
  if (!topic) return null;
  const minIsr = configValue(topic.config, 'min.insync.replicas');
  const problem = minIsrProblem(minIsr, topic.replicationFactor);
  return (
    <g role="group" aria-label={t('partition.topicTitle', { topic: name })} className="topic">
      <text x={rect.x} y={rect.y + 20} className="scene-text strong" data-select={`topic:${name}`}>
        {t('partition.topicTitle', { topic: name })}
        <tspan fill={COLOURS.muted} fontWeight={400}>
          {' · '}
          {t('partition.topicSummary', {
            partitions: topic.partitionCount,
            rf: topic.replicationFactor,
          })}
          {minIsr !== undefined && !problem ? ` · min.insync.replicas ${String(minIsr)}` : ''}
        </tspan>
        {problem && (
          <tspan fill={COLOURS.bad}>
            {' '}
            {t('broken.minIsrBadge', { minIsr: problem.minIsr, rf: problem.replicationFactor })}
          </tspan>
        )}
        {problem && (
          <title>
            {t('broken.minIsrWarning', { minIsr: problem.minIsr, rf: problem.replicationFactor })}
          </title>
        )}
      </text>
      {strips.map(([key, box]) => (
        <PartitionStrip key={key} partitionKey={key} box={box} />
      ))}
    </g>
  );
});

const PartitionStrip = memo(function PartitionStrip({
  partitionKey,
  box,
}: {
  partitionKey: string;
  box: StripBox;
}) {
  const t = useT();
  const partition = useSim((s) => s.partitions[partitionKey]);
  // The view keeps the last leader when no one is left to elect (every broker dead): say "no
  // leader" unless the named leader is running.
  const leaderRunning = useSim((s) =>
    partition ? liveLeader(partition, (id) => s.brokers[id]?.status) !== null : false,
  );
  const lost = useSim(useShallow((s) => lossOnShow(s, partitionKey)));
  const selected = useIsSelected({ kind: 'partition', key: partitionKey });
  const choose = useSelect();
  const cellsRef = useRef<SVGGElement>(null);
  useFastWriter(
    (buffer) => buffer.partitions.get(partitionKey),
    (fast) => {
      if (cellsRef.current) drawStrip(cellsRef.current, fast, box, lost, t);
    },
  );
  if (!partition) return null;
  const { label } = box;
  return (
    <g data-select={`partition:${partitionKey}`} className="strip">
      {selected && (
        <rect
          x={box.rect.x - 6}
          y={box.rect.y - 2}
          width={box.rect.w + 12}
          height={box.rect.h + 4}
          rx={8}
          fill="none"
          stroke={COLOURS.info}
          strokeWidth={2.5}
        />
      )}
      <SceneHtml rect={{ x: label.x, y: label.y + 8, w: label.w, h: 30 }}>
        <button
          type="button"
          className="scene-title small"
          aria-label={t('partition.select', { partition: partitionKey })}
          aria-pressed={selected}
          onClick={() => choose({ kind: 'partition', key: partitionKey })}
        >
          {partitionKey}
        </button>
      </SceneHtml>
      {partition.offline || !leaderRunning ? (
        <>
          <text
            x={label.x + 6}
            y={label.y + 54}
            className="scene-text small strong"
            fill={COLOURS.bad}
          >
            {t('replica.offline')}
          </text>
          <text x={label.x + 6} y={label.y + 70} className="scene-text small" fill={COLOURS.bad}>
            {t('broken.noLeader')}
          </text>
        </>
      ) : (
        <>
          <text x={label.x + 6} y={label.y + 54} className="scene-text small">
            {t('partition.leaderIs', { broker: partition.leader })}
          </text>
          <text x={label.x + 6} y={label.y + 70} className="scene-text small" fill={COLOURS.muted}>
            {t('replica.epoch', { epoch: partition.leaderEpoch })}
          </text>
        </>
      )}
      <g ref={cellsRef} aria-hidden="true" />
    </g>
  );
});

/** Font sizes of the strip's labels (styles.css: .marker-label, .group-label). */
const MARKER_FONT = 12.5;
const GROUP_FONT = 12.5;

interface Cell {
  /** null: the gap cell between lost records kept in view and the newest offsets. */
  offset: number | null;
  state: 'deleted' | 'committed' | 'uncommitted' | 'empty' | 'gap';
  record: RecordRef | undefined;
  /** An acknowledged record that was lost here (its offset may hold another record now). */
  lost: LostRecordView | undefined;
}

function drawStrip(
  g: SVGGElement,
  fast: PartitionFast | undefined,
  box: StripBox,
  lost: LostRecordView[],
  t: Translate,
): void {
  const root = select(g);
  if (!fast) {
    root.selectAll('*').remove();
    return;
  }
  const capacity = Math.max(4, Math.floor(box.cells.w / D.cellW));
  const lostAt = new Map(lost.map((r) => [r.offset, r]));
  const lostSpan =
    lost.length > 0
      ? {
          from: Math.min(...lost.map((r) => r.offset)),
          to: Math.max(...lost.map((r) => r.offset)) + 1,
        }
      : null;
  // Lost records stay in view; otherwise, once retention has deleted the log's head, the log
  // start does (two deleted cells, the first two kept), so the learner sees it move up and where
  // a group's committed offset fell off the log.
  const logStart = fast.logStartOffset;
  const keep = lostSpan ?? (logStart > 0 ? { from: logStart - 1, to: logStart + 1 } : null);
  const offsets = stripCells(fast.logEndOffset, capacity, keep);
  const records = new Map((fast.tail ?? []).map((r) => [r.offset, r]));
  const cells: Cell[] = offsets.map((offset) => {
    if (offset === null) return { offset, state: 'gap', record: undefined, lost: undefined };
    const state =
      offset < fast.logStartOffset
        ? 'deleted'
        : offset < fast.highWatermark
          ? 'committed'
          : offset < fast.logEndOffset
            ? 'uncommitted'
            : 'empty';
    return { offset, state, record: records.get(offset), lost: lostAt.get(offset) };
  });
  const x = (offset: number) => box.cells.x + cellPosition(offsets, offset) * D.cellW - 1.5;
  const y = box.cells.y;
  const h = box.cells.h;

  const cell = root
    .selectAll<SVGGElement, Cell>('g.cell')
    .data(cells)
    .join((enter) => {
      const c = enter.append('g').attr('class', 'cell');
      c.append('rect').attr('rx', 4);
      c.append('text').attr('class', 'cell-key').attr('text-anchor', 'middle');
      c.append('path').attr('class', 'cell-strike');
      c.append('text').attr('class', 'cell-offset').attr('text-anchor', 'middle');
      return c;
    });
  const cellX = (i: number) => box.cells.x + i * D.cellW;
  cell
    .attr('data-lost', (c) => (c.lost ? String(c.lost.offset) : null))
    .attr('data-offset', (c) => (c.offset === null ? null : String(c.offset)))
    .attr('data-state', (c) => c.state);
  cell
    .select('rect')
    .attr('x', (_, i) => cellX(i))
    .attr('y', y)
    .attr('width', D.cellW - 3)
    .attr('height', h)
    .attr('fill', (c) => cellFill(c))
    .attr('fill-opacity', (c) => (c.state === 'uncommitted' && !c.lost ? 0.45 : 1))
    .attr('stroke', (c) =>
      c.lost
        ? COLOURS.bad
        : c.state === 'empty' || c.state === 'deleted'
          ? COLOURS.line
          : c.state === 'gap'
            ? 'none'
            : c.state === 'uncommitted'
              ? COLOURS.ink
              : '#FFFFFF',
    )
    .attr('stroke-dasharray', (c) =>
      !c.lost && (c.state === 'uncommitted' || c.state === 'deleted') ? '3 2' : null,
    )
    .attr('stroke-width', (c) => (c.lost ? 2 : c.state === 'uncommitted' ? 1.2 : 1));
  cell
    .select('text.cell-key')
    .attr('x', (_, i) => cellX(i) + (D.cellW - 3) / 2)
    .attr('y', y + h / 2 + 4.5)
    .style('fill', (c) => (c.lost ? COLOURS.bad : c.state === 'gap' ? COLOURS.muted : null))
    .text((c) =>
      c.state === 'gap'
        ? '…'
        : c.lost
          ? keyLetter(c.lost.key)
          : c.record && c.state !== 'deleted' && c.state !== 'empty'
            ? keyLetter(c.record.key)
            : '',
    );
  // A lost record is struck through, corner to corner.
  cell
    .select('path.cell-strike')
    .attr('d', (c, i) =>
      c.lost ? `M ${cellX(i) + 2} ${y + h - 2} L ${cellX(i) + D.cellW - 5} ${y + 2}` : '',
    )
    .attr('stroke', COLOURS.bad)
    .attr('stroke-width', 2);
  // Offsets every 5, and where a run starts after the gap or a lost run begins.
  const offsetLabels = labelOffsets(cells);
  cell
    .select('text.cell-offset')
    .attr('x', (_, i) => cellX(i) + (D.cellW - 3) / 2)
    .attr('y', y + h + 12)
    .style('fill', (c) => (c.lost ? COLOURS.bad : null))
    .text((_, i) => offsetLabels[i]);

  // Markers above the cells: log start, HW, LEO.
  const hwX = x(fast.highWatermark);
  const leoX = x(fast.logEndOffset);
  const markers: {
    id: string;
    x: number;
    label: string;
    anchor: 'start' | 'end';
    colour: string;
    /** false: a label only (the lost records' count, over the struck cells). */
    line?: boolean;
  }[] = [];
  // The lost records' count first: at the moment of loss it is the news, and it must not be
  // the label left out.
  if (lostSpan) {
    markers.push({
      id: 'lost',
      x: x(lostSpan.from) + 1.5,
      label: t('dataLoss.stripLabel', { count: lost.length }),
      anchor: 'start',
      colour: COLOURS.bad,
      line: false,
    });
  }
  markers.push(
    { id: 'hw', x: hwX, label: t('partition.hw'), anchor: 'end', colour: COLOURS.ink },
    { id: 'leo', x: leoX, label: t('partition.leo'), anchor: 'start', colour: COLOURS.info },
  );
  if (fast.logStartOffset > (offsets[0] ?? 0)) {
    markers.push({
      id: 'start',
      x: x(fast.logStartOffset),
      label: t('partition.logStart'),
      anchor: 'end',
      colour: COLOURS.muted,
    });
  }
  const marker = root
    .selectAll<SVGGElement, (typeof markers)[number]>('g.marker')
    .data(markers, (m) => m.id)
    .join((enter) => {
      const m = enter.append('g').attr('class', 'marker');
      m.append('line');
      m.append('text').attr('class', 'marker-label');
      return m;
    });
  marker
    .select('line')
    .attr('x1', (m) => m.x)
    .attr('x2', (m) => m.x)
    .attr('y1', y - 14)
    .attr('y2', y + h + 2)
    .attr('stroke', (m) => (m.line === false ? 'none' : m.colour))
    .attr('stroke-width', 2.5);
  // Labels beside their lines, turned to the other side or left out where two would meet.
  const placed = placeMarkerLabels(
    markers.map((m) => ({
      id: m.id,
      x: m.x,
      width: textWidth(m.label, MARKER_FONT, 750),
      side: m.anchor === 'end' ? ('left' as const) : ('right' as const),
    })),
    { gap: 4, from: box.rect.x + D.stripLabelW - 16, to: box.rect.x + box.rect.w + 24 },
  );
  marker
    .select('text')
    .attr('x', (m) => placed.get(m.id)?.x ?? m.x)
    .attr('y', y - 5)
    .attr('text-anchor', 'start')
    .attr('fill', (m) => m.colour)
    .attr('font-weight', (m) => (m.id === 'lost' ? 800 : null))
    .text((m) => (placed.has(m.id) ? m.label : ''));

  // One row per group: its committed offset and its lag.
  const rows = box.groupRows.map((row, index) => {
    const info = fast.groups.find((gr) => gr.groupId === row.groupId);
    return { ...row, index, committed: info?.committed ?? null, lag: info?.lag ?? null };
  });
  const group = root
    .selectAll<SVGGElement, (typeof rows)[number]>('g.group-marker')
    .data(rows, (r) => r.groupId)
    .join((enter) => {
      const m = enter.append('g').attr('class', 'group-marker');
      m.append('path');
      m.append('text').attr('class', 'group-label');
      return m;
    });
  group
    .select('path')
    .attr('d', (r) => {
      if (r.committed === null) return '';
      const cx = x(r.committed);
      return `M ${cx} ${r.y} L ${cx + 6} ${r.y + 10} L ${cx - 6} ${r.y + 10} Z`;
    })
    .attr('fill', (r) => groupColour(r.index));
  const label = (r: (typeof rows)[number]) => {
    const name = r.groupId;
    if (r.committed === null) return `${name}: —`;
    return r.lag !== null ? `${name} · ${t('partition.lag', { lag: r.lag })}` : name;
  };
  // A label that would run past the end of the strip goes to the left of its marker.
  const flip = (r: (typeof rows)[number]) =>
    r.committed !== null &&
    x(r.committed) + 10 + textWidth(label(r), GROUP_FONT, 650) > box.cells.x + box.cells.w;
  group
    .select('text')
    .attr('x', (r) => (r.committed === null ? box.cells.x : x(r.committed) + (flip(r) ? -10 : 10)))
    .attr('y', (r) => r.y + 10)
    .attr('text-anchor', (r) => (flip(r) ? 'end' : 'start'))
    .attr('fill', (r) => groupColour(r.index))
    .text(label);
}

/**
 * The offset written under each cell: where a run starts after the gap or a lost run begins,
 * and every multiple of 5 not within two cells of such a start (the numbers would meet).
 */
function labelOffsets(cells: Cell[]): string[] {
  const starts = cells.map(
    (c, i) =>
      c.offset !== null &&
      ((i > 0 && cells[i - 1].offset === null) || (!!c.lost && !cells[i - 1]?.lost)),
  );
  return cells.map((c, i) => {
    if (c.offset === null) return '';
    if (starts[i]) return String(c.offset);
    const nearStart = starts.some((s, j) => s && Math.abs(j - i) <= 2);
    return c.offset % 5 === 0 && !nearStart ? String(c.offset) : '';
  });
}

function cellFill(c: Cell): string {
  if (c.state === 'gap') return 'none';
  if (c.lost) return '#FEE4E2';
  if (c.state === 'empty' || c.state === 'deleted') return '#FFFFFF';
  if (!c.record) return '#C9D2DE';
  return keyStyle(c.record.key).colour;
}

function keyLetter(key: string | null): string {
  if (key === null) return '·';
  return key.slice(0, 1).toUpperCase();
}
