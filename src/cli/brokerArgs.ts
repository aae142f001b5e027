// The command line of `npm run broker` (design.md 3.11), parsed by hand so every mistake gets a
// message that names the flag and what it expects.
import { MAX_SEED } from '../scenario';
import { closestMatch } from '../scenario/suggest';

export interface BrokerOptions {
  /** A scenario file or built-in id; absent: a plain 3-broker cluster with Kafka's defaults. */
  scenario?: string;
  port: number;
  /** The app and its WebSocket are served here. */
  appPort: number;
  seed?: number;
  preset?: 'classroom' | 'kafka-defaults';
  /** Print the cluster's events as they happen (network traffic aside). */
  events: boolean;
}

export type ParsedBrokerArgs =
  | { kind: 'run'; options: BrokerOptions }
  | { kind: 'help' }
  | { kind: 'usage-error'; message: string };

const VALUE_FLAGS = ['scenario', 'port', 'app-port', 'seed', 'preset'];
const SWITCHES = ['events', 'help'];
const ALL_FLAGS = [...VALUE_FLAGS, ...SWITCHES].map((f) => `--${f}`);
export const DEFAULT_PORT = 9092;
export const DEFAULT_APP_PORT = 8090;

export const BROKER_HELP = `Run a simulated Kafka cluster that real Kafka clients can connect to.

Usage:
  npm run broker -- [--scenario FILE|ID] [--port P] [--app-port A] [--seed N]
                    [--preset NAME] [--events]

Options:
  --scenario FILE  the scenario JSON file, or the id of a built-in scenario; without it,
                   three brokers with Kafka's default settings and no topics
  --port P         broker N listens on 127.0.0.1:P+N-1 (default ${DEFAULT_PORT}); clients
                   bootstrap from 127.0.0.1:P
  --app-port A     the app, showing this cluster, at http://127.0.0.1:A/ (default
                   ${DEFAULT_APP_PORT})
  --seed N         use this seed instead of the scenario's (a whole number 0..${MAX_SEED})
  --preset NAME    kafka-defaults (Kafka's timings, 1 ms links) or classroom (slowed down to
                   watch); default: the scenario's own
  --events         print what happens in the cluster as it happens (traffic aside)
  --help, -h       show this help

The cluster runs in simulated time paced by the wall clock. Real clients speak the Kafka
protocol to it (the APIs and versions KafkaJS 2.2.4 uses); each connection is a client of
the simulation, so crashes and elections reach it as they would reach a real cluster.
The app at the printed address shows this cluster and drives it: its play, pause, speed and
timeline move this world (paused, the brokers answer nobody, and clients time out as they
would with a frozen cluster). With no app open, the cluster runs on the wall clock.
Stop with Ctrl+C.
`;

export function parseBrokerArgs(argv: readonly string[]): ParsedBrokerArgs {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--'))
      return usage(`unexpected argument "${arg}" (flags start with --, e.g. --port 9092)`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (SWITCHES.includes(name)) {
      if (eq >= 0) return usage(`--${name} takes no value`);
      switches.add(name);
      continue;
    }
    if (!VALUE_FLAGS.includes(name)) {
      const guess = closestMatch(`--${name}`, ALL_FLAGS);
      return usage(
        `unknown option --${name}${guess ? ` (did you mean ${guess}?)` : `; options: ${ALL_FLAGS.join(', ')}`}`,
      );
    }
    if (values.has(name)) return usage(`--${name} is given twice`);
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[i + 1];
    if (value === undefined || (eq < 0 && value.startsWith('--')))
      return usage(`--${name} needs a value`);
    if (eq < 0) i++;
    values.set(name, value);
  }
  const portText = values.get('port');
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (!/^\d+$/.test(portText ?? '1') || port < 1 || port > 65000)
    return usage(`--port must be a whole number from 1 to 65000, got ${JSON.stringify(portText)}`);
  const appPortText = values.get('app-port');
  const appPort = appPortText === undefined ? DEFAULT_APP_PORT : Number(appPortText);
  if (!/^\d+$/.test(appPortText ?? '1') || appPort < 1 || appPort > 65535)
    return usage(
      `--app-port must be a whole number from 1 to 65535, got ${JSON.stringify(appPortText)}`,
    );
  const seedText = values.get('seed');
  if (seedText !== undefined && (!/^\d+$/.test(seedText) || Number(seedText) > MAX_SEED))
    return usage(
      `--seed must be a whole number from 0 to ${MAX_SEED}, got ${JSON.stringify(seedText)}`,
    );
  const preset = values.get('preset');
  if (preset !== undefined && preset !== 'classroom' && preset !== 'kafka-defaults')
    return usage(`--preset must be kafka-defaults or classroom, got ${JSON.stringify(preset)}`);
  const scenario = values.get('scenario');
  if (scenario === '') return usage('--scenario needs a file name or a built-in id');
  return {
    kind: 'run',
    options: {
      scenario,
      port,
      appPort,
      seed: seedText === undefined ? undefined : Number(seedText),
      preset,
      events: switches.has('events'),
    },
  };
}

function usage(message: string): ParsedBrokerArgs {
  return { kind: 'usage-error', message };
}
