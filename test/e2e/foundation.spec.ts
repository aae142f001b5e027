import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test('the app starts the engine worker and shows its answer', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('engine-version')).toHaveText(/^\d+\.\d+\.\d+$/);
  // The sim clock moves: the worker answers advance requests every frame.
  const clock = page.getByRole('status', { name: 'Sim clock' });
  await expect(clock).not.toHaveText('0.0 s');
  await expect(page.locator('path.sim-clock-ring')).toHaveCount(1);

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
