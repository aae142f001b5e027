// Metrics (issue 12): the Metrics region lists Kafka's metric names; after Mark, killing a broker
// shows UnderReplicatedPartitions with a positive change since the mark; Export downloads a CSV
// whose first row is the header. Waits are on the engine's state, never on wall-clock time.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { openApp, seriousViolations, waitForView } from './helpers';

test('Mark, kill a broker: UnderReplicatedPartitions rises since the mark; Export gives CSV', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, { speed: 4 });
  const region = page.getByRole('region', { name: 'Metrics' });
  await region.getByText('Metrics', { exact: true }).click();
  const urpRow = region.getByRole('row', { name: /^UnderReplicatedPartitions cluster/ });
  await expect(urpRow).toBeVisible({ timeout: 20_000 });
  await region.getByRole('button', { name: 'Mark', exact: true }).click();
  await expect(region).toContainText('Changes since');
  await page.getByRole('button', { name: 'Kill broker 2', exact: true }).click();
  await waitForView(
    page,
    (v) => v.topics.some((t) => t.partitions.some((p) => p.isr.length < p.replicas.length)),
    'a partition under-replicated',
  );
  await expect(urpRow.getByRole('cell').nth(2)).toHaveText(/^\+[1-9]/, { timeout: 20_000 });

  const download = page.waitForEvent('download');
  await region.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await (await download).path();
  const csv = await readFile(file, 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^t_ms,.*cluster\|\|UnderReplicatedPartitions/);

  const results = await new AxeBuilder({ page }).include('[aria-label="Metrics"]').analyze();
  expect(seriousViolations(results)).toEqual([]);
  await page.screenshot({ path: 'tmp/metrics-1920-en.png' });
});

test('Metrics in Chinese at 1280x720: Kafka names stay as row headers', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, { lang: 'zh-CN' });
  const region = page.getByRole('region', { name: '指标' });
  await region.getByText('指标', { exact: true }).click();
  await expect(
    region.getByRole('rowheader', { name: 'UnderReplicatedPartitions' }).first(),
  ).toBeVisible({
    timeout: 20_000,
  });
  await expect(region.getByRole('button', { name: '标记', exact: true })).toBeVisible();
  await page.screenshot({ path: 'tmp/metrics-1280-zh.png' });
  // Presenter mode hides the side panel (the Metrics table with it): a picture for the record.
  await page.goto('/?presenter=1&lang=zh-CN');
  await expect(page.getByRole('region', { name: '指标' })).toHaveCount(0);
  await page.screenshot({ path: 'tmp/metrics-1280-presenter-zh.png' });
});
