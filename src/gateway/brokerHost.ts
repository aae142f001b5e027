// The engine of `npm run broker` (design.md 3.11): the same WorkerHost the page's worker runs,
// here in Node, with two kinds of visitors. Real clients reach it over TCP (tcp.ts), their
// sockets spoken for in the code lab's socket messages, so their requests are recorded commands
// of the session as the code lab's are. The app may attach over a WebSocket (appServer.ts) and
// then sees and drives this engine exactly as it drives its own worker: its play, pause, speed
// and timeline move this world. While no page is attached, the engine runs on the wall clock.
import type { ClusterView, Command, Scenario, SimEvent } from '../engine';
import { WorkerHost } from '../worker/host';
import type { FromWorker, LoadResult, Request, SessionDispatchResult } from '../worker/protocol';
import { TcpListeners } from './tcp';

/** The page's code lab sockets are named `page:<its name>` here (the TCP ones `tcp<n>`). */
const PAGE_SOCKET = 'page:';

/** The id of the host's own requests (the page's count up from 1). */
const OWN_REQUEST = -1;

/** How often the engine is brought up to the wall clock while no page drives it (ms). */
const PACE_MS = 2;

export interface BrokerHostOptions {
  host: string;
  /** Broker N listens on basePort + N - 1. */
  basePort: number;
  /** Told the cluster's events (traffic aside) as they happen. */
  onEvents?: (events: SimEvent[]) => void;
  /** A broker's port could not be opened after the start. */
  onError?: (error: unknown) => void;
}

/** The app in a browser, attached over a WebSocket. */
export interface PageLink {
  send(message: FromWorker): void;
  /** Ends the page's connection, saying why. */
  close(reason: string): void;
}

export class BrokerHost {
  readonly tcp: TcpListeners;
  private readonly worker: WorkerHost;
  private page: PageLink | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** The engine's time in the last frame. */
  private simNow = 0;
  /** The host answers a request at once: while one of ours runs, its answer is caught here. */
  private ownAnswers: FromWorker[] | null = null;
  /** The attached page's code lab sockets, by their names here. */
  private readonly pageSockets = new Set<string>();
  /** The ports follow the brokers once start() opened the first ones. */
  private listening = false;

  constructor(private readonly options: BrokerHostOptions) {
    this.tcp = new TcpListeners({
      host: options.host,
      basePort: options.basePort,
      send: (message) => this.worker.handle(message),
    });
    this.worker = new WorkerHost((message) => this.fromWorker(message), undefined, undefined, {
      host: options.host,
      basePort: options.basePort,
    });
    this.worker.attachLab((message) => {
      if (message.type !== 'lab') return;
      if (!message.socket.startsWith(PAGE_SOCKET)) return this.tcp.deliver(message);
      // The page's code lab: its socket, under the page's own name.
      if (message.event === 'end' || message.event === 'refused')
        this.pageSockets.delete(message.socket);
      this.page?.send({ ...message, socket: message.socket.slice(PAGE_SOCKET.length) });
    });
  }

  /**
   * Loads the scenario and opens a port for every running broker; rejects when a port is taken.
   * Without a page, the engine then runs on the wall clock.
   */
  async start(scenario: Scenario): Promise<LoadResult> {
    const answer = this.ownRequest({ type: 'load', source: { kind: 'scenario', scenario } });
    if (answer.type !== 'reply' || answer.request !== 'load') {
      const message = answer.type === 'error' ? answer.message : 'no answer';
      throw new Error(`the engine could not load the scenario: ${message}`);
    }
    if (!answer.value.ok) return answer.value;
    await this.tcp.listenFor(this.worker.runningBrokers());
    this.listening = true;
    this.runOnWallClock();
    return answer.value;
  }

  async stop(): Promise<void> {
    this.stopClock();
    this.listening = false;
    this.page?.close('the broker is shutting down');
    this.page = null;
    await this.tcp.stop();
  }

  brokers(): number[] {
    return this.worker.runningBrokers();
  }

  /** A user's command, as the app would give it (recorded in the session). */
  dispatch(command: Command): SessionDispatchResult {
    const answer = this.ownRequest({ type: 'dispatch', command });
    if (answer.type === 'reply' && answer.request === 'dispatch') return answer.value;
    throw new Error(answer.type === 'error' ? answer.message : 'no answer to a command');
  }

  view(): ClusterView {
    const answer = this.ownRequest({ type: 'view' });
    if (answer.type === 'reply' && answer.request === 'view') return answer.value;
    throw new Error(answer.type === 'error' ? answer.message : 'no view');
  }

  /** A page attached: from now on it drives the engine. An earlier page is let go. */
  attachPage(page: PageLink): void {
    this.page?.close('another page opened this engine');
    this.closePageSockets();
    this.page = page;
    this.stopClock();
  }

  /** The page went away: the cluster runs on, on the wall clock, for its real clients. */
  detachPage(page: PageLink): void {
    if (this.page !== page) return;
    this.page = null;
    this.closePageSockets();
    // A lesson the page was playing would hold the clock at its next pause: it ends with the page.
    this.ownRequest({ type: 'lessonControl', action: 'exit' });
    this.runOnWallClock();
  }

  /** A message from the attached page (already decoded). */
  fromPage(page: PageLink, message: unknown): void {
    if (this.page !== page) return;
    const lab = message as { type?: unknown; action?: unknown; socket?: unknown } | null;
    if (lab?.type === 'lab') {
      // The page's code lab: its sockets get names apart from the TCP clients'.
      if (typeof lab.socket !== 'string') return;
      const socket = PAGE_SOCKET + lab.socket;
      if (lab.action === 'connect') this.pageSockets.add(socket);
      if (lab.action === 'close') this.pageSockets.delete(socket);
      this.worker.handle({ ...lab, socket });
      return;
    }
    this.worker.handle(message);
  }

  /** The page's code lab program ran in the page: its connections end with the page. */
  private closePageSockets(): void {
    for (const socket of this.pageSockets)
      this.worker.handle({ type: 'lab', action: 'close', socket });
    this.pageSockets.clear();
  }

  private fromWorker(message: FromWorker): void {
    const answer = message.type === 'reply' || (message.type === 'error' && message.requestId);
    if (this.ownAnswers && answer) {
      this.ownAnswers.push(message);
      return;
    }
    if (message.type === 'frame') this.followFrame(message.now, message.cause, message.events);
    this.page?.send(message);
  }

  /** Keeps the ports in step with the brokers, and tells the console what happened. */
  private followFrame(now: number, cause: string, events: SimEvent[]): void {
    this.simNow = now;
    if (events.length > 0) this.options.onEvents?.(events);
    if (!this.listening) return;
    const failed = (error: unknown) => this.options.onError?.(error);
    if (cause === 'load' || cause === 'seek') {
      // Another world, or another moment of it: which brokers run may have changed wholesale.
      this.tcp.listenFor(this.worker.runningBrokers()).catch(failed);
      return;
    }
    for (const e of events) {
      // A broker whose process stops closes its port (the engine resets its connections).
      if (e.type === 'broker.stopped') this.tcp.unlisten(e.brokerId);
      if (e.type === 'broker.started') this.tcp.listen(e.brokerId).catch(failed);
    }
  }

  /** Sends the host a request of our own and returns its answer (the host answers at once). */
  private ownRequest(request: Request): FromWorker {
    const answers: FromWorker[] = [];
    this.ownAnswers = answers;
    try {
      this.worker.handle({ type: 'request', id: OWN_REQUEST, request });
    } finally {
      this.ownAnswers = null;
    }
    if (answers.length === 0) throw new Error('the engine did not answer');
    return answers[0];
  }

  private runOnWallClock(): void {
    this.stopClock();
    const wall0 = Date.now();
    const sim0 = this.simNow;
    this.timer = setInterval(() => {
      this.worker.handle({ type: 'advance', to: sim0 + (Date.now() - wall0), withView: false });
    }, PACE_MS);
  }

  private stopClock(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
