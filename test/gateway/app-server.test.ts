// `npm run broker` serving the app: the built files with their Content-Security-Policy, and a
// WebSocket on which a page sees and drives the broker's engine with the worker's messages. A
// page attached holds the clock; a broker it kills closes its port; gone, the clock runs on.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { LAB_WORKER_POLICY, CONTENT_SECURITY_POLICY } from '../../src/contentPolicy';
import { AppServer } from '../../src/gateway/appServer';
import { BrokerHost } from '../../src/gateway/brokerHost';
import { decodeWireMessage, encodeWireMessage } from '../../src/worker/jsonWire';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from '../../src/worker/protocol';
import type { SimEvent } from '../../src/engine';
import { scenario } from '../engine/helpers';
import { refused } from './ports';

let running: { broker: BrokerHost; app: AppServer } | null = null;
afterEach(async () => {
  await running?.app.stop();
  await running?.broker.stop();
  running = null;
});

function builtApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-sim-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'assets', 'lab.worker-abc.js'), 'export {};');
  return dir;
}

/** A broker and its app server on free ports (a base picked per test process). */
async function start(
  onEvents?: (events: SimEvent[]) => void,
): Promise<{ broker: BrokerHost; app: AppServer; appPort: number }> {
  const world = scenario({
    seed: 3,
    title: 'Three brokers',
    preset: 'kafka-defaults',
    cluster: { brokers: 3 },
  });
  const distDir = builtApp();
  for (let attempt = 0; attempt < 20; attempt++) {
    const basePort = 21000 + ((process.pid * 11 + attempt * 89) % 19000);
    const appPort = basePort - 500;
    const broker = new BrokerHost({ host: '127.0.0.1', basePort, onEvents });
    const app = new AppServer({ host: '127.0.0.1', port: appPort, distDir, broker });
    try {
      if (!(await broker.start(world)).ok) throw new Error('the scenario did not load');
      await app.start();
      running = { broker, app };
      return { broker, app, appPort };
    } catch {
      await app.stop().catch(() => {});
      await broker.stop();
    }
  }
  throw new Error('no free ports');
}

/** A page over the WebSocket: every message it was sent, and a way to wait for one. */
async function openPage(appPort: number) {
  const ws = new WebSocket(`ws://127.0.0.1:${appPort}/engine`);
  const received: FromWorker[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    received.push(decodeWireMessage(String(data)) as FromWorker);
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const send = (message: ToWorker) => ws.send(encodeWireMessage(message));
  const next = async <T extends FromWorker>(pick: (m: FromWorker) => m is T): Promise<T> => {
    for (;;) {
      const index = received.findIndex(pick);
      if (index >= 0) return received.splice(index, 1)[0] as T;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { ws, send, next, received };
}

const isReady = (m: FromWorker): m is Extract<FromWorker, { type: 'ready' }> => m.type === 'ready';
const isFrame = (m: FromWorker): m is Extract<FromWorker, { type: 'frame' }> => m.type === 'frame';
const isReply = (m: FromWorker): m is Extract<FromWorker, { type: 'reply' }> => m.type === 'reply';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('npm run broker serves the app and its engine', () => {
  it('serves the built files with the page policy, the lab worker with its own, nothing outside', async () => {
    const { appPort } = await start();
    const base = `http://127.0.0.1:${appPort}`;
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const lab = await fetch(`${base}/assets/lab.worker-abc.js`);
    expect(lab.headers.get('content-security-policy')).toBe(LAB_WORKER_POLICY);
    expect((await fetch(`${base}/assets/none.js`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses a page from another origin', async () => {
    const { appPort } = await start();
    const ws = new WebSocket(`ws://127.0.0.1:${appPort}/engine`, {
      headers: { Origin: 'http://evil.example' },
    });
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('unexpected-response', (_req, res) => resolve(`status ${res.statusCode}`));
      ws.once('error', (error) => resolve(`error ${error.message}`));
    });
    expect(outcome).toMatch(/403/);
  });

  it('a page sees the world as it runs, drives its clock, and a broker it kills closes its port', async () => {
    const { broker, appPort } = await start();
    await sleep(100);
    const page = await openPage(appPort);
    page.send({ type: 'hello', protocol: PROTOCOL_VERSION });
    const ready = await page.next(isReady);
    // The broker's engine ran on the wall clock before the page came.
    expect(ready.now).toBeGreaterThan(50);
    page.send({ type: 'request', id: 1, request: { type: 'load', source: { kind: 'current' } } });
    const loaded = await page.next(isReply);
    expect(loaded).toMatchObject({
      request: 'load',
      value: { ok: true, title: 'Three brokers', playhead: null },
    });
    const first = await page.next(isFrame);
    expect(first.cause).toBe('load');
    expect(first.changes?.full).toBe(true);
    expect(first.changes?.brokers.changed.map((b) => b.id)).toEqual([1, 2, 3]);

    // Attached, the page holds the clock: nothing moves until it asks.
    const held = first.now;
    await sleep(150);
    page.send({ type: 'request', id: 2, request: { type: 'view' } });
    await page.next(isReply);
    page.send({ type: 'advance', to: held + 500, withView: false });
    const advanced = await page.next(isFrame);
    expect(advanced.now).toBe(held + 500);

    // The page kills broker 2: the engine stops it and its port refuses connections.
    const port2 = broker.tcp.portOf(2);
    expect(await refused(port2)).toBe(false);
    page.send({
      type: 'request',
      id: 3,
      request: { type: 'dispatch', command: { type: 'killBroker', brokerId: 2 } },
    });
    expect(await page.next(isReply)).toMatchObject({ request: 'dispatch', value: { ok: true } });
    const killed = await page.next(isFrame);
    expect(killed.events.some((e) => e.type === 'broker.stopped' && e.brokerId === 2)).toBe(true);
    expect(await refused(port2)).toBe(true);
    expect(await refused(broker.tcp.portOf(1))).toBe(false);

    // A broker added in the page gets the next port.
    expect(await refused(broker.tcp.portOf(4))).toBe(true);
    page.send({
      type: 'request',
      id: 4,
      request: { type: 'dispatch', command: { type: 'addBroker' } },
    });
    expect(await page.next(isReply)).toMatchObject({ request: 'dispatch', value: { ok: true } });
    await page.next(isFrame);
    await sleep(50);
    expect(await refused(broker.tcp.portOf(4))).toBe(false);

    // The page goes: the cluster runs on by the wall clock.
    page.ws.close();
    await sleep(300);
    expect(broker.view().now).toBeGreaterThan(held + 500 + 100);
  });

  it('carries the page code lab sockets apart from the TCP ones, and closes them when it goes', async () => {
    const events: SimEvent[] = [];
    const { broker, appPort } = await start((list) => events.push(...list));
    const page = await openPage(appPort);
    page.send({ type: 'hello', protocol: PROTOCOL_VERSION });
    const { now } = await page.next(isReady);
    page.send({ type: 'lab', action: 'connect', socket: 'r1.s1', brokerId: 1 });
    page.send({ type: 'advance', to: now + 50, withView: false });
    const isLab = (m: FromWorker): m is Extract<FromWorker, { type: 'lab' }> => m.type === 'lab';
    expect(await page.next(isLab)).toEqual({ type: 'lab', socket: 'r1.s1', event: 'connected' });
    expect(events.some((e) => e.type === 'external.connected')).toBe(true);
    // The page goes: the connection its code lab opened closes in the engine.
    page.ws.close();
    await sleep(200);
    expect(events.some((e) => e.type === 'external.closed')).toBe(true);
    expect(broker.view().brokers).toHaveLength(3);
  });

  it('a second page takes over, and the first is told why', async () => {
    const { appPort } = await start();
    const first = await openPage(appPort);
    const closed = new Promise<string>((resolve) =>
      first.ws.once('close', (_code, reason) => resolve(String(reason))),
    );
    await openPage(appPort);
    expect(await closed).toBe('another page opened this engine');
  });
});
