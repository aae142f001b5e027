// The headless runner behind `npm run sim` (design.md 3.4): load a scenario, run the engine to
// --until, print every event as JSON or as a readable timeline. Input and output are injected
// so tests can call runSim directly; sim.ts wires it to the real process.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  createEngine,
  EngineInputError,
  type ClusterView,
  type EngineError,
  type Scenario,
  type SimEvent,
} from '../engine';
import { findBuiltinScenario, parseScenarioText, type ParseResult } from '../scenario';
import { HELP, parseSimArgs, type SimOptions } from './args';
import { describeTimelineLine, formatTime, isTraffic } from './describe';
import { stableRunJson } from './stable-json';
import { summarize } from './summary';

export interface SimIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  fileExists(path: string): boolean;
}

export const nodeIo: SimIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
  fileExists: (path) => existsSync(path),
};

export const EXIT = { ok: 0, badScenario: 1, usage: 2, engineFailure: 3 } as const;

/** Sim ms per advance: the engine is driven in steps, as the UI drives it, and drained each time. */
const STEP_MS = 1000;

/** Run the CLI; returns the exit status. */
export function runSim(argv: readonly string[], io: SimIo = nodeIo): number {
  const args = parseSimArgs(argv);
  if (args.kind === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (args.kind === 'usage-error') {
    io.stderr(`sim: ${args.message}\nRun with --help for usage.\n`);
    return EXIT.usage;
  }
  const options = args.options;
  try {
    return simulate(options, io);
  } catch (error) {
    if (error instanceof EngineInputError) {
      io.stderr(errorReport(options.scenario, error.errors));
      return EXIT.badScenario;
    }
    // Anything else thrown while checking or running the scenario is an engine bug.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(
      `sim: the engine failed on ${options.scenario}. This is a bug; please report it with the scenario and the seed.\n${detail}\n`,
    );
    return EXIT.engineFailure;
  }
}

function simulate(options: SimOptions, io: SimIo): number {
  const loaded = loadScenario(options.scenario, io);
  if (!loaded.ok) {
    io.stderr(errorReport(options.scenario, loaded.errors));
    return EXIT.badScenario;
  }
  const scenario: Scenario =
    options.seed === undefined ? loaded.scenario : { ...loaded.scenario, seed: options.seed };

  const run = runEngine(scenario, options.until);
  const output = options.json
    ? stableRunJson({ seed: scenario.seed, until: options.until, ...run })
    : timeline(scenario, options, run.events, run.view);

  if (options.out === undefined) {
    io.stdout(output);
    return EXIT.ok;
  }
  try {
    io.writeFile(options.out, output);
  } catch (error) {
    io.stderr(`sim: cannot write ${options.out}: ${reason(error)}\n`);
    return EXIT.badScenario;
  }
  return EXIT.ok;
}

function runEngine(scenario: Scenario, until: number): { events: SimEvent[]; view: ClusterView } {
  const engine = createEngine(scenario);
  const events: SimEvent[] = [];
  const collect = () => {
    for (const event of engine.drainEvents()) events.push(event);
  };
  collect();
  for (let t = Math.min(STEP_MS, until); ; t = Math.min(t + STEP_MS, until)) {
    engine.advanceTo(t);
    collect();
    if (t >= until) break;
  }
  return { events, view: engine.view() };
}

/** A file path, or the id of a built-in scenario when no such file exists. */
export function loadScenario(source: string, io: SimIo): ParseResult {
  if (!io.fileExists(source)) {
    const builtin = findBuiltinScenario(source);
    if (builtin) return parseScenarioText(JSON.stringify(builtin));
  }
  let text: string;
  try {
    text = io.readFile(source);
  } catch (error) {
    const why = reason(error);
    const hint = why === 'no such file' ? ', and no built-in scenario has that id' : '';
    return {
      ok: false,
      errors: [{ code: 'UNREADABLE_FILE', message: `cannot read the file: ${why}${hint}` }],
    };
  }
  return parseScenarioText(text);
}

function timeline(
  scenario: Scenario,
  options: SimOptions,
  events: readonly SimEvent[],
  view: ClusterView,
): string {
  const lines = [
    `${scenario.title ?? options.scenario} (seed ${scenario.seed}, until ${formatTime(options.until)})`,
  ];
  for (const event of events) {
    if (options.verbose || !isTraffic(event)) lines.push(describeTimelineLine(event));
  }
  lines.push(...summarize(view, events));
  return `${lines.join('\n')}\n`;
}

function errorReport(source: string, errors: readonly EngineError[]): string {
  if (errors.length === 1) return `sim: ${source}: ${errors[0].message}\n`;
  return `sim: ${source} is not a valid scenario:\n${errors.map((e) => `  - ${e.message}\n`).join('')}`;
}

function reason(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'it is a directory';
    if (code === 'EACCES') return 'permission denied';
  }
  return error instanceof Error ? error.message : String(error);
}
