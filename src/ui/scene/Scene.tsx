// The cluster picture: an SVG for structure (brokers, replicas, logs, clients, groups) and one
// canvas on top for what moves. Both share one zoom/pan transform (d3-zoom), applied directly to
// the DOM so that zooming never re-renders React.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { select } from 'd3-selection';
import {
  zoom,
  zoomIdentity,
  type D3ZoomEvent,
  type ZoomBehavior,
  type ZoomTransform,
} from 'd3-zoom';
import { useSim, useSimStore } from '../../app/SimulatorProvider';
import { useAction, useReducedMotion, useT } from '../hooks';
import { ACTIONS } from '../../app/actions';
import { FlightCanvas, type CanvasInputs } from './FlightCanvas';
import { computeLayout, type LayoutInput, type SceneLayout } from './layout';
import { knownKeys, layoutSignature } from './model';
import { setKnownKeys, COLOURS } from './palette';
import { BrokerColumn } from './brokers';
import { ProducerCard } from './producers';
import { GroupBox } from './groups';
import { TopicBlock } from './partitions';
import { BrokerTile, CompactGroup, TopicSummary } from './compact';
import { parseSelectionId, useSelect } from './selection';
import { setZoomHandler } from './zoomControl';
import { SceneLegend } from './SceneLegend';
import { Hatch } from './shapes';

const MIN_ZOOM = 0.15;
const MAX_ZOOM = 4;
const ZOOM_BUTTONS_WIDTH = 44;

export function Scene() {
  const t = useT();
  const store = useSimStore();
  const choose = useSelect();
  const reducedMotion = useReducedMotion();
  const signature = useSim(layoutSignature);
  const layout = useMemo(() => computeLayout(JSON.parse(signature) as LayoutInput), [signature]);
  const keys = useSim((s) => knownKeys(s).join('\u0000'));
  useEffect(() => setKnownKeys(keys ? keys.split('\u0000') : []), [keys]);
  // A big cluster's heartbeats would bury the records: control traffic starts hidden there.
  useEffect(
    () => store.setState({ showControlTraffic: layout.mode === 'detailed' }),
    [store, layout.mode],
  );

  const viewportRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const worldRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  const transformRef = useRef<ZoomTransform>(zoomIdentity);
  const userMoved = useRef(false);
  const layoutRef = useRef(layout);
  const inputsRef = useRef<CanvasInputs | null>(null);

  const bump = useCallback(() => {
    if (!inputsRef.current) return;
    inputsRef.current = {
      ...inputsRef.current,
      transform: transformRef.current,
      version: inputsRef.current.version + 1,
    };
  }, []);

  useEffect(() => {
    layoutRef.current = layout;
    inputsRef.current = {
      layout,
      transform: transformRef.current,
      reducedMotion,
      t,
      version: (inputsRef.current?.version ?? 0) + 1,
    };
  }, [layout, reducedMotion, t]);

  const fitTransform = useCallback((l: SceneLayout): ZoomTransform => {
    const viewport = viewportRef.current;
    if (!viewport) return zoomIdentity;
    // The zoom buttons stand in the bottom-right corner: keep the picture clear of them.
    const w = viewport.clientWidth - ZOOM_BUTTONS_WIDTH;
    const h = viewport.clientHeight;
    const k = Math.max(MIN_ZOOM, Math.min(1.5, (w - 16) / l.width, (h - 16) / l.height));
    return zoomIdentity
      .translate((w - l.width * k) / 2, Math.max(4, (h - l.height * k) / 2))
      .scale(k);
  }, []);

  // d3-zoom on the viewport: wheel and drag to zoom and pan, never stealing clicks from buttons.
  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const behaviour = zoom<HTMLDivElement, unknown>()
      .scaleExtent([MIN_ZOOM, MAX_ZOOM])
      .filter((event: Event & { button?: number; ctrlKey?: boolean }) => {
        const target = event.target as Element | null;
        if (target?.closest('button, input, select, label, a, textarea')) return false;
        return (!event.ctrlKey || event.type === 'wheel') && !event.button;
      })
      .on('zoom', (event: D3ZoomEvent<HTMLDivElement, unknown>) => {
        transformRef.current = event.transform;
        worldRef.current?.setAttribute('transform', event.transform.toString());
        if (event.sourceEvent) userMoved.current = true;
        bump();
      });
    zoomRef.current = behaviour;
    const selection = select(viewport).call(behaviour).on('dblclick.zoom', null);
    return () => {
      selection.on('.zoom', null);
    };
  }, [bump]);

  const zoomTo = useCallback(
    (direction: 'in' | 'out' | 'fit') => {
      const viewport = viewportRef.current;
      const behaviour = zoomRef.current;
      if (!viewport || !behaviour) return;
      const sel = select(viewport);
      if (direction === 'fit') {
        userMoved.current = false;
        behaviour.transform(sel, fitTransform(layoutRef.current));
      } else {
        userMoved.current = true;
        behaviour.scaleBy(sel, direction === 'in' ? 1.25 : 0.8);
      }
    },
    [fitTransform],
  );

  useEffect(() => setZoomHandler(zoomTo), [zoomTo]);

  // Keep the whole cluster in view until the person zooms or pans on their own.
  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const refit = () => {
      if (!userMoved.current && zoomRef.current) {
        zoomRef.current.transform(select(viewport), fitTransform(layoutRef.current));
      }
    };
    refit();
    const observer = new ResizeObserver(refit);
    observer.observe(viewport);
    return () => observer.disconnect();
  }, [layout, fitTransform]);

  // Mouse users can click anything drawn (a replica row, a chip); keyboard users have buttons.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onClick = (event: MouseEvent) => {
      const target = event.target as Element;
      if (target.closest('button')) return;
      const tagged = target.closest('[data-select]');
      const selection = tagged ? parseSelectionId(tagged.getAttribute('data-select') ?? '') : null;
      if (selection) choose(selection);
    };
    svg.addEventListener('click', onClick);
    return () => svg.removeEventListener('click', onClick);
  }, [choose]);

  const empty = layout.brokers.size === 0;
  return (
    <section className="scene" aria-label={t('scene.region')}>
      <div ref={viewportRef} className="scene-viewport" id="scene">
        <svg ref={svgRef} className="scene-svg">
          <SceneDefs />
          <g ref={worldRef}>
            <SectionHeadings layout={layout} />
            {layout.mode === 'detailed' ? (
              <DetailedScene layout={layout} />
            ) : (
              <CompactScene layout={layout} />
            )}
          </g>
        </svg>
        <FlightCanvas inputs={inputsRef} />
        {empty && <p className="scene-empty">{t('app.starting')}</p>}
        <ZoomButtons onZoom={zoomTo} />
      </div>
      <SceneLegend compact={layout.mode === 'compact'} />
    </section>
  );
}

function DetailedScene({ layout }: { layout: SceneLayout }) {
  const topics = [...layout.topics];
  return (
    <>
      {[...layout.producers].map(([id, rect]) => (
        <ProducerCard key={id} id={id} rect={rect} />
      ))}
      {[...layout.brokers].map(([id, box]) => (
        <BrokerColumn key={id} id={id} box={box} />
      ))}
      {topics.map(([name, rect]) => (
        <TopicBlock
          key={name}
          name={name}
          rect={rect}
          strips={[...layout.strips].filter(([key]) => key.slice(0, key.lastIndexOf('-')) === name)}
        />
      ))}
      {[...layout.groups].map(([id, rect]) => (
        <GroupBox key={id} id={id} rect={rect} consumers={consumersIn(layout, rect)} />
      ))}
    </>
  );
}

function CompactScene({ layout }: { layout: SceneLayout }) {
  return (
    <>
      {[...layout.producers].map(([id, rect]) => (
        <ProducerCard key={id} id={id} rect={rect} compact />
      ))}
      {[...layout.brokers].map(([id, box]) => (
        <BrokerTile key={id} id={id} box={box} />
      ))}
      {[...layout.topics].map(([name, rect]) => (
        <TopicSummary key={name} name={name} rect={rect} />
      ))}
      {[...layout.groups].map(([id, rect]) => (
        <CompactGroup key={id} id={id} rect={rect} consumers={consumersIn(layout, rect)} />
      ))}
    </>
  );
}

/** The consumers drawn inside a group's box, with their rectangles. */
function consumersIn(layout: SceneLayout, group: { x: number; y: number; w: number; h: number }) {
  return [...layout.consumers].filter(
    ([, r]) =>
      r.x >= group.x && r.x < group.x + group.w && r.y >= group.y && r.y < group.y + group.h,
  );
}

function SectionHeadings({ layout }: { layout: SceneLayout }) {
  const t = useT();
  const s = layout.sections;
  const heading = (x: number, y: number, text: string) => (
    <text x={x} y={y + 20} className="scene-heading" role="heading" aria-level={2}>
      {text}
    </text>
  );
  return (
    <g>
      {heading(s.producers.x, s.producers.y, t('scene.producers'))}
      {heading(s.brokers.x, s.brokers.y, t('scene.brokers'))}
      {layout.topics.size > 0 && heading(s.partitions.x, s.partitions.y, t('scene.partitions'))}
      {heading(s.groups.x, s.groups.y, t('scene.groups'))}
      {layout.producers.size === 0 && (
        <text x={s.producers.x} y={s.producers.y + 64} className="scene-text" fill={COLOURS.muted}>
          {t('scene.noProducers')}
        </text>
      )}
      {layout.groups.size === 0 && (
        <text x={s.groups.x} y={s.groups.y + 64} className="scene-text" fill={COLOURS.muted}>
          {t('scene.noGroups')}
        </text>
      )}
    </g>
  );
}

function SceneDefs() {
  return (
    <defs>
      <Hatch id="hatch-down" size={10} background="#EEF0F3" stripe="#C3C8D0" width={3} />
      <Hatch id="hatch-offline" size={8} background="#F2F4F7" stripe="#D0D5DD" width={2.5} />
      <Hatch id="hatch-bad" size={6} background="#FEE4E2" stripe={COLOURS.bad} width={2} />
    </defs>
  );
}

const ZOOMS = [
  ['in', 'zoom.zoomIn', '+'],
  ['out', 'zoom.zoomOut', '−'],
  ['fit', 'zoom.fit', '⤢'],
] as const;

function ZoomButtons({ onZoom }: { onZoom: (d: 'in' | 'out' | 'fit') => void }) {
  const t = useT();
  const panel = useAction(ACTIONS.toggleSidePanel, undefined);
  const open = useSim((s) => s.sidePanelOpen);
  return (
    <div className="zoom-buttons" role="group" aria-label={t('zoom.group')}>
      <button
        type="button"
        onClick={panel.perform}
        aria-label={panel.label}
        title={panel.label}
        aria-expanded={open}
        aria-keyshortcuts={'\\'}
      >
        {open ? '⇥' : '⇤'}
      </button>
      {ZOOMS.map(([direction, labelKey, symbol]) => (
        <button
          key={direction}
          type="button"
          onClick={() => onZoom(direction)}
          aria-label={t(labelKey)}
          title={t(labelKey)}
        >
          {symbol}
        </button>
      ))}
    </div>
  );
}
