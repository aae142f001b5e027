// The code lab's path through the worker (docs/plan-real-clients.md step 9): KafkaJS in the
// page opens sockets that travel as `lab` messages; the worker host keeps a gateway next to the
// session's engine, so the lab's requests are commands of the recorded session and their events
// reach the page in frames. A seek ends every lab socket. Driven here in Node, paced by the
// wall clock as the page paces the worker.
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { Kafka, logLevel, type ISocketFactory } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/engine';
import { WorkerHost } from '../../src/worker/host';
import { LAB_BASE_PORT } from '../../src/worker/protocol';
import type { FromWorker, LabFromWorker } from '../../src/worker/protocol';
import { scenario } from '../engine/helpers';

let stop: (() => void) | null = null;
afterEach(() => stop?.());

/** A page for the host: its socket factory for KafkaJS, its events, and a request helper. */
function page() {
  const sockets = new Map<string, LabSocket>();
  const events: SimEvent[] = [];
  const replies = new Map<number, unknown>();
  const host = new WorkerHost((m: FromWorker) => {
    if (m.type === 'lab') sockets.get(m.socket)?.deliver(m);
    else if (m.type === 'frame') events.push(...m.events);
    else if (m.type === 'reply') replies.set(m.id, m.value);
  });
  let nextRequest = 1;
  const request = (request: object): unknown => {
    const id = nextRequest++;
    host.handle({ type: 'request', id, request });
    return replies.get(id);
  };
  request({
    type: 'load',
    source: {
      kind: 'scenario',
      scenario: scenario({
        seed: 2,
        preset: 'kafka-defaults',
        cluster: { brokers: 3, config: { 'group.initial.rebalance.delay.ms': 300 } },
      }),
    },
  });
  const t0 = Date.now();
  const timer = setInterval(
    () => host.handle({ type: 'advance', to: Date.now() - t0, withView: false }),
    2,
  );
  stop = () => clearInterval(timer);
  let nextSocket = 1;
  const socketFactory: ISocketFactory = ({ port, onConnect }) => {
    const id = `s${nextSocket++}`;
    const socket = new LabSocket(host, id, onConnect);
    sockets.set(id, socket);
    host.handle({ type: 'lab', action: 'connect', socket: id, brokerId: port - LAB_BASE_PORT + 1 });
    return socket as unknown as Socket;
  };
  return { host, events, request, sockets, socketFactory };
}

class LabSocket extends EventEmitter {
  ended = false;
  constructor(
    private readonly host: WorkerHost,
    private readonly id: string,
    private readonly onConnect: () => void,
  ) {
    super();
  }
  deliver(m: LabFromWorker): void {
    if (m.event === 'connected') this.onConnect();
    else if (m.event === 'refused')
      setImmediate(() =>
        this.emit('error', Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })),
      );
    else if (m.event === 'data') setImmediate(() => this.emit('data', Buffer.from(m.bytes)));
    else {
      this.ended = true;
      setImmediate(() => this.emit('end'));
    }
  }
  write(data: Uint8Array): boolean {
    this.host.handle({
      type: 'lab',
      action: 'write',
      socket: this.id,
      bytes: new Uint8Array(data),
    });
    return true;
  }
  end(): void {
    this.host.handle({ type: 'lab', action: 'close', socket: this.id });
  }
  destroy(): void {
    this.end();
  }
  setKeepAlive(): void {}
  unref(): void {}
}

async function until(what: string, done: () => boolean): Promise<void> {
  const limit = Date.now() + 20_000;
  while (!done()) {
    if (Date.now() > limit) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the code lab through the worker host', () => {
  it('serves KafkaJS on the session engine; its events reach the page; a seek ends the sockets', async () => {
    const { events, request, sockets, socketFactory } = page();
    const kafka = new Kafka({
      clientId: 'lab',
      brokers: [`127.0.0.1:${LAB_BASE_PORT}`],
      socketFactory,
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 2 }] });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: 'orders',
      messages: Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })),
    });
    const consumer = kafka.consumer({ groupId: 'lab-group', maxWaitTimeInMs: 300 });
    await consumer.connect();
    await consumer.subscribe({ topic: 'orders', fromBeginning: true });
    const received: string[] = [];
    await consumer.run({
      eachMessage: async ({ message }) => void received.push(message.value!.toString()),
    });
    await until('the 20 messages', () => received.length >= 20);
    expect(new Set(received).size).toBe(20);

    // The page saw it happen, in frames: connections, the topic, the group.
    const types = new Set(events.map((e) => e.type));
    expect(types.has('external.connected')).toBe(true);
    expect(events.some((e) => e.type === 'topic.created' && e.topic === 'orders')).toBe(true);
    expect(
      events.some((e) => e.type === 'group.rebalance-completed' && e.groupId === 'lab-group'),
    ).toBe(true);
    // The lab's requests are commands of the recorded session.
    const exported = request({ type: 'exportSession' }) as {
      scenario: { actions?: { type: string }[] };
    };
    expect(exported.scenario.actions?.some((a) => a.type === 'externalRequest')).toBe(true);

    // Back in time: every lab socket ends (KafkaJS reconnects to the moment it is in).
    const open = [...sockets.values()].filter((s) => !s.ended);
    expect(open.length).toBeGreaterThan(0);
    request({ type: 'seek', target: { kind: 'time', at: 1000 } });
    expect(open.every((s) => s.ended)).toBe(true);
    await consumer.disconnect().catch(() => {});
    await producer.disconnect().catch(() => {});
    await admin.disconnect().catch(() => {});
  }, 60_000);

  it('refuses lab messages it cannot use, naming what is missing', () => {
    const posted: FromWorker[] = [];
    const host = new WorkerHost((m) => posted.push(m));
    host.handle({ type: 'lab', action: 'write', socket: 's1' });
    host.handle({ type: 'lab', action: 'connect', socket: 's1' });
    host.handle({ type: 'lab', action: 'dance', socket: 's1' });
    expect(posted.map((m) => (m as { message?: string }).message)).toEqual([
      'Bad message from the page: lab write without bytes',
      'Bad message from the page: lab connect without a broker id',
      'Bad message from the page: unknown lab action dance',
    ]);
    // Before any scenario is loaded a socket is refused, not left waiting.
    host.handle({ type: 'lab', action: 'connect', socket: 's2', brokerId: 1 });
    expect(posted.at(-1)).toEqual({ type: 'lab', socket: 's2', event: 'refused' });
  });
});
