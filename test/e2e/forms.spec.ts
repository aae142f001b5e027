// The forms check what the engine checks and say it in plain words; valid ones change the scene.
import { test, expect } from '@playwright/test';
import { openApp, view, waitForView } from './helpers';

test('Create topic validates, then creates the topic', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Create topic', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Create topic' });
  await dialog.getByLabel('Name').fill('payments');
  await dialog.getByLabel('Replication factor').fill('5');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(
    dialog.getByText('Replication factor 5 is more than the 3 running brokers.'),
  ).toBeVisible();
  await expect(dialog.getByLabel('Replication factor')).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByLabel('Replication factor').fill('2');
  await dialog.getByLabel('Partitions').fill('2');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog).toBeHidden();
  await waitForView(
    page,
    (v) => v.topics.some((t) => t.name === 'payments'),
    'topic payments exists',
  );
  await expect(
    page.getByRole('button', { name: 'Partition payments-1', exact: true }),
  ).toBeVisible();

  // A name that is taken is refused before the engine is asked.
  await page.getByRole('button', { name: 'Create topic', exact: true }).click();
  await dialog.getByLabel('Name').fill('orders');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog.getByText('Topic orders already exists.')).toBeVisible();
});

test('Add producer with acks=1, then pause, edit and remove it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Add producer', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add producer' });
  await dialog.getByLabel('Producer id').fill('fast-lane');
  await dialog.getByLabel('acks').selectOption('1');
  await expect(dialog.getByRole('checkbox', { name: 'enable.idempotence' })).not.toBeChecked();
  await dialog.getByRole('checkbox', { name: 'enable.idempotence' }).check();
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByText('enable.idempotence needs acks=all.')).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'enable.idempotence' }).uncheck();
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();

  const card = page.getByRole('group', { name: 'Producer fast-lane', exact: true });
  await expect(card).toContainText('acks=1');
  await card.getByRole('button', { name: 'Pause producer fast-lane', exact: true }).click();
  await expect(
    card.getByRole('button', { name: 'Resume producer fast-lane', exact: true }),
  ).toBeVisible();

  await card.getByRole('button', { name: 'Edit producer fast-lane', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit producer fast-lane' });
  await edit.getByLabel('Records per second').fill('7');
  await edit.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(edit).toBeHidden();
  await waitForView(
    page,
    (v) => v.producers.find((p) => p.id === 'fast-lane')?.ratePerSec === 7,
    'rate is 7',
  );

  await card.getByRole('button', { name: 'Remove producer fast-lane', exact: true }).click();
  await expect(card).toBeHidden();
  expect((await view(page)).producers.map((p) => p.id)).toEqual(['checkout']);
});

test('Add consumer group reads the chosen topic', async ({ page }) => {
  await openApp(page, { speed: 4 });
  await page.getByRole('button', { name: 'Add consumer group', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add consumer group' });
  await dialog.getByLabel('Group id').fill('audit');
  await dialog.getByLabel('Consumers').fill('1');
  await dialog.getByLabel('partition.assignment.strategy').selectOption('cooperative-sticky');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('group', { name: 'Group audit', exact: true })).toBeVisible();
  await waitForView(
    page,
    (v) => v.consumers.some((c) => c.groupId === 'audit' && c.consumed > 0),
    'the audit consumer reads records',
  );
});
