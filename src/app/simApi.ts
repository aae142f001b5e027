// window.__kafkaSim: a small console API, in every build, for curious learners, the e2e tests and
// the UI benchmark. It speaks for the page's main simulator. The engine lives in a worker, so
// anything that asks it returns a Promise.
import type { ClusterView, Command, LogRecordView, MetricsHistory, SimEvent } from '../engine';
import type {
  Flight,
  LoadResult,
  SeekResult,
  SessionDispatchResult,
  TimelineMarker,
} from '../worker/protocol';
import { appBase, shareUrl } from './share';
import type { Simulator } from './simulator';

export interface KafkaSimApi {
  /** A fresh, full ClusterView from the engine. */
  view(): Promise<ClusterView>;
  /**
   * Apply a command now, exactly as the UI would. Given while the play head is in the past, it
   * forks the recording (`forked: true`: the recorded future after that moment is dropped).
   */
  dispatch(command: Command): Promise<SessionDispatchResult>;
  /** The engine's sim time (ms) as last reported. */
  now(): number;
  /** Recent engine events (up to 5000), oldest first; network traffic is in flights(). */
  events(): SimEvent[];
  /** Load a scenario (JSON object); it is validated by the worker. */
  load(scenario: unknown): Promise<LoadResult>;
  /** Recent messages put on the wire (up to 1000). */
  flights(): Flight[];
  /** The records of one partition (the leader's replica unless brokerId is given). */
  partitionLog(
    topic: string,
    partition: number,
    options?: { brokerId?: number; fromOffset?: number; limit?: number },
  ): Promise<LogRecordView[]>;
  /** The per-second metric samples (Kafka's metric names) at the play head. */
  metrics(): Promise<MetricsHistory>;
  play(): void;
  pause(): void;
  isPlaying(): boolean;
  /** Run to the next engine event that changes the picture or the log (as the Step button). */
  step(): void;
  /** Undo the last Step (or go back one engine event). */
  stepBack(): Promise<SeekResult | null>;
  /** Move the play head to sim time `ms` within the recording (past its end: the end). */
  seek(ms: number): Promise<SeekResult | null>;
  /** The recorded range, the play head and the markers of notable events. */
  timeline(): Promise<{ start: number; end: number; now: number; markers: TimelineMarker[] }>;
  /** A link that opens this session at this moment, paused. */
  shareUrl(): Promise<string>;
  /** Sim speed: 0.1 .. 100 (sim ms per wall ms). */
  setSpeed(speed: number): void;
  speed(): number;
  /** Load the current scenario again from the start. */
  reset(): Promise<LoadResult>;
}

function createSimApi({ client, history }: Simulator): KafkaSimApi {
  return {
    view: () => client.view(),
    dispatch: (command) => client.dispatch(command),
    now: () => client.now,
    events: () => history.events(),
    load: (scenario) => client.load({ kind: 'scenario', scenario }),
    flights: () => history.flights(),
    partitionLog: (topic, partition, options) => client.partitionLog(topic, partition, options),
    metrics: () => client.metrics(),
    play: () => client.setPlaying(true),
    pause: () => client.setPlaying(false),
    isPlaying: () => client.store.getState().playing,
    step: () => client.step(),
    stepBack: () => client.stepBack(),
    seek: (ms) => client.seek({ kind: 'time', at: ms }),
    timeline: async () => {
      const { start, end, now, markers } = await client.timeline();
      return { start, end, now, markers };
    },
    shareUrl: async () => shareUrl(appBase(location), (await client.exportSession()).fragment),
    setSpeed: (speed) => client.setSpeed(speed),
    speed: () => client.store.getState().speed,
    reset: () => client.reset(),
  };
}

declare global {
  interface Window {
    __kafkaSim?: KafkaSimApi;
  }
}

/** Bind `window.__kafkaSim` to the page's main simulator. */
export function installSimApi(simulator: Simulator): void {
  window.__kafkaSim = createSimApi(simulator);
}
