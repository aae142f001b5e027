// The page showing another engine than its own worker's: `npm run broker`'s, reached over a
// WebSocket that carries the worker's messages as text (worker/jsonWire.ts). The page names it
// with ?engine=ws://127.0.0.1:8090/engine (the address the broker prints).
import { decodeWireMessage, encodeWireMessage } from '../worker/jsonWire';
import type { FromWorker } from '../worker/protocol';
import type { Transport } from './client';

export type EngineChoice =
  { kind: 'worker' } | { kind: 'remote'; url: string } | { kind: 'invalid'; given: string };

/** Which engine the page's address asks for. */
export function engineFrom(search: string): EngineChoice {
  const given = new URLSearchParams(search).get('engine');
  if (given === null || given === '' || given === 'worker') return { kind: 'worker' };
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return { kind: 'invalid', given };
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return { kind: 'invalid', given };
  return { kind: 'remote', url: url.href };
}

/** A Transport over a WebSocket: messages posted before it opens wait for it. */
export function websocketTransport(url: string): Transport {
  const socket = new WebSocket(url);
  const waiting: string[] = [];
  let closedByUs = false;
  return {
    post(message) {
      const text = encodeWireMessage(message);
      if (socket.readyState === WebSocket.CONNECTING) waiting.push(text);
      else if (socket.readyState === WebSocket.OPEN) socket.send(text);
    },
    listen(onMessage, onFailure) {
      socket.onopen = () => {
        for (const text of waiting.splice(0)) socket.send(text);
      };
      socket.onmessage = (event: MessageEvent<unknown>) => {
        let message: FromWorker;
        try {
          message = decodeWireMessage(String(event.data)) as FromWorker;
        } catch {
          onFailure(`a message from the engine at ${url} could not be read`);
          return;
        }
        onMessage(message);
      };
      socket.onclose = (event) => {
        if (closedByUs) return;
        onFailure(
          event.reason ||
            `the connection to the engine at ${url} is closed (is npm run broker still running?)`,
        );
      };
    },
    close() {
      closedByUs = true;
      socket.close();
    },
  };
}
