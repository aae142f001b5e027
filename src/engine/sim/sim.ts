// The runtime around a World: the clock, the seeded generator, the event log, timers and the
// network. Every part of the model talks to the others only through this object.
import type { MessageKind, NodeId, RecordRef, SimEvent, SimEventBody } from '../types';

type NetSent = Extract<SimEventBody, { type: 'net.sent' }>;
import { RECORD_SAMPLE } from '../records/batch';
import { countEvent } from '../metrics/count';
import { push, takeBack, waiting, type TaskHandle } from './queue';
import { Rng } from './rng';
import { hopMs } from './hop';
import type { ControllerNodeState, PendingWrite } from '../quorum/state';
import type { ZkServer } from '../zookeeper/state';
import { isRequest, type MessageBody } from './messages';
import type {
  BrokerState,
  ConsumerState,
  ExternalConnection,
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
  | { type: 'controller'; controller: ControllerNodeState }
  | { type: 'zookeeper'; server: ZkServer }
  | { type: 'producer'; producer: ProducerState }
  | { type: 'consumer'; consumer: ConsumerState }
  | { type: 'external'; conn: ExternalConnection };

export class Sim {
  readonly rng: Rng;

  /**
   * The controller operation running now under a KRaft quorum (quorum/scope.ts), and the write
   * its later events and messages wait for. Both only live within one task: never saved.
   */
  controllerScope: { write: PendingWrite | null } | null = null;
  deferTo: PendingWrite | null = null;

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

  /** Record an event (callers stamp it with `t: sim.now`, written last as in every event). */
  emit(event: SimEvent): void {
    if (this.deferTo !== null) {
      this.deferTo.events.push(event);
      return;
    }
    this.world.events.push(event);
    countEvent(this.world, event);
  }

  /**
   * Schedule a timer of `node` (in its incarnation `inc`). Returns its handle, which
   * cancelTimer takes to find it again.
   */
  timer(
    node: NodeId,
    inc: number,
    name: TimerName,
    delayMs: number,
    token?: number,
    arg?: string,
  ): TaskHandle {
    const at = this.world.now + Math.max(0, Math.round(delayMs));
    return push(this.world.queue, at, { k: 'timer', node, inc, name, token, arg });
  }

  /**
   * Take back a timer that can no longer do anything (the request it guarded was answered, the
   * session it watched was renewed): the same as letting it fire, minus the work. The timer's
   * identity is checked, so a handle of a timer that already fired takes back nothing.
   */
  cancelTimer(
    handle: TaskHandle,
    node: NodeId,
    inc: number,
    name: TimerName,
    token: number,
    arg?: string,
  ): void {
    const t = waiting(this.world.queue, handle);
    if (t === null || t.k !== 'timer' || t.token !== token || t.name !== name) return;
    if (t.node !== node || t.inc !== inc || t.arg !== arg) return;
    takeBack(this.world.queue, handle);
  }

  /** Send a message; it arrives after the link's latency unless a side is isolated or down. */
  send<K extends MessageKind>(
    from: NodeId,
    fromInc: number,
    to: NodeId,
    kind: K,
    body: MessageBody<K>,
    info?: TrafficInfo,
  ): void {
    if (this.deferTo !== null) {
      this.deferTo.sends.push({ from, fromInc, to, kind, body, ...(info ? { info } : {}) });
      return;
    }
    const w = this.world;
    const net = w.network;
    const now = w.now;
    const id = w.nextMessageId++;
    const jitter = net.jitterMs > 0 ? this.rng.below(2 * net.jitterMs + 1) - net.jitterMs : 0;
    const clocks = (net.linkClock[from] ??= {});
    const deliverAt = Math.max(now + hopMs(net.latencyMs + jitter), clocks[to] ?? 0);
    clocks[to] = deliverAt;
    const dropped = this.anyIsolated() && (this.isIsolated(from) || this.isIsolated(to));
    const event: NetSent = {
      type: 'net.sent',
      id,
      from,
      to,
      kind,
      sentAt: now,
      deliverAt,
      dropped,
    };
    if (info !== undefined) {
      // Optional facts in a fixed order (the event's JSON is part of the trace).
      if (info.topic !== undefined) event.topic = info.topic;
      if (info.partition !== undefined) event.partition = info.partition;
      const records = info.records;
      if (records !== undefined) {
        event.records = records.length > RECORD_SAMPLE ? records.slice(0, RECORD_SAMPLE) : records;
        event.recordCount = info.recordCount ?? records.length;
      }
      if (info.error) event.error = info.error;
    }
    // The time goes last, after the optional facts (the trace's JSON keeps this key order).
    (event as SimEvent).t = now;
    this.emit(event as SimEvent);
    if (dropped) return;
    const msg: MessageOf<K> = {
      k: 'deliver',
      id,
      from,
      to,
      fromInc,
      toInc: info?.toInc,
      kind,
      body,
      sentAt: now,
      deliverAt,
    };
    // `kind` and `body` agree (the signature says so), which makes this one of the union's
    // members; TypeScript cannot follow that for a generic K, hence the assertion.
    push(w.queue, deliverAt, msg as Message);
  }

  /**
   * The process behind `msg.to` is gone while its host is up: the sender's connection is reset
   * (like a TCP RST) and it learns so one trip later. Used for requests that reach a dead node
   * and for requests that were waiting inside a node when it died.
   */
  resetConnection(msg: Message): void {
    if (!isRequest(msg)) return;
    this.resetRequest({ ...msg, reqId: msg.body.reqId });
  }

  /** The same for a request held inside the node that died (its message is gone). */
  resetRequest(r: {
    from: NodeId;
    fromInc: number;
    to: NodeId;
    kind: MessageKind;
    reqId: number;
    sentAt: number;
  }): void {
    push(this.world.queue, this.world.now + hopMs(this.world.network.latencyMs), {
      k: 'disconnect',
      node: r.from,
      inc: r.fromInc,
      peer: r.to,
      kind: r.kind,
      reqId: r.reqId,
      sentAt: r.sentAt,
    });
  }

  /**
   * Open a TCP connection from client `from` to broker `to`. The handshake is not a Kafka
   * message, so it is not drawn: after the link's latency the broker's host accepts it if the
   * process runs or refuses it (RST) if not, and the answer takes the latency back. Across an
   * isolated link it is lost and the client's connection setup timeout decides.
   */
  connect(from: NodeId, fromInc: number, to: NodeId, attempt: number): void {
    if (this.isIsolated(from) || this.isIsolated(to)) return;
    push(this.world.queue, this.world.now + hopMs(this.world.network.latencyMs), {
      k: 'connect',
      phase: 'syn',
      from,
      fromInc,
      to,
      attempt,
    });
  }

  /** How many nodes are cut off now (most of the time none, and nothing needs looking up). */
  private isolatedCount = -1;

  /** Whether any node is cut off (the common answer, no, needs no lookup per node). */
  anyIsolated(): boolean {
    if (this.isolatedCount < 0)
      this.isolatedCount = Object.keys(this.world.network.isolated).length;
    return this.isolatedCount > 0;
  }

  isIsolated(node: NodeId): boolean {
    return this.anyIsolated() && this.world.network.isolated[node] === true;
  }

  /** Cut `node` off the network, or connect it again. */
  setIsolated(node: NodeId, isolated: boolean): void {
    if (isolated) this.world.network.isolated[node] = true;
    else delete this.world.network.isolated[node];
    this.isolatedCount = Object.keys(this.world.network.isolated).length;
  }

  /** Node ids taken apart once each, with the reference last resolved for each. */
  private readonly nodeNames = new Map<NodeId, { kind: string; id: string; ref: NodeRef | null }>();

  /** Resolve a node id to its state, or null if it does not exist. */
  resolve(node: NodeId): NodeRef | null {
    let name = this.nodeNames.get(node);
    if (name === undefined) {
      const colon = node.indexOf(':');
      name = { kind: node.slice(0, colon), id: node.slice(colon + 1), ref: null };
      this.nodeNames.set(node, name);
    }
    const w = this.world;
    const ref = name.ref;
    switch (name.kind) {
      case 'broker': {
        const broker = w.brokers[Number(name.id) - 1];
        if (broker === undefined) return null;
        if (ref?.type !== 'broker' || ref.broker !== broker) name.ref = { type: 'broker', broker };
        return name.ref;
      }
      case 'controller': {
        const controller = w.quorum?.controllers.find((c) => c.id === Number(name!.id));
        if (controller === undefined) return null;
        if (ref?.type !== 'controller' || ref.controller !== controller)
          name.ref = { type: 'controller', controller };
        return name.ref;
      }
      case 'zk': {
        const server = w.zookeeper?.servers[Number(name.id) - 1];
        if (server === undefined) return null;
        if (ref?.type !== 'zookeeper' || ref.server !== server)
          name.ref = { type: 'zookeeper', server };
        return name.ref;
      }
      case 'producer': {
        const producer = w.producers[name.id];
        if (producer === undefined) return null;
        if (ref?.type !== 'producer' || ref.producer !== producer)
          name.ref = { type: 'producer', producer };
        return name.ref;
      }
      case 'consumer': {
        const consumer = w.consumers[name.id];
        if (consumer === undefined) return null;
        if (ref?.type !== 'consumer' || ref.consumer !== consumer)
          name.ref = { type: 'consumer', consumer };
        return name.ref;
      }
      case 'external': {
        const conn = w.externals?.[name.id];
        if (conn === undefined) return null;
        if (ref?.type !== 'external' || ref.conn !== conn) name.ref = { type: 'external', conn };
        return name.ref;
      }
      default:
        return null;
    }
  }

  broker(id: number): BrokerState | undefined {
    return this.world.brokers[id - 1];
  }
}
