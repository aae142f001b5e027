// The simulation slice: what the engine and the worker reported (status, the scenario on show,
// brokers, topics, partitions, clients, groups) and the playback the client drives. Entities
// change a few times a second at most, and only the records that changed get new objects, so a
// component that subscribes to one record re-renders only when that record changes (the xyflow
// pattern: lists subscribe to ids, items to their record). Fast numbers (offsets ticking,
// messages in flight) live in the frame buffer instead.
import type {
  BrokerView,
  ClusterInfo,
  ConsumerInfo,
  EntityChanges,
  GroupInfo,
  PartitionInfo,
  ProducerInfo,
  TopicInfo,
  ViewChanges,
} from '../worker/protocol';
import { LAB_BASE_PORT } from '../worker/protocol';
import type { EngineError } from '../engine';
import { dict } from '../engine';
import type { Departures } from './departures';
import type { Revocations } from './rebalance';

export type SimStatus = 'starting' | 'ready' | 'error';

export interface SimulationState {
  status: SimStatus;
  engineVersion: string | null;
  /** Where the engine's real clients find broker 1 (127.0.0.1:port); the code lab needs it. */
  brokerBasePort: number;
  /** A problem to show in a banner (worker failure, engine error). */
  error: string | null;
  /** The engine's own error behind `error`, when it has one (a runaway world), to translate. */
  engineError: EngineError | null;
  scenarioTitle: string | null;
  scenarioDescription: string | null;
  /** The built-in scenario on show ('default', 'leader-election', …), or null for another one. */
  scenarioId: string | null;
  playing: boolean;
  /** Sim ms per wall ms: 0.1 .. 100. */
  speed: number;

  cluster: ClusterInfo | null;
  brokerIds: number[];
  brokers: Record<number, BrokerView>;
  topicNames: string[];
  topics: Record<string, TopicInfo>;
  partitionKeys: string[];
  partitions: Record<string, PartitionInfo>;
  producerIds: string[];
  producers: Record<string, ProducerInfo>;
  groupIds: string[];
  groups: Record<string, GroupInfo>;
  consumerIds: string[];
  consumers: Record<string, ConsumerInfo>;
  /** What each consumer gave up in the rebalance under way (from events, not the view). */
  revoked: Revocations;
  /** Consumers that left their group a while ago: fading, then gone from the picture. */
  departed: Departures;
}

export function initialSimulationState(): SimulationState {
  return {
    status: 'starting',
    engineVersion: null,
    brokerBasePort: LAB_BASE_PORT,
    error: null,
    engineError: null,
    scenarioTitle: null,
    scenarioDescription: null,
    scenarioId: null,
    playing: true,
    speed: 1,
    cluster: null,
    brokerIds: [],
    brokers: dict(),
    topicNames: [],
    topics: dict(),
    partitionKeys: [],
    partitions: dict(),
    producerIds: [],
    producers: dict(),
    groupIds: [],
    groups: dict(),
    consumerIds: [],
    consumers: dict(),
    revoked: dict(),
    departed: dict(),
  };
}

/**
 * A new scenario's first frame: the engine is ready and an old error is gone. The entities are
 * replaced by the frame's full snapshot, and the revocations by their own frame listener.
 */
export function simulationOnLoad(): Partial<SimulationState> {
  return { status: 'ready', error: null, engineError: null };
}

/** Merge one kind of entity: new objects only for changed records, ids only when they changed. */
function mergeEntities<T, K extends string | number>(
  records: Record<K, T>,
  ids: K[],
  changes: EntityChanges<T, K>,
  idOf: (record: T) => K,
  full: boolean,
): { records: Record<K, T>; ids: K[] } | null {
  if (!full && changes.changed.length === 0 && changes.ids === null) return null;
  const changed = new Map<K, T>(changes.changed.map((record) => [idOf(record), record]));
  const nextIds = changes.ids ?? ids;
  // No prototype: a producer called "__proto__" or "constructor" is just a key (dict.ts).
  const next = Object.create(null) as Record<K, T>;
  for (const id of nextIds) {
    const record = changed.get(id) ?? (full ? undefined : records[id]);
    if (record !== undefined) next[id] = record;
  }
  return { records: next, ids: nextIds };
}

type EntityKind = 'brokers' | 'topics' | 'partitions' | 'producers' | 'groups' | 'consumers';
type AnyRecord = Record<string, unknown>;

const ENTITY_KINDS: readonly EntityKind[] = [
  'brokers',
  'topics',
  'partitions',
  'producers',
  'groups',
  'consumers',
];

/** Where each kind of entity keeps its ordered id list, and which field of a record is its id. */
const ENTITY_IDS = {
  brokers: { list: 'brokerIds', field: 'id' },
  topics: { list: 'topicNames', field: 'name' },
  partitions: { list: 'partitionKeys', field: 'key' },
  producers: { list: 'producerIds', field: 'id' },
  groups: { list: 'groupIds', field: 'id' },
  consumers: { list: 'consumerIds', field: 'id' },
} as const satisfies Record<EntityKind, { list: keyof SimulationState; field: string }>;

/** The entities a frame's structural changes replace. */
export function mergeViewChanges(
  state: SimulationState,
  changes: ViewChanges,
): Partial<SimulationState> {
  const out: Partial<SimulationState> = {};
  if (changes.cluster) out.cluster = changes.cluster;
  for (const kind of ENTITY_KINDS) {
    const { list, field } = ENTITY_IDS[kind];
    const merged = mergeEntities(
      state[kind] as unknown as Record<string, AnyRecord>,
      state[list] as string[],
      changes[kind] as unknown as EntityChanges<AnyRecord, string>,
      (record) => record[field] as string,
      changes.full,
    );
    if (merged) Object.assign(out, { [kind]: merged.records, [list]: merged.ids });
  }
  return out;
}

/** Records applied to the store per animation frame when a change is big. */
export const CHANGES_PER_FRAME = 120;

/**
 * Cut a big change into pieces of at most `max` records. The first piece carries the id lists
 * (and the full-snapshot flag); the others only records. Until a record arrives, a component
 * whose id is listed simply draws nothing.
 */
export function splitChanges(changes: ViewChanges, max: number): ViewChanges[] {
  const total = ENTITY_KINDS.reduce((n, kind) => n + changes[kind].changed.length, 0);
  if (total <= max) return [changes];
  const pieces: ViewChanges[] = [];
  const empty = (first: boolean): ViewChanges => ({
    full: first && changes.full,
    cluster: first ? changes.cluster : null,
    brokers: { changed: [], ids: first ? changes.brokers.ids : null },
    topics: { changed: [], ids: first ? changes.topics.ids : null },
    partitions: { changed: [], ids: first ? changes.partitions.ids : null },
    producers: { changed: [], ids: first ? changes.producers.ids : null },
    groups: { changed: [], ids: first ? changes.groups.ids : null },
    consumers: { changed: [], ids: first ? changes.consumers.ids : null },
  });
  let piece = empty(true);
  let size = 0;
  for (const kind of ENTITY_KINDS) {
    for (const record of changes[kind].changed) {
      if (size === max) {
        pieces.push(piece);
        piece = empty(false);
        size = 0;
      }
      (piece[kind].changed as unknown[]).push(record);
      size++;
    }
  }
  pieces.push(piece);
  return pieces;
}
