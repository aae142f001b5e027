// The page: header with playback, the build-and-break toolbar, the scene, and on the right the
// inspector above the event log (resizable; in presenter mode it opens over the scene instead of
// taking room from it). Dialogs and the screen-reader announcer sit on top.
import { ReliabilityBanners } from './chrome/ReliabilityBanners';
import { MemoryWarning } from './chrome/MemoryStatus';
import { CodeLabDock } from './lab/CodeLabDock';
import { ChartsDock } from './charts/ChartsDock';
import { useEffect, useLayoutEffect, useMemo, type CSSProperties } from 'react';
import type { ActionContext } from '../app/actions';
import { browserStorage, loadPreferences, rememberPreferences } from '../app/preferences';
import { useSim, useSimulator } from '../app/SimulatorProvider';
import { Header } from './chrome/Header';
import { Toolbar } from './chrome/Toolbar';
import { Announcer, Banner, Footer } from './chrome/StatusParts';
import { Dialogs } from './dialogs/Dialogs';
import { LessonPanel } from './lessons/LessonPanel';
import { ActionContextReact, useT } from './hooks';
import { useKeyboardShortcuts } from './keyboard';
import { EventLog } from './panels/EventLog';
import { Inspector } from './panels/Inspector';
import { MetricsPanel } from './panels/MetricsPanel';
import { PanelResizer } from './panels/PanelResizer';
import { Scene } from './scene/Scene';
import { ScenarioDrop } from './timeline/ScenarioDrop';
import { TimelineBar } from './timeline/TimelineBar';
import { zoomScene } from './scene/zoomControl';

/** Below this width the side panel starts hidden; up to WIDE_SCREEN it starts narrower. */
const NARROW_SCREEN = 1200;
const WIDE_SCREEN = 1400;

function Workspace() {
  const open = useSim((s) => s.sidePanelOpen);
  const width = useSim((s) => s.sidePanelWidth);
  const presenter = useSim((s) => s.presenter);
  const className = ['workspace', open ? '' : 'panel-hidden', presenter ? 'overlay-panel' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <main className={className} style={{ '--side-width': `${width}px` } as CSSProperties}>
      <Scene />
      {open && (
        <>
          <PanelResizer />
          <aside className="side" id="side-panel">
            <Inspector />
            <EventLog />
            <MetricsPanel />
          </aside>
        </>
      )}
    </main>
  );
}

export function App() {
  const t = useT();
  const { client, store } = useSimulator();
  const ctx = useMemo<ActionContext>(() => ({ client, store, zoom: zoomScene }), [client, store]);
  useKeyboardShortcuts(ctx);
  // On a narrow screen (a projector at 1024 px) the picture needs the whole width: the side
  // panel starts hidden, and opens when something is selected. Before the first paint.
  // What this browser remembers (presenter mode, hidden message kinds, panel width), and the
  // address's ?presenter=1, before the first paint; then remember changes.
  useLayoutEffect(() => {
    const storage = browserStorage();
    const preferences = loadPreferences(location.search, storage);
    if (preferences.sidePanelWidth === undefined && window.innerWidth <= WIDE_SCREEN) {
      preferences.sidePanelWidth = 300;
    }
    const narrow = window.innerWidth < NARROW_SCREEN;
    store.setState({
      ...preferences,
      ...(narrow || preferences.presenter ? { sidePanelOpen: false } : {}),
    });
    return rememberPreferences(store, storage);
  }, [store]);
  const presenter = useSim((s) => s.presenter);
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', presenter);
  }, [presenter]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return (
    <ActionContextReact.Provider value={ctx}>
      <a href="#scene" className="skip-link">
        {t('app.skipToScene')}
      </a>
      <div className={presenter ? 'app presenter' : 'app'}>
        <Header />
        <Toolbar />
        <ReliabilityBanners />
        <MemoryWarning />
        <Banner />
        <LessonPanel />
        <Workspace />
        <ChartsDock />
        <CodeLabDock />
        <TimelineBar />
        <Footer />
      </div>
      <Announcer />
      <Dialogs />
      <ScenarioDrop />
    </ActionContextReact.Provider>
  );
}
