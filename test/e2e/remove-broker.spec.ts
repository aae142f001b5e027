// Remove broker N (design 3.6): refused with the partition named while the replication factor
// cannot be kept (three brokers, __consumer_offsets RF 3); after Add broker its replicas move to
// other brokers and the broker leaves the cluster. Axe finds no serious problem in the inspector.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, seriousViolations, waitForView } from './helpers';

test('Remove broker 2 is refused on three brokers, then moves its replicas and leaves after Add broker', async ({
  page,
}) => {
  await openApp(page);
  await expect(page.getByRole('group', { name: 'Broker 2', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Broker 2 details', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const remove = inspector.getByRole('button', { name: 'Remove broker 2', exact: true });
  await remove.click();
  await expect(inspector.getByRole('alert')).toContainText(
    /Broker 2 cannot be removed: partition \S+ has replication factor \d/,
  );
  const results = await new AxeBuilder({ page }).include('[aria-label="Inspector"]').analyze();
  expect(seriousViolations(results)).toEqual([]);

  await page.getByRole('button', { name: 'Add broker', exact: true }).click();
  await waitForView(
    page,
    (v) => v.brokers.length === 4 && v.brokers.every((b) => !b.fenced),
    'broker 4 is up',
  );
  await remove.click();
  await waitForView(page, (v) => !v.brokers.some((b) => b.id === 2), 'broker 2 has left');
  await expect(page.getByRole('group', { name: 'Broker 2', exact: true })).toHaveCount(0);
  const v = await page.evaluate(() => window.__kafkaSim!.view());
  for (const t of v.topics)
    for (const p of t.partitions) {
      expect(p.replicas).not.toContain(2);
      expect(p.replicas.length).toBe(t.replicationFactor);
    }
  const log = page.getByRole('region', { name: 'Event log' });
  await expect(log.getByText(/Partition \S+: reassignment complete/).first()).toBeVisible();
  await expect(log.getByText('Broker 2 was unregistered', { exact: false })).toBeVisible();
});
