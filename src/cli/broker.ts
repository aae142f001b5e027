// Entry point of `npm run broker` (package.json): a simulated cluster on 127.0.0.1 that real
// Kafka clients connect to (src/gateway/tcp.ts). Run it with --help.
import { fileURLToPath } from 'node:url';
import { checkScenario, type Scenario } from '../engine';
import { AppServer } from '../gateway/appServer';
import { BrokerHost } from '../gateway/brokerHost';
import { BROKER_HELP, parseBrokerArgs, type BrokerOptions } from './brokerArgs';
import { describeTimelineLine } from './describe';
import { EXIT, loadScenario, nodeIo } from './main';

/** Without --scenario: three brokers with Kafka's defaults, waiting for clients. */
const PLAIN_CLUSTER: Scenario = {
  version: 1,
  seed: 1,
  preset: 'kafka-defaults',
  cluster: { brokers: 3 },
};

const HOST = '127.0.0.1';
/** The built app (`npm run broker` builds it first: package.json's prebroker). */
const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

async function main(argv: readonly string[]): Promise<number> {
  const args = parseBrokerArgs(argv);
  if (args.kind === 'help') {
    process.stdout.write(BROKER_HELP);
    return EXIT.ok;
  }
  if (args.kind === 'usage-error') {
    process.stderr.write(`broker: ${args.message}\nRun with --help for usage.\n`);
    return EXIT.usage;
  }
  const scenario = load(args.options);
  if (scenario === null) return EXIT.badScenario;
  // The engine checks the scenario (a clear message for each mistake) before any port opens.
  const problems = checkScenario(scenario);
  if (problems.length > 0) {
    process.stderr.write(problems.map((e) => `broker: ${e.message}\n`).join(''));
    return EXIT.badScenario;
  }
  const { port, appPort, events } = args.options;
  const broker = new BrokerHost({
    host: HOST,
    basePort: port,
    onEvents: events
      ? (list) => {
          // Frames carry the cluster's events without the traffic (flights go apart).
          for (const e of list) process.stdout.write(`${describeTimelineLine(e)}\n`);
        }
      : undefined,
    onError: (error) => process.stderr.write(`broker: ${String(error)}\n`),
  });
  const app = new AppServer({ host: HOST, port: appPort, distDir: DIST_DIR, broker });
  try {
    const loaded = await broker.start(scenario);
    if (!loaded.ok) {
      process.stderr.write(loaded.errors.map((e) => `broker: ${e.message}\n`).join(''));
      return EXIT.badScenario;
    }
    await app.start();
  } catch (error) {
    const code = (error as { code?: string }).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `broker: a port is taken (${String((error as { port?: number }).port ?? '')}; is another broker running?); choose others with --port and --app-port\n`
        : `broker: cannot listen: ${String(error)}\n`,
    );
    await broker.stop();
    return EXIT.usage;
  }
  const brokers = broker.brokers();
  process.stdout.write(
    [
      `kafka-sim: ${brokers.length} brokers (${args.options.scenario ?? 'a plain cluster'}, seed ${scenario.seed})`,
      ...brokers.map((id) => `  broker ${id}: ${HOST}:${broker.tcp.portOf(id)}`),
      `bootstrap: ${HOST}:${port}`,
      `app: ${app.url}`,
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await app.stop();
  await broker.stop();
  return EXIT.ok;
}

function load(options: BrokerOptions): Scenario | null {
  let scenario = PLAIN_CLUSTER;
  if (options.scenario !== undefined) {
    const loaded = loadScenario(options.scenario, nodeIo);
    if (!loaded.ok) {
      process.stderr.write(
        loaded.errors.map((e) => `broker: ${options.scenario}: ${e.message}\n`).join(''),
      );
      return null;
    }
    scenario = loaded.scenario;
  }
  return {
    ...scenario,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.preset === undefined ? {} : { preset: options.preset }),
  };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // The listeners are closed; a client's socket left open must not keep the process alive.
    setImmediate(() => process.exit(code));
  },
  (error: unknown) => {
    process.stderr.write(
      `broker: the engine failed. This is a bug; please report it with the scenario and the seed.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(EXIT.engineFailure);
  },
);
