// Charts (issue 12): the Charts button opens a region named Charts with a lag chart; its play
// head moves with the timeline (a seek back moves it left); the region passes axe; in Chinese the
// titles are Chinese and Kafka's metric names stay as Kafka spells them. Waits are on the
// engine's state and the drawn attributes, never on wall-clock time.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, runTo, seriousViolations } from './helpers';

const SHOTS = !!process.env.CHART_SHOTS;

async function openCharts(page: Page, name = 'Charts') {
  await page.getByRole('button', { name, exact: true }).click();
  const region = page.getByRole('region', { name, exact: true });
  await expect(region).toBeVisible();
  return region;
}

/** The play head's sim ms as the lag chart draws it. */
const headAt = (page: Page) =>
  page.locator('[data-chart="lag"] .chart-play-head').getAttribute('data-at').then(Number);
const headX = (page: Page) =>
  page.locator('[data-chart="lag"] .chart-play-head').getAttribute('x1').then(Number);

test('Charts: a lag chart whose play head follows the timeline; axe', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  const region = await openCharts(page);
  await runTo(page, 12_000);
  const lag = region.locator('[data-chart="lag"]');
  await expect(lag.getByRole('img', { name: /^Consumer lag per group: .+/ })).toBeVisible();
  // Each group's total lag is drawn as a line.
  await expect(lag.locator('path.chart-line').first()).toHaveAttribute('d', /^M.+L/, {
    timeout: 20_000,
  });
  await expect.poll(() => headAt(page)).toBeGreaterThanOrEqual(12_000);
  const beforeAt = await headAt(page);
  const before = await headX(page);

  // Back through the timeline control: the play head goes left, on every chart.
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await slider.focus();
  await page.keyboard.press('PageDown'); // ten seconds back
  await expect.poll(() => headAt(page)).toBe(beforeAt - 10_000);
  expect(await headX(page)).toBeLessThan(before);
  const heads = region.locator('.chart-play-head');
  await expect(heads).toHaveCount(4);
  for (const h of await heads.all()) await expect(h).toHaveAttribute('data-at', /^\d+$/);

  // And by the console API.
  await page.evaluate(() => window.__kafkaSim!.seek(7000));
  await expect.poll(() => headAt(page)).toBe(7000);

  // Expanding a group adds its partitions' lag.
  const key = region.getByRole('button', { name: /^Partitions of / }).first();
  const lines = lag.locator('path.chart-line');
  const total = await lines.count();
  await key.click();
  await expect(key).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(() => lines.count()).toBeGreaterThan(total);

  const results = await new AxeBuilder({ page }).include('#charts-panel').analyze();
  expect(seriousViolations(results)).toEqual([]);
  if (SHOTS) await page.screenshot({ path: 'tmp/charts-1920-en.png' });
});

test('Charts in Chinese: Chinese titles, Kafka metric names as Kafka spells them', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, { lang: 'zh-CN' });
  const region = await openCharts(page, '图表');
  await runTo(page, 6000);
  await expect(region.getByText('各消费者组的积压')).toBeVisible();
  await expect(region.getByText('生产与消费速率')).toBeVisible();
  await expect(region.getByText('MessagesInPerSec', { exact: true })).toBeVisible();
  await expect(region.getByText('UnderReplicatedPartitions', { exact: true })).toBeVisible();
  await expect(region.locator('.chart-tick', { hasText: '秒' }).first()).toBeAttached();
  if (SHOTS) {
    await page.screenshot({ path: 'tmp/charts-1280-zh.png' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: 'tmp/charts-1920-zh.png' });
  }
});

test('Charts in Presenter mode at 1280x720: chart text is at least 16 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?presenter=1');
  await expect(page.getByTestId('engine-version')).toHaveText(/^\d+\.\d+\.\d+/);
  const region = await openCharts(page);
  await runTo(page, 8000);
  await page.getByRole('button', { name: 'Kill broker 2', exact: true }).click();
  await runTo(page, 16_000);
  const sizes = await region.evaluate((el) =>
    [...el.querySelectorAll('text, figcaption, li, button, p')]
      .filter((n) => (n.textContent ?? '').trim() !== '')
      .map((n) => parseFloat(getComputedStyle(n).fontSize)),
  );
  expect(sizes.length).toBeGreaterThan(0);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
  if (SHOTS) await page.screenshot({ path: 'tmp/charts-1280-presenter-en.png' });
});

test('A group whose consumers are gone is flagged: its lag keeps growing', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  // Past billing's first commits: a group's lag counts from its committed offsets.
  await runTo(page, 9000);
  const scene = page.getByRole('region', { name: 'Cluster' });
  await expect(scene.getByRole('img', { name: /^Lag of group billing: \d+ records$/ })).toBeVisible(
    { timeout: 20_000 },
  );
  for (const id of ['billing-1', 'billing-2']) {
    await page.getByRole('button', { name: `Kill consumer ${id}`, exact: true }).click();
  }
  const now = await page.evaluate(() => window.__kafkaSim!.now());
  await runTo(page, now + 16_000);
  await expect(scene.getByRole('img', { name: /^Lag growing in group billing\./ })).toBeVisible({
    timeout: 20_000,
  });
  // The group that keeps reading is not flagged.
  await expect(scene.getByRole('img', { name: /^Lag growing in group analytics/ })).toHaveCount(0);
  if (SHOTS) await page.screenshot({ path: 'tmp/lag-growing-1920-en.png' });
});
