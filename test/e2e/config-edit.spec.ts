// Engineer controls (design 3.6): every config in the inspector is a control labelled by its
// Kafka name; a change goes to the engine as kafka-configs --alter would, bad values are refused
// with the rule, and the typed text stays.
import { test, expect, type Page } from '@playwright/test';
import type { ClusterView } from '../../src/engine';
import { openApp, waitForView } from './helpers';

function topicConfig(v: ClusterView, topic: string, key: string) {
  return v.topics.find((t) => t.name === topic)!.config.find((e) => e.key === key)!;
}

async function openTopic(page: Page, topic: string) {
  // The topic is reached from its producer's details (the scene's topic title is not a button).
  await page.getByRole('button', { name: 'Producer checkout details', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByRole('button', { name: topic, exact: true }).click();
  await expect(inspector.getByRole('heading', { level: 2 })).toContainText(topic);
  await inspector.getByRole('button', { name: 'Show all settings' }).click();
  return inspector;
}

test('min.insync.replicas is edited from the topic inspector, with Kafka validation', async ({
  page,
}) => {
  await openApp(page);
  const inspector = await openTopic(page, 'orders');
  const field = inspector.getByRole('textbox', { name: 'min.insync.replicas', exact: true });
  await expect(field).toHaveValue('2');

  await field.fill('0');
  await field.press('Enter');
  await expect(inspector.getByRole('alert')).toHaveText('min.insync.replicas must be at least 1.');
  await expect(field).toHaveValue('0');
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.fill('3');
  await field.press('Enter');
  const v = await waitForView(
    page,
    (x) => topicConfig(x, 'orders', 'min.insync.replicas').value === 3,
    'orders has min.insync.replicas=3',
  );
  expect(topicConfig(v, 'orders', 'min.insync.replicas').source).toBe('user');
  await expect(inspector.getByRole('alert')).toHaveCount(0);
});

test('a bool and an enum config are controls named by their keys', async ({ page }) => {
  await openApp(page, { speed: 8 });
  const inspector = await openTopic(page, 'orders');
  await inspector
    .getByRole('checkbox', { name: 'unclean.leader.election.enable', exact: true })
    .check();
  await waitForView(
    page,
    (x) => topicConfig(x, 'orders', 'unclean.leader.election.enable').value === true,
    'unclean.leader.election.enable turned on',
  );

  await page.getByRole('button', { name: 'Group billing details', exact: true }).click();
  await inspector.getByRole('button', { name: 'Show all settings' }).click();
  await inspector
    .getByRole('combobox', { name: 'partition.assignment.strategy', exact: true })
    .selectOption('roundrobin');
  await waitForView(
    page,
    (x) => x.groups.find((g) => g.id === 'billing')!.protocol === 'roundrobin',
    'billing rebalanced with the roundrobin assignor',
  );
});

test('Add partitions grows orders; fewer than now is refused', async ({ page }) => {
  await openApp(page);
  const inspector = await openTopic(page, 'orders');
  const total = inspector.getByRole('textbox', { name: 'Partitions (new total)' });
  await total.fill('2');
  await inspector.getByRole('button', { name: 'Add partitions', exact: true }).click();
  await expect(inspector.getByRole('alert')).toHaveText(
    'Partitions (new total) must be at least 4.',
  );
  await total.fill('5');
  await inspector.getByRole('button', { name: 'Add partitions', exact: true }).click();
  await waitForView(page, (v) => v.topics[0].partitions.length === 5, 'orders has 5 partitions');
  await expect(page.getByRole('button', { name: 'Partition orders-4', exact: true })).toBeVisible();
});

test('a topic config change waits, shown as such, until the controller quorum commits it', async ({
  page,
}) => {
  await openApp(page);
  await page.evaluate(() => window.__kafkaSim!.pause());
  const inspector = await openTopic(page, 'orders');
  const field = inspector.getByRole('textbox', { name: 'retention.ms', exact: true });
  await field.fill('60000');
  await field.press('Enter');
  // Paused: the ConfigRecord is written, not yet committed; the typed value stays on show.
  const waiting = inspector.getByRole('status').filter({ hasText: 'waiting for the controller' });
  await expect(waiting).toBeVisible();
  await expect(field).toHaveValue('60000');
  const before = await page.evaluate(async () => (await window.__kafkaSim!.view()).topics);
  expect(
    before.find((t) => t.name === 'orders')!.config.find((e) => e.key === 'retention.ms')!.source,
  ).not.toBe('user');
  await page.evaluate(() => window.__kafkaSim!.play());
  await waitForView(
    page,
    (x) => topicConfig(x, 'orders', 'retention.ms').value === 60000,
    'orders has retention.ms=60000',
  );
  await expect(waiting).toBeHidden();
  await expect(field).toHaveValue('60000');
});
