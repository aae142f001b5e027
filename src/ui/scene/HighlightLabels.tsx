// The words of the highlights: "new leader · epoch 2" under the broker whose replica it is,
// "crashed" under the broker that crashed. They go in the band of lines under the broker columns
// (labels.ts places them so that none meets another or covers the scene's own text); the canvas
// draws the outline around the thing itself. SVG text, drawn with d3 from the frame buffer: no
// React render per frame.
import { useEffect, useRef } from 'react';
import { select } from 'd3-selection';
import type { LiveHighlight } from '../../app/frameBuffer';
import { useSimulator } from '../../app/SimulatorProvider';
import type { Translate } from '../../i18n';
import { useT } from '../hooks';
import { highlightOpacity } from './FlightCanvas';
import { D, type SceneLayout } from './layout';
import { placeBandLabels, type BandRequest } from './labels';
import { textWidth } from './measure';
import { TONE_COLOURS } from './palette';

const FONT = 12.5;
const PILL_H = 20;
const TONE_RANK = { bad: 3, warn: 2, good: 1, info: 1 } as const;

export interface BandLabel {
  id: string;
  text: string;
  tone: LiveHighlight['tone'];
  /** The newest highlight it speaks for (for its fading). */
  age: number;
  request: BandRequest;
}

/** One label per broker and message: replicas that say the same thing share it. */
export function bandLabelsFor(
  highlights: LiveHighlight[],
  layout: SceneLayout,
  t: Translate,
): BandLabel[] {
  const byKey = new Map<string, { h: LiveHighlight; partitions: string[]; age: number }>();
  for (const h of highlights) {
    const target = h.target;
    if (target.kind !== 'broker' && target.kind !== 'replica') continue;
    const brokerId = target.kind === 'broker' ? target.id : target.brokerId;
    const box = layout.brokers.get(brokerId);
    if (!box?.band) continue;
    if (target.kind === 'replica' && !box.rows.has(target.key)) continue;
    const key = `${brokerId}|${target.kind}|${h.labelKey}|${JSON.stringify(h.params)}`;
    const entry = byKey.get(key) ?? { h, partitions: [], age: h.age };
    if (target.kind === 'replica' && !entry.partitions.includes(target.key)) {
      entry.partitions.push(target.key);
    }
    entry.age = Math.min(entry.age, h.age);
    if (h.id > entry.h.id) entry.h = h;
    byKey.set(key, entry);
  }
  const out: BandLabel[] = [];
  for (const [id, { h, partitions, age }] of byKey) {
    const brokerId =
      h.target.kind === 'broker' ? h.target.id : (h.target as { brokerId: number }).brokerId;
    const band = layout.brokers.get(brokerId)!.band!;
    const words = t(`highlight.${h.labelKey}`, h.params);
    const subject =
      partitions.length === 0
        ? ''
        : partitions.length <= 2
          ? partitions.sort().join(', ')
          : t('highlight.partitions', { count: partitions.length });
    const text = subject ? `${subject}: ${words}` : words;
    out.push({
      id,
      text,
      tone: h.tone,
      age,
      request: {
        id,
        width: textWidth(text, FONT, 650) + 14,
        x: band.x,
        band,
        // The most serious first, then the newest.
        priority: TONE_RANK[h.tone] * 1e6 + h.id,
      },
    });
  }
  return out;
}

export function HighlightLabels({ layout }: { layout: SceneLayout }) {
  const t = useT();
  const { buffer } = useSimulator();
  const ref = useRef<SVGGElement>(null);
  useEffect(() => {
    const g = ref.current;
    if (!g) return;
    let shownIds = '';
    const bands = [...layout.brokers.values()].flatMap((b) => (b.band ? [b.band] : []));
    let labels: (BandLabel & { x: number; y: number; w: number })[] = [];
    const redraw = () => {
      const root = select(g);
      const pill = root
        .selectAll<SVGGElement, (typeof labels)[number]>('g.band-label')
        .data(labels, (l) => l.id)
        .join((enter) => {
          const e = enter.append('g').attr('class', 'band-label');
          e.append('rect').attr('rx', PILL_H / 2);
          e.append('text').attr('class', 'scene-text small strong').attr('fill', '#fff');
          return e;
        });
      pill
        .select('rect')
        .attr('x', (l) => l.x)
        .attr('y', (l) => l.y + 2)
        .attr('width', (l) => l.w)
        .attr('height', PILL_H)
        .attr('fill', (l) => TONE_COLOURS[l.tone]);
      pill
        .select('text')
        .attr('x', (l) => l.x + 7)
        .attr('y', (l) => l.y + 2 + PILL_H / 2 + 4.5)
        .text((l) => l.text);
    };
    const update = () => {
      const all = bandLabelsFor(buffer.highlights, layout, t);
      const ids = all.map((l) => `${l.id}:${l.text}`).join('\n');
      if (ids !== shownIds) {
        shownIds = ids;
        const { placed } = placeBandLabels(
          all.map((l) => l.request),
          { lines: D.bandLines, lineH: D.bandLine, gap: 6, join: D.brokerGap },
          bands,
        );
        const where = new Map(placed.map((p) => [p.id, p]));
        labels = all.filter((l) => where.has(l.id)).map((l) => ({ ...l, ...where.get(l.id)! }));
        redraw();
      } else {
        const ages = new Map(all.map((l) => [l.id, l.age]));
        labels = labels.map((l) => ({ ...l, age: ages.get(l.id) ?? l.age }));
      }
      select(g)
        .selectAll<SVGGElement, (typeof labels)[number]>('g.band-label')
        .data(labels, (l) => l.id)
        .attr('opacity', (l) => highlightOpacity(l.age));
    };
    update();
    return buffer.subscribe(update);
  }, [buffer, layout, t]);
  return <g ref={ref} className="band-labels" aria-hidden="true" />;
}
