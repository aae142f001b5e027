// Measuring the scene's text as the browser renders it, for the projector rule (design.md 4):
// how big each piece of text is on screen and whether two pieces meet.
//
// What counts as a piece of text ("a label"): every SVG <text> with visible characters (its
// <tspan>s are part of it), and every run of visible characters in an HTML text node inside the
// `Cluster` region (buttons, tabs, the legend, the HTML inside the SVG). Not counted: text a
// screen reader gets but the eye does not (.visually-hidden, display: none, <title>), and the
// canvas (messages in flight move; they are not labels).
//
// The size on screen is the computed font size times the scale of the SVG around it (the scene
// is zoomed as a whole). Boxes are the glyph boxes the browser reports (getBoundingClientRect of
// the <text>, or of a Range around the HTML text); two boxes "overlap" when they share more than
// 1 px both ways, which leaves room for the ascent/descent padding of lines set close together.
import type { Page } from '@playwright/test';

export interface TextBox {
  text: string;
  px: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Inside the scrolling picture: shown only where it is within `view`. */
  scrolled: boolean;
}

export interface SceneTextReport {
  texts: TextBox[];
  smallest: TextBox | null;
  overlaps: [TextBox, TextBox][];
  /** HTML text cut short by its box (an ellipsis or hidden overflow). */
  clipped: string[];
}

/** Runs in the page: every label in the region, with its on-screen size and box. */
function collect(regionName: string): {
  texts: TextBox[];
  clipped: string[];
  view: { x: number; y: number; w: number; h: number } | null;
} {
  const region = [...document.querySelectorAll('section[aria-label]')].find(
    (el) => el.getAttribute('aria-label') === regionName,
  );
  if (!region) throw new Error(`no region ${regionName}`);
  const texts: TextBox[] = [];
  const hidden = (el: Element) => {
    if (el.closest('.visually-hidden, title, defs')) return true;
    for (let e: Element | null = el; e && e !== region; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden') return true;
    }
    return false;
  };
  const scaleOf = (el: Element) => {
    const graphic = (el.closest('text') ??
      el.closest('foreignObject')) as SVGGraphicsElement | null;
    const m = graphic?.getScreenCTM();
    return m ? Math.hypot(m.a, m.b) : 1;
  };
  const viewport = region.querySelector('.scene-viewport');
  const push = (el: Element, text: string, r: DOMRect) => {
    if (r.width < 0.5 || r.height < 0.5) return;
    const px = parseFloat(getComputedStyle(el).fontSize) * scaleOf(el);
    const scrolled = viewport !== null && viewport.contains(el);
    texts.push({ text, px, x: r.x, y: r.y, w: r.width, h: r.height, scrolled });
  };
  for (const el of region.querySelectorAll('text')) {
    const text = (el.textContent ?? '').trim();
    if (!text || hidden(el)) continue;
    push(el, text, el.getBoundingClientRect());
  }
  const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = (node.textContent ?? '').trim();
    if (
      !parent ||
      !text ||
      parent.closest('svg text, svg title, option, select') ||
      hidden(parent)
    ) {
      continue;
    }
    range.selectNodeContents(node);
    push(parent, text, range.getBoundingClientRect());
  }
  // Selects show their chosen option: measure the select itself.
  for (const el of region.querySelectorAll('select')) {
    if (hidden(el)) continue;
    const option = (el as HTMLSelectElement).selectedOptions[0];
    if (option) push(el, option.text, el.getBoundingClientRect());
  }
  const clipped: string[] = [];
  for (const el of region.querySelectorAll('button, span, p, label, div')) {
    const style = getComputedStyle(el);
    if (hidden(el) || style.overflow === 'visible' || el.children.length > 1) continue;
    if ((el as HTMLElement).scrollWidth > (el as HTMLElement).clientWidth) {
      clipped.push((el.textContent ?? '').trim());
    }
  }
  const v = viewport?.getBoundingClientRect();
  const view = v
    ? {
        x: v.x,
        y: v.y,
        w: (viewport as HTMLElement).clientWidth,
        h: (viewport as HTMLElement).clientHeight,
      }
    : null;
  return { texts, clipped, view };
}

const SLACK = 1;

type Box = { x: number; y: number; w: number; h: number };

function intersect(a: Box, b: Box): Box {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return {
    x,
    y,
    w: Math.min(a.x + a.w, b.x + b.w) - x,
    h: Math.min(a.y + a.h, b.y + b.h) - y,
  };
}

/**
 * Two pieces of text meet. Text of the scrolling picture is compared with the rest of the region
 * only where it shows (inside the viewport); with other text of the picture, everywhere.
 */
export function overlapping(a: TextBox, b: TextBox, view: Box | null = null): boolean {
  let boxA: Box = a;
  let boxB: Box = b;
  if (view && a.scrolled !== b.scrolled) {
    if (a.scrolled) boxA = intersect(a, view);
    else boxB = intersect(b, view);
    if (boxA.w <= 0 || boxA.h <= 0 || boxB.w <= 0 || boxB.h <= 0) return false;
  }
  const both = intersect(boxA, boxB);
  return both.w > SLACK && both.h > SLACK;
}

export async function measureSceneText(page: Page, region = 'Cluster'): Promise<SceneTextReport> {
  // As source text, with a stand-in for the helper some TypeScript runners add to named functions.
  const source = `(() => { const __name = (f) => f; return (${collect.toString()})(${JSON.stringify(region)}); })()`;
  const { texts, clipped, view } = (await page.evaluate(source)) as ReturnType<typeof collect>;
  let smallest: TextBox | null = null;
  for (const t of texts) if (!smallest || t.px < smallest.px) smallest = t;
  const overlaps: [TextBox, TextBox][] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (overlapping(texts[i], texts[j], view)) overlaps.push([texts[i], texts[j]]);
    }
  }
  return { texts, smallest, overlaps, clipped };
}

/** One line per overlap, for a failing test's message. */
export function describeOverlaps(overlaps: [TextBox, TextBox][]): string[] {
  const box = (t: TextBox) =>
    `"${t.text.slice(0, 40)}" @${Math.round(t.x)},${Math.round(t.y)} ${Math.round(t.w)}x${Math.round(t.h)}`;
  return overlaps.map(([a, b]) => `${box(a)}  ×  ${box(b)}`);
}
