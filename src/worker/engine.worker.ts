/// <reference lib="webworker" />
// Thin entry: connect the host to the worker's message port. All logic lives in host.ts.
import { WorkerHost } from './host';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new WorkerHost((message) => scope.postMessage(message));
scope.onmessage = (event: MessageEvent<unknown>) => host.handle(event.data);
