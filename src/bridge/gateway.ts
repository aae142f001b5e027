// The real clients' side of one engine: every connection a client opens (over TCP in
// `npm run broker`, through KafkaJS's socketFactory in a test or the code lab) gets a
// WireConnection, its bytes go in, and what the engine delivered comes back out to it. Pure: the
// host paces the engine and calls pump() after each advance; the transport is a ClientSink.
import type { Engine, EngineError } from '../engine';

/** What the gateway needs of the engine's host: commands in, what reached clients out. */
export type GatewayEngine = Pick<Engine, 'dispatch' | 'drainExternal'>;
import { WireConnection, type WireOptions, type WireOutput } from './wireConnection';

/** What a transport does for one connection when the engine has something for it. */
export interface ClientSink {
  /** The TCP handshake succeeded: the client may write. */
  connected(): void;
  /** The broker's host refused the connection (its process is not running). */
  refused(): void;
  /** Bytes for the client. */
  data(bytes: Uint8Array): void;
  /** The connection is over (the bridge closed it, or the broker's host reset it). */
  end(): void;
}

interface Entry {
  wire: WireConnection;
  sink: ClientSink;
}

export class Gateway {
  private readonly conns = new Map<string, Entry>();
  private next = 1;

  constructor(
    private readonly engine: GatewayEngine,
    private readonly options: WireOptions,
  ) {}

  /** Opens a connection to broker `brokerId` (the handshake's outcome reaches `sink`). */
  open(brokerId: number, sink: ClientSink): { conn: string } | { error: EngineError } {
    const conn = `c${this.next++}`;
    const result = this.engine.dispatch({ type: 'externalConnect', conn, brokerId, clientId: '' });
    if (!result.ok) return { error: result.error };
    this.conns.set(conn, { wire: new WireConnection(conn, this.engine, this.options), sink });
    return { conn };
  }

  /**
   * Ends every connection without telling the engine: its world changed under them (a seek, a
   * new scenario), and a command now would change the recorded history. What the engine still
   * holds for them is dropped.
   */
  resetAll(): void {
    const sinks = [...this.conns.values()].map((e) => e.sink);
    this.conns.clear();
    this.engine.drainExternal();
    for (const sink of sinks) sink.end();
  }

  isOpen(conn: string): boolean {
    return this.conns.has(conn);
  }

  /** Bytes the client wrote. */
  write(conn: string, bytes: Uint8Array): void {
    const entry = this.conns.get(conn);
    if (entry) this.deliver(entry, entry.wire.receive(bytes));
  }

  /** The client closed its side: the engine's connection closes too. */
  close(conn: string): void {
    if (!this.conns.delete(conn)) return;
    this.engine.dispatch({ type: 'externalClose', conn });
  }

  /** Hands each connection what the engine delivered to it since the last pump. */
  pump(): void {
    for (const a of this.engine.drainExternal()) {
      const entry = this.conns.get(a.conn);
      if (!entry) continue;
      if (a.kind === 'connected') entry.sink.connected();
      else if (a.kind === 'refused') {
        this.conns.delete(a.conn);
        entry.sink.refused();
      } else this.deliver(entry, entry.wire.answer(a));
    }
  }

  private deliver(entry: Entry, output: WireOutput): void {
    for (const bytes of output.out) entry.sink.data(bytes);
    if (output.close) {
      this.close(entry.wire.conn);
      entry.sink.end();
    }
  }
}
