// Data loss is shown where it happened (design.md 4, issue 10): in the acks=1 scenario the
// acknowledged clicks that a truncation removed stay marked on their partition's strip, a
// notice names them until it is dismissed, and the producer's card counts them as lost.
import { test, expect } from '@playwright/test';
import { partition, runTo, view } from './helpers';

test('acks=1: the lost records stay on the strip and the producer counts them', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/?scenario=acks-one-loses-data');
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim?.now() ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(0);
  // Broker 1 crashed at 15 s and came back at 30 s: by 33 s it has truncated its log too.
  await runTo(page, 33_000);
  const v = await view(page);
  const losing = v.topics.flatMap((t) => t.partitions).filter((p) => p.lostRecords.length > 0);
  expect(losing.map((p) => `${p.topic}-${p.partition}`)).toEqual(['clicks-1']);
  const lost = partition(v, 'clicks', 1).lostRecords;
  expect(lost.length).toBeGreaterThan(0);
  // The log end has moved well past them: the strip keeps them in view all the same.
  expect(
    partition(v, 'clicks', 1).logEndOffset - Math.max(...lost.map((r) => r.offset)),
  ).toBeGreaterThan(30);

  const strip = page.locator('.strip[data-select="partition:clicks-1"]');
  const struck = strip.locator('[data-lost]');
  await expect(struck).toHaveCount(lost.length);
  expect(
    await struck.evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-lost')))),
  ).toEqual(lost.map((r) => r.offset));
  await expect(strip.getByText(`✕ ${lost.length} lost`)).toBeVisible();

  const notice = page.getByRole('region', { name: 'Data lost' });
  // "1 acknowledged record" or "N acknowledged records" (the placement decides how many).
  await expect(notice).toContainText(
    new RegExp(`clicks-1 lost ${lost.length} acknowledged records? of tracker`),
  );

  // The producer's card: acknowledged, then lost.
  const tracker = v.producers.find((p) => p.id === 'tracker')!;
  expect(tracker.stats.lostAcked).toBe(lost.length);
  const card = page.getByRole('group', { name: 'Producer tracker' });
  await expect(card).toContainText(`lost ${lost.length}`);
  await expect(page.getByRole('group', { name: 'Producer checkout' })).toContainText('lost 0');

  // The notice stays while time runs on, until the learner dismisses it.
  await runTo(page, 40_000);
  await expect(notice).toBeVisible();
  await expect(struck).toHaveCount(lost.length);
  await notice.getByRole('button', { name: 'Dismiss: data lost on clicks-1' }).click();
  await expect(notice).toHaveCount(0);
  await expect(strip.locator('[data-lost]')).toHaveCount(0);
  // The count on the producer is a fact, not a notice: it stays.
  await expect(card).toContainText(`lost ${lost.length}`);
});
