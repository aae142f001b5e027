// A simulated cluster that real KafkaJS code can talk to, inside a test: the engine runs paced
// by the wall clock, and KafkaJS's socketFactory hands it sockets whose bytes go through the
// gateway (src/bridge/gateway.ts) to the engine and back, as `npm run broker` does over TCP.
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { Kafka, logLevel, type ISocketFactory, type RetryOptions } from 'kafkajs';
import { createEngine, type Engine, type Scenario, type SimEvent } from '../../src/engine';
import { Gateway } from '../../src/bridge/gateway';

export const BASE_PORT = 9092;

export class PacedCluster {
  readonly engine: Engine;
  /** Every event so far (the cluster drains the engine's as it runs). */
  readonly events: SimEvent[] = [];
  /** Every chunk a client wrote, in order (for replaying altered copies of real requests). */
  readonly written: Uint8Array[] = [];
  private readonly gateway: Gateway;
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

  /** KafkaJS's socketFactory option (the socket has the part of net.Socket KafkaJS uses). */
  readonly socketFactory: ISocketFactory = ({ port, onConnect }) => {
    const socket = new FakeSocket(this, onConnect);
    const opened = this.gateway.open(port - BASE_PORT + 1, {
      connected: () => socket.connected(),
      refused: () => socket.fail('ECONNREFUSED'),
      data: (bytes) => setImmediate(() => socket.emit('data', Buffer.from(bytes))),
      end: () => setImmediate(() => socket.emit('end')),
    });
    if ('conn' in opened) socket.conn = opened.conn;
    else setImmediate(() => socket.fail('ECONNREFUSED'));
    return socket as unknown as Socket;
  };

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

  /** Whether connection `conn` is still open on the gateway's side. */
  isOpen(conn: string): boolean {
    return this.gateway.isOpen(conn);
  }

  /** Bytes the client wrote on `conn`. */
  write(conn: string, data: Uint8Array): void {
    this.written.push(data);
    this.gateway.write(conn, data);
  }

  close(conn: string): void {
    this.gateway.close(conn);
  }

  private tick(): void {
    this.engine.advanceTo(this.simStart + (Date.now() - this.t0));
    for (const e of this.engine.drainEvents()) this.events.push(e);
    this.gateway.pump();
  }
}

/**
 * The part of net.Socket KafkaJS uses, with Node's behaviour where KafkaJS relies on it: end()
 * on a socket still connecting does not cancel the attempt (a refusal still arrives as an
 * 'error'; a connection that opens is closed at once), while destroy() cancels it.
 */
class FakeSocket extends EventEmitter {
  /** The gateway's name for the connection ('' when it could not be opened). */
  conn = '';
  private state: 'connecting' | 'ending' | 'open' | 'closed' = 'connecting';

  constructor(
    private readonly cluster: PacedCluster,
    private readonly onConnect: () => void,
  ) {
    super();
  }

  connected(): void {
    if (this.state === 'ending') return this.close();
    if (this.state !== 'connecting') return;
    this.state = 'open';
    this.onConnect();
  }

  fail(code: string): void {
    if (this.state === 'ending') this.close();
    if (this.state === 'closed' && code !== 'ECONNREFUSED') return;
    this.state = 'closed';
    this.emit('error', Object.assign(new Error(`connect ${code}`), { code }));
  }

  write(data: Buffer | Uint8Array): boolean {
    if (this.state === 'open') this.cluster.write(this.conn, new Uint8Array(data));
    return true;
  }

  end(): void {
    if (this.state === 'connecting') this.state = 'ending';
    else this.close();
  }

  destroy(): void {
    this.close();
  }

  private close(): void {
    this.state = 'closed';
    this.cluster.close(this.conn);
  }

  setKeepAlive(): void {}

  unref(): void {}
}
