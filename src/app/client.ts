// The main thread's side of the worker protocol. It owns wall time: each animation frame it asks
// the worker to advance (one request in flight) and tells its tick listeners; every frame the
// worker answers goes to its frame listeners, in the order they subscribed. The store's entities,
// the frame buffer, the event log and the console API's history are such listeners (wired in
// simulator.ts); a lesson runner, a metrics panel or a narrator subscribe the same way.
// The transport and the frame scheduler are injected, so Node tests can drive it with the real
// WorkerHost and a fake clock.
import type { ClusterView, Command, DispatchResult, LogRecordView } from '../engine';
import {
  PROTOCOL_VERSION,
  type FrameMessage,
  type FromWorker,
  type LoadResult,
  type LoadSource,
  type ReplyValues,
  type Request,
  type ScenarioSummary,
  type ToWorker,
} from '../worker/protocol';
import { MAX_FRAME_MS, nextSpeed, Pacer, roundSpeed } from './pacing';
import type { SimStore } from './store';

export interface Transport {
  post(message: ToWorker): void;
  listen(onMessage: (message: FromWorker) => void, onFailure: (message: string) => void): void;
  close(): void;
}

export interface FrameScheduler {
  request(callback: (wall: number) => void): number;
  cancel(handle: number): void;
  now(): number;
}

/** What a frame listener learns besides the frame itself. */
export interface FrameInfo {
  /** Wall ms (the scheduler's clock) at which the frame arrived. */
  wall: number;
  /** The sim time the pacer now stands at: the frame's `now`, or a little more (the engine
   * rounds down what it was asked for). */
  confirmedNow: number;
}

/** Called with every frame from the worker: after a load, an advance, a step or a dispatch. */
export type FrameListener = (frame: FrameMessage, info: FrameInfo) => void;

/** What happens each animation frame, after the client asked the worker for more time. */
export interface TickInfo {
  wall: number;
  /** Wall ms since the previous animation frame (clamped). */
  dt: number;
  /** Playing, ready and not loading: sim time is moving. */
  running: boolean;
  /** The sim time to draw in this animation frame. */
  displayNow: number;
}

export type TickListener = (tick: TickInfo) => void;

export class SimClient {
  readonly pacer = new Pacer();
  private pending = new Map<number, (value: unknown) => void>();
  private nextRequestId = 1;
  private frameHandle: number | null = null;
  private lastWall: number | null = null;
  private lastViewWall = -Infinity;
  /** Between asking for a new scenario and receiving its first frame: do not advance. */
  private loading = false;
  private source: LoadSource = { kind: 'default' };
  private engineNow = 0;
  private frameListeners = new Set<FrameListener>();
  private tickListeners = new Set<TickListener>();

  constructor(
    readonly store: SimStore,
    private readonly transport: Transport,
    private readonly scheduler: FrameScheduler,
  ) {}

  /** Receive every frame from now on, after the listeners that subscribed earlier. Returns the
   * way out: call it to stop receiving. */
  onFrame(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  /** Be called once per animation frame, after the listeners that subscribed earlier. */
  onTick(listener: TickListener): () => void {
    this.tickListeners.add(listener);
    return () => this.tickListeners.delete(listener);
  }

  /** Say hello, load the first scenario and start the animation-frame loop. */
  start(source: LoadSource = { kind: 'default' }): Promise<LoadResult> {
    this.transport.listen(
      (message) => this.onMessage(message),
      (message) => this.store.setState({ status: 'error', error: message, playing: false }),
    );
    this.transport.post({ type: 'hello', protocol: PROTOCOL_VERSION });
    const loaded = this.load(source);
    this.frameHandle = this.scheduler.request(this.tick);
    return loaded;
  }

  stop(): void {
    if (this.frameHandle !== null) this.scheduler.cancel(this.frameHandle);
    this.frameHandle = null;
    this.transport.close();
  }

  // ------------------------------------------------------------------------------------------
  // Requests
  // ------------------------------------------------------------------------------------------

  private request<K extends Request['type']>(
    request: Extract<Request, { type: K }>,
  ): Promise<ReplyValues[K]> {
    const id = this.nextRequestId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (value: unknown) => void);
      this.transport.post({ type: 'request', id, request });
    });
  }

  async load(source: LoadSource): Promise<LoadResult> {
    this.loading = true;
    const result = await this.request({ type: 'load', source });
    if (result.ok) {
      this.source = source;
      this.store.setState({
        scenarioTitle: result.title,
        scenarioId:
          source.kind === 'builtin' ? source.id : source.kind === 'default' ? 'default' : null,
        scenarioDescription: result.description,
      });
    } else {
      this.loading = false;
    }
    return result;
  }

  /** Load the current scenario again: the same seed gives the same run. */
  reset(): Promise<LoadResult> {
    return this.load(this.source);
  }

  dispatch(command: Command): Promise<DispatchResult> {
    return this.request({ type: 'dispatch', command });
  }

  view(): Promise<ClusterView> {
    return this.request({ type: 'view' });
  }

  scenarios(): Promise<ScenarioSummary[]> {
    return this.request({ type: 'scenarios' });
  }

  partitionLog(
    topic: string,
    partition: number,
    options: { brokerId?: number; fromOffset?: number; limit?: number } = {},
  ): Promise<LogRecordView[]> {
    return this.request({ type: 'partitionLog', topic, partition, ...options });
  }

  // ------------------------------------------------------------------------------------------
  // Playback
  // ------------------------------------------------------------------------------------------

  setPlaying(playing: boolean): void {
    if (playing === this.store.getState().playing) return;
    this.pacer.restartFrameClock();
    this.store.setState({ playing });
  }

  togglePlaying(): void {
    this.setPlaying(!this.store.getState().playing);
  }

  /** Run exactly one engine event (pauses first: stepping is for looking closely). */
  step(): void {
    this.setPlaying(false);
    if (this.store.getState().status !== 'ready' || this.loading) return;
    this.transport.post({ type: 'step' });
  }

  setSpeed(speed: number): void {
    this.store.setState({ speed: roundSpeed(speed) });
  }

  changeSpeed(direction: 1 | -1): void {
    this.setSpeed(nextSpeed(this.store.getState().speed, direction));
  }

  // ------------------------------------------------------------------------------------------
  // What the console API reads
  // ------------------------------------------------------------------------------------------

  /** The engine's sim time as last reported. */
  get now(): number {
    return this.engineNow;
  }

  // ------------------------------------------------------------------------------------------
  // The loop and the answers
  // ------------------------------------------------------------------------------------------

  /** How often to ask for the structural diff: every frame for small scenes, less for big. */
  private viewIntervalMs(): number {
    const s = this.store.getState();
    const size = s.partitionKeys.length + s.consumerIds.length + s.brokerIds.length;
    if (size > 300) return 250;
    if (size > 80) return 50;
    return 0;
  }

  private tick = (wall: number): void => {
    this.frameHandle = this.scheduler.request(this.tick);
    const dt =
      this.lastWall === null ? 0 : Math.min(Math.max(0, wall - this.lastWall), MAX_FRAME_MS);
    this.lastWall = wall;
    const state = this.store.getState();
    const running = state.playing && state.status === 'ready' && !this.loading;
    if (running) {
      const target = this.pacer.nextTarget(wall, state.speed);
      if (target !== null) {
        const withView = wall - this.lastViewWall >= this.viewIntervalMs();
        if (withView) this.lastViewWall = wall;
        this.transport.post({ type: 'advance', to: target, withView });
      }
    }
    const displayNow = this.pacer.displayTime(wall, state.speed, running);
    for (const listener of this.tickListeners) listener({ wall, dt, running, displayNow });
  };

  private onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this.store.setState({ engineVersion: message.engineVersion });
        return;
      case 'error':
        this.store.setState(
          message.fatal
            ? { status: 'error', error: message.message, playing: false }
            : { error: message.message, playing: false },
        );
        return;
      case 'reply': {
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.(message.value);
        return;
      }
      case 'frame':
        this.receiveFrame(message);
        return;
    }
  }

  private receiveFrame(frame: FrameMessage): void {
    const wall = this.scheduler.now();
    if (frame.cause === 'load') {
      this.pacer.reset(frame.now, wall);
      this.loading = false;
    } else if (frame.cause === 'advance') {
      this.pacer.confirm(frame.now, wall);
    } else {
      this.pacer.jumpTo(frame.now, wall);
    }
    this.engineNow = frame.now;
    const info: FrameInfo = { wall, confirmedNow: this.pacer.confirmedNow };
    for (const listener of this.frameListeners) listener(frame, info);
  }
}

// ---------------------------------------------------------------------------------------------
// The browser wiring: a real Worker and requestAnimationFrame.
// ---------------------------------------------------------------------------------------------

export function workerTransport(): Transport {
  const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), {
    type: 'module',
  });
  return {
    post: (message) => worker.postMessage(message),
    listen(onMessage, onFailure) {
      worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
      worker.onerror = (event) => onFailure(event.message || 'the worker could not start');
      worker.onmessageerror = () => onFailure('a message from the worker could not be read');
    },
    close: () => worker.terminate(),
  };
}

export const browserScheduler: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
};
