// The engine's public surface (design.md 3.1). Everything above the engine imports from here.
export type * from './types';
export { ENGINE_VERSION } from './version';
export { murmur2, partitionForKey, assign, parseTopicPartition } from './kernels';
export { createEngine, restoreEngine, checkScenario, EngineInputError } from './engine';
export { base64Decode, base64Encode } from './kernels';
export { wireBytesOf } from './records/wireBytes';
export type { Batch } from './sim/world';
export type { Bodies as MessageBodies } from './sim/messages';
export { SharedLogStore, type SharedLogOptions } from './sim/sharedLogs';
export { chunksOf as sharedChunksOf } from './sim/persist';
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
export { parseSeriesId, type MetricScope } from './metrics/catalog';
export { SAMPLE_CAP } from './metrics/state';
