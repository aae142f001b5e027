// A socket for KafkaJS in the lab worker whose bytes travel to the engine worker as `lab`
// messages over a MessagePort (worker/lab.ts on the other side; the Node tests' PacedCluster
// plays that side directly). It behaves as Node's net.Socket
// where KafkaJS relies on it: end() while still connecting does not cancel the attempt (a
// refusal still arrives as an 'error'; a connection that opens is closed at once); destroy()
// cancels it.
import { EventEmitter } from 'events';
import type { LabFromWorker, LabToWorker } from '../worker/protocol';

export class LabSockets {
  private readonly sockets = new Map<string, LabSocket>();
  private next = 1;

  constructor(private readonly port: { postMessage(message: LabToWorker): void }) {}

  /** What the engine worker said about a socket. */
  receive(message: LabFromWorker): void {
    const socket = this.sockets.get(message.socket);
    if (!socket) return;
    if (message.event === 'data') return socket.data(message.bytes);
    if (message.event === 'connected') return socket.connected();
    this.sockets.delete(message.socket);
    if (message.event === 'refused') socket.refused();
    else socket.ended();
  }

  open(brokerId: number, onConnect: () => void): LabSocket {
    const id = `lab-${this.next++}`;
    const socket = new LabSocket(id, this.port, onConnect);
    this.sockets.set(id, socket);
    this.port.postMessage({ type: 'lab', action: 'connect', socket: id, brokerId });
    return socket;
  }
}

export class LabSocket extends EventEmitter {
  private state: 'connecting' | 'ending' | 'open' | 'closed' = 'connecting';

  constructor(
    /** Its name in the lab messages. */
    readonly id: string,
    private readonly port: { postMessage(message: LabToWorker): void },
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

  refused(): void {
    this.state = 'closed';
    this.emit('error', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
  }

  data(bytes: Uint8Array): void {
    this.emit('data', toBuffer(bytes));
  }

  ended(): void {
    this.state = 'closed';
    this.emit('end');
  }

  write(data: Uint8Array): boolean {
    if (this.state !== 'open') return true;
    const bytes = new Uint8Array(data.byteLength);
    bytes.set(data);
    this.port.postMessage({ type: 'lab', action: 'write', socket: this.id, bytes });
    return true;
  }

  end(): void {
    if (this.state === 'connecting') this.state = 'ending';
    else this.close();
  }

  destroy(): void {
    this.close();
  }

  setKeepAlive(): void {}

  unref(): void {}

  private close(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.port.postMessage({ type: 'lab', action: 'close', socket: this.id });
  }
}

/** KafkaJS reads its input with Buffer methods. */
function toBuffer(bytes: Uint8Array): Uint8Array {
  const B = (globalThis as unknown as { Buffer: { from(b: Uint8Array): Uint8Array } }).Buffer;
  return B.from(bytes);
}
