// A ring that fills once per sim second, drawn with d3 into an SVG the component owns.
import { useEffect, useRef } from 'react';
import { select } from 'd3-selection';
import { arc } from 'd3-shape';
import { useSimStore } from '../app/store';

const ring = arc<number>()
  .innerRadius(18)
  .outerRadius(24)
  .startAngle(0)
  .endAngle((fraction) => fraction * 2 * Math.PI);

export function SimClock() {
  const svgRef = useRef<SVGSVGElement>(null);
  const simNow = useSimStore((s) => s.simNow);

  useEffect(() => {
    if (!svgRef.current) return;
    select(svgRef.current)
      .selectAll('path.sim-clock-ring')
      .data([(simNow % 1000) / 1000])
      .join('path')
      .attr('class', 'sim-clock-ring')
      .attr('transform', 'translate(26,26)')
      .attr('fill', '#2563eb')
      .attr('d', (d) => ring(d));
  }, [simNow]);

  return (
    <div className="sim-clock">
      <svg ref={svgRef} width={52} height={52} role="img" aria-label="Sim clock ring" />
      <output aria-label="Sim clock">{(simNow / 1000).toFixed(1)} s</output>
    </div>
  );
}
