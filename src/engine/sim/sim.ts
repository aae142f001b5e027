// The runtime around a World: the clock, the seeded generator, the event log, timers and the
// network. Every part of the model talks to the others only through this object.
import type { MessageKind, NodeId, RecordRef, SimEvent, SimEventBody } from '../types';
import { RECORD_SAMPLE } from '../records/batch';
import { push } from './queue';
import { Rng } from './rng';
import { isRequest, type MessageBody } from './messages';
import type {
  BrokerState,
  ConsumerState,
  Message,
  MessageOf,
  ProducerState,
  TimerName,
  World,
} from './world';

/** Optional facts a message carries for the traffic event (drawing and the event log). */
export interface TrafficInfo {
  toInc?: number;
  topic?: string;
  partition?: number;
  records?: RecordRef[];
  recordCount?: number;
  error?: string;
}

export type NodeRef =
  | { type: 'broker'; broker: BrokerState }
  | { type: 'producer'; producer: ProducerState }
  | { type: 'consumer'; consumer: ConsumerState };

export class Sim {
  readonly rng: Rng;

  constructor(readonly world: World) {
    this.rng = Rng.fromState(world.rng);
  }

  get now(): number {
    return this.world.now;
  }

  /** Copy the generator's state into the world (before saving). */
  syncRng(): void {
    this.world.rng = this.rng.state();
  }

  /** Record an event. `t` is added to the object given (no copy: events are hot). */
  emit(body: SimEventBody): void {
    const event = body as SimEvent;
    event.t = this.world.now;
    this.world.events.push(event);
  }

  timer(
    node: NodeId,
    inc: number,
    name: TimerName,
    delayMs: number,
    token?: number,
    arg?: string,
  ): void {
    push(this.world.queue, this.world.now + Math.max(0, Math.round(delayMs)), {
      k: 'timer',
      node,
      inc,
      name,
      token,
      arg,
    });
  }

  /** Send a message; it arrives after the link's latency unless a side is isolated or down. */
  send<K extends MessageKind>(
    from: NodeId,
    fromInc: number,
    to: NodeId,
    kind: K,
    body: MessageBody<K>,
    info: TrafficInfo = {},
  ): void {
    const w = this.world;
    const net = w.network;
    const id = w.nextMessageId++;
    const jitter = net.jitterMs > 0 ? this.rng.below(2 * net.jitterMs + 1) - net.jitterMs : 0;
    const link = `${from}>${to}`;
    const deliverAt = Math.max(
      w.now + Math.max(0, net.latencyMs + jitter),
      net.linkClock[link] ?? 0,
    );
    net.linkClock[link] = deliverAt;
    const dropped = !!(net.isolated[from] || net.isolated[to]);
    const records =
      info.records && info.records.length > RECORD_SAMPLE
        ? info.records.slice(0, RECORD_SAMPLE)
        : info.records;
    this.emit({
      type: 'net.sent',
      id,
      from,
      to,
      kind,
      sentAt: w.now,
      deliverAt,
      dropped,
      ...(info.topic !== undefined ? { topic: info.topic } : {}),
      ...(info.partition !== undefined ? { partition: info.partition } : {}),
      ...(records ? { records, recordCount: info.recordCount ?? info.records!.length } : {}),
      ...(info.error ? { error: info.error } : {}),
    });
    if (dropped) return;
    const msg: MessageOf<K> = { id, from, to, fromInc, kind, body, sentAt: w.now, deliverAt };
    if (info.toInc !== undefined) msg.toInc = info.toInc;
    // `kind` and `body` agree (the signature says so), which makes this one of the union's
    // members; TypeScript cannot follow that for a generic K, hence the assertion.
    push(w.queue, deliverAt, { k: 'deliver', msg: msg as Message });
  }

  /**
   * The process behind `msg.to` is gone while its host is up: the sender's connection is reset
   * (like a TCP RST) and it learns so one trip later. Used for requests that reach a dead node
   * and for requests that were waiting inside a node when it died.
   */
  resetConnection(msg: Message): void {
    if (!isRequest(msg)) return;
    const reqId = msg.body.reqId;
    push(this.world.queue, this.world.now + this.world.network.latencyMs, {
      k: 'disconnect',
      node: msg.from,
      inc: msg.fromInc,
      peer: msg.to,
      kind: msg.kind,
      reqId,
    });
  }

  isIsolated(node: NodeId): boolean {
    return !!this.world.network.isolated[node];
  }

  /** Resolve a node id to its state, or null if it does not exist. */
  resolve(node: NodeId): NodeRef | null {
    const colon = node.indexOf(':');
    const kind = node.slice(0, colon);
    const id = node.slice(colon + 1);
    if (kind === 'broker') {
      const broker = this.world.brokers[Number(id) - 1];
      return broker ? { type: 'broker', broker } : null;
    }
    if (kind === 'producer') {
      const producer = this.world.producers[id];
      return producer ? { type: 'producer', producer } : null;
    }
    if (kind === 'consumer') {
      const consumer = this.world.consumers[id];
      return consumer ? { type: 'consumer', consumer } : null;
    }
    return null;
  }

  broker(id: number): BrokerState | undefined {
    return this.world.brokers[id - 1];
  }
}
