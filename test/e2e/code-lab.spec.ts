// The code lab in Chromium: unmodified KafkaJS runs in the page's lab worker against the
// worker's engine, and the same acceptance program as in Node (test/lab/acceptance.program.js)
// passes; the cluster's picture shows what it did. The panel has its accessible names, no axe
// violations, and its Chinese text.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { encodeScenarioForUrl } from '../../src/scenario/url';
import { seriousViolations } from './helpers';

const PROGRAM = readFileSync(new URL('../lab/acceptance.program.js', import.meta.url), 'utf8');

/** Kafka's timings (1 ms links) with a short first-rebalance wait, as the Node run uses. */
const fragment = encodeScenarioForUrl({
  version: 1,
  seed: 21,
  preset: 'kafka-defaults',
  cluster: { brokers: 3, config: { 'group.initial.rebalance.delay.ms': 300 } },
});

test('the acceptance program passes in the code lab, and the cluster shows it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/#${fragment}`);
  await expect(page.getByTestId('engine-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await page.getByRole('button', { name: 'Code lab' }).click();
  const editor = page.getByRole('textbox', { name: 'Program' });
  await expect(editor).toBeVisible();
  const results = await new AxeBuilder({ page }).include('#code-lab').analyze();
  expect(seriousViolations(results)).toEqual([]);

  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(PROGRAM);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const console = page.getByRole('list', { name: 'Console' });
  await expect(console).toContainText('PASS all', { timeout: 100_000 });
  await expect(console).not.toContainText('FAIL');
  await expect(console).toContainText('Finished.');

  // The engine the picture shows served it: the topic and the group are there.
  const v = await page.evaluate(() => window.__kafkaSim!.view());
  expect(v.topics.map((t) => t.name)).toContain('orders');
  expect(v.groups.map((g) => g.id)).toContain('billing');
});

test('the code lab speaks Chinese', async ({ page }) => {
  await page.goto(`/?lang=zh-CN#${fragment}`);
  await expect(page.getByTestId('engine-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await page.getByRole('button', { name: '代码实验室' }).click();
  await expect(page.getByRole('button', { name: '运行', exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: '控制台' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '程序' })).toBeVisible();
});

test('real clients are drawn like built-in ones while the example runs', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`/#${fragment}`);
  await expect(page.getByTestId('engine-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await page.getByRole('button', { name: 'Code lab' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const console = page.getByRole('list', { name: 'Console' });
  await expect(console).toContainText('sent hello carol', { timeout: 60_000 });

  // The producer card is named by the client id; the group's row by the member id.
  const producer = page.getByRole('group', { name: 'Producer my-app (real client)' });
  await expect(producer).toBeVisible();
  await expect(producer).toContainText('→ greetings · acks=all');
  await expect(producer).toContainText(/real client · \d connections?/);
  await expect(producer.getByRole('button', { name: /Pause|Remove/ })).toHaveCount(0);
  const member = page.getByRole('group', { name: /^Consumer my-app-[0-9a-f]{8} \(real client\)$/ });
  await expect(member).toBeVisible();
  await expect(member.getByRole('button', { name: /Kill|Leave/ })).toHaveCount(0);
  await expect(member).toContainText(/read [1-9]/);
  // A built-in consumer would not share the group's assignor (KafkaJS's): not offered.
  await expect(page.getByRole('button', { name: 'Add consumer to greeters' })).toBeDisabled();

  // The inspector says what it is and where it is connected, and offers no actions.
  await page.getByRole('button', { name: 'Producer my-app (real client) details' }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector).toContainText('Open connections');
  await expect(inspector).toContainText(/→ Broker \d/);
  await expect(inspector.getByRole('button', { name: /Crash producer/ })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);

  // Stopped without leaving the group: the card goes with its connections, the member stays
  // until its session times out, drawn as crashed.
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(producer).toHaveCount(0);
  await expect(member).toContainText('Crashed');
});
