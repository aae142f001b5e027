// The cluster picture: an SVG for structure (brokers, replicas, logs, clients, groups) and one
// canvas on top for what moves. The layout reflows to the viewport (layout.ts) and the picture
// is never drawn so small that its smallest text falls below the readable size (12 px, 16 px in
// presenter mode): it scrolls instead. In presenter mode with several topics, one topic at a
// time, chosen with the topic tabs.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSim } from '../../app/SimulatorProvider';
import { useAction, useMediaQuery, useReducedMotion, useT } from '../hooks';
import { ACTIONS } from '../../app/actions';
import { FlightCanvas, type CanvasInputs, type FlightHit } from './FlightCanvas';
import { chooseLayout, type LayoutInput, type SceneLayout } from './layout';
import { externalNodesOf, knownKeys, layoutSignature, parseExternalNodes } from './model';
import { setKnownKeys, COLOURS } from './palette';
import { BrokerColumn } from './brokers';
import { ProducerCard } from './producers';
import { GroupBox } from './groups';
import { TopicBlock } from './partitions';
import { BrokerTile, CompactGroup, TopicSummary } from './compact';
import { parseSelectionId, useSelect } from './selection';
import { setZoomHandler } from './zoomControl';
import { LegendButton, SceneLegend } from './SceneLegend';
import { Hatch } from './shapes';
import { HighlightLabels } from './HighlightLabels';
import { LessonFocus } from '../lessons/LessonFocus';
import { TopicTabs } from './TopicTabs';
import { DataLossNotice } from './DataLossNotice';
import { ClusterUnavailableNotice } from './ClusterUnavailableNotice';
import { QuorumLostNotice } from './QuorumLostNotice';
import { ControllerCard } from './controllers';
import { ZooKeeperCard } from './zookeeper';
import { kraftOf } from '../../app/metadataMode';
import { TrafficTooltip } from './TrafficTooltip';
import { scaleBounds, useSceneView, useViewportSize, type SceneTransform } from './sceneView';
import { textWidth } from './measure';

export function Scene() {
  const t = useT();
  const choose = useSelect();
  const reducedMotion = useReducedMotion();
  const presenter = useSim((s) => s.presenter);
  const signature = useSim(layoutSignature);
  const keys = useSim((s) => knownKeys(s).join('\u0000'));
  const externalSignature = useSim(externalNodesOf);
  const externalNodes = useMemo(() => parseExternalNodes(externalSignature), [externalSignature]);
  useEffect(() => setKnownKeys(keys ? keys.split('\u0000') : []), [keys]);

  const viewportRef = useRef<HTMLDivElement>(null);
  const size = useViewportSize(viewportRef);
  const { layout, scale } = useMemo(() => {
    const input = JSON.parse(signature) as LayoutInput;
    const viewport = size ?? { w: 1200, h: 700 };
    return chooseLayout(input, { ...viewport, ...scaleBounds(presenter) });
  }, [signature, size, presenter]);

  const inputsRef = useRef<CanvasInputs | null>(null);
  const transformRef = useRef<SceneTransform>({ x: 0, y: 0, k: 1 });
  const hitsRef = useRef<FlightHit[]>([]);
  const onTransform = useCallback((next: SceneTransform) => {
    transformRef.current = next;
    if (inputsRef.current) {
      inputsRef.current = {
        ...inputsRef.current,
        transform: next,
        version: inputsRef.current.version + 1,
      };
    }
  }, []);
  useEffect(() => {
    inputsRef.current = {
      layout,
      transform: transformRef.current,
      reducedMotion,
      externalNodes,
      version: (inputsRef.current?.version ?? 0) + 1,
    };
  }, [layout, reducedMotion, externalNodes]);

  const { zoomTo, sizerRef, svgRef, worldRef } = useSceneView(
    viewportRef,
    layout,
    scale,
    onTransform,
  );
  useEffect(() => setZoomHandler(zoomTo), [zoomTo]);

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
  }, [choose, svgRef]);

  const empty = layout.brokers.size === 0;
  const quiet = layout.brokerStyle === 'tiles';
  const collapsed = isCollapsed(layout);
  // Where room is short (presenter mode, a narrow window) the legend folds behind a button.
  const narrow = useMediaQuery('(max-width: 1499px)');
  const folded = presenter || narrow;
  return (
    <section className="scene" aria-label={t('scene.region')}>
      <TopicTabs />
      <ClusterUnavailableNotice />
      <QuorumLostNotice />
      <DataLossNotice />
      <div className="scene-stage">
        <div className="scene-port">
          <div ref={viewportRef} className="scene-viewport" id="scene">
            <div ref={sizerRef} className="scene-sizer">
              <svg ref={svgRef} className="scene-svg">
                <SceneDefs />
                <g ref={worldRef}>
                  <SectionHeadings layout={layout} />
                  <SceneParts layout={layout} />
                  <HighlightLabels layout={layout} />
                  <LessonFocus layout={layout} />
                </g>
              </svg>
            </div>
          </div>
          <FlightCanvas inputs={inputsRef} hits={hitsRef} />
          <TrafficTooltip viewport={viewportRef} hits={hitsRef} />
          {empty && <p className="scene-empty">{t('app.starting')}</p>}
        </div>
        {/* Beside the picture, not over it: nothing here ever covers a label. */}
        <div className="scene-controls">
          {folded && <LegendButton quiet={quiet} collapsed={collapsed} />}
          <ZoomButtons onZoom={zoomTo} />
        </div>
      </div>
      {!folded && <SceneLegend quiet={quiet} collapsed={collapsed} />}
    </section>
  );
}

/** Something is summarised: the legend says how to see the details. */
function isCollapsed(layout: SceneLayout): boolean {
  return (
    layout.brokerStyle === 'tiles' ||
    [...layout.topicStyle.values()].includes('summary') ||
    [...layout.groupStyle.values()].includes('chips')
  );
}

function SceneParts({ layout }: { layout: SceneLayout }) {
  const tiles = layout.brokerStyle === 'tiles';
  return (
    <>
      {[...layout.producers].map(([id, rect]) => (
        <ProducerCard key={id} id={id} rect={rect} compact={layout.compactProducers} />
      ))}
      {[...layout.controllers].map(([id, box]) => (
        <ControllerCard key={id} id={id} box={box} />
      ))}
      {[...layout.zookeepers].map(([id, box]) => (
        <ZooKeeperCard key={id} id={id} box={box} />
      ))}
      {[...layout.brokers].map(([id, box]) =>
        tiles ? (
          <BrokerTile key={id} id={id} box={box} />
        ) : (
          <BrokerColumn key={id} id={id} box={box} />
        ),
      )}
      {[...layout.topics].map(([name, rect]) =>
        layout.topicStyle.get(name) === 'summary' ? (
          <TopicSummary key={name} name={name} rect={rect} />
        ) : (
          <TopicBlock
            key={name}
            name={name}
            rect={rect}
            strips={[...layout.strips].filter(
              ([key]) => key.slice(0, key.lastIndexOf('-')) === name,
            )}
          />
        ),
      )}
      {[...layout.groups].map(([id, rect]) =>
        layout.groupStyle.get(id) === 'chips' ? (
          <CompactGroup key={id} id={id} rect={rect} consumers={consumersIn(layout, rect)} />
        ) : (
          <GroupBox key={id} id={id} rect={rect} consumers={consumersIn(layout, rect)} />
        ),
      )}
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

const HEADING_FONT = 15;

function SectionHeadings({ layout }: { layout: SceneLayout }) {
  const t = useT();
  const controller = useSim((s) => s.cluster?.controller ?? null);
  // In ZooKeeper mode the controller is a broker: the note names the broker.
  const quorum = useSim((s) => kraftOf(s.cluster?.metadata));
  const s = layout.sections;
  const heading = (x: number, y: number, text: string) => (
    <text x={x} y={y + 20} className="scene-heading" role="heading" aria-level={2}>
      {text}
    </text>
  );
  // Which broker is the controller, in words, beside the heading (its card wears a crown).
  const brokersTitle = t('scene.brokers');
  const note = quorum
    ? quorum.activeController !== null
      ? t('quorum.note', { id: quorum.activeController, epoch: quorum.epoch })
      : t('scene.noController')
    : controller?.brokerId != null
      ? t('scene.controllerNote', { broker: controller.brokerId, epoch: controller.epoch })
      : t('scene.noController');
  const titleW = textWidth(brokersTitle.toUpperCase(), HEADING_FONT, 750) * 1.08;
  const noteFits = titleW + 16 + textWidth(note, 14, 650) <= s.brokers.w;
  return (
    <g>
      {heading(s.producers.x, s.producers.y, t('scene.producers'))}
      {heading(s.brokers.x, s.brokers.y, brokersTitle)}
      {controller && noteFits && (
        <text
          x={s.brokers.x + s.brokers.w}
          y={s.brokers.y + 20}
          textAnchor="end"
          className="scene-text strong"
          fill={COLOURS.controller}
        >
          {note}
        </text>
      )}
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
