// A real client's side of the engine in scenario tests: open a connection, wait for an answer.
import type { ExternalAnswer } from '../../src/engine';
import type { Run } from './helpers';

/** Runs until the real client's connection `conn` has an answer to request `reqId`. */
export function answerTo(run: Run, conn: string, reqId: number, out: ExternalAnswer[]): unknown {
  for (let i = 0; i < 200; i++) {
    run.to(run.engine.now + 10);
    out.push(...run.engine.drainExternal());
    const found = out.find(
      (a) =>
        a.conn === conn && a.kind === 'response' && (a.body as { reqId: number }).reqId === reqId,
    );
    if (found) return (found as { body: unknown }).body;
  }
  throw new Error(`no answer to request ${reqId} on ${conn}`);
}

export function open(run: Run, conn: string, brokerId: number, out: ExternalAnswer[]): void {
  run.do({ type: 'externalConnect', conn, brokerId, clientId: 'lab' });
  for (let i = 0; i < 100 && !out.some((a) => a.conn === conn && a.kind === 'connected'); i++) {
    run.to(run.engine.now + 5);
    out.push(...run.engine.drainExternal());
  }
}
