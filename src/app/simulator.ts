// One simulator: a client talking to one engine (in a worker, or in Node for tests) and
// everything fed from it: the store, the frame buffer, the event log and the console API's
// history. A page may hold several (a lesson that shows two clusters side by side); each is
// handed to React through <SimulatorProvider>, so nothing here is a module-level singleton.
import { SessionKeeper } from './sessionKeeper';
import {
  browserScheduler,
  SimClient,
  workerTransport,
  type FrameScheduler,
  type Transport,
} from './client';
import { trackDepartures } from './departures';
import { websocketTransport } from './remoteEngine';
import { createEventLogStore, type EventLogStore } from './eventLog';
import { eventInfo } from './eventText';
import { FrameBuffer } from './frameBuffer';
import { highlightsFor } from './highlights';
import { lessonStorage } from './lessonProgress';
import { followMemory } from './memory';
import { followLesson } from './lessonSlice';
import { trackRevocations } from './rebalance';
import { RecentHistory } from './recentHistory';
import { createSimStore, type SimStore } from './store';
import { StructureFeed } from './structureFeed';
import { followTimeline } from './timelineFeed';
import { isShown, trafficKindOf } from './traffic';
import type { FrameMessage } from '../worker/protocol';

export interface SimulatorOptions {
  transport: Transport;
  scheduler: FrameScheduler;
  /** Makes a new worker when the page restarts a stuck or crashed one. */
  newTransport?: () => Transport;
  /** Where the session is kept between visits (localStorage in the page; none in tests). */
  storage?: Storage | null;
}

export interface Simulator {
  /** Commands, playback and requests; `client.onFrame(listener)` to follow the engine. */
  readonly client: SimClient;
  /** Structure and UI state, in slices (store.ts). */
  readonly store: SimStore;
  /** Fast state for the canvas and DOM writers, read every animation frame. */
  readonly buffer: FrameBuffer;
  readonly log: EventLogStore;
  /** Recent events and flights, for `window.__kafkaSim`. */
  readonly history: RecentHistory;
  /** The user's session, kept for a restart and for the next visit. */
  readonly keeper: SessionKeeper;
}

export function createSimulator({
  transport,
  scheduler,
  newTransport,
  storage = null,
}: SimulatorOptions): Simulator {
  const store = createSimStore();
  const client = new SimClient(store, transport, scheduler, newTransport ?? null);
  const buffer = new FrameBuffer();
  const log = createEventLogStore();
  const history = new RecentHistory();
  const structure = new StructureFeed(store);

  // The built-in listeners, in the order they run. Anything else subscribes after them.
  client.onFrame(structure.onFrame);
  client.onFrame(trackRevocations(store));
  client.onFrame(trackDepartures(store));
  client.onFrame((frame, { confirmedNow }) => {
    if (frame.cause === 'load') buffer.clear();
    buffer.applyFrame(frame);
    // A load, a step or a dispatch moves the drawing to the engine's time at once; during an
    // advance the display clock keeps running smoothly (see the tick below).
    if (frame.cause !== 'advance') buffer.displayNow = confirmedNow;
  });
  client.onFrame((frame, { wall }) => {
    if (frame.cause === 'load') log.clear();
    // The play head moved: the log follows it (playing on from the past writes the rest again).
    if (frame.cause === 'seek' && frame.session) log.dropAfter(frame.session, frame.now);
    if (frame.replayed) log.appendPast(frame.replayed.events, frame.replayed.places);
    log.append(frame.events, wall, frame.places);
  });
  client.onFrame(history.onFrame);
  client.onFrame(followTimeline(client, store));
  client.onFrame(followLesson(client, store, lessonStorage()));
  client.onFrame(followMemory(store));

  // A command given in the past forked the recording: offer to undo it.
  client.onDispatch((_command, result) => {
    if (result.ok && result.forked) {
      store.setState({
        timelineNotice: { id: Date.now(), kind: 'fork', at: client.playhead.at },
      });
    }
  });

  // Step stops where the learner sees something: a line in the log, a highlight, a changed
  // number or shape, a message set off that is drawn.
  client.stepStops = (frame: FrameMessage) => {
    const filters = log.getState().filters;
    const hidden = store.getState().hiddenTraffic;
    return (
      frame.changes !== null ||
      frame.fast !== null ||
      frame.lostFlights.length > 0 ||
      frame.flights.some((f) => isShown(trafficKindOf(f), hidden, false)) ||
      frame.events.some((e) => filters[eventInfo(e).category] || highlightsFor(e).length > 0)
    );
  };

  client.onTick(structure.onTick);
  client.onTick(({ dt, running, displayNow }) => {
    buffer.displayNow = displayNow;
    buffer.tick(dt, running);
    buffer.notify();
  });

  const keeper = new SessionKeeper(client, store, storage, () => scheduler.now());
  return { client, store, buffer, log, history, keeper };
}

/** The page's simulator: the engine in a Web Worker, paced by requestAnimationFrame. */
export function createBrowserSimulator(): Simulator {
  return createSimulator({
    transport: workerTransport(),
    scheduler: browserScheduler,
    newTransport: workerTransport,
    storage: safeLocalStorage(),
  });
}

/**
 * The page showing `npm run broker`'s engine over a WebSocket (remoteEngine.ts). The broker keeps
 * its own session, so nothing is kept in this browser; a restart reconnects and shows it again.
 */
export function createRemoteSimulator(url: string): Simulator {
  const simulator = createSimulator({
    transport: websocketTransport(url),
    scheduler: browserScheduler,
    newTransport: () => websocketTransport(url),
    storage: null,
  });
  simulator.store.setState({ remoteEngine: url });
  // A hidden tab gets no animation frames, so it would stop the broker's clock and its real
  // clients would time out: while hidden and playing, the page lets go, and the broker runs on
  // the wall clock; shown again, the page attaches to the world as it is then.
  let away = false;
  document.addEventListener('visibilitychange', () => {
    if (document.hidden && simulator.store.getState().playing && !away) {
      away = true;
      simulator.client.suspend();
    } else if (!document.hidden && away) {
      away = false;
      void simulator.client.restart();
    }
  });
  return simulator;
}

/** localStorage, or null where the browser refuses it (private mode, a sandboxed frame). */
function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
