// The page showing another engine than its own worker's: `npm run broker`'s, reached over a
// WebSocket that carries the worker's messages as text (worker/jsonWire.ts). The page names it
// with ?engine=ws://127.0.0.1:8090/engine (the address the broker prints).
import { decodeWireMessage, encodeWireMessage } from '../worker/jsonWire';
import type { FromWorker, LabFromWorker, LabToWorker, ToWorker } from '../worker/protocol';
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

/**
 * A Transport over a WebSocket: messages posted before it opens wait for it. The code lab's
 * sockets travel on it too: each run's port gets names of its own (`r<run>.<socket>`), so a late
 * answer for the last run's socket never reaches the next run's.
 */
export function websocketTransport(url: string): Transport {
  const socket = new WebSocket(url);
  const waiting: string[] = [];
  let closedByUs = false;
  const send = (message: ToWorker) => {
    const text = encodeWireMessage(message);
    if (socket.readyState === WebSocket.CONNECTING) waiting.push(text);
    else if (socket.readyState === WebSocket.OPEN) socket.send(text);
  };
  const lab = new LabRelay(send);
  return {
    post: send,
    labPort: (port) => lab.attach(port),
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
        if (message.type === 'lab') lab.receive(message);
        else onMessage(message);
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
      lab.attach(null);
      socket.close();
    },
  };
}

/** The code lab's sockets, between the lab worker's port and the WebSocket. */
class LabRelay {
  private port: MessagePort | null = null;
  private run = 0;
  /** The current run's open sockets, by the lab worker's names. */
  private readonly open = new Set<string>();

  constructor(private readonly send: (message: LabToWorker) => void) {}

  /** A new run (or none): the last run's sockets close, as a killed process's would. */
  attach(port: MessagePort | null): void {
    for (const name of this.open)
      this.send({ type: 'lab', action: 'close', socket: this.wire(name) });
    this.open.clear();
    if (this.port) this.port.onmessage = null;
    this.run++;
    this.port = port;
    if (!port) return;
    port.onmessage = (event: MessageEvent<LabToWorker>) => {
      const message = event.data;
      if (message.action === 'connect') this.open.add(message.socket);
      if (message.action === 'close') this.open.delete(message.socket);
      this.send({ ...message, socket: this.wire(message.socket) });
    };
  }

  receive(message: LabFromWorker): void {
    const prefix = `r${this.run}.`;
    if (!this.port || !message.socket.startsWith(prefix)) return;
    const name = message.socket.slice(prefix.length);
    if (message.event === 'end' || message.event === 'refused') this.open.delete(name);
    this.port.postMessage({ ...message, socket: name });
  }

  private wire(name: string): string {
    return `r${this.run}.${name}`;
  }
}
