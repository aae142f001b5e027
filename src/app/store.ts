// One simulator's store: a vanilla zustand store whose state is made of slices (zustand's slices
// pattern: the fields of every slice side by side, so a selector reads `s.brokers` or
// `s.selection` directly). Each slice is a file with its state type, its initial values and what
// a newly loaded scenario does to it:
//   simulation  simulationSlice.ts  what the engine reported (entities, status, scenario) and playback
//   ui          uiSlice.ts          what the person chose on this page (selection, dialog, panel…)
//   timeline    timelineSlice.ts    the timeline's markers and its Undo notice (timelineFeed.ts)
// Every simulator (createSimulator) has its own store; components reach theirs through
// <SimulatorProvider> and useSim(selector). There is no module-level store.
//
// Adding a slice (the timeline's play head and markers, the running lesson and its step):
//   1. write `timelineSlice.ts` exporting `TimelineState`, `initialTimelineState()` and
//      `timelineOnLoad()` (what loading a scenario does to it, `{}` for nothing);
//   2. add it to SliceStates and SLICES below; SimState follows, and stops compiling if two
//      slices share a field name;
//   3. feed it from a frame listener (`client.onFrame`, see simulator.ts) or from its own
//      actions, never by editing the client.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ViewChanges } from '../worker/protocol';
import {
  initialSimulationState,
  mergeViewChanges,
  simulationOnLoad,
  type SimulationState,
} from './simulationSlice';
import { initialLessonState, lessonOnLoad, type LessonState } from './lessonSlice';
import { initialTimelineState, timelineOnLoad, type TimelineState } from './timelineSlice';
import { initialUiState, keepUiInView, uiOnLoad, type UiState } from './uiSlice';
import { chartsOnLoad, initialChartsState, type ChartsState } from './chartsSlice';
import {
  initialReliabilityState,
  reliabilityOnLoad,
  type ReliabilityState,
} from './reliabilitySlice';
import { initialMemoryState, memoryOnLoad, type MemoryState } from './memory';

// The slices' types that the rest of the app names, from one place.
export type { DialogState, Selection } from './uiSlice';

/** Each slice's state, by slice name. */
export interface SliceStates {
  simulation: SimulationState;
  ui: UiState;
  timeline: TimelineState;
  lesson: LessonState;
  reliability: ReliabilityState;
  memory: MemoryState;
  charts: ChartsState;
}

interface Slice<S> {
  initial(): S;
  /** The fields a newly loaded scenario's first frame resets. */
  onLoad(): Partial<S>;
}

const SLICES: { [K in keyof SliceStates]: Slice<SliceStates[K]> } = {
  simulation: { initial: initialSimulationState, onLoad: simulationOnLoad },
  ui: { initial: initialUiState, onLoad: uiOnLoad },
  timeline: { initial: initialTimelineState, onLoad: timelineOnLoad },
  lesson: { initial: initialLessonState, onLoad: lessonOnLoad },
  reliability: { initial: initialReliabilityState, onLoad: reliabilityOnLoad },
  memory: { initial: initialMemoryState, onLoad: memoryOnLoad },
  charts: { initial: initialChartsState, onLoad: chartsOnLoad },
};

/** The field names that slice K shares with another slice (never, as it must be). */
type SharedFields = {
  [K in keyof SliceStates]: keyof SliceStates[K] &
    { [J in Exclude<keyof SliceStates, K>]: keyof SliceStates[J] }[Exclude<keyof SliceStates, K>];
}[keyof SliceStates];

/** Every slice's state in one intersection. */
type AllSlices = {
  [K in keyof SliceStates]: (state: SliceStates[K]) => void;
}[keyof SliceStates] extends (state: infer All) => void
  ? All
  : never;

/** The store's state: every slice's fields side by side. */
export type SimState = [SharedFields] extends [never]
  ? AllSlices
  : { error: 'two slices share a field'; fields: SharedFields };

export type SimStore = StoreApi<SimState>;

export function initialSimState(): SimState {
  return Object.assign({}, ...Object.values(SLICES).map((slice) => slice.initial())) as SimState;
}

/** What a newly loaded scenario's first frame resets, in every slice. */
export function stateOnLoad(): Partial<SimState> {
  return Object.assign({}, ...Object.values(SLICES).map((slice) => slice.onLoad()));
}

export function createSimStore(): SimStore {
  return createStore<SimState>(() => initialSimState());
}

/**
 * The part of the state a frame's structural changes replace: the entities, and the UI fields
 * that pointed at entities which are gone.
 */
export function applyViewChanges(state: SimState, changes: ViewChanges): Partial<SimState> {
  const entities = mergeViewChanges(state, changes);
  return { ...entities, ...keepUiInView(state, { ...state, ...entities }) };
}
