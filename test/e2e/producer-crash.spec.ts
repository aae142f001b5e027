// Crash producer ID (design 3.6): the records in the producer's buffer are lost, and the picture
// says how many (card, inspector, event log); Restart producer ID brings it back as a new client.
import { test, expect } from '@playwright/test';
import { openApp, view, waitForView } from './helpers';

test('Crash producer checkout loses what was buffered and says how many', async ({ page }) => {
  await openApp(page, { speed: 4 });
  // Cut checkout off from the cluster so that records pile up in its buffer.
  await page.evaluate(() =>
    window.__kafkaSim!.dispatch({ type: 'isolateClient', clientId: 'checkout' }),
  );
  await waitForView(
    page,
    (v) => v.producers.find((p) => p.id === 'checkout')!.stats.buffered >= 3,
    'checkout has records in its buffer',
  );
  await page.evaluate(() => window.__kafkaSim!.pause());
  const buffered = (await view(page)).producers.find((p) => p.id === 'checkout')!.stats.buffered;

  await page.getByRole('button', { name: 'Producer checkout details', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByRole('button', { name: 'Crash producer checkout', exact: true }).click();
  const crashed = await waitForView(
    page,
    (v) => v.producers.find((p) => p.id === 'checkout')!.crashed,
    'checkout crashed',
  );
  const stats = crashed.producers.find((p) => p.id === 'checkout')!.stats;
  expect(stats.lostUnsent).toBe(buffered);
  expect(stats.buffered).toBe(0);

  const card = page.getByRole('group', { name: 'Producer checkout', exact: true });
  await expect(card).toContainText('Crashed');
  await expect(card).toContainText(`lost ${buffered}`);
  await expect(
    page
      .getByRole('region', { name: 'Event log' })
      .getByText(`Producer checkout crashed: ${buffered} records in its buffer`),
  ).toBeVisible();

  // Back as a new client: once its network is healed it writes again.
  const restart = inspector.getByRole('button', { name: 'Restart producer checkout', exact: true });
  await expect(restart).toBeEnabled();
  await restart.click();
  await page.evaluate(() =>
    window.__kafkaSim!.dispatch({ type: 'healClient', clientId: 'checkout' }),
  );
  await page.evaluate(() => window.__kafkaSim!.play());
  await waitForView(
    page,
    (v) => {
      const p = v.producers.find((x) => x.id === 'checkout')!;
      return !p.crashed && p.stats.acked > stats.acked;
    },
    'checkout writes again after the restart',
  );
  await expect(card).not.toContainText('Crashed');
});
