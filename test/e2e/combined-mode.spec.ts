// KRaft in combined mode in the picture (issue 13, design.md 3.10): controllers 1-3 run inside
// brokers 1-3, so killing broker 1 takes the active controller with it, and with two of three
// combined nodes down the page says the quorum is lost while the last broker keeps running.
// Found by accessible names; axe checks the row and the notice.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { controllerCard, openBuiltinPaused, runTo, seriousViolations } from './helpers';

const controller = controllerCard;

test('combined mode: a broker crash takes its controller along, and two of three nodes down lose the quorum', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openBuiltinPaused(page, 'combined-mode');
  const cluster = page.getByRole('region', { name: 'Cluster' });
  await expect(controller(page, 1)).toContainText('in Broker 1');
  await expect(controller(page, 1)).toContainText('Leader');
  await expect(cluster).toContainText('Active controller: 1 · epoch 1');
  await page.getByRole('button', { name: 'Controller 1 details', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText(
    'inside Broker 1, in the same process (combined mode)',
  );

  // Killing the broker kills its controller: the row shows it crashed too.
  await page.getByRole('button', { name: 'Kill broker 1', exact: true }).click();
  await expect(controller(page, 1)).toContainText('Crashed');
  await runTo(page, 28_000);
  const metadata = await page.evaluate(async () => (await window.__kafkaSim!.view()).metadata!);
  expect([2, 3]).toContain(metadata.activeController);
  expect(metadata.epoch).toBeGreaterThan(1);
  const next = metadata.activeController!;
  const other = next === 2 ? 3 : 2;

  // Killing the controller is killing its broker: then one node is left, not a majority.
  await page.getByRole('button', { name: `Kill controller ${other}`, exact: true }).click();
  await expect(
    page.getByRole('group', { name: `Broker ${other}`, exact: true }).first(),
  ).toContainText('Crashed');
  const lost = cluster.getByRole('status').filter({ hasText: 'Metadata quorum lost' });
  await expect(lost).toBeVisible();
  await expect(lost).toContainText('1 of 3 controllers reachable, 2 needed');
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);

  await page.getByRole('button', { name: 'Restart broker 1', exact: true }).click();
  await expect(lost).toBeHidden();
});
