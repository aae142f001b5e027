// Retention on the strip (issue 10): once retention has deleted the head of the log, the strip
// keeps the log start in view (deleted cells before it, a `start` marker) beside the newest
// offsets, however far the log end has moved on; the partition inspector lists its segments.
import { test, expect } from '@playwright/test';
import { runTo, view } from './helpers';

test('the retention scenario shows the log start moving up on the strip', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?scenario=retention');
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim?.now() ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await runTo(page, 40_000);
  const partition = (await view(page)).topics[0].partitions[0];
  const logStart = partition.logStartOffset;
  expect(logStart).toBeGreaterThan(0);
  // More records are kept than the strip has cells: only the kept span shows the start.
  expect(partition.logEndOffset - logStart).toBeGreaterThan(30);
  const strip = page.locator('.strip[data-select="partition:metrics-0"]');
  await expect(strip.locator(`.cell[data-offset="${logStart - 1}"]`)).toHaveAttribute(
    'data-state',
    'deleted',
  );
  await expect(strip.locator(`.cell[data-offset="${logStart}"]`)).not.toHaveAttribute(
    'data-state',
    'deleted',
  );
  await expect(strip.locator('.cell[data-state="gap"]')).toHaveCount(1);
  await expect(strip.locator('.marker-label', { hasText: 'start' })).toBeVisible();
  await expect(strip.locator('.marker-label', { hasText: 'LEO' })).toBeVisible();

  // The partition's inspector lists its segments; the first one starts at the log start.
  await page.getByRole('button', { name: 'Partition metrics-0', exact: true }).click();
  const segments = page
    .getByRole('region', { name: 'Inspector' })
    .locator('section', { has: page.getByRole('heading', { name: 'Segments' }) });
  await expect(segments.getByRole('rowheader').first()).toHaveText(String(logStart));
  expect(await segments.getByRole('rowheader').count()).toBeGreaterThan(1);
});
