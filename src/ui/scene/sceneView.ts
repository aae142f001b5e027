// How the scene sits in its viewport: one scale for the whole picture and native scrolling. The
// scale starts at the layout's best fit, which never goes below the readable minimum (the
// layout reflows instead); the person may zoom (Ctrl + wheel, pinch, the buttons, + and -) and
// pan (drag the background, scroll). The SVG scrolls with the page; the canvas on top of it
// follows through `transform`, which maps scene units to canvas pixels.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { ZoomDirection } from '../../app/actions';
import type { SceneLayout } from './layout';

/** The smallest font the scene draws, in scene units (styles.css and the components keep to it). */
export const SMALLEST_SCENE_FONT = 12.5;
/** The smallest text allowed on screen, in CSS px: a projector in presenter mode, a laptop else. */
export const READABLE_PX = { presenter: 16, normal: 12 };
export const MIN_ZOOM = 0.15;
export const MAX_ZOOM = 4;

export function scaleBounds(presenter: boolean): { minScale: number; maxScale: number } {
  const px = presenter ? READABLE_PX.presenter : READABLE_PX.normal;
  return { minScale: px / SMALLEST_SCENE_FONT, maxScale: presenter ? 2 : 1.5 };
}

export interface SceneTransform {
  /** Canvas px of scene x = 0 and y = 0, and px per scene unit. */
  x: number;
  y: number;
  k: number;
}

/** The viewport's inner size (without its scroll bars), measured before paint and on resize. */
export function useViewportSize(viewport: RefObject<HTMLDivElement | null>) {
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const measure = () => {
      const w = el.clientWidth;
      const h = el.clientHeight;
      setSize((old) => (old && old.w === w && old.h === h ? old : { w, h }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [viewport]);
  return size;
}

/**
 * The viewport's behaviour; `viewportRef` is the scrolling element, and the returned refs go on
 * the page-sized sizer, the SVG and its zoomed group.
 */
export function useSceneView(
  viewportRef: RefObject<HTMLDivElement | null>,
  layout: SceneLayout,
  bestScale: number,
  onTransform: (t: SceneTransform) => void,
) {
  const sizerRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const worldRef = useRef<SVGGElement>(null);
  const scale = useRef(bestScale);
  const userZoomed = useRef(false);
  const layoutRef = useRef(layout);
  const offset = useRef({ x: 0, y: 0 });

  /** Size the page to the picture and tell the canvas where the picture is. */
  const apply = useCallback(() => {
    const viewport = viewportRef.current;
    const sizer = sizerRef.current;
    const svg = svgRef.current;
    const world = worldRef.current;
    if (!viewport || !sizer || !svg || !world) return;
    const l = layoutRef.current;
    const k = scale.current;
    const cw = viewport.clientWidth;
    const ch = viewport.clientHeight;
    const w = l.width * k;
    const h = l.height * k;
    // A picture smaller than the viewport is centred; a bigger one scrolls.
    const ox = Math.max(0, (cw - w) / 2);
    const oy = Math.max(0, (ch - h) / 2);
    const pageW = Math.max(cw, Math.ceil(w));
    const pageH = Math.max(ch, Math.ceil(h));
    sizer.style.width = `${pageW}px`;
    sizer.style.height = `${pageH}px`;
    svg.setAttribute('width', String(pageW));
    svg.setAttribute('height', String(pageH));
    world.setAttribute('transform', `translate(${ox} ${oy}) scale(${k})`);
    offset.current = { x: ox, y: oy };
    onTransform({ x: ox - viewport.scrollLeft, y: oy - viewport.scrollTop, k });
  }, [viewportRef, onTransform]);

  // A new layout or a new best scale: take it, unless the person chose a zoom of their own.
  useLayoutEffect(() => {
    layoutRef.current = layout;
    if (!userZoomed.current) scale.current = bestScale;
    apply();
  }, [layout, bestScale, apply]);

  /** Zoom to `k`, keeping the point (px, py) of the viewport where it is. */
  const zoomAt = useCallback(
    (k: number, px: number, py: number) => {
      const viewport = viewportRef.current;
      if (!viewport) return;
      const old = scale.current;
      const cx = (viewport.scrollLeft + px - offset.current.x) / old;
      const cy = (viewport.scrollTop + py - offset.current.y) / old;
      scale.current = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, k));
      apply();
      viewport.scrollLeft = cx * scale.current + offset.current.x - px;
      viewport.scrollTop = cy * scale.current + offset.current.y - py;
      apply();
    },
    [viewportRef, apply],
  );

  const zoomTo = useCallback(
    (direction: ZoomDirection) => {
      const viewport = viewportRef.current;
      if (!viewport) return;
      if (direction === 'fit') {
        userZoomed.current = false;
        scale.current = bestScale;
        apply();
        viewport.scrollTo({ left: 0, top: 0 });
        return;
      }
      userZoomed.current = true;
      const factor = direction === 'in' ? 1.25 : 0.8;
      zoomAt(scale.current * factor, viewport.clientWidth / 2, viewport.clientHeight / 2);
    },
    [viewportRef, apply, zoomAt, bestScale],
  );

  // Scrolling moves the canvas with the SVG; Ctrl + wheel (and a pinch) zooms at the pointer;
  // dragging the background pans.
  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const onScroll = () => apply();
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      userZoomed.current = true;
      const box = viewport.getBoundingClientRect();
      zoomAt(
        scale.current * Math.exp(-event.deltaY * 0.002),
        event.clientX - box.left,
        event.clientY - box.top,
      );
    };
    let drag: { x: number; y: number; left: number; top: number; moved: boolean } | null = null;
    // A drag is a pan, not a click on what it started over.
    let swallowClick = false;
    const onClick = (event: MouseEvent) => {
      if (!swallowClick) return;
      swallowClick = false;
      event.stopPropagation();
    };
    const onDown = (event: PointerEvent) => {
      swallowClick = false;
      const target = event.target as Element | null;
      if (event.button !== 0 || target?.closest('button, input, select, label, a, textarea'))
        return;
      drag = {
        x: event.clientX,
        y: event.clientY,
        left: viewport.scrollLeft,
        top: viewport.scrollTop,
        moved: false,
      };
    };
    const onMove = (event: PointerEvent) => {
      if (!drag) return;
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) viewport.setPointerCapture(event.pointerId);
      drag.moved = true;
      viewport.classList.add('panning');
      viewport.scrollLeft = drag.left - dx;
      viewport.scrollTop = drag.top - dy;
    };
    const onUp = (event: PointerEvent) => {
      if (drag?.moved) {
        viewport.releasePointerCapture(event.pointerId);
        swallowClick = true;
      }
      viewport.classList.remove('panning');
      drag = null;
    };
    viewport.addEventListener('scroll', onScroll, { passive: true });
    viewport.addEventListener('wheel', onWheel, { passive: false });
    viewport.addEventListener('pointerdown', onDown);
    viewport.addEventListener('pointermove', onMove);
    viewport.addEventListener('pointerup', onUp);
    viewport.addEventListener('pointercancel', onUp);
    viewport.addEventListener('click', onClick, { capture: true });
    const observer = new ResizeObserver(() => apply());
    observer.observe(viewport);
    return () => {
      viewport.removeEventListener('scroll', onScroll);
      viewport.removeEventListener('wheel', onWheel);
      viewport.removeEventListener('pointerdown', onDown);
      viewport.removeEventListener('pointermove', onMove);
      viewport.removeEventListener('pointerup', onUp);
      viewport.removeEventListener('pointercancel', onUp);
      viewport.removeEventListener('click', onClick, { capture: true });
      observer.disconnect();
    };
  }, [viewportRef, apply, zoomAt]);

  return { zoomTo, sizerRef, svgRef, worldRef };
}
