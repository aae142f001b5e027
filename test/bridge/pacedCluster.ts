// A simulated cluster that real KafkaJS code can talk to, inside a test: the engine runs paced
// by the wall clock, and KafkaJS's socketFactory hands it the code lab's own sockets
// (src/lab/labSocket.ts), whose lab messages this cluster takes where the engine worker would:
// to the gateway (src/bridge/gateway.ts), as `npm run broker` does over TCP.
import type { Socket } from 'node:net';
import { Kafka, logLevel, type ISocketFactory, type RetryOptions } from 'kafkajs';
import { createEngine, type Engine, type Scenario, type SimEvent } from '../../src/engine';
import { Gateway } from '../../src/bridge/gateway';
import { LabSockets, type LabSocket } from '../../src/lab/labSocket';
import type { LabFromWorker, LabToWorker } from '../../src/worker/protocol';

export const BASE_PORT = 9092;

export class PacedCluster {
  readonly engine: Engine;
  /** Every event so far (the cluster drains the engine's as it runs). */
  readonly events: SimEvent[] = [];
  /** Every chunk a client wrote, in order (for replaying altered copies of real requests). */
  readonly written: Uint8Array[] = [];
  private readonly gateway: Gateway;
  private readonly sockets = new LabSockets({ postMessage: (m) => this.fromSocket(m) });
  /** The gateway's connection of each lab socket. */
  private readonly connOf = new Map<string, string>();
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly t0 = Date.now();
  private readonly simStart: number;

  constructor(scenario: Scenario) {
    this.engine = createEngine(scenario);
    this.gateway = new Gateway(this.engine, {
      advertise: (id) => ({ host: '127.0.0.1', port: BASE_PORT + id - 1 }),
      clusterId: 'kafka-sim',
    });
    this.simStart = this.engine.now;
    this.timer = setInterval(() => this.tick(), 2);
  }

  /** KafkaJS's socketFactory option (the lab socket has the part of net.Socket KafkaJS uses). */
  readonly socketFactory: ISocketFactory = ({ port, onConnect }) =>
    this.sockets.open(port - BASE_PORT + 1, onConnect) as unknown as Socket;

  /**
   * A KafkaJS client of this cluster, as a learner's code would make one: quiet, one retry
   * unless told (KafkaJS's own default is five, with a backoff from 300 ms).
   */
  kafka(clientId: string, retry: RetryOptions = { retries: 1 }): Kafka {
    return new Kafka({
      clientId,
      brokers: [`127.0.0.1:${BASE_PORT}`],
      socketFactory: this.socketFactory,
      logLevel: logLevel.NOTHING,
      retry,
    });
  }

  /** Resolves once `done` holds (checked every few ms); fails after `timeoutMs` of wall time. */
  async waitFor(what: string, done: () => boolean, timeoutMs = 20_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Whether the socket's connection is still open on the gateway's side. */
  isOpen(socket: Socket): boolean {
    const conn = this.connOf.get((socket as unknown as LabSocket).id);
    return conn !== undefined && this.gateway.isOpen(conn);
  }

  /** A lab message from a socket: where the engine worker's lab sockets would take it. */
  private fromSocket(m: LabToWorker): void {
    const conn = this.connOf.get(m.socket);
    switch (m.action) {
      case 'connect': {
        const tell = (message: LabFromWorker) => this.sockets.receive(message);
        const { socket } = m;
        const opened = this.gateway.open(m.brokerId, {
          connected: () => tell({ type: 'lab', socket, event: 'connected' }),
          refused: () => tell({ type: 'lab', socket, event: 'refused' }),
          data: (bytes) => setImmediate(() => tell({ type: 'lab', socket, event: 'data', bytes })),
          end: () => setImmediate(() => tell({ type: 'lab', socket, event: 'end' })),
        });
        if ('conn' in opened) this.connOf.set(socket, opened.conn);
        else setImmediate(() => tell({ type: 'lab', socket, event: 'refused' }));
        return;
      }
      case 'write':
        this.written.push(m.bytes);
        if (conn !== undefined) this.gateway.write(conn, m.bytes);
        return;
      case 'close':
        if (conn !== undefined) this.gateway.close(conn);
        return;
    }
  }

  private tick(): void {
    this.engine.advanceTo(this.simStart + (Date.now() - this.t0));
    for (const e of this.engine.drainEvents()) this.events.push(e);
    this.gateway.pump();
  }
}
