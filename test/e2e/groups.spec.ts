// Consumers and delivery modes: Add consumer rebalances billing; Queue and Publish-subscribe
// change how many groups read orders.
import { test, expect, type Page } from '@playwright/test';
import type { ClusterView } from '../../src/engine';
import defaultScenario from '../../src/scenario/examples/default.json' with { type: 'json' };
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

test('the Delivery mode hint opens from its info button where it does not fit inline', async ({
  page,
}) => {
  await openApp(page);
  const explain = page.getByRole('button', { name: 'Explain delivery mode', exact: true });
  const hint = page.locator('.delivery-hint');
  // Closed, the hint is there for screen readers only (a 1 px clip); open, it is a bubble.
  const shownWidth = () => hint.evaluate((el) => el.getBoundingClientRect().width);
  expect(await shownWidth()).toBeLessThanOrEqual(1);
  await explain.click();
  await expect(explain).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(shownWidth).toBeGreaterThan(100);
  await expect(hint).toHaveText(/groups?|group of its own/);
  await page.keyboard.press('Escape');
  await expect(explain).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(shownWidth).toBeLessThanOrEqual(1);
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

// The group card shows the rebalance itself: eager (every partition revoked) and cooperative
// (only the ones that move). The sim is slowed down and paused while the card is read.

const billingOf = (v: ClusterView) => v.groups.find((g) => g.id === 'billing')!;
const owned = (v: ClusterView, id: string) =>
  v.consumers.find((c) => c.id === id)?.assignment ?? [];

async function addConsumerToBilling(page: Page) {
  // Stable alone is not enough: the coordinator is Stable as soon as the leader's SyncGroup
  // arrives, while the assignments are still on their way to the members (owning nothing then
  // would satisfy the "gave up" checks below before any rebalance began).
  await waitForView(
    page,
    (v) =>
      billingOf(v).state === 'Stable' &&
      owned(v, 'billing-1').length > 0 &&
      owned(v, 'billing-2').length > 0,
    'billing is stable and both members own partitions',
  );
  await page.evaluate(() => window.__kafkaSim!.setSpeed(0.2));
  await page.getByRole('button', { name: 'Add consumer to billing', exact: true }).click();
}

async function playUntilStable(page: Page) {
  await page.evaluate(() => {
    window.__kafkaSim!.setSpeed(4);
    window.__kafkaSim!.play();
  });
  return waitForView(
    page,
    (v) =>
      billingOf(v).state === 'Stable' &&
      ['billing-1', 'billing-2', 'billing-3'].every((id) => owned(v, id).length === 1),
    'billing settled with one partition per consumer',
  );
}

test('an eager rebalance shows every partition revoked', async ({ page }) => {
  await openApp(page, { speed: 4 });
  const card = page.getByRole('group', { name: 'Group billing', exact: true });
  await expect(card).toContainText('Eager rebalancing');
  await addConsumerToBilling(page);
  await waitForView(
    page,
    (v) => owned(v, 'billing-1').length === 0 && owned(v, 'billing-2').length === 0,
    'billing-1 and billing-2 gave up their partitions',
  );
  await page.evaluate(() => window.__kafkaSim!.pause());

  await expect(card).toContainText('Rebalancing, eager:');
  await expect(card).toContainText('every partition revoked');
  const consumer = (id: string) => card.getByRole('group', { name: `Consumer ${id}`, exact: true });
  await expect(
    consumer('billing-1').getByRole('img', {
      name: 'gave up orders: 0, 1 for the rebalance',
      exact: true,
    }),
  ).toBeVisible();
  await expect(
    consumer('billing-2').getByRole('img', {
      name: 'gave up orders: 2 for the rebalance',
      exact: true,
    }),
  ).toBeVisible();

  const after = await playUntilStable(page);
  await expect(card).toContainText(`Generation ${billingOf(after).generation}`);
  await expect(card).not.toContainText('Rebalancing, eager:');
});

test('a cooperative rebalance revokes only the partition that moves', async ({ page }) => {
  await openApp(page, { speed: 4 });
  const scenario = structuredClone(defaultScenario) as {
    groups: { config: Record<string, string> }[];
  };
  scenario.groups[0].config['partition.assignment.strategy'] = 'cooperative-sticky';
  await page.evaluate((s) => window.__kafkaSim!.load(s), scenario);
  await page.evaluate(() => window.__kafkaSim!.setSpeed(4));
  const card = page.getByRole('group', { name: 'Group billing', exact: true });
  await expect(card).toContainText('Cooperative rebalancing');
  await addConsumerToBilling(page);
  // After the first round billing-1 keeps orders-0 and gives up orders-2, which moves to the
  // new consumer in the follow-up rebalance.
  await waitForView(
    page,
    (v) =>
      billingOf(v).generation >= 2 &&
      owned(v, 'billing-1').join() === 'orders-0' &&
      owned(v, 'billing-3').length === 0,
    'billing-1 gave up orders-2 and kept orders-0',
  );
  await page.evaluate(() => window.__kafkaSim!.pause());

  await expect(card).toContainText('Rebalancing, cooperative:');
  await expect(card).toContainText('only moving partitions revoked');
  const consumer = (id: string) => card.getByRole('group', { name: `Consumer ${id}`, exact: true });
  await expect(
    consumer('billing-1').getByRole('img', {
      name: 'orders: 0; gave up orders: 2 for the rebalance',
      exact: true,
    }),
  ).toBeVisible();
  // billing-2 loses nothing and reads on.
  await expect(
    consumer('billing-2').getByRole('img', { name: 'orders: 1', exact: true }),
  ).toBeVisible();

  await playUntilStable(page);
  await expect(card).not.toContainText('Rebalancing, cooperative:');
  await expect(
    consumer('billing-3').getByRole('img', { name: 'orders: 2', exact: true }),
  ).toBeVisible();
});
