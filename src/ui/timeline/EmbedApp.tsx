// Embed mode (`?embed=1`): for an iframe in a web page or a slide. Only the scene, Play/Pause and
// Step, the timeline, and a link that opens the same moment in the full simulator; it reads at
// 800 × 450. A shared link's session opens paused at its moment, as in the full app.
import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import { ACTIONS, type ActionContext } from '../../app/actions';
import { appBase, shareUrl } from '../../app/share';
import { useSim, useSimulator } from '../../app/SimulatorProvider';
import { ActionButton } from '../chrome/ActionButton';
import { Announcer, Banner } from '../chrome/StatusParts';
import { ActionContextReact, useAction, useT } from '../hooks';
import { useKeyboardShortcuts } from '../keyboard';
import { Scene } from '../scene/Scene';
import { zoomScene } from '../scene/zoomControl';
import { TimelineBar } from './TimelineBar';

function EmbedBar() {
  const t = useT();
  const { client } = useSimulator();
  const playing = useSim((s) => s.playing);
  const play = useAction(ACTIONS.playPause, undefined);
  const step = useAction(ACTIONS.step, undefined);
  const [href, setHref] = useState(() => `${appBase(location)}${location.hash}`);
  // The link opens the moment on show now, not the one the page was opened at.
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    void client.exportSession().then(({ fragment }) => {
      const url = shareUrl(appBase(location), fragment);
      setHref(url);
      window.open(url, '_blank', 'noopener');
    });
  };
  return (
    <div className="embed-bar">
      <ActionButton
        action={play}
        icon={playing ? '❚❚' : '▶'}
        className="primary play"
        keys="Space P"
      />
      <ActionButton action={step} icon="▶❘" title={t('playback.stepHint')} keys="." />
      <p className="embed-title">{t('app.title')}</p>
      <a className="embed-open" href={href} target="_blank" rel="noopener" onClick={open}>
        {t('share.openInSimulator')} ↗
      </a>
    </div>
  );
}

export function EmbedApp() {
  const t = useT();
  const { client, store } = useSimulator();
  const ctx = useMemo<ActionContext>(() => ({ client, store, zoom: zoomScene }), [client, store]);
  useKeyboardShortcuts(ctx);
  useEffect(() => {
    document.title = t('app.title');
    // The picture needs the whole frame: no side panel to open on selection.
    store.setState({ sidePanelOpen: false });
  }, [t, store]);
  return (
    <ActionContextReact.Provider value={ctx}>
      <div className="embed">
        <EmbedBar />
        <Banner />
        <main className="embed-scene">
          <Scene />
        </main>
        <TimelineBar embedded />
        <Announcer />
      </div>
    </ActionContextReact.Provider>
  );
}
