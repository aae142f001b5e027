// The scenario layer (design.md 3.2): schema and validation, built-in scenarios, share links.
export { parseScenario, parseScenarioText, type ParseResult } from './parse';
export {
  scenarioSchema,
  commandSchema,
  timedCommandSchema,
  COMMAND_TYPES,
  MAX_SEED,
} from './schema';
export {
  BUILTIN_SCENARIOS,
  DEFAULT_SCENARIO,
  findBuiltinScenario,
  type BuiltinScenario,
} from './builtins';
export { bigScenario, type BigScenarioOptions } from './big';
export { encodeScenarioForUrl, decodeScenarioFromUrl, withCommandLog } from './url';
export {
  splitSession,
  sessionScenario,
  checkRecordedOrder,
  type RecordedCommand,
  type SessionParts,
  type Playhead,
} from './session';
