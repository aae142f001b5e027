// The same journey with the keyboard only: Tab to reach controls, Enter/Space to press them,
// arrow keys in the Delivery mode radio group, shortcuts from the action registry.
import { test, expect } from '@playwright/test';
import { groupsReading, openApp, partition, tabTo, view, waitForView } from './helpers';

test('a keyboard-only run', async ({ page }) => {
  await openApp(page, { speed: 4 });

  // Space pauses and plays when no control has focus.
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();

  // Add broker.
  await tabTo(page, page.getByRole('button', { name: 'Add broker', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Broker 4', exact: true })).toBeVisible();

  // Kill the leader of orders-0, then restart it.
  const before = partition(await view(page), 'orders', 0);
  const old = before.leader;
  await tabTo(page, page.getByRole('button', { name: `Kill broker ${old}`, exact: true }));
  await page.keyboard.press('Enter');
  await waitForView(
    page,
    (v) =>
      partition(v, 'orders', 0).leader !== old &&
      partition(v, 'orders', 0).leaderEpoch > before.leaderEpoch,
    'a new leader for orders-0',
  );
  await tabTo(page, page.getByRole('button', { name: `Restart broker ${old}`, exact: true }));
  await page.keyboard.press('Space');
  await waitForView(
    page,
    (v) => partition(v, 'orders', 0).isr.includes(old),
    'the old leader back in the ISR',
  );

  // Add a consumer to billing with the C shortcut and the dialog.
  await page.keyboard.press('Escape');
  await page
    .locator('body')
    .evaluate((el) => (document.activeElement as HTMLElement | null)?.blur?.() ?? el);
  const generation = (await view(page)).groups.find((g) => g.id === 'billing')!.generation;
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: 'Add consumer' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Group')).toBeFocused();
  await expect(dialog.getByLabel('Group')).toHaveValue('billing');
  await tabTo(page, dialog.getByRole('button', { name: 'Add', exact: true }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await waitForView(
    page,
    (v) => {
      const g = v.groups.find((x) => x.id === 'billing')!;
      return g.consumerIds.length === 3 && g.generation > generation && g.state === 'Stable';
    },
    'billing rebalanced with a third consumer',
  );

  // Delivery mode with the arrow keys.
  await tabTo(page, page.getByRole('radio', { name: 'Queue' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Publish-subscribe' })).toBeFocused();
  await waitForView(
    page,
    (v) => groupsReading(v, 'orders').length === 4,
    'four consumers, four groups',
  );
  await page.keyboard.press('ArrowLeft');
  await waitForView(page, (v) => groupsReading(v, 'orders').length === 1, 'one shared group');
});

test('focus is always visible', async ({ page }) => {
  await openApp(page);
  await tabTo(page, page.getByRole('button', { name: 'Add broker', exact: true }));
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});
