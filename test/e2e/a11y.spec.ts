// Axe finds no serious or critical problem on the default scene, with a dialog open, in Chinese
// and in Presenter mode (topic tabs, the side panel over the scene, the legend opened).
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, seriousViolations } from './helpers';

test('no serious axe violation on the running default scene', async ({ page }) => {
  await openApp(page);
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim!.now()), { timeout: 20_000 })
    .toBeGreaterThan(4000);
  await page.getByRole('button', { name: 'Partition orders-0', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('orders-0');
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);
});

test('no serious axe violation with a dialog open', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Create topic', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Create topic' });
  await expect(dialog).toBeVisible();
  // Show the form's errors too: they must be announced and readable.
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog.getByText('Name is required.')).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);
});

test('no serious axe violation in Chinese', async ({ page }) => {
  await openApp(page, { lang: 'zh-CN' });
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);
});

test('no serious axe violation in Presenter mode', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?presenter=1&scenario=acks-one-loses-data');
  await expect(page.getByRole('tablist', { name: 'Topics' })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim!.now()), { timeout: 20_000 })
    .toBeGreaterThan(3000);
  await page.getByRole('button', { name: 'Legend', exact: true }).click();
  await page.getByRole('button', { name: 'Build and break', exact: true }).click();
  await page.getByRole('button', { name: 'Partition clicks-0', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('clicks-0');
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);
});

test('reduced motion: messages are shown without moving, and nothing breaks', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, { speed: 3 });
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim!.flights().length), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Kill broker 2', exact: true }).click();
  await page.waitForTimeout(1500);
  expect(errors).toEqual([]);
});
