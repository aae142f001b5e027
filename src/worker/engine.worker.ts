/// <reference lib="webworker" />
// Thin entry: connect the host to the worker's message port. All logic lives in host.ts.
import { WorkerHost } from './host';
import type { ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new WorkerHost((message) => scope.postMessage(message));
scope.onmessage = (event: MessageEvent<ToWorker>) => host.handle(event.data);
