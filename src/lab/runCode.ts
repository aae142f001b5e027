// Runs a learner's KafkaJS program: `require('kafkajs')` gives KafkaJS with every Kafka client
// connected to the simulated cluster (its socket factory), and `console` is the lab's. The same
// runner serves the code lab (in its worker) and the Node test that checks the lab's programs.
export interface LabConsole {
  log(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** Formats console arguments as Node's console would, roughly: strings as they are, else JSON. */
export function formatArgs(args: unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === 'string') return a;
      if (a instanceof Error) return `${a.name}: ${a.message}`;
      try {
        return JSON.stringify(a);
      } catch {
        return String(a);
      }
    })
    .join(' ');
}

type AsyncProgram = (require: (name: string) => unknown, console: LabConsole) => Promise<unknown>;

/** Compiles and runs `code`; resolves when it finishes, rejects with what it threw. */
export async function runLabCode(
  code: string,
  kafkajs: Record<string, unknown>,
  labConsole: LabConsole,
): Promise<void> {
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => AsyncProgram;
  const program = new AsyncFunction('require', 'console', code);
  const require = (name: string): unknown => {
    if (name === 'kafkajs') return kafkajs;
    throw new Error(`require('${name}'): the code lab offers only 'kafkajs'`);
  };
  await program(require, labConsole);
}
