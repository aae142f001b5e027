import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { initAppI18n } from './i18n';
import { getSimClient } from './app/client';
import { installSimApi } from './app/simApi';
import { simStore } from './app/store';
import type { LoadSource } from './worker/protocol';
import { App } from './ui/App';
import './ui/styles.css';

/** A shared link (#scenario=…) or ?scenario=<built-in id> picks the first scene. */
function firstScene(): LoadSource {
  if (location.hash.includes('scenario=')) return { kind: 'url', fragment: location.hash.slice(1) };
  const builtin = new URLSearchParams(location.search).get('scenario');
  return builtin ? { kind: 'builtin', id: builtin } : { kind: 'default' };
}

initAppI18n([initReactI18next]);
const client = getSimClient();
installSimApi(client);
void client.start(firstScene()).then((result) => {
  if (result.ok) return;
  // A broken link still opens the app: say why, and show the default scene.
  simStore.setState({ refusal: { id: 1, error: result.errors[0] } });
  void client.load({ kind: 'default' });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
