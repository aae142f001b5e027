// The default scene, with no set-up: 3 brokers, topic orders, producer checkout, groups billing
// (2 consumers) and analytics (1), running, and the consumers receive records.
import { test, expect } from '@playwright/test';
import { openApp, view, waitForView } from './helpers';

test('the default scene runs and consumers receive records', async ({ page }) => {
  await openApp(page, { speed: 5 });
  for (const id of [1, 2, 3]) {
    await expect(page.getByRole('group', { name: `Broker ${id}`, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('group', { name: 'Producer checkout', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Group billing', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Group analytics', exact: true })).toBeVisible();
  for (const p of [0, 1, 2]) {
    await expect(
      page.getByRole('button', { name: `Partition orders-${p}`, exact: true }),
    ).toBeVisible();
  }

  const v = await view(page);
  expect(v.brokers).toHaveLength(3);
  const orders = v.topics.find((t) => t.name === 'orders')!;
  expect(orders.partitions).toHaveLength(3);
  expect(orders.replicationFactor).toBe(3);
  expect(v.producers[0]).toMatchObject({ id: 'checkout', topic: 'orders' });
  expect(v.consumers.filter((c) => c.groupId === 'billing')).toHaveLength(2);
  expect(v.consumers.filter((c) => c.groupId === 'analytics')).toHaveLength(1);

  // Records flow all the way: every consumer of both groups reads some.
  await waitForView(
    page,
    (now) => now.consumers.length === 3 && now.consumers.every((c) => c.consumed > 0),
    'every consumer has read records',
  );
  // The page shows it too: consumers own partitions and the logs have records with keys.
  await expect(
    page
      .getByRole('group', { name: 'Consumer analytics-1', exact: true })
      .getByRole('img', { name: 'orders: 0, 1, 2', exact: true }),
  ).toBeVisible();
  await expect(page.locator('.cell-key').filter({ hasText: /[A-Z]/ }).first()).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Sim clock' })).not.toHaveText('0.0 s');
});

test('Play, Pause, Step and Speed control the sim clock', async ({ page }) => {
  await openApp(page);
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  await pause.click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const frozen = await page.evaluate(() => window.__kafkaSim!.now());
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__kafkaSim!.now())).toBe(frozen);

  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim!.now()))
    .toBeGreaterThanOrEqual(frozen);

  const speed = page.getByRole('slider', { name: 'Speed' });
  await speed.fill('1');
  await expect(speed).toHaveAttribute('aria-valuetext', '10×');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const before = await page.evaluate(() => window.__kafkaSim!.now());
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim!.now()), { timeout: 10_000 })
    .toBeGreaterThan(before + 1000);
});

test('window.__kafkaSim answers in every build', async ({ page }) => {
  await openApp(page);
  const api = await page.evaluate(() => Object.keys(window.__kafkaSim!).sort());
  expect(api).toEqual(expect.arrayContaining(['dispatch', 'events', 'load', 'now', 'view']));
  const result = await page.evaluate(() =>
    window.__kafkaSim!.dispatch({ type: 'killBroker', brokerId: 99 }),
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_BROKER' } });
  const events = await page.evaluate(() => window.__kafkaSim!.events().map((e) => e.type));
  expect(events).toContain('topic.created');
});

test('a built-in scenario can be picked from the footer', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Scenario').selectOption('leader-election');
  await expect(page).toHaveURL(/scenario=leader-election/);
  await expect
    .poll(async () => (await view(page)).producers.length, { timeout: 20_000 })
    .toBeGreaterThan(0);
  await page.getByRole('button', { name: 'About this simulation', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'About this simulation' })).toContainText(
    'Leader election: a broker dies, a follower takes over',
  );
});
