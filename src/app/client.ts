// The main thread's side of the worker protocol. It owns wall time: each animation frame it asks
// the worker to advance (one request in flight) and tells its tick listeners; every frame the
// worker answers goes to its frame listeners, in the order they subscribed. The store's entities,
// the frame buffer, the event log and the console API's history are such listeners (wired in
// simulator.ts); a lesson runner, a metrics panel or a narrator subscribe the same way.
// The transport and the frame scheduler are injected, so Node tests can drive it with the real
// WorkerHost and a fake clock.
import type { ClusterView, Command, EngineError, LogRecordView, MetricsHistory } from '../engine';
import { withoutRecording } from '../scenario/session';
import {
  PROTOCOL_VERSION,
  type ExportedSession,
  type FrameMessage,
  type FromWorker,
  type LessonAction,
  type LessonSummary,
  type LoadResult,
  type LoadSource,
  type ReplyValues,
  type Request,
  type ScenarioSummary,
  type SeekResult,
  type SeekTarget,
  type SessionDispatchResult,
  type TimelineData,
  type ToWorker,
} from '../worker/protocol';
import { MAX_FRAME_MS, nextSpeed, Pacer, roundSpeed } from './pacing';
import type { SimStore } from './store';

/** An advance unanswered this long (wall ms) means the worker is stuck. */
export const STUCK_AFTER_MS = 5000;

export interface Transport {
  post(message: ToWorker): void;
  /**
   * Hands the engine worker a port for the code lab's sockets (worker/lab.ts); absent where
   * there is no worker to hand it to.
   */
  labPort?(port: MessagePort): void;
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

/** Called after every command the worker answered (`forked`: it dropped the recorded future). */
export type DispatchListener = (command: Command, result: SessionDispatchResult) => void;

/** The play head as the page last heard of it: engine events run, commands applied, sim ms. */
export interface PlayheadMoment {
  position: number;
  applied: number;
  at: number;
}

/** Does this step's frame show the learner something new? (simulator.ts gives the page's rule.) */
export type StepStop = (frame: FrameMessage) => boolean;

/** Engine events one Step may run while looking for a visible change. */
export const MAX_STEP_EVENTS = 400;
/** Step presses waiting while a Step is still running. */
const MAX_QUEUED_STEPS = 4;

type HeadRequest = Extract<Request, { type: 'seek' | 'undoFork' }>;

/** A request the worker could not answer (the engine threw while running it). */
export class WorkerRequestError extends Error {
  constructor(
    message: string,
    readonly engineError: EngineError | null,
  ) {
    super(message);
    this.name = 'WorkerRequestError';
  }
}

export class SimClient {
  readonly pacer = new Pacer();
  /** Requests waiting for their answer: a reply resolves one, a failure report rejects it. */
  private pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private nextRequestId = 1;
  private frameHandle: number | null = null;
  /** When the oldest unanswered advance was sent (wall ms), for the stuck-worker watchdog. */
  private advanceSentAt: number | null = null;
  private lastWall: number | null = null;
  private lastViewWall = -Infinity;
  /** Between asking for a new scenario and receiving its first frame: do not advance. */
  private loading = false;
  private source: LoadSource = { kind: 'default' };
  private engineNow = 0;
  private frameListeners = new Set<FrameListener>();
  private tickListeners = new Set<TickListener>();
  private dispatchListeners = new Set<DispatchListener>();
  /** A seek or an undoFork is on its way; its frame has not arrived yet. */
  private moving = false;
  /** The newest seek asked for while one was on its way (older ones are dropped). */
  private queuedMove: {
    request: HeadRequest;
    resolve: (result: SeekResult | null) => void;
  } | null = null;
  /** The timeline is being dragged: time stands still under the pointer. */
  private scrubbing = false;
  /** A Step running event by event to the next visible change. */
  private stepping: { before: PlayheadMoment | null; left: number } | null = null;
  private queuedSteps = 0;
  /** Where each Step started and ended, newest last, for Step back. */
  private stepTrail: { before: PlayheadMoment; after: PlayheadMoment }[] = [];
  private head: PlayheadMoment = { position: 0, applied: 0, at: 0 };
  /** Which step frames end a Step. The default: anything at all changed. */
  stepStops: StepStop = (frame) =>
    frame.events.length > 0 ||
    frame.changes !== null ||
    frame.fast !== null ||
    frame.flights.length > 0 ||
    frame.lostFlights.length > 0;

  constructor(
    readonly store: SimStore,
    private transport: Transport,
    private readonly scheduler: FrameScheduler,
    /** Makes a new worker for restart(); none in tests that never restart. */
    private readonly newTransport: (() => Transport) | null = null,
  ) {}

  /** Receive every frame from now on, after the listeners that subscribed earlier. Returns the
   * way out: call it to stop receiving. */
  onFrame(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  /** Be told of every command the worker answered (a fork notice listens here). */
  onDispatch(listener: DispatchListener): () => void {
    this.dispatchListeners.add(listener);
    return () => this.dispatchListeners.delete(listener);
  }

  /** Be called once per animation frame, after the listeners that subscribed earlier. */
  onTick(listener: TickListener): () => void {
    this.tickListeners.add(listener);
    return () => this.tickListeners.delete(listener);
  }

  /** Say hello, load the first scenario and start the animation-frame loop. */
  start(source: LoadSource = { kind: 'default' }): Promise<LoadResult> {
    this.connect();
    const loaded = this.load(source);
    this.frameHandle = this.scheduler.request(this.tick);
    return loaded;
  }

  private connect(): void {
    this.transport.listen(
      (message) => this.onMessage(message),
      (message) =>
        this.store.setState({
          status: 'error',
          error: message,
          workerTrouble: { kind: 'crashed', message },
          playing: false,
        }),
    );
    this.transport.post({ type: 'hello', protocol: PROTOCOL_VERSION });
  }

  /**
   * A stuck or crashed worker: end it, start a new one and load `scenario` (the last good
   * moment of the session, its command log included) or, without one, the scenario again.
   */
  restart(scenario: unknown = null): Promise<LoadResult> {
    if (!this.newTransport) throw new Error('this client cannot make a new worker');
    this.transport.close();
    // Requests the old worker never answered stay unanswered; nothing waits on them any more.
    this.pending.clear();
    this.loading = false;
    this.moving = false;
    this.queuedMove = null;
    this.stepping = null;
    this.queuedSteps = 0;
    this.advanceSentAt = null;
    this.transport = this.newTransport();
    this.store.setState({ workerTrouble: null, error: null, engineError: null });
    this.connect();
    return scenario === null
      ? this.load(this.source)
      : this.load({ kind: 'scenario', scenario }, { remember: false });
  }

  /**
   * Lets go of the engine for a while: a hidden page showing `npm run broker`'s cluster gets no
   * animation frames, so the broker runs its clock by itself meanwhile. restart() takes it up.
   */
  suspend(): void {
    this.transport.close();
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
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.transport.post({ type: 'request', id, request });
    });
  }

  /**
   * Load a scenario. A recorded session (a shared link, an exported file) opens paused at its
   * play head. `remember: false` keeps Reset going back to what was loaded before (an undone
   * Reset loads the old session, but it is still the same scenario).
   */
  async load(source: LoadSource, { remember = true } = {}): Promise<LoadResult> {
    this.loading = true;
    this.stepTrail = [];
    const result = await this.request({ type: 'load', source });
    if (result.ok) {
      if (remember) this.source = source;
      if (result.playhead !== null) this.setPlaying(false);
      this.store.setState({
        scenarioTitle: result.title,
        scenarioId:
          this.source.kind === 'builtin'
            ? this.source.id
            : this.source.kind === 'default'
              ? 'default'
              : null,
        scenarioDescription: result.description,
      });
    } else {
      this.loading = false;
    }
    return result;
  }

  /**
   * Start the scenario again from its beginning, without the commands given since (a shared
   * session goes back to the scenario it was recorded on).
   */
  async reset(): Promise<LoadResult> {
    if (this.source.kind === 'default' || this.source.kind === 'builtin') {
      return this.load(this.source);
    }
    const { scenario } = await this.exportSession();
    return this.load(
      { kind: 'scenario', scenario: withoutRecording(scenario) },
      { remember: false },
    );
  }

  async dispatch(command: Command): Promise<SessionDispatchResult> {
    const result = await this.request({ type: 'dispatch', command });
    for (const listener of this.dispatchListeners) listener(command, result);
    return result;
  }

  view(): Promise<ClusterView> {
    return this.request({ type: 'view' });
  }

  scenarios(): Promise<ScenarioSummary[]> {
    return this.request({ type: 'scenarios' });
  }

  // ------------------------------------------------------------------------------------------
  // The timeline
  // ------------------------------------------------------------------------------------------

  /** The recorded range, the play head and the markers. */
  timeline(): Promise<TimelineData> {
    return this.request({ type: 'timeline' });
  }

  // ------------------------------------------------------------------------------------------
  // Lessons (the runner is in the worker; lessonSlice.ts shows it)
  // ------------------------------------------------------------------------------------------

  lessons(): Promise<LessonSummary[]> {
    return this.request({ type: 'lessons' });
  }

  /** Load a lesson's world (like `load`) and begin its first step. */
  async startLesson(id: string): Promise<ReplyValues['lessonStart']> {
    this.loading = true;
    this.stepTrail = [];
    const result = await this.request({ type: 'lessonStart', id });
    if (!result.ok || !result.load.ok) {
      this.loading = false;
      return result;
    }
    this.store.setState({
      scenarioTitle: result.load.title,
      scenarioId: null,
      scenarioDescription: result.load.description,
    });
    return result;
  }

  async lessonControl(action: LessonAction): Promise<ReplyValues['lessonControl']> {
    this.stepTrail = [];
    // Back moves the play head like a seek: no advance may be asked for from the old time until
    // its frame has come (it would run the world forward again from where Back put it).
    const moves = action === 'back';
    if (moves) this.moving = true;
    let result: ReplyValues['lessonControl'];
    try {
      result = await this.request({ type: 'lessonControl', action });
    } catch (error) {
      if (moves) this.moveDone();
      throw error;
    }
    if (moves && !result.ok) this.moveDone();
    return result;
  }

  /** The session as a scenario file and as a share-link fragment. */
  exportSession(): Promise<ExportedSession> {
    return this.request({ type: 'exportSession' });
  }

  /**
   * Move the play head. One move is on its way at a time; while it is, a newer one replaces any
   * that waits (scrubbing asks for many: only the latest is worth running). Resolves null when
   * replaced or when nothing is loaded.
   */
  seek(target: SeekTarget): Promise<SeekResult | null> {
    return this.move({ type: 'seek', target });
  }

  /** Bring back the future the last fork dropped (the play head goes to the fork point). */
  async undoFork(): Promise<boolean> {
    const result = await this.move({ type: 'undoFork' });
    return result?.ok ?? false;
  }

  /** The timeline is being dragged (true) or let go (false): no time passes meanwhile. */
  setScrubbing(scrubbing: boolean): void {
    this.scrubbing = scrubbing;
    if (!scrubbing) this.pacer.restartFrameClock();
  }

  /** Where the play head stands, as the last frame said. */
  get playhead(): PlayheadMoment {
    return this.head;
  }

  /** Undo the last Step (if the play head is still where it left it), else go one event back. */
  stepBack(): Promise<SeekResult | null> {
    this.setPlaying(false);
    const last = this.stepTrail.at(-1);
    if (last && sameMoment(last.after, this.head)) {
      this.stepTrail.pop();
      return this.seek({ kind: 'moment', position: last.before.position, at: last.before.at });
    }
    this.stepTrail = [];
    return this.seek({ kind: 'stepBack' });
  }

  private move(request: HeadRequest): Promise<SeekResult | null> {
    if (this.store.getState().status !== 'ready' || this.loading) return Promise.resolve(null);
    return new Promise((resolve) => {
      if (this.moving) {
        this.queuedMove?.resolve(null);
        this.queuedMove = { request, resolve };
        return;
      }
      this.sendMove(request, resolve);
    });
  }

  private sendMove(request: HeadRequest, resolve: (result: SeekResult | null) => void): void {
    this.moving = true;
    // A move ends any Step under way: its remaining events would run from the new place.
    this.stepping = null;
    const answered = (ok: boolean, result: SeekResult | null) => {
      // A move that went somewhere is over when its frame arrives (receiveFrame); one that did
      // not is over now.
      if (!ok) this.moveDone();
      resolve(result);
    };
    // A move the engine could not finish (a runaway while replaying) went nowhere: the banner
    // says why, and the next move may go.
    const failed = () => answered(false, null);
    if (request.type === 'seek') {
      this.request(request).then((result) => answered(result.ok, result), failed);
    } else {
      this.request(request).then(
        ({ ok }) =>
          answered(ok, { ok, now: this.head.at, position: this.head.position, markers: [] }),
        failed,
      );
    }
  }

  private moveDone(): void {
    this.moving = false;
    const next = this.queuedMove;
    this.queuedMove = null;
    if (next) this.sendMove(next.request, next.resolve);
    else if (this.queuedSteps > 0) {
      this.queuedSteps--;
      this.step();
    }
  }

  /** The engine's metric samples at the play head (design.md 3.9). */
  metrics(fromT?: number): Promise<MetricsHistory> {
    return this.request({ type: 'metrics', fromT });
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

  /**
   * A port to the engine worker's lab sockets, for the code lab's worker (the other end goes to
   * the engine worker), or null where there is no engine worker.
   */
  openLabPort(): MessagePort | null {
    if (!this.transport.labPort) return null;
    const channel = new MessageChannel();
    this.transport.labPort(channel.port2);
    return channel.port1;
  }

  togglePlaying(): void {
    this.setPlaying(!this.store.getState().playing);
  }

  /**
   * Run to the next engine event that changes the picture or the log (pauses first: stepping is
   * for looking closely). One engine event is often a timer with nothing to see, so the client
   * asks for events one by one until a frame shows something (`stepStops`).
   */
  step(): void {
    this.setPlaying(false);
    if (this.store.getState().status !== 'ready' || this.loading) return;
    if (this.stepping || this.moving) {
      this.queuedSteps = Math.min(MAX_QUEUED_STEPS, this.queuedSteps + 1);
      return;
    }
    this.stepping = { before: null, left: MAX_STEP_EVENTS };
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
    // The worker answers an advance within a frame or two; silence this long means it is stuck
    // (a loop the engine's budget did not catch, a browser that stopped it).
    if (
      this.advanceSentAt !== null &&
      wall - this.advanceSentAt > STUCK_AFTER_MS &&
      state.workerTrouble === null
    ) {
      this.store.setState({
        workerTrouble: { kind: 'stuck', seconds: STUCK_AFTER_MS / 1000 },
        playing: false,
      });
    }
    const running =
      state.playing &&
      state.status === 'ready' &&
      !this.loading &&
      !this.moving &&
      !this.scrubbing &&
      !this.stepping;
    if (running) {
      const target = this.pacer.nextTarget(wall, state.speed);
      if (target !== null) {
        const withView = wall - this.lastViewWall >= this.viewIntervalMs();
        if (withView) this.lastViewWall = wall;
        this.transport.post({ type: 'advance', to: target, withView });
        this.advanceSentAt ??= wall;
      }
    }
    const displayNow = this.pacer.displayTime(wall, state.speed, running);
    for (const listener of this.tickListeners) listener({ wall, dt, running, displayNow });
  };

  private onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this.store.setState({
          engineVersion: message.engineVersion,
          brokerBasePort: message.brokerBasePort,
        });
        return;
      case 'error': {
        // An error without a request id answers the advance (or step) that ran into it.
        if (message.requestId === undefined) this.advanceSentAt = null;
        this.store.setState(
          message.fatal
            ? { status: 'error', error: message.message, playing: false }
            : { error: message.message, engineError: message.error ?? null, playing: false },
        );
        // The request that ran into it is answered with the error, not left waiting.
        if (message.requestId === undefined) return;
        const waiting = this.pending.get(message.requestId);
        this.pending.delete(message.requestId);
        waiting?.reject(new WorkerRequestError(message.message, message.error ?? null));
        return;
      }
      case 'reply': {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        waiting?.resolve(message.value);
        return;
      }
      case 'frame':
        this.receiveFrame(message);
        return;
    }
  }

  private receiveFrame(frame: FrameMessage): void {
    const wall = this.scheduler.now();
    if (frame.cause === 'load' || frame.cause === 'seek') {
      // A new world, or the play head moved (maybe back): the clock starts over there.
      this.pacer.reset(frame.now, wall);
      if (frame.cause === 'load') this.loading = false;
    } else if (frame.cause === 'advance') {
      this.pacer.confirm(frame.now, wall);
    } else {
      this.pacer.jumpTo(frame.now, wall);
    }
    // Only the answer to the advance ends the watchdog's wait: a reply to an earlier request can
    // arrive from a worker that got stuck right after sending it.
    if (!this.pacer.inFlight) this.advanceSentAt = null;
    const before = this.head;
    this.engineNow = frame.now;
    this.head = {
      position: frame.session?.position ?? 0,
      applied: frame.session?.applied ?? 0,
      at: frame.now,
    };
    const info: FrameInfo = { wall, confirmedNow: this.pacer.confirmedNow };
    for (const listener of this.frameListeners) listener(frame, info);
    if (frame.cause === 'seek' && this.moving) this.moveDone();
    if (frame.cause === 'step') this.stepped(frame, before);
    else if (frame.cause !== 'seek') this.stepTrail = [];
  }

  /** One event of a Step ran: stop if it showed something, else ask for the next one. */
  private stepped(frame: FrameMessage, before: PlayheadMoment): void {
    const stepping = this.stepping;
    if (!stepping) return;
    stepping.before ??= before;
    stepping.left--;
    const stuck = frame.nextEventTime === null || sameMoment(before, this.head);
    if (!this.stepStops(frame) && stepping.left > 0 && !stuck) {
      this.transport.post({ type: 'step' });
      return;
    }
    this.stepping = null;
    if (!sameMoment(stepping.before, this.head)) {
      this.stepTrail.push({ before: stepping.before, after: this.head });
    }
    if (this.queuedSteps > 0) {
      this.queuedSteps--;
      this.step();
    }
  }
}

function sameMoment(a: PlayheadMoment, b: PlayheadMoment): boolean {
  return a.position === b.position && a.applied === b.applied && a.at === b.at;
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
    labPort: (port) => worker.postMessage({ type: 'labPort', port }, [port]),
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
