// The engine's public surface (design.md 3.1). Everything above the engine imports from here.
export type * from './types';
export { ENGINE_VERSION } from './version';
export { murmur2, partitionForKey, assign } from './kernels';
export { createEngine, restoreEngine, checkScenario, EngineInputError } from './engine';
export { MAX_BROKERS } from './scenarioCheck';
export { LIMITS, type LimitName } from './limits';
export { EngineRunawayError, EVENT_BUDGET_PER_INSTANT } from './runaway';
export { dict } from './sim/dict';
export {
  CONFIG_DEFINITIONS,
  findConfigDefinition,
  definitionsFor,
  type ConfigDefinition,
  type ConfigScope,
  type ConfigType,
} from './config/definitions';
export { PRESETS, type Preset } from './config/presets';
export { checkConfigValue } from './config/validate';
export { REASON_CODES } from './reasons';
export { SIMPLIFICATIONS } from './view/simplifications';
export { isLiveConsumer } from './status';
export { isInternalTopic } from './sim/internalTopics';
export {
  BROKER_METRICS,
  CLUSTER_ONLY_METRICS,
  PRODUCER_METRICS,
  CONSUMER_METRICS,
  GROUP_METRICS,
  seriesId,
  parseSeriesId,
  type MetricScope,
  type MetricName,
} from './metrics/catalog';
export { SAMPLE_CAP, SAMPLE_PERIOD_MS, PARTITION_LAG_CAP } from './metrics/state';
