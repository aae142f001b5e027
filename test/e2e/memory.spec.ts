// The memory budget (issue 16): the footer shows the session's memory against its budget, and
// before the session outgrows it a warning names the topic holding the most and the settings to
// change. `?memoryBudgetMb=2` (a test budget, app/memory.ts) makes a 1,000 records/s producer
// cross 75% within a few simulated seconds. Waits are on what the page shows, never on time.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { seriousViolations } from './helpers';

const FIREHOSE = {
  version: 1,
  seed: 3,
  title: 'Memory warning',
  cluster: { brokers: 1 },
  topics: [{ name: 'clicks', partitions: 1, replicationFactor: 1, config: {} }],
  producers: [{ id: 'firehose', topic: 'clicks', ratePerSec: 1000, keys: null, config: {} }],
};

async function openWithBudget(page: import('@playwright/test').Page, lang: string) {
  await page.goto(`/?memoryBudgetMb=2&lang=${lang}`);
  await expect(page.getByTestId('engine-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim?.now() ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(0);
  const loaded = await page.evaluate((s) => window.__kafkaSim!.load(s), FIREHOSE);
  expect(loaded.ok).toBe(true);
  await page.evaluate(() => {
    window.__kafkaSim!.setSpeed(20);
    window.__kafkaSim!.play();
  });
}

test('a session near its memory budget warns and names the topic and its settings', async ({
  page,
}) => {
  await openWithBudget(page, 'en');
  await expect(page.getByTestId('memory-use')).toHaveText(/^Memory [\d.]+ MB of 2\.0 MB/);
  const warning = page.getByRole('status', { name: 'Memory warning' });
  await expect(warning).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => window.__kafkaSim!.pause());
  await expect(warning).toContainText(/topic clicks/i);
  await expect(warning).toContainText('retention.ms');
  await expect(warning).toContainText('ratePerSec');
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);
});

test('the memory warning in Chinese', async ({ page }) => {
  await openWithBudget(page, 'zh-CN');
  await expect(page.getByTestId('memory-use')).toHaveText(/^内存 [\d.]+ MB \/ 2\.0 MB/);
  const warning = page.getByRole('status', { name: '内存警告' });
  await expect(warning).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => window.__kafkaSim!.pause());
  await expect(warning).toContainText('主题 clicks');
  await expect(warning).toContainText('retention.ms');
});
