// Delete topic NAME (design 3.6): the topic's partitions leave the scene and the event log says
// why; an internal topic cannot be deleted.
import { test, expect } from '@playwright/test';
import { openApp, waitForView } from './helpers';

test('Delete topic orders removes its partitions from the cluster and says so', async ({
  page,
}) => {
  await openApp(page);
  await expect(page.getByRole('button', { name: 'Partition orders-0', exact: true })).toBeVisible();
  // The producer and the consumers ask for orders again at once, and the brokers would create it
  // again (auto.create.topics.enable): turn that off for the cluster first. The run goes on, so
  // the controller quorum can commit the deletion.
  const set = await page.evaluate(() =>
    window.__kafkaSim!.dispatch({
      type: 'setConfig',
      scope: 'broker',
      id: 'cluster',
      key: 'auto.create.topics.enable',
      value: false,
    }),
  );
  expect(set.ok).toBe(true);
  await page.getByRole('button', { name: 'Producer checkout details', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByRole('button', { name: 'orders', exact: true }).click();
  await inspector.getByRole('button', { name: 'Delete topic orders', exact: true }).click();
  await waitForView(page, (v) => !v.topics.some((t) => t.name === 'orders'), 'orders is deleted');
  await expect(page.getByRole('button', { name: 'Partition orders-0', exact: true })).toHaveCount(
    0,
  );
  await expect(
    page
      .getByRole('region', { name: 'Event log' })
      .getByText(/Topic orders deleted: its \d+ partitions/),
  ).toBeVisible();
});
