// Every user action, once: label key, shortcut, what it does and when it is possible. The toolbar,
// the scene's per-entity buttons, the keyboard and the shortcuts dialog all read this registry,
// so a button and its key can never disagree (the excalidraw pattern).
import type { Command } from '../engine';
import type { SimClient } from './client';
import type { DialogState, SimState, SimStore } from './store';
import { resetUndoably, TIMELINE_ACTIONS } from './timelineActions';
import { isLiveConsumer } from '../engine/status';
import { isInternalTopic } from '../engine/sim/internalTopics';
import { kraftOf, zookeeperOf } from './metadataMode';

export type ZoomDirection = 'in' | 'out' | 'fit';

export interface ActionContext {
  client: Pick<
    SimClient,
    | 'dispatch'
    | 'togglePlaying'
    | 'setPlaying'
    | 'step'
    | 'changeSpeed'
    | 'reset'
    | 'stepBack'
    | 'seek'
    | 'exportSession'
  >;
  store: SimStore;
  zoom(direction: ZoomDirection): void;
}

export interface Shortcut {
  /** KeyboardEvent.key values that trigger it. */
  keys: string[];
  /** How the key is written in the shortcuts dialog. */
  label: string;
}

export interface Action<P = void> {
  id: string;
  /** i18n key of the label (the accessible name of its button). */
  labelKey: string | ((state: SimState, params: P) => string);
  shortcut?: Shortcut;
  perform(ctx: ActionContext, params: P): void | Promise<void>;
  enabled?(state: SimState, params: P): boolean;
  /** Values for the label's placeholders (default: the params themselves). */
  labelParams?(params: P): Record<string, string | number>;
}

/** Send a command; a refusal is shown to the user (the engine's words, translated). */
export async function run(ctx: ActionContext, command: Command): Promise<boolean> {
  const result = await ctx.client.dispatch(command);
  if (!result.ok) {
    ctx.store.setState({ refusal: { id: Date.now(), error: result.error } });
    return false;
  }
  return true;
}

function open(ctx: ActionContext, dialog: DialogState): void {
  ctx.store.setState({ dialog });
}

const running = (s: SimState) => s.status === 'ready';
const hasTopic = (s: SimState) => running(s) && s.topicNames.some((n) => !isInternalTopic(n));

// ---------------------------------------------------------------------------------------------
// Global actions (toolbar, header, keyboard)
// ---------------------------------------------------------------------------------------------

export const ACTIONS = {
  playPause: {
    id: 'playPause',
    labelKey: (s) => (s.playing ? 'playback.pause' : 'playback.play'),
    shortcut: { keys: [' ', 'p', 'P'], label: 'Space / P' },
    perform: (ctx) => ctx.client.togglePlaying(),
    enabled: running,
  },
  step: {
    id: 'step',
    labelKey: 'playback.step',
    shortcut: { keys: ['.'], label: '.' },
    perform: (ctx) => ctx.client.step(),
    enabled: running,
  },
  ...TIMELINE_ACTIONS,
  faster: {
    id: 'faster',
    labelKey: 'playback.faster',
    shortcut: { keys: [']'], label: ']' },
    perform: (ctx) => ctx.client.changeSpeed(1),
  },
  slower: {
    id: 'slower',
    labelKey: 'playback.slower',
    shortcut: { keys: ['['], label: '[' },
    perform: (ctx) => ctx.client.changeSpeed(-1),
  },
  reset: {
    id: 'reset',
    labelKey: 'playback.reset',
    perform: (ctx) => resetUndoably(ctx),
    enabled: (s) => s.status !== 'starting',
  },
  addBroker: {
    id: 'addBroker',
    labelKey: 'toolbar.addBroker',
    shortcut: { keys: ['b', 'B'], label: 'B' },
    perform: (ctx) => void run(ctx, { type: 'addBroker' }),
    enabled: running,
  },
  addController: {
    id: 'addController',
    labelKey: 'toolbar.addController',
    perform: (ctx) => void run(ctx, { type: 'addController' }),
    enabled: (s) => running(s) && kraftOf(s.cluster?.metadata)?.placement === 'dedicated',
  },
  addZooKeeper: {
    id: 'addZooKeeper',
    labelKey: 'toolbar.addZooKeeper',
    perform: (ctx) => void run(ctx, { type: 'addZooKeeper' }),
    enabled: (s) => running(s) && zookeeperOf(s.cluster?.metadata) !== null,
  },
  createTopic: {
    id: 'createTopic',
    labelKey: 'toolbar.createTopic',
    shortcut: { keys: ['t', 'T'], label: 'T' },
    perform: (ctx) => open(ctx, { kind: 'createTopic' }),
    enabled: running,
  },
  addProducer: {
    id: 'addProducer',
    labelKey: 'toolbar.addProducer',
    shortcut: { keys: ['n', 'N'], label: 'N' },
    perform: (ctx) => open(ctx, { kind: 'addProducer' }),
    enabled: hasTopic,
  },
  addGroup: {
    id: 'addGroup',
    labelKey: 'toolbar.addGroup',
    shortcut: { keys: ['g', 'G'], label: 'G' },
    perform: (ctx) => open(ctx, { kind: 'addGroup' }),
    enabled: hasTopic,
  },
  addConsumer: {
    id: 'addConsumer',
    labelKey: 'toolbar.addConsumer',
    shortcut: { keys: ['c', 'C'], label: 'C' },
    perform: (ctx) => {
      const s = ctx.store.getState();
      const selected = s.selection;
      const groupId =
        selected?.kind === 'group'
          ? selected.id
          : selected?.kind === 'consumer'
            ? s.consumers[selected.id]?.groupId
            : undefined;
      open(ctx, { kind: 'addConsumer', groupId });
    },
    enabled: (s) => running(s) && s.groupIds.length > 0,
  },
  zoomIn: {
    id: 'zoomIn',
    labelKey: 'zoom.zoomIn',
    shortcut: { keys: ['=', '+'], label: '+' },
    perform: (ctx) => ctx.zoom('in'),
  },
  zoomOut: {
    id: 'zoomOut',
    labelKey: 'zoom.zoomOut',
    shortcut: { keys: ['-', '_'], label: '−' },
    perform: (ctx) => ctx.zoom('out'),
  },
  zoomFit: {
    id: 'zoomFit',
    labelKey: 'zoom.fit',
    shortcut: { keys: ['0'], label: '0' },
    perform: (ctx) => ctx.zoom('fit'),
  },
  toggleSidePanel: {
    id: 'toggleSidePanel',
    labelKey: (s) => (s.sidePanelOpen ? 'app.hidePanel' : 'app.showPanel'),
    shortcut: { keys: ['\\'], label: '\\' },
    perform: (ctx) => ctx.store.setState({ sidePanelOpen: !ctx.store.getState().sidePanelOpen }),
  },
  togglePresenter: {
    id: 'togglePresenter',
    labelKey: 'app.presenterMode',
    // The side panel becomes an overlay in presenter mode: it starts closed there.
    perform: (ctx) => {
      const presenter = !ctx.store.getState().presenter;
      ctx.store.setState(presenter ? { presenter, sidePanelOpen: false } : { presenter });
    },
  },
  shortcuts: {
    id: 'shortcuts',
    labelKey: 'app.shortcuts',
    shortcut: { keys: ['?'], label: '?' },
    perform: (ctx) => open(ctx, { kind: 'shortcuts' }),
  },
  about: {
    id: 'about',
    labelKey: 'app.about',
    perform: (ctx) => open(ctx, { kind: 'about' }),
  },
  clearSelection: {
    id: 'clearSelection',
    labelKey: 'actions.clearSelection',
    shortcut: { keys: ['Escape'], label: 'Esc' },
    perform: (ctx) => ctx.store.setState({ selection: null }),
    enabled: (s) => s.selection !== null,
  },
  killSelected: {
    id: 'killSelected',
    labelKey: 'actions.killSelected',
    shortcut: { keys: ['x', 'X'], label: 'X' },
    perform: (ctx) => {
      const sel = ctx.store.getState().selection;
      if (sel?.kind === 'broker') return BROKER_ACTIONS.kill.perform(ctx, { brokerId: sel.id });
      if (sel?.kind === 'consumer')
        return CONSUMER_ACTIONS.kill.perform(ctx, { consumerId: sel.id });
    },
    enabled: (s) =>
      (s.selection?.kind === 'broker' &&
        BROKER_ACTIONS.kill.enabled(s, { brokerId: s.selection.id })) ||
      (s.selection?.kind === 'consumer' &&
        CONSUMER_ACTIONS.kill.enabled(s, { consumerId: s.selection.id })),
  },
  restartSelected: {
    id: 'restartSelected',
    labelKey: 'actions.restartSelected',
    shortcut: { keys: ['r', 'R'], label: 'R' },
    perform: (ctx) => {
      const sel = ctx.store.getState().selection;
      if (sel?.kind === 'broker') return BROKER_ACTIONS.restart.perform(ctx, { brokerId: sel.id });
      if (sel?.kind === 'consumer') {
        return CONSUMER_ACTIONS.restart.perform(ctx, { consumerId: sel.id });
      }
    },
    enabled: (s) =>
      (s.selection?.kind === 'broker' &&
        BROKER_ACTIONS.restart.enabled(s, { brokerId: s.selection.id })) ||
      (s.selection?.kind === 'consumer' &&
        CONSUMER_ACTIONS.restart.enabled(s, { consumerId: s.selection.id })),
  },
  isolateSelected: {
    id: 'isolateSelected',
    labelKey: 'actions.isolateSelected',
    shortcut: { keys: ['i', 'I'], label: 'I' },
    perform: (ctx) => {
      const s = ctx.store.getState();
      const sel = s.selection;
      if (sel?.kind !== 'broker') return;
      const action = s.brokers[sel.id]?.isolated ? BROKER_ACTIONS.heal : BROKER_ACTIONS.isolate;
      return action.perform(ctx, { brokerId: sel.id });
    },
    enabled: (s) =>
      s.selection?.kind === 'broker' && s.brokers[s.selection.id]?.status === 'running',
  },
} satisfies Record<string, Action>;

// ---------------------------------------------------------------------------------------------
// Per-entity actions (buttons inside the scene and the inspector)
// ---------------------------------------------------------------------------------------------

type BrokerParams = { brokerId: number };
type ProducerParams = { producerId: string };
type ConsumerParams = { consumerId: string };
type GroupParams = { groupId: string };

const brokerIs = (s: SimState, p: BrokerParams) => s.brokers[p.brokerId];

export const BROKER_ACTIONS = {
  kill: {
    id: 'broker.kill',
    labelKey: 'broker.kill',
    labelParams: (p) => ({ id: p.brokerId }),
    perform: (ctx, p) => void run(ctx, { type: 'killBroker', brokerId: p.brokerId }),
    enabled: (s, p) => running(s) && brokerIs(s, p)?.status === 'running',
  },
  restart: {
    id: 'broker.restart',
    labelKey: 'broker.restart',
    labelParams: (p) => ({ id: p.brokerId }),
    perform: (ctx, p) => void run(ctx, { type: 'restartBroker', brokerId: p.brokerId }),
    enabled: (s, p) => running(s) && !!brokerIs(s, p) && brokerIs(s, p).status !== 'running',
  },
  isolate: {
    id: 'broker.isolate',
    labelKey: 'broker.isolate',
    labelParams: (p) => ({ id: p.brokerId }),
    perform: (ctx, p) => void run(ctx, { type: 'isolateBroker', brokerId: p.brokerId }),
    enabled: (s, p) =>
      running(s) && brokerIs(s, p)?.status === 'running' && !brokerIs(s, p).isolated,
  },
  heal: {
    id: 'broker.heal',
    labelKey: 'broker.heal',
    labelParams: (p) => ({ id: p.brokerId }),
    perform: (ctx, p) => void run(ctx, { type: 'healBroker', brokerId: p.brokerId }),
    enabled: (s, p) => running(s) && !!brokerIs(s, p)?.isolated,
  },
} satisfies Record<string, Action<BrokerParams>>;

type ControllerParams = { controllerId: number };

const controllerIs = (s: SimState, p: ControllerParams) =>
  kraftOf(s.cluster?.metadata)?.nodes.find((n) => n.id === p.controllerId);

/** The dedicated KRaft controller nodes (cluster.metadata). */
export const CONTROLLER_ACTIONS = {
  kill: {
    id: 'controller.kill',
    labelKey: 'quorum.kill',
    labelParams: (p) => ({ id: p.controllerId }),
    perform: (ctx, p) => void run(ctx, { type: 'killController', controllerId: p.controllerId }),
    enabled: (s, p) => running(s) && controllerIs(s, p)?.alive === true,
  },
  restart: {
    id: 'controller.restart',
    labelKey: 'quorum.restart',
    labelParams: (p) => ({ id: p.controllerId }),
    perform: (ctx, p) => void run(ctx, { type: 'restartController', controllerId: p.controllerId }),
    enabled: (s, p) => running(s) && controllerIs(s, p)?.alive === false,
  },
  isolate: {
    id: 'controller.isolate',
    labelKey: 'quorum.isolate',
    labelParams: (p) => ({ id: p.controllerId }),
    perform: (ctx, p) => void run(ctx, { type: 'isolateController', controllerId: p.controllerId }),
    enabled: (s, p) => running(s) && controllerIs(s, p)?.isolated === false,
  },
  heal: {
    id: 'controller.heal',
    labelKey: 'quorum.heal',
    labelParams: (p) => ({ id: p.controllerId }),
    perform: (ctx, p) => void run(ctx, { type: 'healController', controllerId: p.controllerId }),
    enabled: (s, p) => running(s) && controllerIs(s, p)?.isolated === true,
  },
} satisfies Record<string, Action<ControllerParams>>;

export const PRODUCER_ACTIONS = {
  pause: {
    id: 'producer.pause',
    labelKey: 'producer.pause',
    labelParams: (p) => ({ id: p.producerId }),
    perform: (ctx, p) => void run(ctx, { type: 'pauseProducer', producerId: p.producerId }),
    enabled: (s, p) => running(s) && s.producers[p.producerId]?.paused === false,
  },
  resume: {
    id: 'producer.resume',
    labelKey: 'producer.resume',
    labelParams: (p) => ({ id: p.producerId }),
    perform: (ctx, p) => void run(ctx, { type: 'resumeProducer', producerId: p.producerId }),
    enabled: (s, p) => running(s) && s.producers[p.producerId]?.paused === true,
  },
  edit: {
    id: 'producer.edit',
    labelKey: 'producer.edit',
    labelParams: (p) => ({ id: p.producerId }),
    perform: (ctx, p) => open(ctx, { kind: 'editProducer', producerId: p.producerId }),
    enabled: (s, p) => running(s) && p.producerId in s.producers,
  },
  remove: {
    id: 'producer.remove',
    labelKey: 'producer.remove',
    labelParams: (p) => ({ id: p.producerId }),
    perform: (ctx, p) => void run(ctx, { type: 'removeProducer', producerId: p.producerId }),
    enabled: (s, p) => running(s) && p.producerId in s.producers,
  },
  crash: {
    id: 'producer.crash',
    labelKey: 'producer.crash',
    labelParams: (p) => ({ id: p.producerId }),
    perform: (ctx, p) => void run(ctx, { type: 'crashProducer', producerId: p.producerId }),
    enabled: (s, p) => running(s) && s.producers[p.producerId]?.crashed === false,
  },
  restart: {
    id: 'producer.restart',
    labelKey: 'producer.restart',
    labelParams: (p) => ({ id: p.producerId }),
    perform: (ctx, p) => void run(ctx, { type: 'restartProducer', producerId: p.producerId }),
    enabled: (s, p) => running(s) && s.producers[p.producerId]?.crashed === true,
  },
} satisfies Record<string, Action<ProducerParams>>;

const consumerAlive = (s: SimState, p: ConsumerParams) => {
  const status = s.consumers[p.consumerId]?.status;
  return status !== undefined && isLiveConsumer(status);
};

export const CONSUMER_ACTIONS = {
  kill: {
    id: 'consumer.kill',
    labelKey: 'consumer.kill',
    labelParams: (p) => ({ id: p.consumerId }),
    perform: (ctx, p) => void run(ctx, { type: 'killConsumer', consumerId: p.consumerId }),
    enabled: (s, p) => running(s) && consumerAlive(s, p),
  },
  leave: {
    id: 'consumer.leave',
    labelKey: 'consumer.leave',
    labelParams: (p) => ({ id: p.consumerId }),
    perform: (ctx, p) => void run(ctx, { type: 'closeConsumer', consumerId: p.consumerId }),
    enabled: (s, p) => running(s) && consumerAlive(s, p),
  },
  restart: {
    id: 'consumer.restart',
    labelKey: 'consumer.restart',
    labelParams: (p) => ({ id: p.consumerId }),
    perform: (ctx, p) => void run(ctx, { type: 'restartConsumer', consumerId: p.consumerId }),
    enabled: (s, p) => running(s) && p.consumerId in s.consumers && !consumerAlive(s, p),
  },
  seek: {
    id: 'consumer.seek',
    labelKey: 'consumer.seek',
    labelParams: (p) => ({ id: p.consumerId }),
    perform: (ctx, p) => open(ctx, { kind: 'seek', consumerId: p.consumerId }),
    enabled: (s, p) => running(s) && consumerAlive(s, p),
  },
} satisfies Record<string, Action<ConsumerParams>>;

export const GROUP_ACTIONS = {
  resetOffsets: {
    id: 'group.resetOffsets',
    labelKey: 'group.resetOffsets',
    perform: (ctx, p) => open(ctx, { kind: 'resetOffsets', groupId: p.groupId }),
    enabled: (s, p) => running(s) && p.groupId in s.groups,
  },
  addConsumer: {
    id: 'group.addConsumer',
    labelKey: 'group.addConsumer',
    labelParams: (p) => ({ id: p.groupId }),
    perform: (ctx, p) => void run(ctx, { type: 'addConsumer', groupId: p.groupId }),
    // A group of real clients speaks their assignors (KafkaJS's RoundRobinAssigner): a built-in
    // consumer would be refused with INCONSISTENT_GROUP_PROTOCOL.
    enabled: (s, p) =>
      running(s) &&
      p.groupId in s.groups &&
      !(s.groups[p.groupId]?.consumerIds ?? []).some((id) => s.consumers[id]?.external),
  },
} satisfies Record<string, Action<GroupParams>>;

export function labelKeyOf<P>(action: Action<P>, state: SimState, params: P): string {
  return typeof action.labelKey === 'function' ? action.labelKey(state, params) : action.labelKey;
}

export function labelParamsOf<P>(action: Action<P>, params: P): Record<string, unknown> {
  return action.labelParams
    ? action.labelParams(params)
    : ((params ?? {}) as Record<string, unknown>);
}

export function isEnabled<P>(action: Action<P>, state: SimState, params: P): boolean {
  return action.enabled ? action.enabled(state, params) : true;
}

// ---------------------------------------------------------------------------------------------
// Keyboard
// ---------------------------------------------------------------------------------------------

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** What has focus: shortcuts stay out of text fields, and Space stays with buttons. */
  targetKind: 'text' | 'control' | 'other';
  /** A dialog is open: only its own keys apply. */
  dialogOpen: boolean;
}

/** The global action a key press triggers, or null to let the browser have it. */
export function actionForKey(input: KeyInput): Action | null {
  if (input.ctrlKey || input.metaKey || input.altKey) return null;
  if (input.dialogOpen || input.targetKind === 'text') return null;
  // Space on a focused button or slider belongs to that control.
  if (input.key === ' ' && input.targetKind === 'control') return null;
  for (const action of Object.values(ACTIONS) as Action[]) {
    if (action.shortcut?.keys.includes(input.key)) return action;
  }
  return null;
}
