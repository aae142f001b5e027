// The page: header with playback, the build-and-break toolbar, the scene, and on the right the
// inspector above the event log. Dialogs and the screen-reader announcer sit on top.
import { useEffect, useLayoutEffect, useMemo } from 'react';
import type { ActionContext } from '../app/actions';
import { useSim, useSimulator } from '../app/SimulatorProvider';
import { Header } from './chrome/Header';
import { Toolbar } from './chrome/Toolbar';
import { Announcer, Banner, Footer } from './chrome/StatusParts';
import { Dialogs } from './dialogs/Dialogs';
import { ActionContextReact, useT } from './hooks';
import { useKeyboardShortcuts } from './keyboard';
import { EventLog } from './panels/EventLog';
import { Inspector } from './panels/Inspector';
import { Scene } from './scene/Scene';
import { ScenarioDrop } from './timeline/ScenarioDrop';
import { TimelineBar } from './timeline/TimelineBar';
import { zoomScene } from './scene/zoomControl';

/** Below this width the side panel starts hidden. */
const NARROW_SCREEN = 1200;

function Workspace() {
  const open = useSim((s) => s.sidePanelOpen);
  return (
    <main className={`workspace${open ? '' : ' panel-hidden'}`}>
      <Scene />
      {open && (
        <aside className="side">
          <Inspector />
          <EventLog />
        </aside>
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
  useLayoutEffect(() => {
    if (window.innerWidth < NARROW_SCREEN) store.setState({ sidePanelOpen: false });
  }, [store]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return (
    <ActionContextReact.Provider value={ctx}>
      <a href="#scene" className="skip-link">
        {t('app.skipToScene')}
      </a>
      <div className="app">
        <Header />
        <Toolbar />
        <Banner />
        <Workspace />
        <TimelineBar />
        <Footer />
      </div>
      <Announcer />
      <Dialogs />
      <ScenarioDrop />
    </ActionContextReact.Provider>
  );
}
