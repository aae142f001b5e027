// Messages between the main thread and the engine worker. Versioned so that a stale tab and a
// new worker (or the other way round) fail loudly instead of misreading each other.
//
// The page asks, the worker answers; the worker has no clock of its own:
//   hello            -> ready | error (protocol mismatch)
//   advance {to}     -> frame         (run the engine up to sim time `to`)
//   step             -> frame         (run exactly one engine event)
//   request {id,...} -> reply {id}    (load, dispatch, view, partitionLog, seek, timeline,
//                                      undoFork, exportSession), then a frame when the request
//                                      changed the engine or moved the play head (load,
//                                      dispatch, seek, undoFork)
//
// The worker records the session (design.md 3.7): every frame says where the play head stands in
// the recording; `seek` moves it (a frame with cause 'seek' follows), and a command given while it
// stands in the past forks the recording (`forked` in the dispatch reply; `undoFork` undoes it).
import type {
  BrokerView,
  ClusterView,
  Command,
  ConfigEntry,
  ConsumerView,
  EngineError,
  GroupView,
  LogRecordView,
  MetricsHistory,
  PartitionView,
  ProducerView,
  RecordRef,
  ReplicaView,
  Scenario,
  SimEvent,
  SimplificationKey,
  TopicView,
} from '../engine';
import type { FocusTarget, LocalText, Question } from '../lessons/types';

export const PROTOCOL_VERSION = 3;

// ---------------------------------------------------------------------------------------------
// Page -> worker
// ---------------------------------------------------------------------------------------------

/** Where a scenario comes from. The worker parses and validates it, so the page never has to. */
export type LoadSource =
  | { kind: 'default' }
  /** Show the world the host already runs (`npm run broker`'s engine); none yet: the default. */
  | { kind: 'current' }
  | { kind: 'builtin'; id: string }
  | { kind: 'scenario'; scenario: unknown }
  /** The part of a shared link after `#`. */
  | { kind: 'url'; fragment: string };

export type Request =
  | { type: 'load'; source: LoadSource }
  | { type: 'dispatch'; command: Command }
  | { type: 'view' }
  /** The built-in scenarios, to offer them in a menu. */
  | { type: 'scenarios' }
  | {
      type: 'partitionLog';
      topic: string;
      partition: number;
      brokerId?: number;
      fromOffset?: number;
      limit?: number;
    }
  /** The engine's per-second metric samples at the play head (those with t >= fromT). */
  | { type: 'metrics'; fromT?: number }
  /** Move the play head within the recording (a target past its end stops at the end). */
  | { type: 'seek'; target: SeekTarget }
  /** The recorded range, the play head and the markers, for the timeline bar. */
  | { type: 'timeline' }
  /** Bring back the future the last fork dropped (once); the play head goes to the fork point. */
  | { type: 'undoFork' }
  /** The session as a scenario (its actions carry the command log) and as a share-link fragment. */
  | { type: 'exportSession' }
  /** The course's lessons, for the lesson list (the course is loaded on demand). */
  | { type: 'lessons' }
  /** Load a lesson's world and start its first step (frames then carry `lesson`). */
  | { type: 'lessonStart'; id: string }
  /** The learner's buttons in a running lesson (`exit`: free play on in the same world). */
  | { type: 'lessonControl'; action: LessonAction };

export type LessonAction = 'next' | 'back' | 'showMe' | 'exit';

/** Where to seek. */
export type SeekTarget =
  /** The end of sim millisecond `at`: every event at or before it has run. */
  | { kind: 'time'; at: number }
  /**
   * Right after engine event number `position` (1 = the first). With `at`, the clock then stands
   * at `at` (a time before the next event), as in a recorded command's place.
   */
  | { kind: 'moment'; position: number; at?: number }
  /** The next or previous marker from the play head (it lands right after the marker's events). */
  | { kind: 'marker'; direction: 'next' | 'previous' }
  /** Back by one engine event: undoes a Step. */
  | { kind: 'stepBack' };

const REQUEST_TYPES = [
  'load',
  'dispatch',
  'view',
  'scenarios',
  'partitionLog',
  'metrics',
  'seek',
  'timeline',
  'undoFork',
  'exportSession',
  'lessons',
  'lessonStart',
  'lessonControl',
];

const LESSON_ACTIONS: readonly string[] = ['next', 'back', 'showMe', 'exit'];

/**
 * Where the code lab's clients find the brokers: broker N at 127.0.0.1:9092+N-1, as under
 * `npm run broker`, so the same program runs in both.
 */
export const LAB_HOST = '127.0.0.1';
export const LAB_BASE_PORT = 9092;

/** A real client's socket in the page (the code lab), named by the page. */
export type LabToWorker =
  | { type: 'lab'; action: 'connect'; socket: string; brokerId: number }
  | { type: 'lab'; action: 'write'; socket: string; bytes: Uint8Array }
  | { type: 'lab'; action: 'close'; socket: string };

/** What happened to a lab socket: the handshake's outcome, bytes for it, its end. */
export type LabFromWorker =
  | { type: 'lab'; socket: string; event: 'connected' | 'refused' | 'end' }
  | { type: 'lab'; socket: string; event: 'data'; bytes: Uint8Array };

export type ToWorker =
  | { type: 'hello'; protocol: number }
  | LabToWorker
  /** Advance to sim time `to`. `withView`: also diff the view (the page throttles this). */
  | { type: 'advance'; to: number; withView: boolean }
  | { type: 'step' }
  | { type: 'request'; id: number; request: Request };

// ---------------------------------------------------------------------------------------------
// Worker -> page
// ---------------------------------------------------------------------------------------------

export type LoadResult =
  | {
      ok: true;
      title: string | null;
      description: string | null;
      /**
       * Sim ms of the play head when the scenario was a recorded session that names one (a
       * shared link): the page should stay paused there. null for a plain scenario.
       */
      playhead: number | null;
      /** Problems that did not stop the load, e.g. a recorded command replayed by time only. */
      warnings: EngineError[];
    }
  | { ok: false; errors: EngineError[] };

/**
 * A dispatch's answer: the engine's, plus `forked: true` when the command was given in the past
 * and dropped the recorded future (absent otherwise, so the answer stays what it always was).
 */
export type SessionDispatchResult = { ok: true; forked?: true } | { ok: false; error: EngineError };

/** What a seek did. `ok: false`: nothing there (no marker that way, or already at the start). */
export interface SeekResult {
  ok: boolean;
  now: number;
  position: number;
  /** For a marker seek: the markers that end where it landed (one engine event can make several). */
  markers: TimelineMarker[];
}

/** What a learner should notice, for the timeline bar's markers. */
export type MarkerKind =
  /** The user's own command. */
  | 'command'
  /** A timed action of the scenario. */
  | 'action'
  /** A partition leader elected (clean or not), a partition offline, a new active controller. */
  | 'election'
  | 'isr'
  /** The controller fenced a broker. */
  | 'fencing'
  /** A truncation removed records that a producer had been told were written. */
  | 'data-lost'
  /** A producer gave a record up (no more retries). */
  | 'produce-failed'
  | 'rebalance';

export interface TimelineMarker {
  kind: MarkerKind;
  /** The first event (word it with describeEvent; `count` says how many like it follow). */
  event: SimEvent;
  /** Right after that event: engine events run, and sim ms. */
  position: number;
  at: number;
  /** Like events in one burst make one marker: how many, and the moment right after the last. */
  count: number;
  lastPosition: number;
  lastAt: number;
}

export interface TimelineData {
  /** Sim ms where the recording starts (always 0: the scenario's start). */
  start: number;
  /** Sim ms of the furthest moment recorded. */
  end: number;
  endPosition: number;
  /** The play head. */
  now: number;
  position: number;
  markers: TimelineMarker[];
  canUndoFork: boolean;
  /** Checkpoints kept, and their bytes (including those kept to undo a fork). */
  checkpoints: { count: number; bytes: number };
}

/**
 * A place in the session's history: engine events run, and recorded user commands applied. Along
 * one history both only grow, so places compare field by field (position first).
 */
export interface EventPlace {
  position: number;
  applied: number;
}

/** Where the play head stands in the recording; sent with every frame. */
export interface SessionInfo {
  position: number;
  /** Recorded commands applied at the play head (with `position`, the play head's EventPlace). */
  applied: number;
  end: number;
  endPosition: number;
  /** Changes whenever the markers change: ask for `timeline` again. */
  markersRevision: number;
  canUndoFork: boolean;
}

export interface ExportedSession {
  /** The scenario with the command log in its actions and the play head. */
  scenario: Scenario;
  /** `scenario=...`: put it after '#' in the app's URL to share the moment. */
  fragment: string;
}

/** What each request type answers. */
export interface ScenarioSummary {
  id: string;
  title: string;
  description: string;
}

export interface ReplyValues {
  load: LoadResult;
  dispatch: SessionDispatchResult;
  view: ClusterView;
  scenarios: ScenarioSummary[];
  partitionLog: LogRecordView[];
  metrics: MetricsHistory;
  seek: SeekResult;
  timeline: TimelineData;
  undoFork: { ok: boolean };
  exportSession: ExportedSession;
  lessons: LessonSummary[];
  lessonStart: { ok: true; lesson: LessonContent; load: LoadResult } | { ok: false; error: string };
  lessonControl: { ok: boolean; error?: string };
}

// ---------------------------------------------------------------------------------------------
// Lessons (design.md 3.8): the texts go to the page once; frames carry the runner's status.
// ---------------------------------------------------------------------------------------------

export interface LessonSummary {
  id: string;
  number: number;
  title: LocalText;
  summary: LocalText;
  minutes: number;
  steps: number;
}

export interface LessonContent extends LessonSummary {
  stepList: {
    id: string;
    /** With {{placeholders}}: filled from the status's `values`. */
    narration: LocalText;
    focus: FocusTarget[];
    /** The step has a Show me. */
    showMe: boolean;
  }[];
  /** The teaching models drawn beside the cluster, with their labels. */
  models: { id: string; title: LocalText }[];
  quiz: Question[];
}

export interface LessonStatus {
  id: string;
  /** The step shown (from 0); equal to `steps` at the quiz. */
  step: number;
  steps: number;
  phase: 'step' | 'quiz';
  /** Next is offered. */
  done: boolean;
  /** The narration's live numbers. */
  values: Record<string, string | number>;
  /** Whether the lesson wants the run going; follow it when `runRevision` changes. */
  running: boolean;
  runRevision: number;
  /** Sim ms of the event the step paused on, or null. */
  pausedAt: number | null;
  /**
   * Sim ms of the Metrics mark the lesson set: where the latest step so far with `mark: true`
   * began (null: none). The page sets the Metrics table's mark when it changes.
   */
  markAt: number | null;
  /** The teaching models' state, by model id. */
  models: Readonly<Record<string, unknown>>;
}

export type ReplyMessage = {
  [K in keyof ReplyValues]: { type: 'reply'; id: number; request: K; value: ReplyValues[K] };
}[keyof ReplyValues];

export type FromWorker =
  | {
      type: 'ready';
      protocol: number;
      engineVersion: string;
      now: number;
      /** Real clients find broker N at port brokerBasePort + N - 1 (the code lab maps back). */
      brokerBasePort: number;
    }
  | LabFromWorker
  | FrameMessage
  | ReplyMessage
  /**
   * `fatal`: the page must not go on (protocol mismatch); otherwise the engine threw. `error`:
   * the engine's own error when it has one (a runaway world), for the page to translate.
   */
  | {
      type: 'error';
      message: string;
      fatal: boolean;
      error?: EngineError;
      /** The request that failed this way (it gets no reply): the page answers its caller. */
      requestId?: number;
    };

export interface FrameMessage {
  type: 'frame';
  /** 'seek': the play head jumped (maybe backwards); drop what was drawn for the old moment. */
  cause: 'advance' | 'step' | 'dispatch' | 'load' | 'seek';
  now: number;
  nextEventTime: number | null;
  /** Engine events since the last frame, except network traffic (that is in `flights`). */
  events: SimEvent[];
  /**
   * Where each of `events` happened in the session's history (same order and length), so the
   * page can drop what lies after the play head when a seek moves it back.
   */
  places?: EventPlace[];
  /**
   * After a seek (or the load of a recorded session): the latest events its replay ran before
   * the play head (at most a thousand, network traffic left out), with their places. Not new,
   * so not in `events`: the page's log shows them as the recent past at the new moment.
   */
  replayed?: { events: SimEvent[]; places: EventPlace[] };
  /** Messages put on the wire since the last frame, ready to animate. */
  flights: Flight[];
  /** Flights that were lost on the way (the link was cut or the receiver went down). */
  lostFlights: { id: number; at: number }[];
  /** Structure that changed (null when the page did not ask for the view this frame). */
  changes: ViewChanges | null;
  /** Fast-moving numbers that changed: offsets, positions, counters. */
  fast: FastChanges | null;
  /** The play head in the recording (absent before a scenario is loaded). */
  session?: SessionInfo;
  /** The running lesson's state (absent when no lesson runs). */
  lesson?: LessonStatus;
  /** What the session retains, for the memory budget (absent before a scenario is loaded). */
  memory?: SessionMemory;
}

/**
 * Estimated heap bytes a session retains (issue 16; docs/engine.md "Budgets"): the world's logs
 * (each partition once: replicas share batches) and the recording's checkpoints. An account
 * kept by the engine, not a heap measurement (a worker cannot measure its own heap without
 * cross-origin isolation), so it is the same for the same session on every machine.
 */
export interface SessionMemory {
  bytes: number;
  logBytes: number;
  recordingBytes: number;
  /** The topic whose logs hold the most, or null when no topic holds any. */
  topTopic: { topic: string; bytes: number } | null;
}

/**
 * One message in flight, drawn from `sentAt` to `deliverAt`: the engine's `net.sent` event with
 * its record sample reduced to keys (to colour the dot) and a count of merged messages.
 */
export type Flight = Omit<
  Extract<SimEvent, { type: 'net.sent' }>,
  't' | 'type' | 'records' | 'recordCount'
> & {
  /** A sample of the record keys carried (at most a few), to colour the dot. */
  keys: (string | null)[];
  /** Records carried; 0 for control messages. */
  recordCount: number;
  /** How many wire messages this flight stands for (> 1 when merged to keep the picture calm). */
  merged: number;
};

// ---------------------------------------------------------------------------------------------
// The view, split by rate: structure (rarely changes, goes to the store) and fast numbers
// (change with every record, go to the frame buffer).
// ---------------------------------------------------------------------------------------------

export interface ClusterInfo {
  seed: number;
  preset: ClusterView['preset'];
  engineVersion: string;
  network: ClusterView['network'];
  controller: ClusterView['controller'];
  /** The KRaft quorum or the ZooKeeper ensemble, when the scenario has one (cluster.metadata). */
  metadata?: ClusterView['metadata'];
  presetConfig: ConfigEntry[];
  clusterConfig: ConfigEntry[];
  simplifications: SimplificationKey[];
}

export type TopicInfo = Omit<TopicView, 'partitions'> & { partitionCount: number };

export type ReplicaInfo = Pick<ReplicaView, 'brokerId' | 'role' | 'online' | 'inIsr'>;

export type PartitionInfo = Omit<
  PartitionView,
  'logStartOffset' | 'highWatermark' | 'logEndOffset' | 'replicaStates' | 'groups'
> & { key: string; replicaStates: ReplicaInfo[] };

export interface PartitionFast {
  logStartOffset: number;
  highWatermark: number;
  logEndOffset: number;
  replicas: {
    brokerId: number;
    logStartOffset: number;
    logEndOffset: number;
    highWatermark: number;
  }[];
  groups: PartitionView['groups'];
  /** The newest records of the leader's log (small scenes only), to colour the offset strip. */
  tail?: RecordRef[];
}

export type ProducerInfo = Omit<ProducerView, 'stats'>;
export type ProducerFast = ProducerView['stats'];

/** A group's offsets are not sent: the partitions' fast data already carries them. */
export type GroupInfo = Omit<GroupView, 'offsets'>;

export type ConsumerInfo = Omit<ConsumerView, 'positions' | 'lag' | 'consumed'>;
export type ConsumerFast = Pick<ConsumerView, 'positions' | 'lag' | 'consumed'>;

export type { BrokerView };

/** Changed records of one kind of entity. */
export interface EntityChanges<T, K> {
  /** Records that are new or changed. */
  changed: T[];
  /** The full ordered id list, when it changed (ids missing from it were removed). */
  ids: K[] | null;
}

export interface ViewChanges {
  /** A full snapshot (after load): the page drops whatever it had. */
  full: boolean;
  /** null: unchanged. */
  cluster: ClusterInfo | null;
  brokers: EntityChanges<BrokerView, number>;
  topics: EntityChanges<TopicInfo, string>;
  partitions: EntityChanges<PartitionInfo, string>;
  producers: EntityChanges<ProducerInfo, string>;
  groups: EntityChanges<GroupInfo, string>;
  consumers: EntityChanges<ConsumerInfo, string>;
}

export interface FastChanges {
  partitions: Record<string, PartitionFast>;
  producers: Record<string, ProducerFast>;
  consumers: Record<string, ConsumerFast>;
}

/** "orders-0": Kafka's own way of naming a partition. */
export function partitionKey(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

/** The inverse of partitionKey (topic names may contain '-', the number never does). */
export function parsePartitionKey(key: string): { topic: string; partition: number } | null {
  const dash = key.lastIndexOf('-');
  if (dash <= 0) return null;
  const partition = Number(key.slice(dash + 1));
  if (!Number.isInteger(partition) || partition < 0) return null;
  return { topic: key.slice(0, dash), partition };
}

// ---------------------------------------------------------------------------------------------
// A light shape check on what arrives from the page: a garbled message gets a clear error.
// ---------------------------------------------------------------------------------------------

export function checkToWorker(message: unknown): ToWorker | string {
  if (typeof message !== 'object' || message === null) return 'message is not an object';
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'hello':
      return typeof m.protocol === 'number' ? (m as ToWorker) : 'hello without a protocol number';
    case 'advance':
      return typeof m.to === 'number' && Number.isFinite(m.to)
        ? (m as ToWorker)
        : 'advance without a finite sim time';
    case 'step':
      return m as ToWorker;
    case 'lab': {
      if (typeof m.socket !== 'string' || m.socket === '') return 'lab message without a socket';
      if (m.action === 'connect')
        return Number.isInteger(m.brokerId) ? (m as ToWorker) : 'lab connect without a broker id';
      if (m.action === 'write')
        return m.bytes instanceof Uint8Array ? (m as ToWorker) : 'lab write without bytes';
      if (m.action === 'close') return m as ToWorker;
      return `unknown lab action ${String(m.action)}`;
    }
    case 'request': {
      const r = m.request as Record<string, unknown> | undefined;
      if (typeof m.id !== 'number' || typeof r !== 'object' || r === null) {
        return 'request without an id or a body';
      }
      if (!REQUEST_TYPES.includes(r.type as string)) {
        return `unknown request type ${String(r.type)}`;
      }
      if (r.type === 'lessonStart' && typeof r.id !== 'string') return 'lessonStart without an id';
      if (r.type === 'lessonControl' && !LESSON_ACTIONS.includes(r.action as string)) {
        return `unknown lesson action ${String(r.action)}`;
      }
      if (r.type === 'seek') {
        const problem = checkSeekTarget(r.target);
        if (problem) return problem;
      }
      return m as ToWorker;
    }
    default:
      return `unknown message type ${String(m.type)}`;
  }
}

function checkSeekTarget(target: unknown): string | null {
  if (typeof target !== 'object' || target === null) return 'seek without a target';
  const t = target as Record<string, unknown>;
  const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  const time = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  switch (t.kind) {
    case 'time':
      return time(t.at) ? null : 'seek to a time without a finite sim time >= 0';
    case 'moment':
      return count(t.position) && (t.at === undefined || time(t.at))
        ? null
        : 'seek to a moment without a whole position >= 0';
    case 'marker':
      return t.direction === 'next' || t.direction === 'previous'
        ? null
        : 'seek to a marker without a direction (next or previous)';
    case 'stepBack':
      return null;
    default:
      return `unknown seek target ${String(t.kind)}`;
  }
}
