// The main thread's side of the worker protocol. It owns wall time: each animation frame it asks
// the worker to advance (one request in flight), then writes the answer where it belongs:
// structure into the store, fast numbers and flights into the frame buffer, events into the log.
// The transport and the frame scheduler are injected, so Node tests can drive it with the real
// WorkerHost and a fake clock.
import type { ClusterView, Command, DispatchResult, LogRecordView, SimEvent } from '../engine';
import {
  PROTOCOL_VERSION,
  type Flight,
  type FrameMessage,
  type FromWorker,
  type LoadResult,
  type LoadSource,
  type ReplyValues,
  type Request,
  type ScenarioSummary,
  type ToWorker,
  type ViewChanges,
} from '../worker/protocol';
import { eventLogStore, type EventLogStore } from './eventLog';
import { FrameBuffer } from './frameBuffer';
import { MAX_FRAME_MS, nextSpeed, Pacer, roundSpeed } from './pacing';
import { applyRevocationEvents } from './rebalance';
import {
  applyViewChanges,
  CHANGES_PER_FRAME,
  simStore,
  splitChanges,
  type SimStore,
} from './store';

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

/** Events kept for `window.__kafkaSim.events()`. */
export const RECENT_EVENTS = 5000;
export const RECENT_FLIGHTS = 1000;

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
  private recentEvents: SimEvent[] = [];
  private recentFlights: Flight[] = [];
  private queuedChanges: ViewChanges[] = [];

  constructor(
    readonly store: SimStore,
    readonly buffer: FrameBuffer,
    readonly log: EventLogStore,
    private readonly transport: Transport,
    private readonly scheduler: FrameScheduler,
  ) {}

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
  // What the console API and tests read
  // ------------------------------------------------------------------------------------------

  get now(): number {
    return this.buffer.engineNow;
  }

  events(): SimEvent[] {
    return [...this.recentEvents];
  }

  flights(): Flight[] {
    return [...this.recentFlights];
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
    const queued = this.queuedChanges.shift();
    if (queued) this.applyChanges(queued);
    this.buffer.displayNow = this.pacer.displayTime(wall, state.speed, running);
    this.buffer.tick(dt, running);
    this.buffer.notify();
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
        this.onFrame(message);
        return;
    }
  }

  private onFrame(frame: FrameMessage): void {
    const wall = this.scheduler.now();
    if (frame.cause === 'load') {
      this.queuedChanges = [];
      this.buffer.clear();
      this.pacer.reset(frame.now, wall);
      this.log.clear();
      this.recentEvents = [];
      this.recentFlights = [];
      this.loading = false;
      this.store.setState({ status: 'ready', error: null, selection: null, revoked: {} });
    } else if (frame.cause === 'advance') {
      this.pacer.confirm(frame.now, wall);
    } else {
      this.pacer.jumpTo(frame.now, wall);
    }
    this.buffer.applyFrame(frame);
    if (frame.cause !== 'advance') this.buffer.displayNow = this.pacer.confirmedNow;
    // A big structural change (a big scene loading, 400 consumers rebalancing) is applied over a
    // few animation frames, so no single frame re-renders hundreds of components.
    if (frame.changes) {
      const [first, ...rest] = splitChanges(frame.changes, CHANGES_PER_FRAME);
      this.applyChanges(first);
      this.queuedChanges.push(...rest);
    }
    const revoked = applyRevocationEvents(this.store.getState().revoked, frame.events);
    if (revoked !== this.store.getState().revoked) this.store.setState({ revoked });
    this.log.append(frame.events, wall);
    this.remember(frame);
  }

  private applyChanges(changes: ViewChanges): void {
    this.store.setState((state) => applyViewChanges(state, changes));
  }

  private remember(frame: FrameMessage): void {
    if (frame.events.length) {
      this.recentEvents.push(...frame.events);
      if (this.recentEvents.length > RECENT_EVENTS) {
        this.recentEvents = this.recentEvents.slice(-RECENT_EVENTS);
      }
    }
    if (frame.flights.length) {
      this.recentFlights.push(...frame.flights);
      if (this.recentFlights.length > RECENT_FLIGHTS) {
        this.recentFlights = this.recentFlights.slice(-RECENT_FLIGHTS);
      }
    }
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

export const frameBuffer = new FrameBuffer();

let appClient: SimClient | null = null;

/** The app's one client (created on first use, in the browser only). */
export function getSimClient(): SimClient {
  if (!appClient) {
    appClient = new SimClient(
      simStore,
      frameBuffer,
      eventLogStore,
      workerTransport(),
      browserScheduler,
    );
  }
  return appClient;
}
