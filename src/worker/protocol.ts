// Messages between the main thread and the engine worker. Versioned so that a stale tab and a
// new worker (or the other way round) fail loudly instead of misreading each other.
//
// The page asks, the worker answers; the worker has no clock of its own:
//   hello            -> ready | error (protocol mismatch)
//   advance {to}     -> frame         (run the engine up to sim time `to`)
//   step             -> frame         (run exactly one engine event)
//   request {id,...} -> reply {id}    (load, dispatch, view, partitionLog), then a frame when
//                                      the request changed the engine (load, dispatch)
import type {
  AssignorName,
  BrokerView,
  ClusterView,
  Command,
  ConfigEntry,
  ConsumerView,
  DispatchResult,
  EngineError,
  GroupView,
  LogRecordView,
  PartitionView,
  ProducerView,
  RecordRef,
  ReplicaView,
  SimEvent,
  SimplificationKey,
  TopicView,
} from '../engine';

export const PROTOCOL_VERSION = 2;

// ---------------------------------------------------------------------------------------------
// Page -> worker
// ---------------------------------------------------------------------------------------------

/** Where a scenario comes from. The worker parses and validates it, so the page never has to. */
export type LoadSource =
  | { kind: 'default' }
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
    };

export type ToWorker =
  | { type: 'hello'; protocol: number }
  /** Advance to sim time `to`. `withView`: also diff the view (the page throttles this). */
  | { type: 'advance'; to: number; withView: boolean }
  | { type: 'step' }
  | { type: 'request'; id: number; request: Request };

// ---------------------------------------------------------------------------------------------
// Worker -> page
// ---------------------------------------------------------------------------------------------

export type LoadResult =
  | { ok: true; title: string | null; description: string | null }
  | { ok: false; errors: EngineError[] };

/** What each request type answers. */
export interface ScenarioSummary {
  id: string;
  title: string;
  description: string;
}

export interface ReplyValues {
  load: LoadResult;
  dispatch: DispatchResult;
  view: ClusterView;
  scenarios: ScenarioSummary[];
  partitionLog: LogRecordView[];
}

export type ReplyMessage = {
  [K in keyof ReplyValues]: { type: 'reply'; id: number; request: K; value: ReplyValues[K] };
}[keyof ReplyValues];

export type FromWorker =
  | { type: 'ready'; protocol: number; engineVersion: string; now: number }
  | FrameMessage
  | ReplyMessage
  /** `fatal`: the page must not go on (protocol mismatch); otherwise the engine threw. */
  | { type: 'error'; message: string; fatal: boolean };

export interface FrameMessage {
  type: 'frame';
  cause: 'advance' | 'step' | 'dispatch' | 'load';
  now: number;
  nextEventTime: number | null;
  /** Engine events since the last frame, except network traffic (that is in `flights`). */
  events: SimEvent[];
  /** Messages put on the wire since the last frame, ready to animate. */
  flights: Flight[];
  /** Flights that were lost on the way (the link was cut or the receiver went down). */
  lostFlights: { id: number; at: number }[];
  /** Structure that changed (null when the page did not ask for the view this frame). */
  changes: ViewChanges | null;
  /** Fast-moving numbers that changed: offsets, positions, counters. */
  fast: FastChanges | null;
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
  presetConfig: ConfigEntry[];
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

export type { BrokerView, AssignorName };

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
    case 'request': {
      const r = m.request as Record<string, unknown> | undefined;
      if (typeof m.id !== 'number' || typeof r !== 'object' || r === null) {
        return 'request without an id or a body';
      }
      if (!['load', 'dispatch', 'view', 'scenarios', 'partitionLog'].includes(r.type as string)) {
        return `unknown request type ${String(r.type)}`;
      }
      return m as ToWorker;
    }
    default:
      return `unknown message type ${String(m.type)}`;
  }
}
