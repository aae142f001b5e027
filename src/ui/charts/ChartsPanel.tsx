// The Charts panel (design.md 3.6, 3.9; loaded on demand): consumer lag per group (press a group
// to add its partitions), produce and consume rates, ISR size and under-replicated partitions,
// produce errors by error name. Every chart shares the timeline's time axis and markers, and the
// play head crosses all of them. React renders the frame of the panel and the legends (when the
// set of lines changes); the samples (once a second) and the play head (every animation frame)
// are drawn by LineChart straight into the SVG.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  CHART_KINDS,
  chartData,
  valuesAt,
  type ChartData,
  type ChartKind,
  type ChartLine,
} from '../../app/chartSeries';
import { metricsFeed } from '../../app/metricsFeed';
import { useFrameBuffer, useSim, useSimClient } from '../../app/SimulatorProvider';
import { KEY_COLOURS, COLOURS } from '../scene/palette';
import { useT } from '../hooks';
import { LineChart, type DrawnLine } from './lineChart';
import './charts.css';

const EMPTY: ChartData = { t: [], lag: [], rates: [], isr: [], errors: [] };

/** Fixed colours where the line has a meaning of its own; the rest take the key palette. */
const NAMED_COLOURS: Record<string, string> = {
  MessagesInPerSec: COLOURS.leader,
  'records-consumed-rate': COLOURS.info,
  InSyncReplicasCount: COLOURS.leader,
  ReplicasCount: COLOURS.faint,
  UnderReplicatedPartitions: COLOURS.bad,
};

/** The lines a chart draws: colours, and a group's partitions only while it is expanded. */
function drawnLines(kind: ChartKind, data: ChartData, expanded: Set<string>): DrawnLine[] {
  const lines = data[kind];
  const colourOf = new Map<string, string>();
  let n = 0;
  const out: DrawnLine[] = [];
  for (const l of lines) {
    if (l.detailOf !== undefined) continue;
    const colour = NAMED_COLOURS[l.label] ?? KEY_COLOURS[n++ % KEY_COLOURS.length];
    colourOf.set(l.label, colour);
    out.push({ ...l, colour });
  }
  for (const l of lines) {
    if (l.detailOf === undefined || !expanded.has(l.detailOf)) continue;
    out.push({ ...l, colour: colourOf.get(l.detailOf) ?? COLOURS.muted, detail: true });
  }
  return out;
}

/** What the legends need: changes a few times a session, not every sample. */
function legendKey(data: ChartData): string {
  return CHART_KINDS.map((k) => data[k].map((l) => l.id).join(',')).join(';');
}

export default function ChartsPanel() {
  const t = useT();
  const client = useSimClient();
  const buffer = useFrameBuffer();
  const markers = useSim((s) => s.markers);
  const presenter = useSim((s) => s.presenter);
  const [legend, setLegend] = useState<ChartData>(EMPTY);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const data = useRef<ChartData>(EMPTY);
  const charts = useRef(new Map<ChartKind, LineChart>());
  const svgs = useRef(new Map<ChartKind, SVGSVGElement>());
  const tips = useRef(new Map<ChartKind, HTMLDivElement>());
  const expandedRef = useRef(expanded);
  const id = useId().replace(/:/g, '');
  const style = useMemo(() => ({ font: presenter ? 16 : 12 }), [presenter]);
  const seconds = useMemo(() => (s: number) => t('charts.seconds', { s }), [t]);

  // The charts: made once per SVG, restyled with presenter mode and the language.
  useEffect(() => {
    for (const kind of CHART_KINDS) {
      const svg = svgs.current.get(kind);
      if (!svg) continue;
      let chart = charts.current.get(kind);
      if (!chart) {
        chart = new LineChart(svg, style, `${id}-${kind}`);
        charts.current.set(kind, chart);
      }
      chart.setStyle(style, seconds);
      const box = svg.getBoundingClientRect();
      chart.resize(box.width, box.height);
      chart.setLines(data.current.t, drawnLines(kind, data.current, expandedRef.current));
    }
  }, [style, seconds, id]);

  // Size follows the panel.
  useEffect(() => {
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const kind = (entry.target as SVGSVGElement).dataset.kind as ChartKind;
        const chart = charts.current.get(kind);
        if (!chart) continue;
        chart.resize(entry.contentRect.width, entry.contentRect.height);
        chart.setLines(data.current.t, drawnLines(kind, data.current, expandedRef.current));
      }
    });
    for (const svg of svgs.current.values()) observer.observe(svg);
    return () => observer.disconnect();
  }, []);

  // Samples: once a second.
  useEffect(
    () =>
      metricsFeed(client).subscribe((history) => {
        const next = chartData(history);
        data.current = next;
        for (const [kind, chart] of charts.current) {
          chart.setLines(next.t, drawnLines(kind, next, expandedRef.current));
        }
        setLegend((old) => (legendKey(old) === legendKey(next) ? old : next));
      }),
    [client],
  );

  // A group pressed in the legend: its partitions appear (or go).
  useEffect(() => {
    expandedRef.current = expanded;
    charts.current.get('lag')?.setLines(data.current.t, drawnLines('lag', data.current, expanded));
  }, [expanded]);

  useEffect(() => {
    for (const chart of charts.current.values()) chart.setMarkers(markers);
  }, [markers, style]);

  // The time axis and the play head: every animation frame, like the timeline's own.
  useEffect(
    () =>
      buffer.subscribe((b) => {
        const end = Math.max(b.session?.end ?? 0, b.displayNow, 1);
        const now = b.displayNow;
        for (const chart of charts.current.values()) chart.frame(end, Math.min(now, end));
      }),
    [buffer],
  );

  const onHover = (kind: ChartKind, clientX: number | null) => {
    const chart = charts.current.get(kind);
    const tip = tips.current.get(kind);
    if (!chart || !tip) return;
    const at = chart.hoverAt(clientX);
    const read =
      at === null
        ? null
        : valuesAt(data.current, drawnLines(kind, data.current, expandedRef.current), at);
    if (!read) {
      tip.hidden = true;
      return;
    }
    tip.hidden = false;
    tip.replaceChildren();
    const head = document.createElement('strong');
    head.textContent = t('charts.at', { s: read.t / 1000 });
    tip.append(head);
    for (const row of read.rows) {
      const line = document.createElement('div');
      line.textContent = `${row.label}: ${row.value ?? '–'}`;
      tip.append(line);
    }
  };

  const titles: Record<ChartKind, [string, string]> = {
    lag: [t('charts.lag'), t('charts.lagUnit')],
    rates: [t('charts.rates'), t('charts.ratesUnit')],
    isr: [t('charts.isr'), t('charts.isrUnit')],
    errors: [t('charts.errors'), t('charts.errorsUnit')],
  };

  return (
    <section
      className={presenter ? 'charts-panel presenter-charts' : 'charts-panel'}
      id="charts-panel"
      aria-label={t('charts.region')}
    >
      {legend.t.length === 0 && <p className="muted charts-waiting">{t('charts.waiting')}</p>}
      <div className="charts-grid">
        {CHART_KINDS.map((kind) => (
          <figure key={kind} className={`chart chart-${kind}`} data-chart={kind}>
            <figcaption>
              <span className="chart-title">{titles[kind][0]}</span>{' '}
              <span className="chart-unit">{titles[kind][1]}</span>
            </figcaption>
            <div className="chart-body">
              <svg
                ref={(el) => {
                  if (el) svgs.current.set(kind, el);
                }}
                data-kind={kind}
                className="chart-svg"
                role="img"
                aria-label={summary(t, titles[kind][0], legend[kind])}
                onPointerMove={(e) => onHover(kind, e.clientX)}
                onPointerLeave={() => onHover(kind, null)}
              />
              <div
                className="chart-tip"
                hidden
                ref={(el) => {
                  if (el) tips.current.set(kind, el);
                }}
              />
            </div>
            <Legend
              kind={kind}
              lines={legend[kind]}
              expanded={expanded}
              toggle={(group) =>
                setExpanded((old) => {
                  const next = new Set(old);
                  if (!next.delete(group)) next.add(group);
                  return next;
                })
              }
            />
          </figure>
        ))}
      </div>
    </section>
  );
}

function summary(t: ReturnType<typeof useT>, title: string, lines: ChartLine[]): string {
  const names = lines.filter((l) => l.detailOf === undefined).map((l) => l.label);
  return t('charts.summary', { title, lines: names.join(', ') || '–' });
}

function Legend({
  kind,
  lines,
  expanded,
  toggle,
}: {
  kind: ChartKind;
  lines: ChartLine[];
  expanded: Set<string>;
  toggle: (group: string) => void;
}) {
  const t = useT();
  const shown = drawnLines(kind, { ...EMPTY, [kind]: lines }, new Set()).filter(
    (l) => l.detailOf === undefined,
  );
  if (shown.length === 0) {
    const empty = kind === 'lag' ? 'charts.noGroups' : kind === 'errors' ? 'charts.noErrors' : '';
    return empty ? <p className="chart-legend muted">{t(empty)}</p> : null;
  }
  if (kind === 'lag') {
    return (
      <ul className="chart-legend" aria-label={t('charts.legendLag')}>
        {shown.map((l) => (
          <li key={l.id}>
            <button
              type="button"
              className="chart-key"
              aria-expanded={expanded.has(l.label)}
              aria-label={t('charts.showPartitions', { group: l.label })}
              onClick={() => toggle(l.label)}
            >
              <span className="swatch" style={{ background: l.colour }} aria-hidden="true" />
              {l.label}
              <span aria-hidden="true">{expanded.has(l.label) ? ' ▾' : ' ▸'}</span>
            </button>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="chart-legend">
      {shown.map((l) => (
        <li key={l.id} className="chart-key">
          <span
            className={l.dashed ? 'swatch dashed' : 'swatch'}
            style={{ background: l.dashed ? undefined : l.colour, borderColor: l.colour }}
            aria-hidden="true"
          />
          {l.label}
        </li>
      ))}
    </ul>
  );
}
