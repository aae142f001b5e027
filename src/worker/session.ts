// The session the worker host records (design.md 3.7): the scenario, every user command with its
// place in the event order, engine checkpoints and the markers of what happened. The play head
// can go back: a seek restores the latest checkpoint at or before the target and replays the
// recorded commands from there, so any moment comes back exactly as it was. Playing on from the
// past replays the recorded future; a command given in the past forks it (undoable once).
//
// Only the Engine facade is used: createEngine, restoreEngine, save, dispatch, step,
// nextEventTime, advanceTo (to move the clock), drainEvents and eventsRun.
import {
  createEngine,
  restoreEngine,
  SharedLogStore,
  type Command,
  type Engine,
  type EngineError,
  type Scenario,
  type SimEvent,
} from '../engine';
import type { Playhead, RecordedCommand, SessionParts } from '../scenario';
import {
  CheckpointStore,
  DEFAULT_CHECKPOINT_POLICY,
  thinnedTo,
  type Checkpoint,
  type CheckpointPolicy,
} from './checkpoints';
import {
  DEFAULT_MARKER_POLICY,
  MarkerList,
  type MarkerPolicy,
  type RemovedMarkers,
} from './markers';
import { compareMoments, START, type SessionMoment } from './moment';
import type {
  EventPlace,
  SeekResult,
  SeekTarget,
  SessionDispatchResult,
  SessionInfo,
  SessionMemory,
  TimelineData,
} from './protocol';

/**
 * What a shared log chunk weighs in a checkpoint's spacing, against writing it inline: a save
 * only compares a closed chunk with the kept one. Measured on 3 simulated days of the default
 * scene: at 1 (spaced as if saved whole) checkpoints thinned to one per day or so and seeks on
 * day 3 took 10-14 s; at 1/8 the cost per hour stays flat and those seeks take 2-4 s.
 */
const SHARED_SAVE_COST = 1 / 8;

/** The share of the checkpoint budget that the future kept to undo a fork may take. */
const UNDO_SHARE = 0.25;

/** A long replay keeps at most about this many network events (those still in the air). */
const TRAFFIC_KEPT = 4096;

/** The latest events of a seek's replay kept for the page's event log (traffic left out). */
export const REPLAYED_KEPT = 1000;

export interface SessionOptions {
  checkpoints?: Partial<CheckpointPolicy>;
  markers?: Partial<MarkerPolicy>;
}

/** A recorded command could not be replayed where it was recorded. */
export class ReplayError extends Error {
  constructor(
    readonly logIndex: number,
    message: string,
  ) {
    super(message);
    this.name = 'ReplayError';
  }
}

/** How far a run goes: the end of a sim millisecond, or a moment (`at: null`: right after the event). */
type Limit =
  | { kind: 'time'; ms: number }
  | { kind: 'moment'; position: number; at: number | null; applied: number };

/** Where a run's events go: to the page (playing), or away (seeking: only traffic is kept). */
type Sink = 'play' | 'seek';

interface ForkUndo {
  /** The moment the command was given at, before it. */
  at: SessionMoment;
  /** How many log entries that moment had applied. */
  keep: number;
  log: RecordedCommand[];
  checkpoints: Checkpoint[];
  markers: RemovedMarkers;
  end: SessionMoment;
}

export class Session {
  private engine: Engine;
  private log: RecordedCommand[] = [];
  /** Log entries the engine has applied. */
  private applied = 0;
  /** The furthest moment recorded. */
  private end: SessionMoment = START;
  private readonly checkpoints: CheckpointStore;
  /** The logs' older part, kept once for all checkpoints (engine/sim/sharedLogs.ts). */
  private readonly logs = new SharedLogStore();
  private readonly markers: MarkerList;
  /** Events of playing since the page last took them, and where in the history each happened. */
  private played: SimEvent[] = [];
  private playedPlaces: EventPlace[] = [];
  /** Network events seen by the last seek's replay (for the messages still in the air). */
  private traffic: SimEvent[] = [];
  /** The other events of the last seek's replay (the latest REPLAYED_KEPT), and their places. */
  private replayed: SimEvent[] = [];
  private replayedPlaces: EventPlace[] = [];
  private undo: ForkUndo | null = null;
  /** Where the last seek started its replay (for tests and benchmarks). */
  lastSeekFrom: 'head' | 'checkpoint' | 'scenario' | null = null;

  /** Throws EngineInputError for a scenario the engine cannot build. */
  constructor(
    readonly scenario: Scenario,
    options: SessionOptions = {},
  ) {
    this.checkpoints = new CheckpointStore(
      { ...DEFAULT_CHECKPOINT_POLICY, ...options.checkpoints },
      (kept) => this.logs.heldBytes(kept.map((c) => c.chunks)),
    );
    this.markers = new MarkerList({ ...DEFAULT_MARKER_POLICY, ...options.markers });
    this.engine = createEngine(scenario);
    // The setup events (brokers started, topics created) go to the page's first frame.
    this.played = this.engine.drainEvents();
    const place = this.place();
    this.playedPlaces = this.played.map(() => place);
  }

  /**
   * A recorded session (an exported file or a shared link) replayed to its last command, then
   * standing at its play head. If the recording does not fit this engine's run (an edited file,
   * another engine version), the commands are replayed by time instead, with a warning.
   */
  static replay(
    parts: SessionParts,
    options: SessionOptions = {},
  ): { session: Session; warnings: EngineError[] } {
    const warnings: EngineError[] = [];
    let session = new Session(parts.scenario, options);
    let exact = true;
    try {
      session.log = [...parts.log];
      const last = parts.log[parts.log.length - 1];
      if (last) {
        session.run(
          { kind: 'moment', position: last.afterSeq, at: last.at, applied: parts.log.length },
          'seek',
        );
      }
    } catch (error) {
      if (!(error instanceof ReplayError)) throw error;
      exact = false;
      const field = `actions[${parts.actionIndex[error.logIndex]}]`;
      warnings.push({
        code: 'RECORDING_REPLAYED_BY_TIME',
        message: `${field} ${error.message}: the recorded commands were replayed by time instead, so this run may differ from the one recorded`,
        field: `${field}.afterSeq`,
      });
      session = new Session(parts.scenario, options);
      parts.log.forEach((entry, i) => {
        session.run({ kind: 'time', ms: entry.at }, 'seek');
        const result = session.dispatch(entry.command);
        if (!result.ok) {
          warnings.push({
            code: 'RECORDED_COMMAND_FAILED',
            message: `actions[${parts.actionIndex[i]}] (${entry.command.type} at ${entry.at} ms) could not be replayed: ${result.error.message}`,
            field: `actions[${parts.actionIndex[i]}]`,
          });
        }
      });
    }
    if (parts.playhead) session.seekPlayhead(parts.playhead, exact);
    // The page's first frame shows the messages in the air there, and no events.
    session.played = session.inFlightAfterSeek();
    const place = session.place();
    session.playedPlaces = session.played.map(() => place);
    return { session, warnings };
  }

  /** The engine at the play head (read it; change it only through the session). */
  get current(): Engine {
    return this.engine;
  }

  get head(): SessionMoment {
    return { position: this.engine.eventsRun, at: this.engine.now, applied: this.applied };
  }

  /** The recorded command log, in the order the commands were given. */
  commandLog(): readonly RecordedCommand[] {
    return this.log;
  }

  // ------------------------------------------------------------------------------------------
  // Playing: the page's advance, step and commands
  // ------------------------------------------------------------------------------------------

  /** Run every event up to and including sim ms `ms` (replaying the recorded future, if any). */
  advanceTo(ms: number): void {
    this.run({ kind: 'time', ms: Math.floor(ms) }, 'play');
  }

  /** Run one engine event (after any recorded command due before it); false if none is left. */
  step(): boolean {
    const before = this.engine.eventsRun;
    this.run({ kind: 'moment', position: before + 1, at: null, applied: Infinity }, 'play');
    return this.engine.eventsRun > before;
  }

  /** Apply a user command now. In the past, it forks: the recorded future is dropped. */
  dispatch(command: Command): SessionDispatchResult {
    const head = this.head;
    const inPast = compareMoments(head, this.end) < 0;
    const result = this.engine.dispatch(command);
    if (!result.ok) return result;
    if (inPast) this.fork(head);
    this.log.push({ at: head.at, afterSeq: head.position, command });
    this.applied++;
    this.took(this.engine.drainEvents(), 'play', true);
    return inPast ? { ok: true, forked: true } : { ok: true };
  }

  /** Events of playing since the last call. */
  drainEvents(): SimEvent[] {
    return this.drainPlayed().events;
  }

  /** Events of playing since the last call, with the place in the history of each. */
  drainPlayed(): { events: SimEvent[]; places: EventPlace[] } {
    const played = { events: this.played, places: this.playedPlaces };
    this.played = [];
    this.playedPlaces = [];
    return played;
  }

  /** The play head's place: engine events run and recorded commands applied. */
  place(): EventPlace {
    return { position: this.engine.eventsRun, applied: this.applied };
  }

  // ------------------------------------------------------------------------------------------
  // Seeking
  // ------------------------------------------------------------------------------------------

  /** Move the play head within the recording (a target past its end stops at the end). */
  seek(target: SeekTarget): SeekResult {
    const end = this.end;
    switch (target.kind) {
      case 'time':
        this.jump({ kind: 'time', ms: Math.min(end.at, Math.max(0, Math.floor(target.at))) });
        return this.result(true);
      case 'moment': {
        const pastEnd =
          target.position > end.position ||
          (target.position === end.position && target.at !== undefined && target.at > end.at);
        this.jump(
          pastEnd
            ? { kind: 'moment', ...end }
            : {
                kind: 'moment',
                position: target.position,
                at: target.at ?? null,
                applied: Infinity,
              },
        );
        return this.result(true);
      }
      case 'stepBack': {
        const position = this.engine.eventsRun;
        if (position === 0) return this.result(false);
        this.jump({ kind: 'moment', position: position - 1, at: null, applied: Infinity });
        return this.result(true);
      }
      case 'marker': {
        const found =
          target.direction === 'next'
            ? this.markers.next(this.head)
            : this.markers.previous(this.head);
        if (!found) return this.result(false);
        this.jump({ kind: 'moment', ...found.at });
        return this.result(true, found.markers);
      }
    }
  }

  /** Move the play head to exactly `moment` (with its commands applied): a lesson's Back. */
  seekMoment(moment: SessionMoment): void {
    this.jump({ kind: 'moment', ...moment });
  }

  /** Drop the recorded future after the play head (kept for one undo, as a fork does). */
  dropFuture(): void {
    if (compareMoments(this.head, this.end) < 0) this.fork(this.head);
  }

  /**
   * Events put on the wire before the play head and still in the air there, from the last
   * seek's replay (messages sent before the checkpoint it started from are not among them).
   * Taking them empties the list.
   */
  inFlightAfterSeek(): SimEvent[] {
    const now = this.engine.now;
    const dropped = new Set<number>();
    for (const e of this.traffic) if (e.type === 'net.dropped') dropped.add(e.id);
    const flying = this.traffic.filter(
      (e) => e.type === 'net.sent' && e.deliverAt > now && !dropped.has(e.id),
    );
    this.traffic = [];
    return flying;
  }

  /**
   * The latest events (network traffic left out) that the last seek's replay ran, up to the play
   * head, with their places: the recent past at the new moment, for the page's event log (it
   * was not just played, so nothing should flash for it). Taking them empties the list.
   */
  replayedAfterSeek(): { events: SimEvent[]; places: EventPlace[] } {
    const kept = {
      events: this.replayed.slice(-REPLAYED_KEPT),
      places: this.replayedPlaces.slice(-REPLAYED_KEPT),
    };
    this.replayed = [];
    this.replayedPlaces = [];
    return kept;
  }

  /** Bring back the future the last fork dropped; the play head goes to the fork point. */
  undoFork(): boolean {
    const undo = this.undo;
    if (!undo) return false;
    this.undo = null;
    this.log = [...this.log.slice(0, undo.keep), ...undo.log];
    this.checkpoints.removeAfter(undo.at);
    this.checkpoints.reserve(0);
    this.checkpoints.putBack(undo.checkpoints);
    this.sweepLogs();
    this.markers.removeAfter(undo.at);
    this.markers.putBack(undo.markers);
    this.end = undo.end;
    this.jump({ kind: 'moment', ...undo.at });
    return true;
  }

  // ------------------------------------------------------------------------------------------
  // What the page reads
  // ------------------------------------------------------------------------------------------

  timeline(): TimelineData {
    return {
      start: 0,
      end: this.end.at,
      endPosition: this.end.position,
      now: this.engine.now,
      position: this.engine.eventsRun,
      markers: this.markers.list(),
      canUndoFork: this.undo !== null,
      checkpoints: { count: this.checkpoints.count, bytes: this.checkpointBytes() },
    };
  }

  info(): SessionInfo {
    return {
      position: this.engine.eventsRun,
      applied: this.applied,
      end: this.end.at,
      endPosition: this.end.position,
      markersRevision: this.markers.revision,
      canUndoFork: this.undo !== null,
    };
  }

  /** Bytes of checkpoints held, including those kept to undo a fork. */
  checkpointBytes(): number {
    const undo = this.undo?.checkpoints.reduce((sum, c) => sum + c.bytes, 0) ?? 0;
    return this.checkpoints.bytes + undo;
  }

  /**
   * What the session retains (issue 16): the world's logs (estimated by the engine) and the
   * recording's checkpoints, with the topic that holds the most.
   */
  memory(): SessionMemory {
    const engine = this.engine.memory();
    const recordingBytes = this.checkpointBytes();
    return {
      bytes: engine.logBytes + recordingBytes,
      logBytes: engine.logBytes,
      recordingBytes,
      topTopic: engine.topics[0] ?? null,
    };
  }

  /** The checkpoints kept (for tests and benchmarks). */
  checkpointList(): readonly Checkpoint[] {
    return this.checkpoints.list();
  }

  /** The play head as a scenario's `playhead`. */
  playhead(): Playhead {
    return { at: this.engine.now, afterSeq: this.engine.eventsRun };
  }

  // ------------------------------------------------------------------------------------------
  // The machinery
  // ------------------------------------------------------------------------------------------

  private seekPlayhead(playhead: Playhead, exact: boolean): void {
    if (exact && playhead.afterSeq !== undefined) {
      this.jump({
        kind: 'moment',
        position: playhead.afterSeq,
        at: playhead.at,
        applied: Infinity,
      });
    } else {
      this.jump({ kind: 'time', ms: Math.floor(playhead.at) });
    }
  }

  private result(ok: boolean, markers: SeekResult['markers'] = []): SeekResult {
    return { ok, now: this.engine.now, position: this.engine.eventsRun, markers };
  }

  /** Move the play head to `limit`: from the head if it is on the way, else from a checkpoint. */
  private jump(limit: Limit): void {
    const reached = (m: SessionMoment) =>
      limit.kind === 'time'
        ? m.at <= limit.ms
        : compareMoments(m, {
            position: limit.position,
            at: limit.at ?? Infinity,
            applied: limit.applied,
          }) <= 0;
    const checkpoint = this.checkpoints.latestWhere(reached);
    const head = this.head;
    // Without a time, a moment means "right after the event": a head at that position may be later.
    const headOnTheWay =
      limit.kind === 'moment' && limit.at === null ? head.position < limit.position : reached(head);
    const fromHead = headOnTheWay && (!checkpoint || compareMoments(head, checkpoint.moment) >= 0);
    if (!fromHead) this.restore(checkpoint);
    this.lastSeekFrom = fromHead ? 'head' : checkpoint ? 'checkpoint' : 'scenario';
    this.traffic = [];
    if (!fromHead) {
      // Running on from the head, what was replayed before it is still the past of the target.
      this.replayed = [];
      this.replayedPlaces = [];
    }
    this.played = [];
    this.playedPlaces = [];
    this.run(limit, 'seek');
  }

  private restore(checkpoint: Checkpoint | null): void {
    if (checkpoint) {
      this.engine = restoreEngine(JSON.parse(checkpoint.state), this.logs);
      this.applied = checkpoint.moment.applied;
    } else {
      this.engine = createEngine(this.scenario);
      this.engine.drainEvents();
      this.applied = 0;
    }
  }

  /** Run forward to `limit`, applying recorded commands at their places. */
  private run(limit: Limit, sink: Sink): void {
    for (;;) {
      const next = this.log[this.applied];
      if (next && this.commandWithin(next, limit)) {
        this.reach(next, sink);
        const result = this.engine.dispatch(next.command);
        if (!result.ok)
          throw new ReplayError(this.applied, `could not be replayed: ${result.error.message}`);
        this.applied++;
        this.took(this.engine.drainEvents(), sink, true);
        continue;
      }
      if (limit.kind === 'time') {
        for (
          let t = this.engine.nextEventTime();
          t !== null && t <= limit.ms;
          t = this.engine.nextEventTime()
        ) {
          this.stepOne(sink);
        }
        this.clockTo(limit.ms);
        return;
      }
      if (this.engine.eventsRun < limit.position) {
        if (!this.stepOne(sink)) return;
        continue;
      }
      if (limit.at !== null) this.clockTo(limit.at);
      return;
    }
  }

  private commandWithin(next: RecordedCommand, limit: Limit): boolean {
    if (limit.kind === 'time') return next.at <= limit.ms;
    if (next.afterSeq < limit.position) return true;
    return (
      next.afterSeq === limit.position &&
      this.engine.eventsRun === limit.position &&
      next.at <= (limit.at ?? this.engine.now) &&
      this.applied < limit.applied
    );
  }

  /** Run the engine to where `next` was given: after `afterSeq` events, at `at`. */
  private reach(next: RecordedCommand, sink: Sink): void {
    const mismatch = () =>
      new ReplayError(
        this.applied,
        `was recorded after ${next.afterSeq} events at ${next.at} ms, but this run is after ${this.engine.eventsRun} events at ${this.engine.now} ms there`,
      );
    while (this.engine.eventsRun < next.afterSeq) {
      const t = this.engine.nextEventTime();
      if (t === null || t > next.at) throw mismatch();
      this.stepOne(sink);
    }
    const t = this.engine.nextEventTime();
    const eventDueFirst = this.engine.now < next.at && t !== null && t <= next.at;
    if (this.engine.eventsRun > next.afterSeq || this.engine.now > next.at || eventDueFirst) {
      throw mismatch();
    }
    this.clockTo(next.at);
  }

  /** Move the clock forward to `ms` without running an event (stops just before the next one). */
  private clockTo(ms: number): void {
    const now = this.engine.now;
    if (ms <= now) return;
    const next = this.engine.nextEventTime();
    const to = next !== null && next <= ms ? next - 1 : ms;
    if (to <= now) return;
    this.engine.advanceTo(to);
    this.took([], 'seek', false);
  }

  private stepOne(sink: Sink): boolean {
    if (!this.engine.step()) return false;
    const live = this.took(this.engine.drainEvents(), sink, false);
    if (live && this.checkpoints.due(this.engine.eventsRun)) {
      this.checkpoints.add(
        this.head,
        this.engine.save(this.logs),
        (chunks) => this.logs.inlineTextBytes(chunks) * SHARED_SAVE_COST,
      );
      this.sweepLogs();
    }
    return true;
  }

  /** Route a step's or a command's events; past the recorded end, record. Returns whether live. */
  private took(events: SimEvent[], sink: Sink, byUser: boolean): boolean {
    const head = this.head;
    const live = compareMoments(head, this.end) > 0;
    if (live) {
      this.end = head;
      for (const e of events) this.markers.add(e, head, byUser);
    }
    if (sink === 'play') {
      const place = { position: head.position, applied: head.applied };
      for (const e of events) {
        this.played.push(e);
        this.playedPlaces.push(place);
      }
    } else {
      const place = { position: head.position, applied: head.applied };
      for (const e of events) {
        if (e.type === 'net.sent' || e.type === 'net.dropped') {
          this.traffic.push(e);
        } else {
          this.replayed.push(e);
          this.replayedPlaces.push(place);
        }
      }
      if (this.traffic.length > TRAFFIC_KEPT) this.traffic = this.inFlightAfterSeek();
      if (this.replayed.length > 2 * REPLAYED_KEPT) {
        this.replayed = this.replayed.slice(-REPLAYED_KEPT);
        this.replayedPlaces = this.replayedPlaces.slice(-REPLAYED_KEPT);
      }
    }
    return live;
  }

  /**
   * A command in the past: drop the recorded future after `at`, keeping it for one undo. Its
   * checkpoints are thinned to a share of the budget, and count against it while kept.
   */
  private fork(at: SessionMoment): void {
    const policy = this.checkpoints.policy;
    const checkpoints = thinnedTo(
      this.checkpoints.removeAfter(at),
      policy.budgetBytes * UNDO_SHARE,
      policy,
    );
    this.checkpoints.reserve(checkpoints.reduce((sum, c) => sum + c.bytes, 0));
    this.undo = {
      at: { ...at },
      keep: this.applied,
      log: this.log.splice(this.applied),
      checkpoints,
      markers: this.markers.removeAfter(at),
      end: this.end,
    };
    this.end = { ...at };
    this.sweepLogs();
  }

  /** Let the log store forget the chunks no checkpoint (kept or kept for the undo) names. */
  private sweepLogs(): void {
    const used: number[] = [];
    for (const c of this.checkpoints.list()) for (const id of c.chunks) used.push(id);
    for (const c of this.undo?.checkpoints ?? []) for (const id of c.chunks) used.push(id);
    this.logs.sweep(used);
  }
}
