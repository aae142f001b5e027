// The main thread's side of the worker protocol. It owns wall time: each animation frame it asks
// the worker to advance (one request in flight) and writes the answers into the store.
import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from '../worker/protocol';
import { useSimStore } from './store';

export function startSimClient(): () => void {
  const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), {
    type: 'module',
  });
  const send = (message: ToWorker) => worker.postMessage(message);
  let inFlight = false;
  let frame = 0;
  let lastWall = 0;

  const tick = (wall: number) => {
    frame = requestAnimationFrame(tick);
    if (inFlight || useSimStore.getState().status !== 'ready') return;
    const dt = lastWall ? Math.min(wall - lastWall, 100) : 0;
    lastWall = wall;
    inFlight = true;
    send({ type: 'advance', to: useSimStore.getState().simNow + dt });
  };

  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.type === 'ready') {
      useSimStore.setState({
        status: 'ready',
        engineVersion: message.engineVersion,
        simNow: message.now,
      });
    } else if (message.type === 'frame') {
      inFlight = false;
      useSimStore.setState({ simNow: message.now });
    } else {
      useSimStore.setState({ status: 'error', error: message.message });
    }
  };
  worker.onerror = (event) => useSimStore.setState({ status: 'error', error: event.message });
  send({ type: 'hello', protocol: PROTOCOL_VERSION });
  frame = requestAnimationFrame(tick);
  return () => {
    cancelAnimationFrame(frame);
    worker.terminate();
  };
}
