// The scene layout: nothing overlaps, every consumer sits in its group, big clusters go compact.
import { describe, expect, it } from 'vitest';
import {
  computeLayout,
  D,
  edgeToward,
  overlaps,
  type LayoutInput,
  type Rect,
} from '../../src/ui/scene/layout';
import { deliveryModeOf, layoutInputFrom } from '../../src/ui/scene/model';
import { applyViewChanges, initialSimState, type SimState } from '../../src/app/store';
import { WorkerHost } from '../../src/worker/host';
import type { FrameMessage, FromWorker } from '../../src/worker/protocol';
import { bigScenario } from '../../src/scenario';

function stateFor(source: object): SimState {
  const out: FromWorker[] = [];
  const host = new WorkerHost((m) => out.push(m));
  host.handle({ type: 'request', id: 1, request: { type: 'load', source } });
  host.handle({ type: 'advance', to: 6000, withView: true });
  let s = initialSimState();
  for (const m of out) {
    if (m.type === 'frame' && (m as FrameMessage).changes)
      s = { ...s, ...applyViewChanges(s, m.changes!) };
  }
  return s;
}

function noOverlap(rects: Rect[]) {
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      expect(
        overlaps(rects[i], rects[j]),
        `${JSON.stringify(rects[i])} / ${JSON.stringify(rects[j])}`,
      ).toBe(false);
    }
  }
}

const inside = (a: Rect, b: Rect) =>
  a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

describe('the default scene layout', () => {
  const state = stateFor({ kind: 'default' });
  const input = layoutInputFrom(state);
  const layout = computeLayout(input);

  it('is detailed, with every broker hosting its replicas', () => {
    expect(layout.brokerStyle).toBe('columns');
    expect([...layout.brokers.keys()]).toEqual([1, 2, 3]);
    for (const box of layout.brokers.values()) expect(box.rows.size).toBe(3);
    expect([...layout.strips.keys()]).toEqual(['orders-0', 'orders-1', 'orders-2']);
  });

  it('leaves out internal topics', () => {
    expect(input.topics.map((t) => t.name)).toEqual(['orders']);
  });

  it('keeps consumer rows below the group header and above its footer', () => {
    for (const g of input.groups) {
      const group = layout.groups.get(g.id)!;
      for (const c of g.consumers) {
        const row = layout.consumers.get(c)!;
        expect(row.y).toBeGreaterThanOrEqual(group.y + D.groupHeader);
        expect(row.y + row.h).toBeLessThanOrEqual(group.y + group.h - D.groupFooter);
      }
    }
  });

  it('gives an empty group the room of one row', () => {
    const empty = computeLayout({ ...input, groups: [{ id: 'idle', consumers: [] }] });
    expect(empty.groups.get('idle')!.h).toBe(D.groupHeader + D.consumerH + D.groupFooter);
  });

  it('overlaps nothing', () => {
    noOverlap([
      ...layout.producers.values(),
      ...[...layout.brokers.values()].map((b) => b.rect),
      ...layout.topics.values(),
      ...layout.groups.values(),
    ]);
    for (const box of layout.brokers.values()) {
      noOverlap([...box.rows.values(), box.actions]);
      for (const row of box.rows.values()) expect(inside(row, box.rect)).toBe(true);
    }
  });

  it('puts each consumer inside its group box', () => {
    for (const g of input.groups) {
      const group = layout.groups.get(g.id)!;
      for (const c of g.consumers) expect(inside(layout.consumers.get(c)!, group)).toBe(true);
    }
  });

  it('fits a projector-shaped screen at a readable scale', () => {
    // 1440x900 minus the side panel and bars leaves about 1090x700 for the scene.
    const scale = Math.min(1090 / layout.width, 700 / layout.height);
    expect(scale).toBeGreaterThan(0.85);
  });

  it('finds neither queue nor publish-subscribe for billing (2) + analytics (1)', () => {
    expect(deliveryModeOf(state, 'orders')).toEqual({ mode: null, groups: 2, consumers: 3 });
  });
});

describe('big clusters', () => {
  it('switch to the compact layout with nothing overlapping', () => {
    const scenario = bigScenario();
    const input: LayoutInput = {
      brokers: Array.from({ length: 50 }, (_, i) => ({ id: i + 1, hosted: [] })),
      topics: (scenario.topics ?? []).map((t) => ({
        name: t.name,
        partitions: Array.from({ length: t.partitions }, (_, p) => `${t.name}-${p}`),
        groups: [],
      })),
      producers: (scenario.producers ?? []).map((p) => p.id),
      groups: (scenario.groups ?? []).map((g) => ({
        id: g.id,
        consumers: Array.from({ length: g.consumers }, (_, c) => `${g.id}-${c + 1}`),
      })),
    };
    const layout = computeLayout(input);
    expect(layout.brokerStyle).toBe('tiles');
    noOverlap([
      ...layout.producers.values(),
      ...[...layout.brokers.values()].map((b) => b.rect),
      ...layout.topics.values(),
      ...layout.groups.values(),
    ]);
    expect(layout.consumers.size).toBe(400);
    for (const g of input.groups) {
      const box = layout.groups.get(g.id)!;
      for (const c of g.consumers) expect(inside(layout.consumers.get(c)!, box)).toBe(true);
    }
  });
});

describe('edgeToward', () => {
  it('leaves a box on the side that faces the other end', () => {
    const r = { x: 0, y: 0, w: 100, h: 50 };
    expect(edgeToward(r, { x: 500, y: 10 })).toEqual({ x: 100, y: 25 });
    expect(edgeToward(r, { x: -50, y: 10 })).toEqual({ x: 0, y: 25 });
    expect(edgeToward(r, { x: 50, y: 400 })).toEqual({ x: 50, y: 50 });
  });
});
