// A simulated cluster that real KafkaJS code can talk to, inside a test: the engine runs paced
// by the wall clock, and KafkaJS's socketFactory hands it sockets whose bytes go through the
// bridge (src/bridge) to the engine and back. What `npm run broker` will do over TCP.
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { Kafka, logLevel, type ISocketFactory, type RetryOptions } from 'kafkajs';
import {
  createEngine,
  type Engine,
  type ExternalAnswer,
  type Scenario,
  type SimEvent,
} from '../../src/engine';
import { WireConnection } from '../../src/bridge/wireConnection';

export const BASE_PORT = 9092;

interface Entry {
  wire: WireConnection;
  socket: FakeSocket;
}

export class PacedCluster {
  readonly engine: Engine;
  /** Every event so far (the cluster drains the engine's as it runs). */
  readonly events: SimEvent[] = [];
  private readonly conns = new Map<string, Entry>();
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly t0 = Date.now();
  private readonly simStart: number;
  private next = 1;

  constructor(scenario: Scenario) {
    this.engine = createEngine(scenario);
    this.simStart = this.engine.now;
    this.timer = setInterval(() => this.tick(), 2);
  }

  /** KafkaJS's socketFactory option (the socket has the part of net.Socket KafkaJS uses). */
  readonly socketFactory: ISocketFactory = ({ port, onConnect }) => {
    const conn = `c${this.next++}`;
    const wire = new WireConnection(conn, this.engine, {
      advertise: (id) => ({ host: '127.0.0.1', port: BASE_PORT + id - 1 }),
      clusterId: 'kafka-sim',
    });
    const socket = new FakeSocket(this, conn, onConnect);
    this.conns.set(conn, { wire, socket });
    const result = this.engine.dispatch({
      type: 'externalConnect',
      conn,
      brokerId: port - BASE_PORT + 1,
      clientId: '',
    });
    if (!result.ok) setImmediate(() => socket.fail('ECONNREFUSED'));
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

  /** Every chunk a client wrote, in order (for replaying altered copies of real requests). */
  readonly written: Uint8Array[] = [];

  /** Whether connection `conn` is still open on the bridge's side. */
  isOpen(conn: string): boolean {
    return this.conns.has(conn);
  }

  /** Bytes the client wrote on `conn`. */
  write(conn: string, data: Uint8Array): void {
    this.written.push(data);
    const entry = this.conns.get(conn);
    if (!entry) return;
    this.deliver(entry, entry.wire.receive(data));
  }

  close(conn: string): void {
    if (!this.conns.delete(conn)) return;
    this.engine.dispatch({ type: 'externalClose', conn });
  }

  private tick(): void {
    this.engine.advanceTo(this.simStart + (Date.now() - this.t0));
    for (const e of this.engine.drainEvents()) this.events.push(e);
    for (const a of this.engine.drainExternal()) this.route(a);
  }

  private route(a: ExternalAnswer): void {
    const entry = this.conns.get(a.conn);
    if (!entry) return;
    if (a.kind === 'connected') return entry.socket.connected();
    if (a.kind === 'refused') return entry.socket.fail('ECONNREFUSED');
    this.deliver(entry, entry.wire.answer(a));
  }

  private deliver(entry: Entry, output: { out: Uint8Array[]; close: boolean }): void {
    for (const bytes of output.out)
      setImmediate(() => entry.socket.emit('data', Buffer.from(bytes)));
    if (output.close) {
      // The bridge gave up on the connection (or the broker's host reset it): the engine's side
      // closes too, and the client sees the socket end.
      this.close(entry.wire.conn);
      setImmediate(() => entry.socket.emit('end'));
    }
  }
}

/**
 * The part of net.Socket KafkaJS uses, with Node's behaviour where KafkaJS relies on it: end()
 * on a socket still connecting does not cancel the attempt (a refusal still arrives as an
 * 'error'; a connection that opens is closed at once), while destroy() cancels it.
 */
class FakeSocket extends EventEmitter {
  private state: 'connecting' | 'ending' | 'open' | 'closed' = 'connecting';

  constructor(
    private readonly cluster: PacedCluster,
    readonly conn: string,
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
