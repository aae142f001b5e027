// `npm run broker`'s listeners (design.md 3.11): one TCP port per broker on 127.0.0.1 (broker N
// on port P+N-1, advertised as such, so a leadership change moves clients between ports). Each
// accepted socket is a real client's connection in the engine, spoken for in the same socket
// messages as the code lab's (worker/protocol.ts LabToWorker): the handshake is the simulated
// one (a broker whose process is down refuses it), and a broker crash or a jump in time ends it.
import { createServer, type Server, type Socket } from 'node:net';
import type { LabFromWorker, LabToWorker } from '../worker/protocol';

export interface TcpListenersOptions {
  host: string;
  /** Broker N listens on basePort + N - 1. */
  basePort: number;
  /** Where the sockets' messages go (the engine's host). */
  send(message: LabToWorker): void;
}

export class TcpListeners {
  private readonly servers = new Map<number, Server>();
  private readonly sockets = new Map<string, Socket>();
  private next = 1;

  constructor(private readonly options: TcpListenersOptions) {}

  portOf(brokerId: number): number {
    return this.options.basePort + brokerId - 1;
  }

  /** What the engine's host says about one of our sockets. */
  deliver(message: LabFromWorker): void {
    const socket = this.sockets.get(message.socket);
    if (!socket) return;
    switch (message.event) {
      case 'connected':
        socket.resume();
        return;
      case 'data':
        socket.write(message.bytes);
        return;
      case 'refused':
        this.sockets.delete(message.socket);
        socket.resetAndDestroy();
        return;
      case 'end':
        this.sockets.delete(message.socket);
        socket.end();
        return;
    }
  }

  /**
   * Listen for exactly these brokers: a broker whose process stopped closes its port, as a real
   * one does (clients connecting now get ECONNREFUSED), and a started or added one opens its own.
   */
  async listenFor(runningBrokers: readonly number[]): Promise<void> {
    for (const id of [...this.servers.keys()]) if (!runningBrokers.includes(id)) this.unlisten(id);
    for (const id of runningBrokers) await this.listen(id);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets.values()) socket.destroy();
    this.sockets.clear();
    const servers = [...this.servers.values()];
    this.servers.clear();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }

  unlisten(brokerId: number): void {
    const server = this.servers.get(brokerId);
    if (!server) return;
    this.servers.delete(brokerId);
    server.close();
  }

  async listen(brokerId: number): Promise<void> {
    if (this.servers.has(brokerId)) return;
    const server = createServer((socket) => this.accept(brokerId, socket));
    this.servers.set(brokerId, server);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.portOf(brokerId), this.options.host, () => resolve());
      });
    } catch (error) {
      this.servers.delete(brokerId);
      throw error;
    }
  }

  private accept(brokerId: number, socket: Socket): void {
    const name = `tcp${this.next++}`;
    this.sockets.set(name, socket);
    socket.setNoDelay(true);
    // Nothing is read before the simulated handshake succeeds.
    socket.pause();
    const { send } = this.options;
    const closed = () => {
      // Our side ended it (the engine's reset) or the client did: tell the engine once.
      if (this.sockets.get(name) !== socket) return;
      this.sockets.delete(name);
      send({ type: 'lab', action: 'close', socket: name });
    };
    socket.on('data', (chunk: Buffer) =>
      send({ type: 'lab', action: 'write', socket: name, bytes: new Uint8Array(chunk) }),
    );
    socket.on('close', closed);
    socket.on('error', closed);
    send({ type: 'lab', action: 'connect', socket: name, brokerId });
  }
}
