// The one canvas for everything that moves: messages in flight, interpolated between their send
// and delivery times (so motion is smooth at any speed and frozen when paused), and the fading
// outlines that mark where something happened (their words are SVG labels, HighlightLabels).
// Each kind of message has its own colour and shape (palette.ts), the kinds the person hid are
// left out, and where each message was drawn is kept for the hover text. It redraws only when
// something changed.
import { useEffect, useRef, type RefObject } from 'react';
import {
  flightProgress,
  HIGHLIGHT_MS,
  type LiveFlight,
  type LiveHighlight,
} from '../../app/frameBuffer';
import type { HighlightTarget } from '../../app/highlights';
import { useSimulator } from '../../app/SimulatorProvider';
import { isShown, trafficKindOf, type HiddenTraffic } from '../../app/traffic';
import { partitionKey } from '../../worker/protocol';
import { centre, edgeToward, type Rect, type SceneLayout } from './layout';
import {
  addShape,
  COLOURS,
  keyStyle,
  TONE_COLOURS,
  TRAFFIC_STYLES,
  type KeyShape,
} from './palette';
import type { SceneTransform } from './sceneView';

export interface CanvasInputs {
  layout: SceneLayout;
  transform: SceneTransform;
  reducedMotion: boolean;
  /** Real clients' connections (`external:<conn>`) and the card each is drawn at. */
  externalNodes: ReadonlyMap<string, string>;
  /** Bumped by the scene when anything above changed. */
  version: number;
}

/** Where a message was drawn last, in canvas px, for the hover text. */
export interface FlightHit {
  x: number;
  y: number;
  flight: LiveFlight;
}

export function FlightCanvas({
  inputs,
  hits,
}: {
  inputs: RefObject<CanvasInputs | null>;
  hits: RefObject<FlightHit[]>;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { buffer: frameBuffer, store } = useSimulator();

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    let size = { w: 0, h: 0, dpr: 1 };
    let last = '';
    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      const w = canvas.clientWidth;
      const h = canvas.clientHeight;
      if (w === size.w && h === size.h && dpr === size.dpr) return;
      size = { w, h, dpr };
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
      last = '';
    };
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    resize();

    const unsubscribe = frameBuffer.subscribe((buffer) => {
      const input = inputs.current;
      if (!input) return;
      const hidden = store.getState().hiddenTraffic;
      const ages = buffer.highlights.reduce((sum, h) => sum + h.age, 0);
      const signature = `${buffer.displayNow}|${buffer.flightsVersion}|${input.version}|${ages}|${JSON.stringify(hidden)}|${size.w}x${size.h}`;
      if (signature === last) return;
      last = signature;
      const found: FlightHit[] = [];
      draw(ctx, size, input, buffer, hidden, found);
      (hits as { current: FlightHit[] }).current = found;
    });
    return () => {
      unsubscribe();
      observer.disconnect();
    };
  }, [inputs, frameBuffer, store, hits]);

  return <canvas ref={canvasRef} className="flight-canvas" aria-hidden="true" />;
}

type Point = { x: number; y: number };

/** A flight's route in scene units: start, control point and end of a quadratic curve. */
type Route = [number, number, number, number, number, number];

/** Routes are worked out once per flight and layout, not every frame. */
const routes = new WeakMap<
  LiveFlight,
  { layout: SceneLayout; externals: ReadonlyMap<string, string>; route: Route | null }
>();

function nodeRect(
  node: string,
  f: LiveFlight,
  layout: SceneLayout,
  externals: ReadonlyMap<string, string>,
): Rect | null {
  const card = externals.get(node);
  if (card !== undefined) return nodeRect(card, f, layout, externals);
  const colon = node.indexOf(':');
  const kind = node.slice(0, colon);
  const id = node.slice(colon + 1);
  if (kind === 'broker') {
    const box = layout.brokers.get(Number(id));
    if (!box) return null;
    if (f.topic !== undefined && f.partition !== undefined) {
      const row = box.rows.get(partitionKey(f.topic, f.partition));
      if (row) return row;
    }
    return layout.brokerStyle === 'tiles' ? box.rect : box.header;
  }
  if (kind === 'controller') return layout.controllers.get(Number(id))?.rect ?? null;
  if (kind === 'zk') return layout.zookeepers.get(Number(id))?.rect ?? null;
  if (kind === 'producer') return layout.producers.get(id) ?? null;
  if (kind === 'consumer') return layout.consumers.get(id) ?? null;
  return null;
}

/** A gentle arc: requests and their answers bow to opposite sides, so they do not overlap. */
function routeOf(
  f: LiveFlight,
  layout: SceneLayout,
  externals: ReadonlyMap<string, string>,
): Route | null {
  const cached = routes.get(f);
  if (cached && cached.layout === layout && cached.externals === externals) return cached.route;
  const a = nodeRect(f.from, f, layout, externals);
  const b = nodeRect(f.to, f, layout, externals);
  let route: Route | null = null;
  if (a && b && a !== b) {
    const p = edgeToward(a, centre(b));
    const q = edgeToward(b, centre(a));
    const bow = 0.14;
    const cx = (p.x + q.x) / 2 - (q.y - p.y) * bow;
    const cy = (p.y + q.y) / 2 + (q.x - p.x) * bow;
    route = [p.x, p.y, cx, cy, q.x, q.y];
  }
  routes.set(f, { layout, externals, route });
  return route;
}

function at(r: Route, t: number): Point {
  const u = 1 - t;
  return {
    x: u * u * r[0] + 2 * u * t * r[2] + t * t * r[4],
    y: u * u * r[1] + 2 * u * t * r[3] + t * t * r[5],
  };
}

/** Above this many messages on screen, trails are left out. */
const BUSY = 250;
/** Radius of a record's dot, in scene units: big enough to follow from the back of a room. */
const DOT = 8;

type ControlKind = keyof typeof TRAFFIC_STYLES;

function draw(
  ctx: CanvasRenderingContext2D,
  size: { w: number; h: number; dpr: number },
  input: CanvasInputs,
  buffer: { flights: LiveFlight[]; highlights: LiveHighlight[]; displayNow: number },
  hidden: HiddenTraffic,
  hits: FlightHit[],
): void {
  const { transform: tf, layout, reducedMotion } = input;
  const { flights, highlights, displayNow: now } = buffer;
  ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
  ctx.clearRect(0, 0, size.w, size.h);
  ctx.setTransform(size.dpr * tf.k, 0, 0, size.dpr * tf.k, size.dpr * tf.x, size.dpr * tf.y);
  const busy = flights.length > BUSY;
  // A big cluster's control traffic would bury the records: hidden there unless asked for.
  const quiet = layout.brokerStyle === 'tiles';

  // Sort what is on the wire into kinds, each drawn with one path per style.
  const control = new Map<ControlKind, number[]>();
  const errors: number[] = [];
  const lost: number[] = [];
  const dots = new Map<string, number[]>();
  const batches: { p: Point; f: LiveFlight }[] = [];
  const trails: { r: Route; t: number; f: LiveFlight }[] = [];
  for (const f of flights) {
    const kind = trafficKindOf(f);
    if (!isShown(kind, hidden, quiet)) continue;
    const progress = flightProgress(f, now);
    if (!progress) continue;
    const route = routeOf(f, layout, input.externalNodes);
    if (!route) continue;
    const t = reducedMotion && !progress.lost ? 0.5 : progress.at;
    const p = at(route, t);
    if (hits.length < MAX_HITS)
      hits.push({ x: p.x * tf.k + tf.x, y: p.y * tf.k + tf.y, flight: f });
    if (reducedMotion) drawStaticPath(ctx, route, progress.opacity);
    if (progress.lost) lost.push(p.x, p.y, progress.opacity);
    else if (kind === 'error') errors.push(p.x, p.y);
    else if (kind === 'records') {
      if (!busy && !reducedMotion) trails.push({ r: route, t, f });
      if (f.recordCount >= 4 || f.merged > 1) batches.push({ p, f });
      else {
        const keys = f.keys.length ? f.keys : [null];
        const n = Math.min(f.recordCount, keys.length);
        for (let i = 0; i < n; i++) {
          const style = keyStyle(keys[i]);
          const id = `${style.colour}|${style.shape}`;
          let list = dots.get(id);
          if (!list) dots.set(id, (list = []));
          list.push(p.x - ((n - 1) * DOT * 1.8) / 2 + i * DOT * 1.8, p.y);
        }
      }
    } else {
      let list = control.get(kind);
      if (!list) control.set(kind, (list = []));
      list.push(p.x, p.y, f.merged > 1 ? 1.3 : 1);
    }
  }

  for (const [kind, list] of control) {
    // Control messages: small marks, one colour and shape per kind.
    const style = TRAFFIC_STYLES[kind];
    ctx.globalAlpha = kind === 'acks' ? 1 : 0.85;
    ctx.beginPath();
    for (let i = 0; i < list.length; i += 3) {
      addShape(ctx, style.shape, list[i], list[i + 1], style.r * list[i + 2]);
    }
    ctx.fillStyle = style.filled ? style.colour : '#FFFFFF';
    ctx.fill();
    if (!style.filled) {
      ctx.strokeStyle = style.colour;
      ctx.lineWidth = kind === 'acks' ? 2 : 1.8;
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  for (const { r, t, f } of trails) drawTrail(ctx, r, t, f);
  for (const [id, list] of dots) {
    const [colour, shape] = id.split('|') as [string, KeyShape];
    ctx.beginPath();
    for (let i = 0; i < list.length; i += 2) addShape(ctx, shape, list[i], list[i + 1], DOT);
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.strokeStyle = '#FFFFFF';
    ctx.lineWidth = 2;
    ctx.stroke();
  }
  for (const { p, f } of batches) drawBatch(ctx, p, f);
  for (let i = 0; i < errors.length; i += 2) drawError(ctx, { x: errors[i], y: errors[i + 1] });
  for (let i = 0; i < lost.length; i += 3) {
    ctx.globalAlpha = lost[i + 2];
    drawLost(ctx, { x: lost[i], y: lost[i + 1] });
  }
  ctx.globalAlpha = 1;
  for (const h of highlights) drawHighlight(ctx, h, layout, reducedMotion);
  ctx.globalAlpha = 1;
}

/** At most this many messages are kept for the hover text. */
const MAX_HITS = 600;

function drawStaticPath(ctx: CanvasRenderingContext2D, r: Route, opacity: number): void {
  ctx.save();
  ctx.globalAlpha = 0.3 * opacity;
  ctx.strokeStyle = COLOURS.muted;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(r[0], r[1]);
  ctx.quadraticCurveTo(r[2], r[3], r[4], r[5]);
  ctx.stroke();
  ctx.restore();
}

function drawTrail(ctx: CanvasRenderingContext2D, r: Route, t: number, f: LiveFlight) {
  const from = at(r, Math.max(0, t - 0.08));
  const to = at(r, t);
  ctx.save();
  ctx.globalAlpha *= 0.35;
  ctx.strokeStyle = keyStyle(f.keys[0] ?? null).colour;
  ctx.lineWidth = 5;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(to.x, to.y);
  ctx.stroke();
  ctx.restore();
}

/** A batch: one pill that says how many records it carries. */
function drawBatch(ctx: CanvasRenderingContext2D, p: Point, f: LiveFlight): void {
  const keys = new Set(f.keys);
  const colour = keys.size === 1 ? keyStyle(f.keys[0] ?? null).colour : '#344054';
  const text = `×${f.recordCount}`;
  ctx.font = '700 12.5px system-ui, sans-serif';
  const w = Math.max(30, ctx.measureText(text).width + 14);
  ctx.fillStyle = colour;
  ctx.strokeStyle = '#FFFFFF';
  ctx.lineWidth = 2;
  roundRect(ctx, p.x - w / 2, p.y - 10, w, 20, 10);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = '#FFFFFF';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, p.x, p.y + 0.5);
}

function drawError(ctx: CanvasRenderingContext2D, p: Point): void {
  ctx.fillStyle = COLOURS.bad;
  ctx.beginPath();
  ctx.arc(p.x, p.y, 7, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#FFFFFF';
  ctx.font = '800 11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('!', p.x, p.y + 0.5);
}

function drawLost(ctx: CanvasRenderingContext2D, p: Point): void {
  ctx.strokeStyle = COLOURS.bad;
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(p.x - 6, p.y - 6);
  ctx.lineTo(p.x + 6, p.y + 6);
  ctx.moveTo(p.x + 6, p.y - 6);
  ctx.lineTo(p.x - 6, p.y + 6);
  ctx.stroke();
}

function targetRect(target: HighlightTarget, layout: SceneLayout): Rect | null {
  switch (target.kind) {
    case 'broker':
      return layout.brokers.get(target.id)?.rect ?? null;
    case 'partition': {
      const strip = layout.strips.get(target.key);
      if (strip) return strip.rect;
      const topic = target.key.slice(0, target.key.lastIndexOf('-'));
      return layout.topics.get(topic) ?? null;
    }
    case 'replica': {
      const box = layout.brokers.get(target.brokerId);
      // A replica of a topic not on show (presenter mode) is not outlined at all.
      return (
        box?.rows.get(target.key) ?? (layout.brokerStyle === 'tiles' ? box?.rect : null) ?? null
      );
    }
    case 'producer':
      return layout.producers.get(target.id) ?? null;
    case 'group':
      return layout.groups.get(target.id) ?? null;
    case 'consumer':
      return layout.consumers.get(target.id) ?? null;
  }
}

function drawHighlight(
  ctx: CanvasRenderingContext2D,
  h: LiveHighlight,
  layout: SceneLayout,
  reducedMotion: boolean,
): void {
  const r = targetRect(h.target, layout);
  if (!r) return;
  const pulse = reducedMotion ? 0 : Math.max(0, 1 - h.age / 900);
  const inflate = 4 + pulse * 6;
  ctx.globalAlpha = highlightOpacity(h.age);
  ctx.strokeStyle = TONE_COLOURS[h.tone];
  ctx.lineWidth = 3.5;
  roundRect(ctx, r.x - inflate, r.y - inflate, r.w + 2 * inflate, r.h + 2 * inflate, 12);
  ctx.stroke();
}

/** Full strength for most of a highlight's life, then fading out. */
export function highlightOpacity(age: number): number {
  const life = age / HIGHLIGHT_MS;
  return life < 0.75 ? 1 : Math.max(0, 1 - (life - 0.75) / 0.25);
}

function roundRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}
