// PLACEHOLDER while the engine is being written: a clock and an empty view.
import type {
  ClusterView,
  Command,
  DispatchResult,
  Engine,
  EngineError,
  SavedEngine,
  Scenario,
  SimEvent,
} from './types';
import { ENGINE_VERSION } from './version';
import { PRESETS } from './config/presets';

export class EngineInputError extends Error {
  constructor(readonly errors: EngineError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'EngineInputError';
  }
}

export function checkScenario(_scenario: Scenario): EngineError[] {
  return [];
}

export function createEngine(scenario: Scenario): Engine {
  let now = 0;
  const preset = scenario.preset ?? 'classroom';
  return {
    get now() {
      return now;
    },
    seed: scenario.seed,
    dispatch(_command: Command): DispatchResult {
      return {
        ok: false,
        error: { code: 'NOT_IMPLEMENTED', message: 'engine under construction' },
      };
    },
    advanceTo(ms: number) {
      if (ms > now) now = Math.floor(ms);
    },
    step: () => false,
    nextEventTime: () => null,
    view(): ClusterView {
      return {
        now,
        seed: scenario.seed,
        preset,
        engineVersion: ENGINE_VERSION,
        network: PRESETS[preset].network,
        controller: { brokerId: null, epoch: 0 },
        brokers: [],
        topics: [],
        producers: [],
        groups: [],
        consumers: [],
        presetConfig: [],
        simplifications: [],
      };
    },
    partitionLog: () => [],
    drainEvents: (): SimEvent[] => [],
    save: (): SavedEngine => ({
      format: 'kafka-sim-engine',
      engineVersion: ENGINE_VERSION,
      state: { now },
    }),
  };
}

export function restoreEngine(_saved: SavedEngine): Engine {
  throw new Error('restoreEngine: not yet implemented');
}
