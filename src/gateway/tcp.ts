// `npm run broker`'s listeners (design.md 3.11): an engine in Node paced by the wall clock, and
// one TCP port per broker on 127.0.0.1 (broker N on port P+N-1, advertised as such, so a
// leadership change moves clients between ports). Each accepted socket is a real client's
// connection in the engine: the handshake is the simulated one (a broker whose process is down
// refuses it), its bytes go through the gateway, and a broker crash resets it.
import { createServer, type Server, type Socket } from 'node:net';
import type { Engine, SimEvent } from '../engine';
import { Gateway } from '../bridge/gateway';

/** How often the engine is brought up to the wall clock (ms). */
const PACE_MS = 2;

export interface TcpGatewayOptions {
  host: string;
  /** Broker N listens on basePort + N - 1. */
  basePort: number;
  clusterId: string;
  /** Told the engine's events after each advance. */
  onEvents?: (events: SimEvent[]) => void;
  /** A new broker's port could not be opened. */
  onError?: (error: unknown) => void;
}

export class TcpGateway {
  readonly gateway: Gateway;
  private readonly servers = new Map<number, Server>();
  private readonly sockets = new Set<Socket>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly t0 = Date.now();
  private readonly simStart: number;

  constructor(
    readonly engine: Engine,
    private readonly options: TcpGatewayOptions,
  ) {
    const { host, basePort, clusterId } = options;
    this.gateway = new Gateway(engine, {
      advertise: (id) => ({ host, port: basePort + id - 1 }),
      clusterId,
    });
    this.simStart = engine.now;
  }

  /** Listens for every running broker, and starts the clock. */
  async start(): Promise<void> {
    await this.listenForNewBrokers();
    this.timer = setInterval(() => this.tick(), PACE_MS);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(
      [...this.servers.values()].map(
        (s) => new Promise<void>((resolve) => s.close(() => resolve())),
      ),
    );
    this.servers.clear();
  }

  portOf(brokerId: number): number {
    return this.options.basePort + brokerId - 1;
  }

  private tick(): void {
    this.engine.advanceTo(this.simStart + (Date.now() - this.t0));
    const events = this.engine.drainEvents();
    this.gateway.pump();
    if (events.length > 0) this.options.onEvents?.(events);
    for (const e of events) {
      // A broker whose process stops closes its port, as a real one does: clients connecting
      // now are refused (ECONNREFUSED); the engine resets the connections it had.
      if (e.type === 'broker.stopped') this.unlisten(e.brokerId);
      if (e.type === 'broker.started')
        this.listen(e.brokerId).catch((error: unknown) => this.options.onError?.(error));
    }
  }

  private unlisten(brokerId: number): void {
    const server = this.servers.get(brokerId);
    if (!server) return;
    this.servers.delete(brokerId);
    server.close();
  }

  /** Every running broker's port (a broker added later gets the next port when it starts). */
  private async listenForNewBrokers(): Promise<void> {
    for (const b of this.engine.view().brokers) if (b.status === 'running') await this.listen(b.id);
  }

  private async listen(brokerId: number): Promise<void> {
    if (this.servers.has(brokerId)) return;
    const server = createServer((socket) => this.accept(brokerId, socket));
    this.servers.set(brokerId, server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.portOf(brokerId), this.options.host, () => resolve());
    });
  }

  private accept(brokerId: number, socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.setNoDelay(true);
    socket.pause();
    const opened = this.gateway.open(brokerId, {
      connected: () => socket.resume(),
      refused: () => socket.resetAndDestroy(),
      data: (bytes) => void socket.write(bytes),
      end: () => socket.end(),
    });
    if ('error' in opened) {
      socket.resetAndDestroy();
      return;
    }
    const { conn } = opened;
    socket.on('data', (chunk: Buffer) => this.gateway.write(conn, new Uint8Array(chunk)));
    socket.on('close', () => this.gateway.close(conn));
    socket.on('error', () => this.gateway.close(conn));
  }
}
