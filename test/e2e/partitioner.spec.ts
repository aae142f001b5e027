// Partitioner for null keys on a producer (built-in sticky or RoundRobinPartitioner): the choice
// is a radio group; under round-robin the producer's next records go to every partition in turn.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, seriousViolations, waitForView } from './helpers';

test('Round-robin (RoundRobinPartitioner) spreads checkout records over every partition; the note explains sticky', async ({
  page,
}) => {
  await openApp(page, { speed: 4 });
  // Null keys, so that the partitioner (not murmur2) decides.
  await page.evaluate(() =>
    window.__kafkaSim!.dispatch({ type: 'updateProducer', producerId: 'checkout', keys: null }),
  );
  const t1 = await page.evaluate(() => window.__kafkaSim!.now());
  const partitionsSince = (t0: number) =>
    page.evaluate((from) => {
      const acked = window
        .__kafkaSim!.events()
        .flatMap((e) =>
          e.type === 'record.acked' && e.t > from && e.producerId === 'checkout' && e.key === null
            ? [e.partition]
            : [],
        );
      return { count: acked.length, partitions: new Set(acked).size };
    }, t0);
  await expect
    .poll(async () => (await partitionsSince(t1)).count, { timeout: 30_000 })
    .toBeGreaterThan(5);
  expect((await partitionsSince(t1)).partitions).toBe(1);
  await page.getByRole('button', { name: 'Producer checkout details', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const choice = inspector.getByRole('radiogroup', { name: 'Partitioner for null keys' });
  await expect(choice.getByRole('radio', { name: 'Built-in sticky', exact: true })).toBeChecked();
  await expect(inspector.getByText(/stick to one partition until batch\.size/)).toBeVisible();
  const results = await new AxeBuilder({ page }).include('[aria-label="Inspector"]').analyze();
  expect(seriousViolations(results)).toEqual([]);

  await choice.getByRole('radio', { name: 'Round-robin', exact: true }).check();
  await waitForView(
    page,
    (v) =>
      v.producers.find((p) => p.id === 'checkout')!.config.find((e) => e.key === 'partitioner')!
        .value === 'round-robin',
    'checkout uses round-robin',
  );
  const since = await page.evaluate(() => window.__kafkaSim!.now());
  await expect(inspector.getByText(/each record goes to the next partition in turn/)).toBeVisible();
  await expect
    .poll(async () => (await partitionsSince(since)).partitions, { timeout: 30_000 })
    .toBe(3);
});
