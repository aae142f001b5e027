// Colours and shapes. Record keys use the Okabe–Ito palette (safe for the common colour-vision
// deficiencies) and each key also gets a shape, so colour is never the only signal. Null keys
// are grey. The structural colours are chosen for contrast on a washed-out projector.

export const KEY_COLOURS = [
  '#E69F00', // orange
  '#0072B2', // blue
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#D55E00', // vermillion
  '#56B4E9', // sky blue
  '#F0E442', // yellow
];
export type KeyShape = 'circle' | 'square' | 'diamond' | 'triangle';
export const KEY_SHAPES: KeyShape[] = ['circle', 'square', 'diamond', 'triangle'];
export const NULL_KEY_COLOUR = '#8A9099';

export const COLOURS = {
  ink: '#101828',
  muted: '#475467',
  faint: '#98A2B3',
  line: '#D0D5DD',
  panel: '#FFFFFF',
  canvas: '#F5F6F8',
  leader: '#0E6E63',
  leaderText: '#FFFFFF',
  follower: '#D3F2EC',
  followerText: '#0B4A42',
  outOfIsr: '#B54708',
  offline: '#98A2B3',
  controller: '#6941C6',
  good: '#067647',
  info: '#175CD3',
  warn: '#B54708',
  bad: '#B42318',
  control: '#667085',
  committed: '#E4E7EC',
  uncommitted: '#FFFFFF',
};

export const TONE_COLOURS = {
  good: COLOURS.good,
  info: COLOURS.info,
  warn: COLOURS.warn,
  bad: COLOURS.bad,
};

/** Group markers on the offset strips: a distinct colour per group (with its name beside it). */
export const GROUP_COLOURS = ['#6941C6', '#C11574', '#1570EF', '#B93815', '#027A48', '#4E5BA6'];

let keyOrder = new Map<string, number>();

/** Tell the palette which keys exist (in producer order) so they get distinct colours. */
export function setKnownKeys(keys: string[]): void {
  keyOrder = new Map(keys.map((k, i) => [k, i]));
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h >>> 0;
}

export function keyIndex(key: string): number {
  return keyOrder.get(key) ?? hash(key);
}

export function keyStyle(key: string | null): { colour: string; shape: KeyShape } {
  if (key === null) return { colour: NULL_KEY_COLOUR, shape: 'circle' };
  return keyStyleAt(keyIndex(key));
}

/** The style of the i-th known key (the legend lists keys in the same order). */
export function keyStyleAt(i: number): { colour: string; shape: KeyShape } {
  return { colour: KEY_COLOURS[i % KEY_COLOURS.length], shape: KEY_SHAPES[i % KEY_SHAPES.length] };
}

export function groupColour(index: number): string {
  return GROUP_COLOURS[index % GROUP_COLOURS.length];
}

/** A path for a key's shape centred at (0,0) with "radius" r, for SVG. */
export function shapePath(shape: KeyShape, r: number): string {
  switch (shape) {
    case 'circle':
      return `M ${-r} 0 A ${r} ${r} 0 1 0 ${r} 0 A ${r} ${r} 0 1 0 ${-r} 0 Z`;
    case 'square': {
      const s = r * 0.88;
      return `M ${-s} ${-s} H ${s} V ${s} H ${-s} Z`;
    }
    case 'diamond':
      return `M 0 ${-r * 1.15} L ${r * 1.15} 0 L 0 ${r * 1.15} L ${-r * 1.15} 0 Z`;
    case 'triangle':
      return `M 0 ${-r * 1.15} L ${r * 1.1} ${r * 0.85} L ${-r * 1.1} ${r * 0.85} Z`;
  }
}

/** The same shapes on a canvas, added to the current path (so many can share one fill). */
export function addShape(
  ctx: CanvasRenderingContext2D,
  shape: KeyShape,
  x: number,
  y: number,
  r: number,
): void {
  switch (shape) {
    case 'circle':
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
      break;
    case 'square': {
      const s = r * 0.88;
      ctx.rect(x - s, y - s, 2 * s, 2 * s);
      break;
    }
    case 'diamond':
      ctx.moveTo(x, y - r * 1.15);
      ctx.lineTo(x + r * 1.15, y);
      ctx.lineTo(x, y + r * 1.15);
      ctx.lineTo(x - r * 1.15, y);
      ctx.closePath();
      break;
    case 'triangle':
      ctx.moveTo(x, y - r * 1.15);
      ctx.lineTo(x + r * 1.1, y + r * 0.85);
      ctx.lineTo(x - r * 1.1, y + r * 0.85);
      ctx.closePath();
      break;
  }
}

/**
 * How each kind of control message is drawn (canvas and legend alike): its own colour and shape,
 * so the kinds stay apart without colour. Records are drawn by key; errors and losses in red.
 */
export const TRAFFIC_STYLES = {
  acks: { colour: COLOURS.good, shape: 'circle', r: 5, filled: false },
  replicaFetch: { colour: '#0E6E63', shape: 'circle', r: 4.2, filled: false },
  consumerFetch: { colour: '#175CD3', shape: 'square', r: 4.4, filled: false },
  heartbeat: { colour: '#667085', shape: 'circle', r: 3.2, filled: true },
  metadata: { colour: '#6941C6', shape: 'diamond', r: 4.2, filled: false },
  group: { colour: '#C11574', shape: 'triangle', r: 4.6, filled: false },
} as const satisfies Record<
  string,
  { colour: string; shape: KeyShape; r: number; filled: boolean }
>;
