// Embed mode (?embed=1), in an 800 × 450 frame: only the scene, Play/Pause, Step, the timeline
// and a link to the full simulator; a shared moment opens paused there; axe finds nothing serious.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, seriousViolations } from './helpers';

test.use({ viewport: { width: 800, height: 450 } });

test('shows the scene, playback, the timeline and a way out, and nothing else', async ({
  page,
}) => {
  await page.goto('/?embed=1');
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim?.now() ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: 'Cluster' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Timeline', exact: true })).toBeVisible();
  for (const name of ['Step back', 'Previous event', 'Next event']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: /Open in the simulator/ })).toBeVisible();
  // Not the full app: no toolbar, no side panel, no sharing, no scenario picker.
  for (const name of ['Add broker', 'Share', 'Reset', 'Shortcuts']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await expect(page.getByRole('region', { name: 'Event log' })).toHaveCount(0);
  // It fits: nothing scrolls, the scene has most of the frame.
  const size = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  expect(size).toEqual({ width: 800, height: 450 });
  const scene = (await page.getByRole('region', { name: 'Cluster' }).boundingBox())!;
  expect(scene.height).toBeGreaterThan(300);

  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);
});

test('a shared moment opens paused in the frame, and the link opens it in the simulator', async ({
  page,
  context,
}) => {
  await openApp(page, { speed: 5 });
  await expect.poll(() => page.evaluate(() => window.__kafkaSim!.now())).toBeGreaterThan(6000);
  await page.getByRole('button', { name: 'Kill broker 3', exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.__kafkaSim!.now())).toBeGreaterThan(12_000);
  await page.evaluate(() => window.__kafkaSim!.pause());
  // The worker's clock, asked after the pause: an advance still in flight when we paused has
  // landed by then (now() could be a frame behind on a busy machine).
  const moment = await page.evaluate(async () => (await window.__kafkaSim!.timeline()).now);
  const url = await page.evaluate(() => window.__kafkaSim!.shareUrl());
  const embedded = url.replace('#', '?embed=1#');

  const frame = await context.newPage();
  await frame.setViewportSize({ width: 800, height: 450 });
  await frame.goto(embedded);
  // Opening the link replays 12 s of the session: allow a busy machine its time.
  await expect
    .poll(() => frame.evaluate(() => window.__kafkaSim?.now() ?? -1), { timeout: 30_000 })
    .toBe(moment);
  await expect(frame.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(frame.getByRole('group', { name: 'Broker 3', exact: true })).toContainText(
    'Crashed',
  );
  const results = await new AxeBuilder({ page: frame }).analyze();
  expect(seriousViolations(results)).toEqual([]);

  const popup = frame.waitForEvent('popup');
  await frame.getByRole('link', { name: /Open in the simulator/ }).click();
  const full = await popup;
  await expect(full.getByRole('button', { name: 'Add broker', exact: true })).toBeVisible();
  await expect
    .poll(() => full.evaluate(() => window.__kafkaSim?.now() ?? -1), { timeout: 30_000 })
    .toBe(moment);
});
