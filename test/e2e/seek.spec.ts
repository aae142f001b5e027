// Seek (KafkaConsumer.seek), per consumer from its inspector: the position moves back and the
// consumer reads those records again; the committed offset waits for the next commit. A bad
// offset is refused in the form, naming the field.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, seriousViolations, view, waitForView } from './helpers';

test('Seek consumer billing-1: its position goes back and the records are read again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page, { speed: 4 });
  await waitForView(
    page,
    (v) => (v.consumers.find((c) => c.id === 'billing-1')?.positions['orders-0'] ?? 0) >= 3,
    'billing-1 has read a few records of orders-0',
  );
  await page.evaluate(() => window.__kafkaSim!.pause());
  await page.getByRole('button', { name: 'Consumer billing-1 details', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByRole('button', { name: 'Seek consumer billing-1', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Seek consumer billing-1' });
  await expect(dialog).toBeVisible();
  const owned = (await view(page)).consumers.find((c) => c.id === 'billing-1')!.assignment;
  await expect(dialog.getByLabel('Partition')).toHaveValue(owned[0]);

  await dialog.getByLabel('Offset', { exact: true }).fill('-1');
  await dialog.getByRole('button', { name: 'Seek', exact: true }).click();
  await expect(dialog.getByText(/Offset must be/)).toBeVisible();
  expect(seriousViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);

  const seekAt = await page.evaluate(() => window.__kafkaSim!.now());
  await dialog.getByLabel('Partition').selectOption('orders-0');
  await dialog.getByLabel('Offset', { exact: true }).fill('0');
  await dialog.getByRole('button', { name: 'Seek', exact: true }).click();
  await expect(dialog).toBeHidden();
  const v = await view(page);
  expect(v.consumers.find((c) => c.id === 'billing-1')!.positions['orders-0']).toBe(0);
  // The log names the command, and the engine says why the position moved.
  await expect(
    page
      .getByRole('region', { name: 'Event log' })
      .getByText('You: seek consumer billing-1 to offset 0 of orders-0'),
  ).toBeVisible();
  const moved = await page.evaluate(() =>
    window
      .__kafkaSim!.events()
      .filter((e) => e.type === 'offset.reset' && e.reason.code === 'seek')
      .map((e) => e.type === 'offset.reset' && [e.consumerId, e.partition, e.offset]),
  );
  expect(moved).toEqual([['billing-1', 0, 0]]);

  // It reads offset 0 again.
  await page.evaluate(() => window.__kafkaSim!.play());
  await waitForView(
    page,
    (x) => (x.consumers.find((c) => c.id === 'billing-1')?.positions['orders-0'] ?? 0) >= 1,
    'billing-1 read orders-0 from offset 0 again',
  );
  const again = await page.evaluate(
    (at) =>
      window
        .__kafkaSim!.events()
        .filter(
          (e) => e.type === 'record.consumed' && e.partition === 0 && e.offset === 0 && e.t >= at,
        ).length,
    seekAt,
  );
  expect(again).toBe(1);
});
