// A shared link whose scenario cannot load: the app still opens (with the default scene) and
// lists every reason, each naming its field, in the page's language, until dismissed.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Scenario } from '../../src/engine';
import { encodeScenarioForUrl } from '../../src/scenario/url';

const broken = {
  version: 1,
  seed: 7,
  cluster: { brokers: 3 },
  topics: [{ name: 'orders', partitions: 0, replicationFactor: 3 }],
  producers: [{ id: 'my producer', topic: 'orders' }],
} as unknown as Scenario;
const fragment = encodeScenarioForUrl(broken);

test('every reason a link did not load, each with its field, then the default scene', async ({
  page,
}) => {
  await page.goto(`/#${fragment}`);
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('2 reasons');
  await expect(alert).toContainText(
    'topics[0].partitions: must be a whole number from 1 to 1000, got 0',
  );
  await expect(alert).toContainText('producers[0].id');
  // The default scene runs underneath.
  await expect(page.getByRole('group', { name: 'Broker 1', exact: true })).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('.banner').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});

test('in Chinese, the reasons are Chinese and still name the fields', async ({ page }) => {
  await page.goto(`/?lang=zh-CN#${fragment}`);
  const alert = page.getByRole('alert').filter({ hasText: '无法加载' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('topics[0].partitions：');
  await expect(alert).toContainText('必须是 1 到 1000 之间的整数，实际是 0');
  await expect(alert).toContainText('producers[0].id');
});

test('values the probe found accepted are refused through a real link, naming their fields', async ({
  page,
}) => {
  const scenario = {
    version: 1,
    seed: 7,
    network: { latencyMs: 1e308 },
    cluster: { brokers: 3 },
    topics: [
      { name: 'orders', partitions: 1, replicationFactor: 9 },
      {
        name: 'audit',
        partitions: 1,
        replicationFactor: 1,
        config: { 'min.insync.replicas': '0x2' },
      },
    ],
  } as unknown as Scenario;
  await page.goto(`/#${encodeScenarioForUrl(scenario)}`);
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('network.latencyMs: must be a number from 0 to 10000');
  await expect(alert).toContainText('topics[1].config.min.insync.replicas');
  await expect(alert).toContainText('"0x2"');
});
