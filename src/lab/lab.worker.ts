/// <reference lib="webworker" />
// The code lab's worker: runs the learner's KafkaJS program, off the page's thread (a runaway
// loop cannot freeze the picture; Stop ends this worker) and outside the page's script policy,
// which rightly forbids compiling code in the page. Its sockets talk to the engine worker over a
// port the page handed it (labSocket.ts); its console goes to the page.
import './shims';
import * as kafkajs from 'kafkajs';
import type { KafkaConfig, LogEntry } from 'kafkajs';
import type { LabFromWorker } from '../worker/protocol';
import { LabSockets } from './labSocket';
import { formatArgs, runLabCode } from './runCode';
import type { FromLab, ToLab } from './messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromLab) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<ToLab>) => {
  if (event.data?.type === 'run') void run(event.data.code, event.data.port, event.data.basePort);
};

async function run(code: string, port: MessagePort, basePort: number): Promise<void> {
  const sockets = new LabSockets(port);
  port.onmessage = (event: MessageEvent<LabFromWorker>) => sockets.receive(event.data);
  const labConsole = {
    log: (...args: unknown[]) => post({ type: 'console', level: 'log', text: formatArgs(args) }),
    error: (...args: unknown[]) =>
      post({ type: 'console', level: 'error', text: formatArgs(args) }),
  };
  // KafkaJS's own log goes to the lab's console, errors only unless the program asks for more.
  const logCreator = () => (entry: LogEntry) =>
    labConsole.error(
      `[kafkajs] ${entry.log.message}${entry.log.error ? `: ${String(entry.log.error)}` : ''}`,
    );
  class Kafka extends kafkajs.Kafka {
    constructor(config: KafkaConfig) {
      super({
        logLevel: kafkajs.logLevel.ERROR,
        logCreator,
        ...config,
        socketFactory: ({ port: p, onConnect }) =>
          sockets.open(
            p - basePort + 1,
            onConnect,
          ) as unknown as ReturnType<kafkajs.ISocketFactory>,
      });
    }
  }
  try {
    await runLabCode(code, { ...kafkajs, Kafka }, labConsole);
    post({ type: 'done', error: null });
  } catch (error) {
    post({ type: 'done', error: formatArgs([error]) });
  }
}
