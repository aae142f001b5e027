// The scene layout: nothing overlaps, every consumer sits in its group, big clusters go compact.
import { describe, expect, it } from 'vitest';
import {
  chooseLayout,
  computeLayout,
  D,
  edgeToward,
  overlaps,
  SUMMARY_PARTITIONS,
  type LayoutInput,
  type Rect,
  type SceneLayout,
  type Viewport,
} from '../../src/ui/scene/layout';
import { deliveryModeOf, focusTopic, layoutInputFrom } from '../../src/ui/scene/model';
import { scaleBounds } from '../../src/ui/scene/sceneView';
import { applyViewChanges, initialSimState, type SimState } from '../../src/app/store';
import { WorkerHost } from '../../src/worker/host';
import type { FrameMessage, FromWorker } from '../../src/worker/protocol';
import { bigScenario } from '../../src/scenario';

function stateFor(source: object, until = 6000): SimState {
  const out: FromWorker[] = [];
  const host = new WorkerHost((m) => out.push(m));
  host.handle({ type: 'request', id: 1, request: { type: 'load', source } });
  host.handle({ type: 'advance', to: until, withView: true });
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

  it('fits a projector-shaped screen at a readable scale, the cluster without scrolling', () => {
    // 1440x900 minus the side panel and bars leaves about 1090x700 for the scene. At the smallest
    // readable scale (12 px for 14 px text) the whole width fits, and so do the controllers and
    // the brokers; only the partition logs below them may need scrolling.
    const readable = 12 / 14;
    expect(input.controllers).toEqual([1001, 1002, 1003]);
    expect(1090 / layout.width).toBeGreaterThan(readable);
    const brokers = layout.sections.brokers;
    expect(700 / (brokers.y + brokers.h)).toBeGreaterThan(readable);
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

/** The viewports the projector rule is about, as the scene sees them (bars and panel taken off). */
const PRESENTER_1280: Viewport = { w: 1222, h: 595, ...scaleBounds(true) };
const NORMAL_1280: Viewport = { w: 914, h: 540, ...scaleBounds(false) };
const NORMAL_1920: Viewport = { w: 1512, h: 900, ...scaleBounds(false) };

/** The outer boxes of everything: none may overlap another. */
function cards(layout: SceneLayout): Rect[] {
  return [
    ...layout.producers.values(),
    ...[...layout.brokers.values()].flatMap((b) => (b.band ? [b.rect, b.band] : [b.rect])),
    ...layout.topics.values(),
    ...layout.groups.values(),
  ];
}

function wellFormed(layout: SceneLayout, v: Viewport, input: LayoutInput) {
  noOverlap(cards(layout));
  noOverlap([...layout.consumers.values()]);
  noOverlap([...layout.strips.values()].map((s) => s.rect));
  for (const g of input.groups) {
    const box = layout.groups.get(g.id)!;
    for (const c of g.consumers) expect(inside(layout.consumers.get(c)!, box)).toBe(true);
  }
  // It fits the viewport's width at the smallest readable scale: the scene scrolls down, never
  // sideways, and never shrinks below that scale.
  expect(layout.width).toBeLessThanOrEqual(v.w / v.minScale + 0.5);
}

describe('the scene reflows instead of shrinking', () => {
  const examples = [
    'default',
    'leader-election',
    'acks-one-loses-data',
    'min-insync-replicas',
    'unclean-election',
    'queue-vs-pubsub',
    'consumer-rebalance',
    'retention',
    'controller-quorum',
    'combined-mode',
  ];
  for (const id of examples) {
    it(`${id}: fits every viewport at a readable scale, nothing overlapping`, () => {
      const state = stateFor({ kind: 'builtin', id }, 30_000);
      for (const [v, presenter] of [
        [PRESENTER_1280, true],
        [NORMAL_1280, false],
        [NORMAL_1920, false],
      ] as const) {
        const input = layoutInputFrom({ ...state, presenter });
        const { layout, scale } = chooseLayout(input, v);
        expect(scale).toBeGreaterThanOrEqual(v.minScale);
        wellFormed(layout, v, input);
      }
    });
  }

  it('keeps three brokers in one row in presenter mode at 1280 px', () => {
    const input = layoutInputFrom({ ...stateFor({ kind: 'default' }), presenter: true });
    const { layout } = chooseLayout(input, PRESENTER_1280);
    expect(new Set([...layout.brokers.values()].map((b) => b.rect.y)).size).toBe(1);
    expect(layout.arrangement).toBe('side');
  });

  it('lays producers, brokers and groups side by side where there is room', () => {
    const input = layoutInputFrom(stateFor({ kind: 'default' }));
    const { layout, scale } = chooseLayout(input, NORMAL_1920);
    expect(layout.arrangement).toBe('wide');
    // Near full size: only the controllers' row above the brokers costs a little height.
    expect(scale).toBeGreaterThan(0.9);
  });

  it('stacks everything on a narrow screen and wraps the broker grid', () => {
    const input = layoutInputFrom(stateFor({ kind: 'default' }));
    const narrow: Viewport = { w: 700, h: 700, ...scaleBounds(true) };
    const { layout } = chooseLayout(input, narrow);
    expect(layout.arrangement).toBe('stacked');
    expect(new Set([...layout.brokers.values()].map((b) => b.rect.y)).size).toBeGreaterThan(1);
    wellFormed(layout, narrow, input);
  });
});

describe('presenter mode', () => {
  it('shows one topic at a time: the chosen one, its producers and the groups that read it', () => {
    const state = stateFor({ kind: 'builtin', id: 'acks-one-loses-data' });
    expect(focusTopic(state)).toBeNull();
    const presenting = { ...state, presenter: true };
    expect(focusTopic(presenting)).toBe('clicks');
    const input = layoutInputFrom({ ...presenting, sceneTopic: 'payments' });
    expect(input.topics.map((t) => t.name)).toEqual(['payments']);
    expect(input.producers).toEqual(['checkout']);
    for (const b of input.brokers) {
      expect(b.hosted.every((key) => key.startsWith('payments-'))).toBe(true);
    }
  });
});

describe('big parts are summarised on their own', () => {
  const input: LayoutInput = {
    brokers: [1, 2, 3].map((id) => ({
      id,
      hosted: ['orders-0', 'orders-1', ...Array.from({ length: 200 }, (_, p) => `clicks-${p}`)],
    })),
    topics: [
      { name: 'orders', partitions: ['orders-0', 'orders-1'], groups: ['billing'] },
      {
        name: 'clicks',
        partitions: Array.from({ length: 200 }, (_, p) => `clicks-${p}`),
        groups: [],
      },
    ],
    producers: ['checkout'],
    groups: [
      { id: 'billing', consumers: Array.from({ length: 32 }, (_, c) => `billing-${c + 1}`) },
    ],
  };

  it('a topic with many partitions gets a summary bar; the others keep their strips', () => {
    expect(200).toBeGreaterThan(SUMMARY_PARTITIONS);
    const layout = computeLayout(input);
    expect(layout.topicStyle.get('clicks')).toBe('summary');
    expect(layout.topicStyle.get('orders')).toBe('strips');
    expect([...layout.strips.keys()]).toEqual(['orders-0', 'orders-1']);
    for (const box of layout.brokers.values()) {
      expect([...box.rows.keys()]).toEqual(['orders-0', 'orders-1']);
      expect([...box.summaries.keys()]).toEqual(['clicks']);
    }
  });

  it('a group of 32 consumers lays them out in columns, not one tall column', () => {
    const { layout } = chooseLayout(input, NORMAL_1920);
    expect(layout.groupStyle.get('billing')).toBe('rows');
    const columns = new Set([...layout.consumers.values()].map((r) => r.x));
    expect(columns.size).toBeGreaterThan(1);
    const group = layout.groups.get('billing')!;
    expect(group.h).toBeLessThan(D.groupHeader + 32 * D.consumerH);
    wellFormed(layout, NORMAL_1920, input);
  });
});

describe('departed consumers', () => {
  it('leave the picture once gone, and stay while fading', () => {
    const state = stateFor({ kind: 'default' });
    const gone = layoutInputFrom({ ...state, departed: { 'billing-1': 'gone' } });
    expect(gone.groups.find((g) => g.id === 'billing')!.consumers).toEqual(['billing-2']);
    const fading = layoutInputFrom({ ...state, departed: { 'billing-1': 'fading' } });
    expect(fading.groups.find((g) => g.id === 'billing')!.consumers).toContain('billing-1');
  });
});
