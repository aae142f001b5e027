// Consumers and delivery modes: Add consumer rebalances billing; Queue and Publish-subscribe
// change how many groups read orders.
import { test, expect } from '@playwright/test';
import { groupsReading, openApp, view, waitForView } from './helpers';

test('Add consumer rebalances billing', async ({ page }) => {
  await openApp(page, { speed: 4 });
  const stable = await waitForView(
    page,
    (v) => v.groups.find((g) => g.id === 'billing')?.state === 'Stable',
    'billing is stable',
  );
  const generation = stable.groups.find((g) => g.id === 'billing')!.generation;

  await page.getByRole('button', { name: 'Add consumer', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add consumer' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Group').selectOption('billing');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();

  // Three consumers share three partitions: once the new assignment reaches them, each owns one.
  const after = await waitForView(
    page,
    (v) => {
      const g = v.groups.find((x) => x.id === 'billing')!;
      const members = v.consumers.filter((c) => c.groupId === 'billing');
      return (
        g.state === 'Stable' &&
        g.generation > generation &&
        members.length === 3 &&
        members.every((c) => c.assignment.length === 1)
      );
    },
    'billing rebalanced to a new generation, one partition per consumer',
  );
  const billing = after.groups.find((g) => g.id === 'billing')!;
  await expect(page.getByRole('group', { name: 'Group billing', exact: true })).toContainText(
    `Generation ${billing.generation}`,
  );
  await expect(
    page
      .getByRole('region', { name: 'Event log' })
      .getByText(new RegExp(`Group billing: generation ${billing.generation}`)),
  ).toBeVisible();
});

test('Queue and Publish-subscribe change how many groups read orders', async ({ page }) => {
  await openApp(page, { speed: 4 });
  expect(groupsReading(await view(page), 'orders').length).toBe(2);
  const mode = page.getByRole('radiogroup', { name: 'Delivery mode' });

  await mode.getByRole('radio', { name: 'Publish-subscribe' }).check();
  await waitForView(
    page,
    (v) => groupsReading(v, 'orders').length === 3,
    'each consumer reads orders in a group of its own',
  );
  await expect(mode.getByRole('radio', { name: 'Publish-subscribe' })).toBeChecked();

  await mode.getByRole('radio', { name: 'Queue' }).check();
  await waitForView(
    page,
    (v) => groupsReading(v, 'orders').length === 1,
    'all consumers of orders share one group',
  );
  await expect(mode.getByRole('radio', { name: 'Queue' })).toBeChecked();
});

test('killing a consumer makes its group wait for the session timeout, then rebalance', async ({
  page,
}) => {
  await openApp(page, { speed: 4 });
  await waitForView(
    page,
    (v) => v.groups.find((g) => g.id === 'billing')?.state === 'Stable',
    'billing is stable',
  );
  await page.getByRole('button', { name: 'Kill consumer billing-2', exact: true }).click();
  await waitForView(
    page,
    (v) => {
      const g = v.groups.find((x) => x.id === 'billing')!;
      return (
        g.state === 'Stable' &&
        v.consumers.find((c) => c.id === 'billing-1')!.assignment.length === 3
      );
    },
    'billing-1 took over every partition',
  );
  await expect(
    page
      .getByRole('region', { name: 'Event log' })
      .getByText('billing-2 crashed: group billing waits for its session timeout'),
  ).toBeVisible();
});
