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

function PlayAndStep() {
  const t = useT();
  const playing = useSim((s) => s.playing);
  const play = useAction(ACTIONS.playPause, undefined);
  const step = useAction(ACTIONS.step, undefined);
  return (
    <div className="timeline-buttons">
      <ActionButton
        action={play}
        icon={playing ? '❚❚' : '▶'}
        className="primary play"
        keys="Space P"
      />
      <ActionButton action={step} icon="▶❘" short="" title={t('playback.stepHint')} keys="." />
    </div>
  );
}

/** A link to the full simulator at the moment on show now (not the one the frame opened at). */
function OpenInSimulator() {
  const t = useT();
  const { client } = useSimulator();
  const [href, setHref] = useState(() => `${appBase(location)}${location.hash}`);
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    void client.exportSession().then(({ fragment }) => {
      const url = shareUrl(appBase(location), fragment);
      setHref(url);
      window.open(url, '_blank', 'noopener');
    });
  };
  return (
    <a className="embed-open" href={href} target="_blank" rel="noopener" onClick={open}>
      {t('share.openInSimulator')} ↗
    </a>
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
        <Banner />
        <main className="embed-scene">
          <Scene />
        </main>
        <TimelineBar start={<PlayAndStep />} end={<OpenInSimulator />} />
        <Announcer />
      </div>
    </ActionContextReact.Provider>
  );
}
