// The app showing `npm run broker`'s engine (design.md 3.11): the page opened with
// ?engine=ws://… draws the Node engine's cluster, and real KafkaJS clients connected over TCP
// appear in it; killing a broker in the page closes its port as a crash would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { seriousViolations } from './helpers';
import { refused } from '../gateway/ports';

let child: ChildProcess | null = null;
test.afterEach(async () => {
  const proc = child;
  child = null;
  if (!proc || proc.exitCode !== null) return;
  // Ctrl+C, as a person would stop it; it closes its ports and exits.
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGINT');
  await exited;
});

interface RunningBroker {
  appUrl: string;
  portOf(brokerId: number): number;
}

/**
 * `npm run broker`'s program itself (the web server built the app it serves), on ports picked
 * per test process; resolves once it printed the app's address.
 */
async function startBroker(): Promise<RunningBroker> {
  const file = join(mkdtempSync(join(tmpdir(), 'broker-e2e-')), 'scenario.json');
  writeFileSync(
    file,
    JSON.stringify({
      version: 1,
      seed: 5,
      title: 'From the broker',
      preset: 'kafka-defaults',
      cluster: { brokers: 3, config: { 'group.initial.rebalance.delay.ms': 300 } },
    }),
  );
  for (let attempt = 0; attempt < 10; attempt++) {
    const basePort = 30000 + ((process.pid * 13 + attempt * 101) % 20000);
    const args = ['--import', 'tsx', 'src/cli/broker.ts', '--scenario', file];
    // Node itself (not npx or tsx's launcher, which would leave it running when killed).
    const proc = spawn(
      process.execPath,
      [...args, '--port', String(basePort), '--app-port', String(basePort - 700)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += String(chunk)));
    const appUrl = await new Promise<string | null>((resolve) => {
      proc.stdout.on('data', () => {
        const match = /^app: (\S+)$/m.exec(out);
        if (match) resolve(match[1]);
      });
      proc.once('exit', () => resolve(null));
    });
    if (appUrl === null) continue;
    child = proc;
    return { appUrl, portOf: (id) => basePort + id - 1 };
  }
  throw new Error('the broker did not start (ports taken?)');
}

test('the app shows and drives the engine of npm run broker', async ({ page }) => {
  test.setTimeout(60_000);
  const broker = await startBroker();
  await page.goto(broker.appUrl);
  await expect(page.getByTestId('engine-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(page.locator('.app-footer')).toContainText('Cluster of npm run broker');
  for (const id of [1, 2, 3])
    await expect(
      page.getByRole('button', { name: `Kill broker ${id}`, exact: true }),
    ).toBeVisible();

  // A real client over TCP: its topic and its producer card appear in the page.
  const kafka = new Kafka({
    clientId: 'node-app',
    brokers: [`127.0.0.1:${broker.portOf(1)}`],
    logLevel: logLevel.NOTHING,
    // A crashed leader's partitions move once its broker session ends (9 s with Kafka's
    // defaults); KafkaJS's default retries give up before that, as against a real cluster.
    retry: { retries: 30, initialRetryTime: 100, maxRetryTime: 1000 },
  });
  const producer = kafka.producer();
  await producer.connect();
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic: 'from-node', numPartitions: 1, replicationFactor: 3 }],
  });
  await producer.send({ topic: 'from-node', acks: -1, messages: [{ key: 'k', value: 'hello' }] });
  const card = page.getByRole('group', { name: 'Producer node-app (real client)' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('→ from-node');
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);

  // Killing broker 2 in the page stops it in Node: its port refuses connections.
  expect(await refused(broker.portOf(2))).toBe(false);
  await page.getByRole('button', { name: 'Kill broker 2', exact: true }).click();
  await expect.poll(() => refused(broker.portOf(2))).toBe(true);
  expect(await refused(broker.portOf(1))).toBe(false);
  // The client carries on against the cluster the page shows.
  await producer.send({ topic: 'from-node', acks: -1, messages: [{ key: 'k', value: 'again' }] });

  // Hidden, the page lets go (a hidden tab gets no animation frames to pace the clock with);
  // shown again, it shows the cluster as it runs then, and nothing is in error.
  const setHidden = (hidden: boolean) =>
    page.evaluate((value) => {
      Object.defineProperty(document, 'hidden', { value, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  await setHidden(true);
  await producer.send({ topic: 'from-node', acks: -1, messages: [{ key: 'k', value: 'away' }] });
  await setHidden(false);
  await expect(page.getByRole('button', { name: 'Restart broker 2', exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(card).toBeVisible();
  await producer.disconnect();
  await admin.disconnect();
});

test('the code lab runs its program against the engine of npm run broker', async ({ page }) => {
  test.setTimeout(60_000);
  const broker = await startBroker();
  await page.goto(broker.appUrl);
  await expect(page.getByTestId('engine-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await page.getByRole('button', { name: 'Code lab' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Console' })).toContainText('sent hello carol', {
    timeout: 40_000,
  });
  await expect(page.getByRole('group', { name: 'Producer my-app (real client)' })).toBeVisible();
  // Node's own clients see what the page's program made: its topic is in the cluster.
  const kafka = new Kafka({
    clientId: 'checker',
    brokers: [`127.0.0.1:${broker.portOf(1)}`],
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  expect(await admin.listTopics()).toContain('greetings');
  await admin.disconnect();
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
});

test('a mistyped engine address is named, and the page runs its own engine', async ({ page }) => {
  await page.goto('/?engine=http://localhost:1/engine');
  await expect(page.getByRole('alert')).toContainText('?engine= must be a ws:// or wss:// address');
  await expect(page.getByRole('button', { name: 'Kill broker 1', exact: true })).toBeVisible();
});
