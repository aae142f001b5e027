// Adding and breaking brokers: a 4th broker appears; killing the leader of orders-0 elects a
// new leader with a higher epoch (on the page and in the event log); restarting the old leader
// brings it back into the ISR.
import { test, expect } from '@playwright/test';
import { openApp, partition, view, waitForView } from './helpers';

test('Add broker adds a 4th broker', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Add broker', exact: true }).click();
  const broker4 = page.getByRole('group', { name: 'Broker 4', exact: true });
  await expect(broker4).toBeVisible();
  await expect(broker4.getByRole('button', { name: 'Kill broker 4', exact: true })).toBeEnabled();
  expect((await view(page)).brokers.map((b) => b.id)).toEqual([1, 2, 3, 4]);
});

test('killing the leader of orders-0 elects a new leader; restarting it brings it back into the ISR', async ({
  page,
}) => {
  await openApp(page, { speed: 4 });
  const before = partition(await view(page), 'orders', 0);
  const old = before.leader;
  expect(old).toBeGreaterThan(0);

  const brokerGroup = page.getByRole('group', { name: `Broker ${old}`, exact: true });
  await brokerGroup.getByRole('button', { name: `Kill broker ${old}`, exact: true }).click();
  await expect(brokerGroup).toContainText('Crashed');

  const after = await waitForView(
    page,
    (v) => {
      const p = partition(v, 'orders', 0);
      return p.leader > 0 && p.leader !== old && p.leaderEpoch > before.leaderEpoch;
    },
    'orders-0 has a new leader with a higher epoch',
  );
  const next = partition(after, 'orders', 0);
  // The partition strip says who leads now, and the event log has the election in words.
  await expect(
    page.locator('.strip', {
      has: page.getByRole('button', { name: 'Partition orders-0', exact: true }),
    }),
  ).toContainText(`epoch ${next.leaderEpoch}`);
  const log = page.getByRole('region', { name: 'Event log' });
  await expect(
    log.getByText(
      new RegExp(
        `Partition orders-0: broker ${next.leader} elected leader, epoch ${next.leaderEpoch}`,
      ),
    ),
  ).toBeVisible();
  await expect(log.getByText(`Broker ${old} crashed`)).toBeVisible();

  await brokerGroup.getByRole('button', { name: `Restart broker ${old}`, exact: true }).click();
  await expect(brokerGroup).toContainText('Running');
  await waitForView(
    page,
    (v) => partition(v, 'orders', 0).isr.includes(old),
    `broker ${old} is back in the ISR of orders-0`,
  );
  await expect(
    log.getByText(new RegExp(`Partition orders-0: broker ${old} caught up and rejoined the ISR`)),
  ).toBeVisible();
});

test('isolating a broker can be healed', async ({ page }) => {
  await openApp(page);
  const group = page.getByRole('group', { name: 'Broker 3', exact: true });
  await group.getByRole('button', { name: 'Isolate broker 3', exact: true }).click();
  await expect(group.getByRole('button', { name: 'Heal broker 3', exact: true })).toBeVisible();
  await waitForView(
    page,
    (v) => v.brokers.find((b) => b.id === 3)!.isolated,
    'broker 3 is isolated',
  );
  await group.getByRole('button', { name: 'Heal broker 3', exact: true }).click();
  await waitForView(
    page,
    (v) => !v.brokers.find((b) => b.id === 3)!.isolated,
    'broker 3 is healed',
  );
});
