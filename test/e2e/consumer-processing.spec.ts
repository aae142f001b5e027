// Processing time per consumer (issue 10's engineer controls): sim.processing.ms in a consumer's
// inspector makes that one consumer slow, and its lag grows while the others keep up.
import { test, expect } from '@playwright/test';
import { openApp, waitForView } from './helpers';

const unread = (lag: Record<string, number>) => Object.values(lag).reduce((a, b) => a + b, 0);

test('sim.processing.ms = 1000 on billing-1: it falls behind, billing-2 does not', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page, { speed: 4 });
  await page.getByRole('button', { name: 'Consumer billing-1 details', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByRole('button', { name: 'Show all settings' }).click();
  const field = inspector.getByRole('textbox', { name: 'sim.processing.ms', exact: true });
  await field.fill('1000');
  await field.press('Enter');
  await expect(inspector.getByText('1000 ms', { exact: true })).toBeVisible();
  const v = await waitForView(
    page,
    (x) => unread(x.consumers.find((c) => c.id === 'billing-1')!.lag) >= 15,
    'billing-1 is at least 15 records behind',
  );
  // The other member of the group keeps up.
  expect(unread(v.consumers.find((c) => c.id === 'billing-2')!.lag)).toBeLessThan(5);
});
