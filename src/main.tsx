import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { initAppI18n } from './i18n/app';
import { installSimApi } from './app/simApi';
import { createBrowserSimulator, createRemoteSimulator } from './app/simulator';
import { engineFrom } from './app/remoteEngine';
import { memoryBudgetFrom } from './app/memory';
import { SimulatorProvider } from './app/SimulatorProvider';
import type { LoadSource } from './worker/protocol';
import { isEmbedMode } from './app/share';
import { App } from './ui/App';
import { EmbedApp } from './ui/timeline/EmbedApp';
import './ui/styles.css';

/**
 * A shared link (#scenario=…) or ?scenario=<built-in id> picks the first scene; a page showing
 * `npm run broker`'s engine shows the world it runs.
 */
function firstScene(): LoadSource {
  if (engine.kind === 'remote') return { kind: 'current' };
  if (location.hash.includes('scenario=')) return { kind: 'url', fragment: location.hash.slice(1) };
  const builtin = new URLSearchParams(location.search).get('scenario');
  return builtin ? { kind: 'builtin', id: builtin } : { kind: 'default' };
}

const i18nReady = initAppI18n([initReactI18next]);
// ?engine=ws://…: the engine of `npm run broker` instead of the page's own worker.
const engine = engineFrom(location.search);
const simulator =
  engine.kind === 'remote' ? createRemoteSimulator(engine.url) : createBrowserSimulator();
installSimApi(simulator);
if (engine.kind === 'invalid') {
  simulator.store.setState({
    loadFailure: {
      id: 2,
      errors: [
        {
          code: 'BAD_ENGINE_URL',
          message: `?engine= must be a ws:// or wss:// address (as npm run broker prints it), got "${engine.given}"; this page runs its own engine instead`,
          params: { given: engine.given },
        },
      ],
    },
  });
}
// ?memoryBudgetMb=N: a smaller budget for the memory warning (tests, demonstrations).
simulator.store.setState({ memoryBudget: memoryBudgetFrom(location.search) });
// The last visit's session, if it had the user's own commands: offered, never forced.
if (!isEmbedMode(location.search) && engine.kind !== 'remote') simulator.keeper.offerRestore();
// Leaving with a command not yet kept: let the browser ask (it shows its own words).
window.addEventListener('beforeunload', (event) => {
  if (simulator.keeper.hasUnsavedWork()) event.preventDefault();
});
void simulator.client.start(firstScene()).then((result) => {
  if (result.ok) return;
  // A broken link still opens the app: say every reason, and show the default scene.
  simulator.store.setState({ loadFailure: { id: 1, errors: result.errors } });
  void simulator.client.load({ kind: 'default' });
});

// The first render waits for the page's language (the Chinese catalogue loads on demand).
void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SimulatorProvider simulator={simulator}>
        {isEmbedMode(location.search) ? <EmbedApp /> : <App />}
      </SimulatorProvider>
    </StrictMode>,
  ),
);
