// ZooKeeper mode in the picture (design.md 3.10): the ensemble is a row of cards above the
// brokers, each server with its ZooKeeper state, epoch, last zxid and connected brokers; its
// inspector lists the sessions and the znode tree where Kafka keeps its metadata (/controller,
// /brokers/ids). The controller is a broker and wears the crown; when it dies another broker
// takes /controller. Killing two of three servers loses the ZooKeeper quorum, which the page
// says; restarting one brings it back. Found by accessible names; axe checks the row, the notice
// and the inspector.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openBuiltinPaused, runTo, seriousViolations, view } from './helpers';

const server = (page: Page, id: number) =>
  page.getByRole('group', { name: `ZooKeeper zk-${id}`, exact: true });

const crownOn = (page: Page, broker: number) =>
  page
    .getByRole('group', { name: `Broker ${broker}`, exact: true })
    .getByRole('img', { name: 'Controller' });

async function ensemble(page: Page) {
  const metadata = (await view(page)).metadata;
  if (metadata?.mode !== 'zookeeper') throw new Error('the scenario has no ZooKeeper ensemble');
  return metadata;
}

test('the ZooKeeper ensemble is drawn, its znodes browsable, and losing its quorum is said', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await openBuiltinPaused(page, 'zookeeper-mode');
  const cluster = page.getByRole('region', { name: 'Cluster' });
  await runTo(page, 6000);

  // Three servers: one leads, the others follow, each with its epoch, zxid and clients.
  const first = await ensemble(page);
  const leader = first.nodes.find((n) => n.role === 'leading')!;
  expect(leader).toBeDefined();
  for (const id of [1, 2, 3]) {
    await expect(server(page, id)).toBeVisible();
    await expect(server(page, id)).toContainText(id === leader.id ? 'Leading' : 'Following');
    await expect(server(page, id)).toContainText(/zxid 0x[0-9a-f]+/);
    await expect(server(page, id)).toContainText(/\d brokers? connected/);
  }
  // The controller is a broker: it wears the crown.
  const controller = first.activeController!;
  await expect(crownOn(page, controller)).toBeVisible();

  // The inspector: the server's state, the sessions and the znode tree.
  await page.getByRole('button', { name: 'ZooKeeper zk-1 details', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'ZooKeeper zk-1', exact: true })).toBeVisible();
  const tree = page.getByRole('tree', { name: 'Znodes' });
  const item = (path: string) => tree.getByRole('treeitem', { name: path, exact: true });
  await expect(item('/controller')).toBeVisible();
  await expect(item('/controller_epoch')).toBeVisible();
  await item('/controller').click();
  await expect(item('/controller')).toHaveAttribute('aria-expanded', 'true');
  await expect(item('/controller')).toContainText(`"brokerid":${controller}`);
  await expect(item('/controller')).toContainText(`ephemeral (broker ${controller}'s session)`);
  // By keyboard: Right opens /brokers, Down and Right open /brokers/ids.
  await item('/brokers').focus();
  await page.keyboard.press('ArrowRight');
  await expect(item('/brokers')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(item('/brokers/ids')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(item('/brokers/ids/1')).toBeVisible();
  await expect(item('/brokers/ids/3')).toBeVisible();
  const sessions = page.getByRole('table').filter({ hasText: 'Session ID' });
  await expect(sessions.getByRole('row')).toHaveCount(4);
  expect(seriousViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);

  // The scenario stops the controller's broker at 10 s: another broker takes /controller.
  await runTo(page, 25_000);
  const after = await ensemble(page);
  expect(after.activeController).not.toBeNull();
  expect(after.activeController).not.toBe(controller);
  expect(after.epoch).toBeGreaterThan(first.epoch);
  await expect(crownOn(page, after.activeController!)).toBeVisible();
  await expect(crownOn(page, controller)).toHaveCount(0);

  // Two of three servers down: no majority, and the page says what that means.
  await page.getByRole('button', { name: 'Kill ZooKeeper zk-1', exact: true }).click();
  await expect(server(page, 1)).toContainText('Stopped');
  await page.getByRole('button', { name: 'Kill ZooKeeper zk-2', exact: true }).click();
  // The notice in the picture (the screen reader announcer says the same words elsewhere).
  const lost = cluster.getByRole('status').filter({ hasText: 'ZooKeeper quorum lost' });
  await expect(lost).toBeVisible();
  await expect(lost).toContainText('1 of 3 ZooKeeper servers reachable, 2 needed');
  await expect(lost).toContainText('no session expires');
  expect(seriousViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);

  await page.getByRole('button', { name: 'Restart ZooKeeper zk-1', exact: true }).click();
  await expect(lost).toBeHidden();
});

test('Add ZooKeeper server: the new server joins without a vote, then votes once the reconfig commits', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openBuiltinPaused(page, 'zookeeper-mode');
  await page.getByRole('button', { name: 'ZooKeeper zk-1 details', exact: true }).click();
  await page.getByRole('button', { name: 'Add ZooKeeper server', exact: true }).click();
  await expect(server(page, 4)).toBeVisible();
  await runTo(page, 8000);
  await expect(server(page, 4)).toContainText('Following');
  const metadata = await ensemble(page);
  expect(metadata.nodes.find((n) => n.id === 4)).toMatchObject({ voter: true });
  expect(metadata.quorum).toEqual({ live: 4, needed: 3, lost: false });
  await expect(page.getByRole('region', { name: 'Event log' })).toContainText(
    'ZooKeeper zk-4 joined the voters',
  );
  // Its znode tree is the ensemble's, config znodes included.
  await page.getByRole('button', { name: 'ZooKeeper zk-4 details', exact: true }).click();
  const tree = page.getByRole('tree', { name: 'Znodes' });
  await expect(tree.getByRole('treeitem', { name: '/config', exact: true })).toBeVisible();
});
