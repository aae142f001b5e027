// The UI slice: what the person chose on this page (the thing inspected, the dialog open, the
// delivery topic, what the scene draws, the side panel, presenter mode) and the refusal on show.
// Nothing here comes from the engine; it only has to keep pointing at things that still exist.
// Presenter mode, the hidden message kinds and the panel width are remembered (preferences.ts).
import type { EngineError } from '../engine';
import { SIDE_PANEL } from './preferences';
import type { SimulationState } from './simulationSlice';
import type { HiddenTraffic } from './traffic';
import { isInternalTopic } from '../engine/sim/internalTopics';
import { kraftOf, zookeeperOf } from './metadataMode';

/** What the inspector shows. */
export type Selection =
  | { kind: 'broker'; id: number }
  /** A KRaft controller node (1001..). */
  | { kind: 'controller'; id: number }
  /** A ZooKeeper server (ZooKeeper mode; 1..). */
  | { kind: 'zookeeper'; id: number }
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
  | { kind: 'resetOffsets'; groupId: string }
  | { kind: 'seek'; consumerId: string }
  | { kind: 'about' }
  | { kind: 'shortcuts' }
  /** The course: every lesson, with its progress in this browser. */
  | { kind: 'lessons' }
  /** Share, export and import; `errors`: an imported or dropped file could not be loaded. */
  | { kind: 'share'; errors?: EngineError[]; fileName?: string };

export interface UiState {
  selection: Selection | null;
  /** The topic the Delivery mode switch acts on. */
  deliveryTopic: string | null;
  dialog: DialogState | null;
  /** The message kinds the person chose to hide (or, in a big cluster, to show). */
  hiddenTraffic: HiddenTraffic;
  /** The inspector and event log column; hidden gives the whole width to the scene. */
  sidePanelOpen: boolean;
  /** Its width in CSS px (dragged by its handle). */
  sidePanelWidth: number;
  /** Large type for a projector: the side panel over the scene, one topic at a time. */
  presenter: boolean;
  /** The topic on show in presenter mode when there are several (null: the first). */
  sceneTopic: string | null;
  /** Presenter mode folds the build-and-break toolbar away; this unfolds it. */
  toolbarOpen: boolean;
  /** The engine refused the last action: shown until dismissed or replaced. */
  refusal: { id: number; error: EngineError } | null;
  /** A shared link (or the scenario in the address) did not load: every reason, until dismissed. */
  loadFailure: { id: number; errors: EngineError[] } | null;
  /**
   * Lost acknowledged records the person has dismissed, per partition ("topic-N"): the sim time
   * of the newest loss dismissed. Records lost later show again (dataLoss.ts).
   */
  dismissedLoss: Record<string, number>;
  /** The code lab (real KafkaJS code against this cluster) is open. */
  labOpen: boolean;
  /** The engine shown is `npm run broker`'s at this WebSocket address, not the page's own. */
  remoteEngine: string | null;
}

export function initialUiState(): UiState {
  return {
    selection: null,
    deliveryTopic: null,
    labOpen: false,
    remoteEngine: null,
    dialog: null,
    hiddenTraffic: {},
    sidePanelOpen: true,
    sidePanelWidth: SIDE_PANEL.initial,
    presenter: false,
    sceneTopic: null,
    toolbarOpen: false,
    refusal: null,
    loadFailure: null,
    dismissedLoss: {},
  };
}

/** A new scenario: nothing of the old one stays selected or dismissed. */
export function uiOnLoad(): Partial<UiState> {
  return { selection: null, dismissedLoss: {} };
}

/**
 * After the entities changed: keep the selection and the delivery topic pointing at things that
 * still exist (the delivery topic falls back to the first topic that is not internal).
 */
export function keepUiInView(ui: UiState, sim: SimulationState): Partial<UiState> {
  const out: Partial<UiState> = {};
  if (ui.selection && !selectionExists(sim, ui.selection)) out.selection = null;
  if (!ui.deliveryTopic || !sim.topics[ui.deliveryTopic]) {
    const first = sim.topicNames.find((name) => !isInternalTopic(name)) ?? null;
    if (first !== ui.deliveryTopic) out.deliveryTopic = first;
  }
  if (ui.sceneTopic !== null && !sim.topics[ui.sceneTopic]) out.sceneTopic = null;
  return out;
}

function selectionExists(sim: SimulationState, selection: Selection): boolean {
  switch (selection.kind) {
    case 'broker':
      return selection.id in sim.brokers;
    case 'controller':
      return !!kraftOf(sim.cluster?.metadata)?.nodes.some((n) => n.id === selection.id);
    case 'zookeeper':
      return !!zookeeperOf(sim.cluster?.metadata)?.nodes.some((n) => n.id === selection.id);
    case 'topic':
      return selection.name in sim.topics;
    case 'partition':
      return selection.key in sim.partitions;
    case 'producer':
      return selection.id in sim.producers;
    case 'group':
      return selection.id in sim.groups;
    case 'consumer':
      return selection.id in sim.consumers;
  }
}

export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  if (!a || !b) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}
