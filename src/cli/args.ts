// The command line of `npm run sim` (design.md 3.4), parsed by hand so every mistake gets a
// message that names the flag and what it expects.
import { MAX_SEED } from '../scenario';
import { closestMatch } from '../scenario/suggest';

export interface SimOptions {
  scenario: string;
  until: number;
  seed?: number;
  json: boolean;
  verbose: boolean;
  out?: string;
}

export type ParsedArgs =
  | { kind: 'run'; options: SimOptions }
  | { kind: 'help' }
  | { kind: 'usage-error'; message: string };

const VALUE_FLAGS = ['scenario', 'until', 'seed', 'out'] as const;
const SWITCHES = ['json', 'verbose', 'help'] as const;
const ALL_FLAGS = [...VALUE_FLAGS, ...SWITCHES].map((f) => `--${f}`);

export const HELP = `Run a Kafka scenario headless and print what happened.

Usage:
  npm run -s sim -- --scenario FILE --until MS [--seed N] [--json] [--verbose] [--out FILE]

Options:
  --scenario FILE  the scenario JSON file, or the id of a built-in scenario
                   (default, queue-vs-pubsub, consumer-rebalance, leader-election,
                   acks-one-loses-data, min-insync-replicas, unclean-election, retention,
                   controller-quorum, combined-mode, zookeeper-mode)
  --until MS       run until this sim time, in milliseconds (e.g. 60000)
  --seed N         use this seed instead of the scenario's (a whole number 0..${MAX_SEED})
  --json           print one JSON object { seed, until, events, view } (every event,
                   network traffic included; one event per line, keys in a fixed order)
                   instead of the readable timeline
  --verbose        include network traffic (net.* events) in the timeline
  --out FILE       write the output to FILE instead of standard output
  --help, -h       show this help

npm prints its own banner on standard output: run with -s (npm run -s sim -- ...) or use
--out FILE when you need clean JSON.

Same scenario, same seed: the same output, byte for byte.

Exit status: 0 done; 1 the scenario could not be loaded (unreadable file, invalid JSON,
invalid scenario) or the output could not be written; 2 wrong command line;
3 the engine failed (a bug: please report it with the scenario and the seed).
`;

export function parseSimArgs(argv: readonly string[]): ParsedArgs {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };

  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      return usage(`unexpected argument "${arg}" (flags start with --, e.g. --scenario FILE)`);
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if ((SWITCHES as readonly string[]).includes(name)) {
      if (eq >= 0) return usage(`--${name} takes no value`);
      switches.add(name);
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) {
      const guess = closestMatch(`--${name}`, ALL_FLAGS);
      return usage(
        `unknown option --${name}${guess ? ` (did you mean ${guess}?)` : `; options: ${ALL_FLAGS.join(', ')}`}`,
      );
    }
    if (values.has(name)) return usage(`--${name} is given twice`);
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[i + 1];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      return usage(`--${name} needs a value`);
    }
    if (eq < 0) i++;
    values.set(name, value);
  }

  const scenario = values.get('scenario');
  if (!scenario) return usage('--scenario FILE is required');
  const untilText = values.get('until');
  if (untilText === undefined) return usage('--until MS is required (e.g. --until 60000)');
  const until = Number(untilText);
  if (untilText.trim() === '' || !Number.isFinite(until) || until < 0) {
    return usage(`--until must be a number of milliseconds >= 0, got ${JSON.stringify(untilText)}`);
  }
  const seedText = values.get('seed');
  let seed: number | undefined;
  if (seedText !== undefined) {
    seed = Number(seedText);
    if (!/^\d+$/.test(seedText) || seed > MAX_SEED) {
      return usage(
        `--seed must be a whole number from 0 to ${MAX_SEED}, got ${JSON.stringify(seedText)}`,
      );
    }
  }
  const out = values.get('out');
  if (out === '') return usage('--out needs a file name');

  return {
    kind: 'run',
    options: {
      scenario,
      until,
      seed,
      json: switches.has('json'),
      verbose: switches.has('verbose'),
      out,
    },
  };
}

function usage(message: string): ParsedArgs {
  return { kind: 'usage-error', message };
}
