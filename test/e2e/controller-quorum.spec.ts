// The KRaft controller quorum in the picture (issue 13, design.md 3.10): the controllers are a row
// of cards above the brokers, the active one wears the crown; killing it hands the crown to
// another after an election, and killing a second one loses the quorum, which the page says.
// Found by accessible names; axe checks the row and the notice.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { controllerCard, openBuiltinPaused, runTo, seriousViolations } from './helpers';

const controller = controllerCard;

test('the controllers elect a new active controller when it is killed, and the page says when the quorum is lost', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openBuiltinPaused(page, 'controller-quorum');
  const cluster = page.getByRole('region', { name: 'Cluster' });
  await expect(controller(page, 1001)).toBeVisible();
  await expect(controller(page, 1001).getByRole('img', { name: 'Controller' })).toBeVisible();
  await expect(controller(page, 1001)).toContainText('Leader');
  await expect(controller(page, 1002)).toContainText('Follower');
  await expect(cluster).toContainText('Active controller: 1001 · epoch 1');
  // The inspector shows what the metadata is: the newest records of the controller's log.
  await page.getByRole('button', { name: 'Controller 1001 details', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Controller 1001', exact: true })).toBeVisible();
  const records = page.getByRole('list', { name: 'Newest records of __cluster_metadata' });
  await expect(records).toContainText('LeaderChangeMessage LeaderId=1001');

  await page.getByRole('button', { name: 'Kill controller 1001', exact: true }).click();
  await expect(controller(page, 1001)).toContainText('Crashed');
  await runTo(page, 25_000);
  const metadata = await page.evaluate(async () => (await window.__kafkaSim!.view()).metadata!);
  expect([1002, 1003]).toContain(metadata.activeController);
  expect(metadata.epoch).toBeGreaterThan(1);
  const next = metadata.activeController!;
  await expect(controller(page, next).getByRole('img', { name: 'Controller' })).toBeVisible();
  await expect(controller(page, 1001).getByRole('img', { name: 'Controller' })).toHaveCount(0);

  // Two of three down: no majority, and the page says what that means.
  await page.getByRole('button', { name: `Kill controller ${next}`, exact: true }).click();
  // The notice in the picture (the screen reader announcer says the same words elsewhere).
  const lost = cluster.getByRole('status').filter({ hasText: 'Metadata quorum lost' });
  await expect(lost).toBeVisible();
  await expect(lost).toContainText('1 of 3 controllers reachable, 2 needed');
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);

  await page.getByRole('button', { name: 'Restart controller 1001', exact: true }).click();
  await expect(lost).toBeHidden();
});

test('Add controller: the new controller observes while it copies the log, then votes; the majority grows', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openBuiltinPaused(page, 'controller-quorum');
  // From any controller's details (the toolbar keeps to what every cluster has).
  await page.getByRole('button', { name: 'Controller 1001 details', exact: true }).click();
  await page.getByRole('button', { name: 'Add controller', exact: true }).click();
  await expect(controller(page, 1004)).toContainText('Observer, catching up');
  await runTo(page, 8000);
  await expect(controller(page, 1004)).toContainText('Follower');
  const metadata = await page.evaluate(async () => (await window.__kafkaSim!.view()).metadata!);
  expect(metadata.mode === 'kraft' && metadata.quorum).toEqual({ live: 4, needed: 3, lost: false });
  const log = page.getByRole('region', { name: 'Event log' });
  await expect(log).toContainText('Controller 1004 joined the voters');
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);
});
