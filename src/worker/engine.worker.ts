/// <reference lib="webworker" />
// Thin entry: connect the host to the worker's message port. All logic lives in host.ts.
import { WorkerHost } from './host';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new WorkerHost((message) => scope.postMessage(message));
scope.onmessage = (event: MessageEvent<unknown>) => {
  // The code lab's worker gets a port of its own for its sockets (worker/lab.ts).
  const data = event.data as { type?: unknown; port?: unknown };
  if (data?.type === 'labPort' && data.port instanceof MessagePort) {
    const port = data.port;
    host.attachLab((message) => port.postMessage(message));
    port.onmessage = (e: MessageEvent<unknown>) => host.handle(e.data);
    return;
  }
  host.handle(event.data);
};
