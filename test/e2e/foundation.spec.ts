// The foundation keeps holding: the page shows the worker's engine version and a moving sim
// clock, and an axe scan finds no serious problem.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { seriousViolations } from './helpers';

test('the app starts the engine worker and shows its answer', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('engine-version')).toHaveText(/^\d+\.\d+\.\d+$/);
  // The sim clock moves: the worker answers advance requests every frame.
  const clock = page.getByRole('timer', { name: 'Sim clock' });
  await expect(clock).not.toHaveText('0.0 s');
  await expect(page.locator('path.sim-clock-ring')).toHaveCount(1);

  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);
});
