// Reset offsets (design 3.6), per group: refused while the group has members, as
// kafka-consumer-groups is; once the group is empty, to an offset or to a time.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, seriousViolations, view, waitForView } from './helpers';

test('Reset offsets: refused with members, then to an offset and to a time', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, { speed: 4 });
  await waitForView(
    page,
    (v) => v.topics[0].partitions.every((p) => p.highWatermark >= 3),
    'every orders partition holds a few records',
  );
  await page.getByRole('button', { name: 'Group billing details', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByRole('button', { name: 'Reset offsets', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset offsets of group billing' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('still has active members');
  expect(seriousViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();

  for (const id of ['billing-1', 'billing-2'])
    await page.getByRole('button', { name: `Leave group: ${id}`, exact: true }).click();
  await waitForView(
    page,
    (v) => v.groups.find((g) => g.id === 'billing')!.state === 'Empty',
    'billing is empty',
  );
  await page.evaluate(() => window.__kafkaSim!.pause());

  await inspector.getByRole('button', { name: 'Reset offsets', exact: true }).click();
  await dialog.getByLabel('Reset to').selectOption('offset');
  await dialog.getByLabel('Offset', { exact: true }).fill('1');
  await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(dialog).toBeHidden();
  let v = await view(page);
  expect(v.groups.find((g) => g.id === 'billing')!.offsets.map((o) => o.committed)).toEqual([
    1, 1, 1,
  ]);

  // To a time: each partition's first record at or after it; after every record, the log end
  // (the simulation is paused, so the high watermarks hold still).
  await inspector.getByRole('button', { name: 'Reset offsets', exact: true }).click();
  await dialog.getByLabel('Reset to').selectOption('time');
  await dialog.getByLabel('Time (simulation seconds)').fill('100000');
  await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(dialog).toBeHidden();
  v = await view(page);
  expect(v.groups.find((g) => g.id === 'billing')!.offsets.map((o) => o.committed)).toEqual(
    v.topics[0].partitions.map((p) => p.highWatermark),
  );
});
