// Entry point of `npm run broker` (package.json): a simulated cluster on 127.0.0.1 that real
// Kafka clients connect to (src/gateway/tcp.ts). Run it with --help.
import { createEngine, EngineInputError, type Scenario } from '../engine';
import { TcpGateway } from '../gateway/tcp';
import { BROKER_HELP, parseBrokerArgs, type BrokerOptions } from './brokerArgs';
import { describeTimelineLine, isTraffic } from './describe';
import { EXIT, loadScenario, nodeIo } from './main';

/** Without --scenario: three brokers with Kafka's defaults, waiting for clients. */
const PLAIN_CLUSTER: Scenario = {
  version: 1,
  seed: 1,
  preset: 'kafka-defaults',
  cluster: { brokers: 3 },
};

const HOST = '127.0.0.1';

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
  let engine;
  try {
    engine = createEngine(scenario);
  } catch (error) {
    if (!(error instanceof EngineInputError)) throw error;
    process.stderr.write(error.errors.map((e) => `broker: ${e.message}\n`).join(''));
    return EXIT.badScenario;
  }
  const { port, events } = args.options;
  const gateway = new TcpGateway(engine, {
    host: HOST,
    basePort: port,
    clusterId: 'kafka-sim',
    onEvents: events
      ? (list) => {
          for (const e of list)
            if (!isTraffic(e)) process.stdout.write(`${describeTimelineLine(e)}\n`);
        }
      : undefined,
    onError: (error) => process.stderr.write(`broker: ${String(error)}\n`),
  });
  try {
    await gateway.start();
  } catch (error) {
    const code = (error as { code?: string }).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `broker: a port from ${port} on is taken (is another broker running?); choose another with --port\n`
        : `broker: cannot listen: ${String(error)}\n`,
    );
    await gateway.stop();
    return EXIT.usage;
  }
  const brokers = engine.view().brokers.map((b) => b.id);
  process.stdout.write(
    [
      `kafka-sim: ${brokers.length} brokers (${args.options.scenario ?? 'a plain cluster'}, seed ${engine.seed})`,
      ...brokers.map((id) => `  broker ${id}: ${HOST}:${gateway.portOf(id)}`),
      `bootstrap: ${HOST}:${port}`,
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await gateway.stop();
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
