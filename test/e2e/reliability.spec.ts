// Reliability in the browser (issue 15): a world that runs away is reported and Reset recovers;
// work built by hand survives a reload through Restore; a stuck worker is noticed and restarted.
// Axe checks the banners.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, seriousViolations, view, waitForView } from './helpers';

/**
 * Valid, and honestly busy: ten brokers heartbeat (and the controller answers) at the same
 * instant, more work than the scenario's own simulator.maxEventsPerInstant allows.
 */
const RUNAWAY = {
  version: 1,
  seed: 1,
  preset: 'classroom',
  title: 'Runaway',
  simulator: { maxEventsPerInstant: 20 },
  cluster: { brokers: 10 },
};

test('a runaway world is reported, and Reset recovers', async ({ page }) => {
  await openApp(page);
  await page.evaluate((s) => window.__kafkaSim!.load(s), RUNAWAY);
  const alert = page.getByRole('alert').filter({ hasText: 'events in one instant' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText('The scenario itself causes it');
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);
  // Reset starts the scenario again: the error is gone, and a healthy world plays on.
  await page.getByRole('button', { name: 'Reset', exact: true }).first().click();
  await expect(alert).toBeHidden();
  await page.evaluate(() =>
    window.__kafkaSim!.load({ version: 1, seed: 2, cluster: { brokers: 1 } }),
  );
  await page.evaluate(() => window.__kafkaSim!.play());
  await expect.poll(() => page.evaluate(() => window.__kafkaSim!.now())).toBeGreaterThan(1000);
});

test('Restore after a reload brings back a hand-built broker and topic', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Add broker', exact: true }).click();
  await page.getByRole('button', { name: 'Create topic', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Create topic' });
  await dialog.getByRole('textbox', { name: /Name/ }).fill('by-hand');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await waitForView(
    page,
    (v) => v.brokers.length === 4 && v.topics.some((t) => t.name === 'by-hand'),
    'broker 4 and topic by-hand exist',
  );
  // The session is kept within a couple of seconds of the command.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('kafka-sim.session')?.includes('by-hand')))
    .toBe(true);
  await page.reload();
  const restore = page.getByRole('button', { name: 'Restore', exact: true });
  await expect(restore).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);
  await restore.click();
  // The session opens paused where it was saved, which may be before the controllers committed
  // the new topic: play on until they do. Play only once it has opened (paused), or the opening
  // would pause it again.
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.evaluate(() => window.__kafkaSim!.play());
  const v = await waitForView(
    page,
    (x) => x.brokers.length === 4 && x.topics.some((t) => t.name === 'by-hand'),
    'the restored session has broker 4 and topic by-hand',
  );
  expect(v.brokers.map((b) => b.id)).toContain(4);
  expect((await view(page)).topics.map((t) => t.name)).toContain('by-hand');
});

test('a worker that stops answering is noticed, and Restart brings the simulation back', async ({
  page,
}) => {
  // The worker as built, plus a trap: a few seconds after it starts, the next message it gets
  // spins forever (a stuck engine). The restarted worker carries the same trap, which is set
  // off only after the test has seen it answer.
  let workers = 0;
  await page.route('**/engine.worker-*.js', async (route) => {
    workers++;
    const response = await route.fetch();
    const trap =
      workers === 1
        ? "\nsetTimeout(() => self.addEventListener('message', () => { for (;;) {} }), 2000);\n"
        : '';
    await route.fulfill({ response, body: (await response.text()) + trap });
  });
  await openApp(page);
  const alert = page.getByRole('alert').filter({ hasText: 'stopped answering' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await alert
    .getByRole('button', { name: /Restart from/ })
    .first()
    .click();
  await expect(alert).toBeHidden();
  await page.evaluate(() => window.__kafkaSim!.play());
  const before = await page.evaluate(() => window.__kafkaSim!.now());
  await expect.poll(() => page.evaluate(() => window.__kafkaSim!.now())).toBeGreaterThan(before);
  expect(workers).toBe(2);
});
