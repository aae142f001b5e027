// Real clients in the page (the code lab): KafkaJS runs in the page, and each socket it opens
// is named by the page and carried here by messages; the worker keeps a Gateway next to the
// session's engine, so the lab's requests are commands in the recorded session like the user's.
// A seek or a new scenario ends every lab socket (the clients reconnect to the new moment).
import { Gateway } from '../bridge/gateway';
import type { LabFromWorker, LabToWorker } from './protocol';
import type { Session } from './session';

export interface BrokerAddress {
  host: string;
  basePort: number;
}

export class LabConnections {
  private gateway: Gateway | null = null;
  /** The page's socket id for each gateway connection, and back. */
  private readonly connOf = new Map<string, string>();
  private readonly socketOf = new Map<string, string>();

  constructor(
    private readonly session: () => Session | null,
    private post: (message: LabFromWorker) => void,
    /** Where clients are told the brokers are: broker N at basePort + N - 1. */
    private readonly address: BrokerAddress,
  ) {}

  /**
   * Lab messages now come from (and go back to) another place: the code lab's worker, over a
   * port of its own. The clients of the last run are gone: their connections close.
   */
  attach(post: (message: LabFromWorker) => void): void {
    this.closeAll();
    this.post = post;
  }

  /** Every lab client's process ended: its connections close, as TCP's would. */
  closeAll(): void {
    for (const conn of [...this.socketOf.keys()]) this.gateway?.close(conn);
    this.connOf.clear();
    this.socketOf.clear();
  }

  handle(message: LabToWorker): void {
    const gateway = this.ensureGateway();
    if (!gateway) return this.post({ type: 'lab', socket: message.socket, event: 'refused' });
    const conn = this.connOf.get(message.socket);
    switch (message.action) {
      case 'connect': {
        if (conn !== undefined) return;
        const socket = message.socket;
        const opened = gateway.open(message.brokerId, {
          connected: () => this.post({ type: 'lab', socket, event: 'connected' }),
          refused: () => this.forget(socket, 'refused'),
          data: (bytes) => this.post({ type: 'lab', socket, event: 'data', bytes }),
          end: () => this.forget(socket, 'end'),
        });
        if ('error' in opened) return this.post({ type: 'lab', socket, event: 'refused' });
        this.connOf.set(socket, opened.conn);
        this.socketOf.set(opened.conn, socket);
        return;
      }
      case 'write':
        if (conn !== undefined) gateway.write(conn, message.bytes);
        return;
      case 'close':
        if (conn === undefined) return;
        this.connOf.delete(message.socket);
        this.socketOf.delete(conn);
        gateway.close(conn);
        return;
    }
  }

  /** After the engine moved: hand each socket what reached it. */
  pump(): void {
    this.gateway?.pump();
  }

  /** The session's world changed under the sockets (a seek, a load): end them all. */
  reset(): void {
    this.gateway?.resetAll();
    this.gateway = null;
    this.connOf.clear();
    this.socketOf.clear();
  }

  private forget(socket: string, event: 'refused' | 'end'): void {
    const conn = this.connOf.get(socket);
    this.connOf.delete(socket);
    if (conn !== undefined) this.socketOf.delete(conn);
    this.post({ type: 'lab', socket, event });
  }

  private ensureGateway(): Gateway | null {
    const session = this.session();
    if (!session) return null;
    this.gateway ??= new Gateway(
      {
        dispatch: (command) => session.dispatch(command),
        drainExternal: () => session.current.drainExternal(),
      },
      {
        advertise: (id) => ({ host: this.address.host, port: this.address.basePort + id - 1 }),
        clusterId: 'kafka-sim',
      },
    );
    return this.gateway;
  }
}
