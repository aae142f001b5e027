// Between the page and the code lab's worker.
export type ToLab = { type: 'run'; code: string; port: MessagePort };

export type FromLab =
  | { type: 'console'; level: 'log' | 'error'; text: string }
  /** The program finished (error null) or threw. */
  | { type: 'done'; error: string | null };
