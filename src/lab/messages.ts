// Between the page and the code lab's worker.
export type ToLab = {
  type: 'run';
  code: string;
  port: MessagePort;
  /** Broker N is at 127.0.0.1:basePort+N-1 (9092 for the page's engine). */
  basePort: number;
};

export type FromLab =
  | { type: 'console'; level: 'log' | 'error'; text: string }
  /** The program finished (error null) or threw. */
  | { type: 'done'; error: string | null };
