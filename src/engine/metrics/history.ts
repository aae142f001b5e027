// What the engine hands out of its metric ring: copies, so nobody above can change the state.
import type { World } from '../sim/world';
import type { MetricsHistory } from '../types';

export function metricsHistory(world: World, fromT = -Infinity): MetricsHistory {
  const m = world.metrics;
  if (!m) return { columns: [], samples: [] };
  const samples = [];
  for (const s of m.samples) if (s.t >= fromT) samples.push({ t: s.t, v: s.v.slice() });
  return { columns: m.columns.slice(), samples };
}
