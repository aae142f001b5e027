// One chart of the Charts panel, drawn with d3 straight into its SVG (React renders the panel once;
// samples arrive once a second, the play head moves every animation frame). The lines are drawn
// once per sample in "seconds by pixels" inside a group that a transform stretches to the time
// axis, so that the axis growing while the run goes on costs one attribute per frame, not a redraw.
// The x axis is the timeline's: 0 to the end of the recording; its markers are drawn on it.
import { scaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { line as d3line } from 'd3-shape';
import type { ChartLine } from '../../app/chartSeries';
import { maxValue } from '../../app/chartSeries';
import type { TimelineMarker } from '../../worker/protocol';

export interface ChartStyle {
  /** Tick label size (CSS px): 16 in presenter mode (the projector rule). */
  font: number;
}

export interface DrawnLine extends ChartLine {
  colour: string;
  /** Thinner and lighter: a group's per-partition detail. */
  detail?: boolean;
}

const MARGIN = { top: 8, right: 12 };
const X_TICKS = 6;

export class LineChart {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly plot: Selection<SVGGElement, unknown, null, undefined>;
  private readonly lines: Selection<SVGGElement, unknown, null, undefined>;
  private readonly markers: Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly xAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly head: Selection<SVGLineElement, unknown, null, undefined>;
  private readonly hover: Selection<SVGLineElement, unknown, null, undefined>;
  private width = 300;
  private height = 150;
  private left = 40;
  private bottom = 22;
  private shownEnd = -1;
  private shownNow = -1;
  private shownWidth = -1;
  private secondsText: (s: number) => string = (s) => `${s} s`;

  constructor(
    element: SVGSVGElement,
    private style: ChartStyle,
    clipId: string,
  ) {
    this.svg = select(element);
    this.svg.selectAll('*').remove();
    this.svg.append('clipPath').attr('id', clipId).append('rect').attr('class', 'chart-clip');
    this.yAxis = this.svg.append('g').attr('class', 'chart-y-axis');
    this.xAxis = this.svg.append('g').attr('class', 'chart-x-axis');
    const clipped = this.svg.append('g').attr('clip-path', `url(#${clipId})`);
    this.plot = clipped.append('g').attr('class', 'chart-plot');
    this.markers = this.plot.append('g').attr('class', 'chart-markers');
    this.lines = this.plot.append('g').attr('class', 'chart-lines');
    this.hover = this.svg.append('line').attr('class', 'chart-hover').attr('visibility', 'hidden');
    this.head = this.svg.append('line').attr('class', 'chart-play-head');
  }

  setStyle(style: ChartStyle, secondsText: (s: number) => string): void {
    this.style = style;
    this.secondsText = secondsText;
    this.left = Math.round(style.font * 3.2);
    this.bottom = Math.round(style.font * 1.7);
    this.shownEnd = -1;
  }

  resize(width: number, height: number): void {
    this.width = Math.max(60, width);
    this.height = Math.max(60, height);
    this.svg.attr('viewBox', `0 0 ${this.width} ${this.height}`);
    this.svg
      .select('.chart-clip')
      .attr('x', this.left)
      .attr('y', 0)
      .attr('width', this.plotWidth())
      .attr('height', this.height);
    this.shownEnd = -1;
  }

  private plotWidth(): number {
    return Math.max(10, this.width - this.left - MARGIN.right);
  }
  private plotBottom(): number {
    return this.height - this.bottom;
  }

  /** Draw the lines (sample times in ms, values per line) and the y axis. */
  setLines(t: number[], lines: DrawnLine[]): void {
    const y = scaleLinear()
      .domain([0, maxValue(lines)])
      .nice(4)
      .range([this.plotBottom(), MARGIN.top]);
    const ticks = y.ticks(4).filter(Number.isInteger);
    this.yAxis
      .selectAll('g')
      .data(ticks)
      .join((enter) => {
        const g = enter.append('g');
        g.append('line').attr('class', 'chart-grid');
        g.append('text').attr('class', 'chart-tick').attr('text-anchor', 'end');
        return g;
      })
      .call((g) =>
        g
          .select('line')
          .attr('x1', this.left)
          .attr('x2', this.width - MARGIN.right)
          .attr('y1', (d) => y(d))
          .attr('y2', (d) => y(d)),
      )
      .call((g) =>
        g
          .select('text')
          .attr('x', this.left - 5)
          .attr('y', (d) => y(d) + this.style.font * 0.35)
          .attr('font-size', this.style.font)
          .text((d) => compact(d)),
      );
    const path = d3line<number | null>()
      .defined((v) => v !== null)
      .x((_, i) => t[i] / 1000)
      .y((v) => y(v ?? 0));
    this.lines
      .selectAll<SVGPathElement, DrawnLine>('path')
      .data(lines, (d) => d.id)
      .join('path')
      .attr('class', (d) => (d.detail ? 'chart-line detail' : 'chart-line'))
      .attr('stroke', (d) => d.colour)
      .attr('stroke-dasharray', (d) => (d.dashed ? '6 4' : null))
      .attr('vector-effect', 'non-scaling-stroke')
      .attr('data-series', (d) => d.id)
      .attr('d', (d) => path(d.values) ?? '');
  }

  /** The timeline's markers: a thin line each, at its moment, coloured by kind. */
  setMarkers(markers: TimelineMarker[]): void {
    this.markers
      .selectAll('line')
      .data(markers)
      .join('line')
      .attr('class', (d) => `chart-marker kind-${d.kind}`)
      .attr('vector-effect', 'non-scaling-stroke')
      .attr('x1', (d) => d.at / 1000)
      .attr('x2', (d) => d.at / 1000)
      .attr('y1', MARGIN.top)
      .attr('y2', this.plotBottom());
  }

  /** Every animation frame: the axis end (the recording's end) and the play head (sim ms). */
  frame(end: number, now: number): void {
    if (end === this.shownEnd && now === this.shownNow && this.width === this.shownWidth) return;
    const w = this.plotWidth();
    const x = scaleLinear()
      .domain([0, end])
      .range([this.left, this.left + w]);
    if (end !== this.shownEnd || this.width !== this.shownWidth) {
      this.shownEnd = end;
      this.shownWidth = this.width;
      this.plot.attr('transform', `translate(${this.left},0) scale(${(w * 1000) / end},1)`);
      // As many ticks as fit with room for their labels ("120 s": about five characters).
      const fit = Math.max(2, Math.floor(w / (this.style.font * 5.5)));
      const ticks = scaleLinear()
        .domain([0, end / 1000])
        .ticks(Math.min(X_TICKS, fit))
        .filter(Number.isInteger);
      const base = this.plotBottom();
      this.xAxis
        .selectAll('text')
        .data(ticks)
        .join('text')
        .attr('class', 'chart-tick')
        .attr('text-anchor', 'middle')
        .attr('font-size', this.style.font)
        .attr('x', (s) => x(s * 1000))
        .attr('y', base + this.style.font * 1.15)
        .text((s) => this.secondsText(s));
      this.xAxis
        .selectAll('line')
        .data([0])
        .join('line')
        .attr('class', 'chart-axis')
        .attr('x1', this.left)
        .attr('x2', this.left + w)
        .attr('y1', base)
        .attr('y2', base);
    }
    this.shownNow = now;
    const at = x(Math.min(now, end));
    this.head
      .attr('x1', at)
      .attr('x2', at)
      .attr('y1', MARGIN.top - 4)
      .attr('y2', this.plotBottom())
      .attr('data-at', Math.round(now));
  }

  /** The sim ms under a pointer at `clientX` (the hover read-out), and draws the hover line. */
  hoverAt(clientX: number | null): number | null {
    if (clientX === null || this.shownEnd <= 0) {
      this.hover.attr('visibility', 'hidden');
      return null;
    }
    const rect = (this.svg.node() as SVGSVGElement).getBoundingClientRect();
    const px = ((clientX - rect.left) / rect.width) * this.width;
    if (px < this.left || px > this.left + this.plotWidth()) {
      this.hover.attr('visibility', 'hidden');
      return null;
    }
    this.hover
      .attr('visibility', 'visible')
      .attr('x1', px)
      .attr('x2', px)
      .attr('y1', MARGIN.top)
      .attr('y2', this.plotBottom());
    return ((px - this.left) / this.plotWidth()) * this.shownEnd;
  }
}

/** 1200 -> 1.2k: tick labels stay short. */
function compact(v: number): string {
  if (v >= 1_000_000) return `${+(v / 1_000_000).toFixed(1)}M`;
  if (v >= 10_000) return `${Math.round(v / 1000)}k`;
  if (v >= 1000) return `${+(v / 1000).toFixed(1)}k`;
  return String(v);
}
