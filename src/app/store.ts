// The simulator's structural state: brokers, topics, partitions (leaders, ISR), clients, groups.
// It changes a few times a second at most, and only the records that changed get new objects,
// so a component that subscribes to one record re-renders only when that record changes (the
// xyflow pattern: lists subscribe to ids, items to their record). Fast numbers (offsets ticking,
// messages in flight) live in the frame buffer instead.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { EngineError } from '../engine';
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
import type { Revocations } from './rebalance';

/** What the inspector shows. */
export type Selection =
  | { kind: 'broker'; id: number }
  | { kind: 'topic'; name: string }
  | { kind: 'partition'; key: string }
  | { kind: 'producer'; id: string }
  | { kind: 'group'; id: string }
  | { kind: 'consumer'; id: string };

/** The dialog that is open, if any. */
export type DialogState =
  | { kind: 'createTopic' }
  | { kind: 'addProducer' }
  | { kind: 'editProducer'; producerId: string }
  | { kind: 'addGroup' }
  | { kind: 'addConsumer'; groupId?: string }
  | { kind: 'about' }
  | { kind: 'shortcuts' };

export type SimStatus = 'starting' | 'ready' | 'error';

export interface SimState {
  status: SimStatus;
  engineVersion: string | null;
  /** A problem to show in a banner (worker failure, engine error). */
  error: string | null;
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

  selection: Selection | null;
  /** The topic the Delivery mode switch acts on. */
  deliveryTopic: string | null;
  dialog: DialogState | null;
  /** Draw heartbeats, metadata and group traffic, not only records. */
  showControlTraffic: boolean;
  /** The inspector and event log column; hidden gives the whole width to the scene. */
  sidePanelOpen: boolean;
  /** The engine refused the last action: shown until dismissed or replaced. */
  refusal: { id: number; error: EngineError } | null;
}

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;

export function initialSimState(): SimState {
  return {
    status: 'starting',
    engineVersion: null,
    error: null,
    scenarioTitle: null,
    scenarioDescription: null,
    scenarioId: null,
    playing: true,
    speed: 1,
    cluster: null,
    brokerIds: [],
    brokers: {},
    topicNames: [],
    topics: {},
    partitionKeys: [],
    partitions: {},
    producerIds: [],
    producers: {},
    groupIds: [],
    groups: {},
    consumerIds: [],
    consumers: {},
    revoked: {},
    selection: null,
    deliveryTopic: null,
    dialog: null,
    showControlTraffic: true,
    sidePanelOpen: true,
    refusal: null,
  };
}

export type SimStore = StoreApi<SimState>;

export function createSimStore(): SimStore {
  return createStore<SimState>(() => initialSimState());
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
  const next = {} as Record<K, T>;
  for (const id of nextIds) {
    const record = changed.get(id) ?? (full ? undefined : records[id]);
    if (record !== undefined) next[id] = record;
  }
  return { records: next, ids: nextIds };
}

/** Where each kind of entity keeps its ordered id list, and which field of a record is its id. */
const ENTITY_IDS = {
  brokers: { list: 'brokerIds', field: 'id' },
  topics: { list: 'topicNames', field: 'name' },
  partitions: { list: 'partitionKeys', field: 'key' },
  producers: { list: 'producerIds', field: 'id' },
  groups: { list: 'groupIds', field: 'id' },
  consumers: { list: 'consumerIds', field: 'id' },
} as const satisfies Record<EntityKind, { list: keyof SimState; field: string }>;

type EntityKind = 'brokers' | 'topics' | 'partitions' | 'producers' | 'groups' | 'consumers';
type AnyRecord = Record<string, unknown>;

/** The part of the state a frame's structural changes replace. */
export function applyViewChanges(state: SimState, changes: ViewChanges): Partial<SimState> {
  const out: Partial<SimState> = {};
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

  // Keep the selection and the delivery topic pointing at things that still exist.
  const next = { ...state, ...out };
  if (state.selection && !selectionExists(next, state.selection)) out.selection = null;
  if (!next.deliveryTopic || !next.topics[next.deliveryTopic]) {
    const first = next.topicNames.find((name) => !name.startsWith('__')) ?? null;
    if (first !== state.deliveryTopic) out.deliveryTopic = first;
  }
  return out;
}

/** Records applied to the store per animation frame when a change is big. */
export const CHANGES_PER_FRAME = 120;

const ENTITY_KINDS: readonly EntityKind[] = [
  'brokers',
  'topics',
  'partitions',
  'producers',
  'groups',
  'consumers',
];

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

export function selectionExists(state: SimState, selection: Selection): boolean {
  switch (selection.kind) {
    case 'broker':
      return selection.id in state.brokers;
    case 'topic':
      return selection.name in state.topics;
    case 'partition':
      return selection.key in state.partitions;
    case 'producer':
      return selection.id in state.producers;
    case 'group':
      return selection.id in state.groups;
    case 'consumer':
      return selection.id in state.consumers;
  }
}

export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  if (!a || !b) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---------------------------------------------------------------------------------------------
// The app's one store, and hooks to read it.
// ---------------------------------------------------------------------------------------------

export const simStore = createSimStore();

export function useSim<U>(selector: (state: SimState) => U): U {
  return useStore(simStore, selector);
}
