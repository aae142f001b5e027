// The cluster-wide broker default (kafka-configs --entity-type brokers --entity-default) from the
// broker inspector: `Cluster default` edits every broker at once, with the per-broker validation;
// each broker then shows the value tagged "cluster default". Axe scan of the inspector.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { ClusterView } from '../../src/engine';
import { openApp, seriousViolations, waitForView } from './helpers';

const brokerValue = (v: ClusterView, key: string) =>
  v.brokers.map((b) => b.config.find((e) => e.key === key)!);

test('Cluster default sets min.insync.replicas on every broker, validated like a broker edit', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Broker 1 details', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const scope = inspector.getByRole('radiogroup', { name: 'Edit config for' });
  await scope.getByRole('radio', { name: 'Cluster default', exact: true }).check();
  await inspector.getByRole('button', { name: 'Show all settings' }).click();
  const field = inspector.getByRole('textbox', { name: 'min.insync.replicas', exact: true });
  await field.fill('0');
  await field.press('Enter');
  await expect(inspector.getByRole('alert')).toHaveText('min.insync.replicas must be at least 1.');
  await expect(field).toHaveValue('0');

  await field.fill('3');
  await field.press('Enter');
  const v = await waitForView(
    page,
    (x) => brokerValue(x, 'min.insync.replicas').every((e) => e.value === 3),
    'every broker has min.insync.replicas=3',
  );
  expect(brokerValue(v, 'min.insync.replicas').map((e) => e.source)).toEqual([
    'cluster-default',
    'cluster-default',
    'cluster-default',
  ]);
  const results = await new AxeBuilder({ page }).include('[aria-label="Inspector"]').analyze();
  expect(seriousViolations(results)).toEqual([]);

  // Broker 2's own table shows the value where it came from.
  await page.getByRole('button', { name: 'Broker 2 details', exact: true }).click();
  await expect(scope.getByRole('radio', { name: 'Broker 2 only', exact: true })).toBeChecked();
  const own = inspector.getByRole('row', { name: /min\.insync\.replicas/ });
  await expect(own.getByRole('textbox', { name: 'min.insync.replicas' })).toHaveValue('3');
  await expect(own).toContainText('cluster default');
});
