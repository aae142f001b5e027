// The worker host owns one recorded Session (and through it the Engine) and answers protocol
// messages. It has no timers and no globals, so Node tests drive it directly; engine.worker.ts
// only wires it to postMessage.
import {
  ENGINE_VERSION,
  EngineInputError,
  EngineRunawayError,
  type ClusterView,
  type Engine,
  type RecordRef,
  type SimEvent,
} from '../engine';
import { encodeScenarioForUrl, sessionScenario, splitSession } from '../scenario';
import { splitTraffic } from './flights';
import { LessonRunner, lessonContent, lessonSummary } from './lessonRunner';
import {
  checkToWorker,
  LAB_BASE_PORT,
  LAB_HOST,
  partitionKey,
  PROTOCOL_VERSION,
  type FrameMessage,
  type EventPlace,
  type FromWorker,
  type LessonAction,
  type LoadResult,
  type ReplyMessage,
  type Request,
} from './protocol';
import { scenarioSources, resolveScenario, type ScenarioSources } from './scenarios';
import { LabConnections, type BrokerAddress } from './lab';
import { Session, type SessionOptions } from './session';
import { isEmptyChanges, isEmptyFast, ViewDiffer } from './viewDiff';

export class WorkerHost {
  private session: Session | null = null;
  private differ = new ViewDiffer();
  /** The next view diff must be a full snapshot (nothing sent yet, or a new engine). */
  private fullViewDue = true;
  /** The lesson being played, if any (lessonRunner.ts). */
  private runner: LessonRunner | null = null;
  /** Events played and already shown to the runner, not yet sent in a frame. */
  private held: { events: SimEvent[]; places: EventPlace[] } = { events: [], places: [] };
  /** The code lab's sockets (real KafkaJS clients in the page), on the session's engine. */
  private readonly lab: LabConnections;
  /** The course, loaded on first use (it is not part of the initial bundle). */
  private course: Promise<typeof import('../lessons/course')> | null = null;

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly sources: ScenarioSources = scenarioSources,
    private readonly sessionOptions: SessionOptions = {},
    /** Where real clients are told the brokers are (the code lab's: as `npm run broker`'s). */
    private readonly brokerAddress: BrokerAddress = { host: LAB_HOST, basePort: LAB_BASE_PORT },
  ) {
    this.lab = new LabConnections(() => this.session, post, brokerAddress);
  }

  /** The code lab's worker speaks to the lab sockets over a port of its own from now on. */
  attachLab(post: (message: FromWorker) => void): void {
    this.lab.attach(post);
  }

  /** The brokers whose process runs at the play head (`npm run broker` listens for these). */
  runningBrokers(): number[] {
    const engine = this.engine;
    if (!engine) return [];
    return engine
      .view()
      .brokers.filter((b) => b.status === 'running')
      .map((b) => b.id);
  }

  /** The engine at the play head. */
  private get engine(): Engine | null {
    return this.session?.current ?? null;
  }

  handle(raw: unknown): void {
    const message = checkToWorker(raw);
    if (typeof message === 'string') {
      this.post({ type: 'error', message: `Bad message from the page: ${message}`, fatal: false });
      return;
    }
    try {
      switch (message.type) {
        case 'hello':
          this.hello(message.protocol);
          return;
        case 'advance':
          this.advance(message.to);
          this.lab.pump();
          this.post(this.frame('advance', message.withView));
          return;
        case 'step':
          this.session?.step();
          this.lab.pump();
          this.post(this.frame('step', true));
          return;
        case 'lab':
          this.lab.handle(message);
          return;
        case 'request':
          try {
            this.request(message.id, message.request);
          } catch (error) {
            this.reportFailure(error, message.id);
          }
          return;
      }
    } catch (error) {
      this.reportFailure(error);
    }
  }

  /**
   * The engine threw: a runaway world (its own error, which the page translates) or a bug.
   * Report it rather than dying silently; the page offers a reset or a restart.
   */
  private reportFailure(error: unknown, requestId?: number): void {
    const about = requestId === undefined ? {} : { requestId };
    if (error instanceof EngineRunawayError) {
      this.post({
        type: 'error',
        message: error.message,
        fatal: false,
        error: error.toEngineError(),
        ...about,
      });
      return;
    }
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.post({ type: 'error', message: `The engine stopped: ${text}`, fatal: false, ...about });
  }

  private hello(protocol: number): void {
    if (protocol !== PROTOCOL_VERSION) {
      this.post({
        type: 'error',
        message: `Protocol mismatch: page speaks v${protocol}, worker speaks v${PROTOCOL_VERSION}. Reload the page.`,
        fatal: true,
      });
      return;
    }
    this.post({
      type: 'ready',
      protocol: PROTOCOL_VERSION,
      engineVersion: ENGINE_VERSION,
      now: this.engine?.now ?? 0,
      brokerBasePort: this.brokerAddress.basePort,
    });
  }

  private request(id: number, request: Request): void {
    switch (request.type) {
      case 'load': {
        const rejoin = request.source.kind === 'current' && this.session !== null;
        // Showing the same world again keeps its clients' connections; a new world ends them.
        if (!rejoin) this.lab.reset();
        const value = rejoin ? this.rejoin() : this.load(request);
        this.reply({ type: 'reply', id, request: 'load', value });
        if (value.ok) this.post(this.frame('load', true));
        return;
      }
      case 'dispatch': {
        const value = this.session
          ? this.session.dispatch(request.command)
          : ({ ok: false, error: noEngine() } as const);
        this.reply({ type: 'reply', id, request: 'dispatch', value });
        if (value.ok) this.post(this.frame('dispatch', true));
        return;
      }
      case 'seek': {
        const session = this.needSession();
        const value = session.seek(request.target);
        if (value.ok) this.lab.reset();
        this.reply({ type: 'reply', id, request: 'seek', value });
        if (value.ok) this.post(this.frame('seek', true, session.inFlightAfterSeek()));
        return;
      }
      case 'timeline':
        this.reply({
          type: 'reply',
          id,
          request: 'timeline',
          value: this.needSession().timeline(),
        });
        return;
      case 'undoFork': {
        const session = this.needSession();
        const ok = session.undoFork();
        if (ok) this.lab.reset();
        this.reply({ type: 'reply', id, request: 'undoFork', value: { ok } });
        if (ok) this.post(this.frame('seek', true, session.inFlightAfterSeek()));
        return;
      }
      case 'exportSession': {
        const session = this.needSession();
        const scenario = sessionScenario(
          session.scenario,
          session.commandLog(),
          session.playhead(),
        );
        const value = { scenario, fragment: encodeScenarioForUrl(scenario) };
        this.reply({ type: 'reply', id, request: 'exportSession', value });
        return;
      }
      case 'view':
        this.reply({
          type: 'reply',
          id,
          request: 'view',
          value: this.needSession().current.view(),
        });
        return;
      case 'scenarios':
        this.reply({ type: 'reply', id, request: 'scenarios', value: this.sources.list() });
        return;
      case 'lessons':
        this.async(async () => {
          const { COURSE } = await this.loadCourse();
          this.reply({ type: 'reply', id, request: 'lessons', value: COURSE.map(lessonSummary) });
        }, id);
        return;
      case 'lessonStart':
        this.async(() => this.startLesson(id, request.id), id);
        return;
      case 'lessonControl':
        this.lessonControl(id, request.action);
        return;
      case 'metrics': {
        const value = this.engine
          ? this.engine.metrics(request.fromT)
          : { columns: [], samples: [] };
        this.reply({ type: 'reply', id, request: 'metrics', value });
        return;
      }
      case 'partitionLog': {
        const { topic, partition, brokerId, fromOffset, limit } = request;
        const value = this.engine
          ? this.engine.partitionLog(topic, partition, { brokerId, fromOffset, limit })
          : [];
        this.reply({ type: 'reply', id, request: 'partitionLog', value });
        return;
      }
    }
  }

  private loadCourse() {
    this.course ??= import('../lessons/course');
    return this.course;
  }

  /** Run an answer that needs the course; an engine bug is reported, as in handle(). */
  private async(run: () => Promise<void>, requestId?: number): void {
    run().catch((error: unknown) => this.reportFailure(error, requestId));
  }

  private async startLesson(id: number, lessonId: string): Promise<void> {
    const { findLesson } = await this.loadCourse();
    const lesson = findLesson(lessonId);
    if (!lesson) {
      const value = { ok: false as const, error: `no lesson with id ${lessonId}` };
      this.reply({ type: 'reply', id, request: 'lessonStart', value });
      return;
    }
    const load = this.load({
      type: 'load',
      source: { kind: 'scenario', scenario: lesson.scenario },
    });
    if (load.ok) this.runner = new LessonRunner(lesson, this.needSession());
    const value = { ok: true as const, lesson: lessonContent(lesson), load };
    this.reply({ type: 'reply', id, request: 'lessonStart', value });
    if (load.ok) this.post(this.frame('load', true));
  }

  private lessonControl(id: number, action: LessonAction): void {
    const runner = this.runner;
    if (!runner) {
      const value = { ok: false, error: 'no lesson is running' };
      this.reply({ type: 'reply', id, request: 'lessonControl', value });
      return;
    }
    // What was played before the learner pressed belongs to the step on show.
    this.collect();
    let value: { ok: boolean; error?: string };
    let cause: FrameMessage['cause'] = 'dispatch';
    switch (action) {
      case 'next':
        value = runner.next();
        break;
      case 'back':
        value = runner.back();
        cause = 'seek';
        break;
      case 'showMe':
        value = runner.showMe();
        break;
      case 'exit':
        this.runner = null;
        value = { ok: true };
        break;
    }
    this.reply({ type: 'reply', id, request: 'lessonControl', value });
    if (cause === 'seek' && value.ok) {
      this.held = { events: [], places: [] };
      this.post(this.frame('seek', true, this.needSession().inFlightAfterSeek()));
    } else {
      this.post(this.frame('dispatch', true));
    }
  }

  /**
   * Advance to `to`. While a lesson runs, event by event: its step may pause the run on one,
   * and the play head must stop right there.
   */
  private advance(to: number): void {
    const session = this.session;
    if (!session) return;
    const runner = this.runner;
    if (!runner) {
      session.advanceTo(to);
      return;
    }
    for (;;) {
      const next = session.current.nextEventTime();
      if (next === null || next > to) break;
      if (!session.step()) break;
      if (this.collect()) return;
    }
    session.advanceTo(to);
    if (!this.collect()) runner.advanceModels();
  }

  /** Take what the session played, show it to the runner; true if the lesson paused on it. */
  private collect(): boolean {
    if (!this.session) return false;
    const played = this.session.drainPlayed();
    // One by one: a spread of a big scene's stretch at 100x (tens of thousands of events)
    // overflowed the worker's stack.
    for (const e of played.events) this.held.events.push(e);
    for (const p of played.places) this.held.places.push(p);
    return this.runner?.take(played.events) ?? false;
  }

  private needSession(): Session {
    if (!this.session) throw new Error('no scenario loaded yet');
    return this.session;
  }

  /** A new page shows the world as it is: the next frame carries the whole view. */
  private rejoin(): LoadResult {
    const session = this.needSession();
    this.runner = null;
    this.collect();
    this.held = { events: [], places: [] };
    this.differ = new ViewDiffer();
    this.fullViewDue = true;
    return {
      ok: true,
      title: session.scenario.title ?? null,
      description: session.scenario.description ?? null,
      playhead: null,
      warnings: [],
    };
  }

  /** A plain scenario starts a new recording; a recorded session is replayed to its play head. */
  private load(request: Extract<Request, { type: 'load' }>): LoadResult {
    const resolved = resolveScenario(request.source, this.sources);
    if (!resolved.ok) return resolved;
    const parts = splitSession(resolved.scenario);
    const recorded = parts.log.length > 0 || parts.playhead !== null;
    let loaded: ReturnType<typeof Session.replay>;
    try {
      loaded = recorded
        ? Session.replay(parts, this.sessionOptions)
        : { session: new Session(parts.scenario, this.sessionOptions), warnings: [] };
    } catch (error) {
      if (error instanceof EngineInputError) return { ok: false, errors: error.errors };
      // A recorded session whose replay runs away: refused like bad input, the old world stays.
      if (error instanceof EngineRunawayError)
        return { ok: false, errors: [error.toEngineError()] };
      throw error;
    }
    this.session = loaded.session;
    this.runner = null;
    this.held = { events: [], places: [] };
    this.differ = new ViewDiffer();
    this.fullViewDue = true;
    return {
      ok: true,
      title: resolved.scenario.title ?? null,
      description: resolved.scenario.description ?? null,
      playhead: parts.playhead ? loaded.session.current.now : null,
      warnings: loaded.warnings,
    };
  }

  private reply(message: ReplyMessage): void {
    this.post(message);
  }

  /** The newest records of each partition, for small scenes (the big one shows no strips). */
  private tails(engine: Engine, view: ClusterView): Map<string, RecordRef[]> | undefined {
    const partitions = view.topics
      .filter((t) => !t.name.startsWith('__'))
      .flatMap((t) => t.partitions);
    if (partitions.length > TAIL_PARTITIONS) return undefined;
    const tails = new Map<string, RecordRef[]>();
    for (const p of partitions) {
      const from = Math.max(p.logStartOffset, p.logEndOffset - TAIL_RECORDS);
      const records = engine.partitionLog(p.topic, p.partition, {
        fromOffset: from,
        limit: TAIL_RECORDS,
      });
      tails.set(
        partitionKey(p.topic, p.partition),
        records.map((r) => ({ offset: r.offset, key: r.key })),
      );
    }
    return tails;
  }

  private frame(
    cause: FrameMessage['cause'],
    withView: boolean,
    inFlight?: SimEvent[],
  ): FrameMessage {
    const session = this.session;
    const engine = this.engine;
    if (!session || !engine) {
      return {
        type: 'frame',
        cause,
        now: 0,
        nextEventTime: null,
        events: [],
        flights: [],
        lostFlights: [],
        changes: null,
        fast: null,
      };
    }
    // After a seek, the page draws the messages in the air at the new moment, and no events.
    let played: { events: SimEvent[]; places: EventPlace[] };
    if (inFlight) played = { events: inFlight, places: [] };
    else {
      this.collect();
      played = this.held;
      this.held = { events: [], places: [] };
    }
    const traffic = splitTraffic(played.events);
    const places = played.places.filter((_, i) => !isTraffic(played.events[i]));
    let changes: FrameMessage['changes'] = null;
    let fast: FrameMessage['fast'] = null;
    let view: ClusterView | undefined;
    if (withView || this.fullViewDue) {
      view = engine.view();
      const diff = this.differ.diff(view, this.fullViewDue, this.tails(engine, view));
      this.fullViewDue = false;
      changes = isEmptyChanges(diff.changes) ? null : diff.changes;
      fast = isEmptyFast(diff.fast) ? null : diff.fast;
    }
    const replayed = session.replayedAfterSeek();
    return {
      type: 'frame',
      cause,
      now: engine.now,
      nextEventTime: engine.nextEventTime(),
      ...traffic,
      places,
      ...(replayed.events.length > 0 ? { replayed } : {}),
      changes,
      fast,
      session: session.info(),
      memory: session.memory(),
      ...(this.runner ? { lesson: this.runner.status(engine, view) } : {}),
    };
  }
}

function isTraffic(event: SimEvent): boolean {
  return event.type === 'net.sent' || event.type === 'net.dropped';
}

/** Records per partition sent for the offset strips. */
export const TAIL_RECORDS = 32;
/** Above this many partitions the scene draws no strips, so no tails are sent. */
export const TAIL_PARTITIONS = 60;

function noEngine() {
  return { code: 'NO_SCENARIO', message: 'no scenario is loaded yet' };
}
