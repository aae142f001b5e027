// Shared steps for the browser tests: open the app, read the engine through window.__kafkaSim,
// wait for the simulation (never for wall-clock time), and move focus with the Tab key only.
import { expect, type Locator, type Page } from '@playwright/test';
import type { ClusterView } from '../../src/engine';
import type {} from '../../src/app/simApi';

/** Open the app and wait until the engine has drawn the default scene. */
export async function openApp(page: Page, options: { lang?: 'en' | 'zh-CN'; speed?: number } = {}) {
  await page.goto(options.lang ? `/?lang=${options.lang}` : '/');
  await expect(page.getByTestId('engine-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim?.now() ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(0);
  if (options.speed) await page.evaluate((s) => window.__kafkaSim!.setSpeed(s), options.speed);
}

export function view(page: Page): Promise<ClusterView> {
  return page.evaluate(() => window.__kafkaSim!.view());
}

/** Poll the engine's view until `check` holds (sim progress, generous but finite). */
export async function waitForView(
  page: Page,
  check: (v: ClusterView) => boolean,
  message: string,
  timeout = 45_000,
): Promise<ClusterView> {
  let last: ClusterView | null = null;
  await expect
    .poll(
      async () => {
        last = await view(page);
        return check(last);
      },
      { timeout, message, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  return last!;
}

export function partition(v: ClusterView, topic: string, index: number) {
  const p = v.topics.find((t) => t.name === topic)?.partitions.find((x) => x.partition === index);
  if (!p) throw new Error(`no partition ${topic}-${index}`);
  return p;
}

/** The groups that have at least one live consumer reading `topic`. */
export function groupsReading(v: ClusterView, topic: string): string[] {
  const live = v.consumers.filter((c) => c.status !== 'crashed' && c.status !== 'closed');
  return v.groups
    .filter((g) => g.topics.includes(topic) && live.some((c) => c.groupId === g.id))
    .map((g) => g.id);
}

/** Press Tab (at most `limit` times) until `target` has focus: what a keyboard user would do. */
export async function tabTo(page: Page, target: Locator, limit = 250): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Axe's serious and critical findings, as "rule: help (targets)" lines. */
export function seriousViolations(results: {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown }[] }[];
}): string[] {
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

/** Run to sim time `ms` and pause there: fast, then slowly for the last seconds (never much past it). */
export async function runTo(page: Page, ms: number): Promise<void> {
  const now = () => page.evaluate(() => window.__kafkaSim!.now());
  if ((await now()) >= ms) return;
  await page.evaluate(() => {
    window.__kafkaSim!.setSpeed(50);
    window.__kafkaSim!.play();
  });
  // Fast to 2.5 s before the moment, then slowly enough (5x: about 80 ms of sim per frame) that
  // the pause lands close to it; the engine runs small scenes far above 50x.
  if ((await now()) < ms - 2500) {
    await expect.poll(now, { timeout: 60_000, intervals: [25] }).toBeGreaterThan(ms - 2500);
  }
  await page.evaluate(() => window.__kafkaSim!.setSpeed(5));
  await expect.poll(now, { timeout: 30_000, intervals: [20] }).toBeGreaterThanOrEqual(ms);
  await page.evaluate(() => window.__kafkaSim!.pause());
  // On a loaded machine one poll can come late and the run overshoots by seconds, past the moment
  // a test looks at. The recording lets us go back to exactly `ms`.
  if ((await now()) > ms + 250) await page.evaluate((t) => window.__kafkaSim!.seek(t), ms);
}

/** Open a built-in scenario from the picker, paused near its start (for specs that click on). */
export async function openBuiltinPaused(page: Page, id: string): Promise<void> {
  await page.goto('/');
  await page.locator('.scenario-picker select').selectOption(id);
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim!.now()), { timeout: 20_000 })
    .toBeLessThan(3000);
  await page.evaluate(() => window.__kafkaSim!.pause());
}

/** The scene card of KRaft controller `id` (a group named by its title). */
export const controllerCard = (page: Page, id: number) =>
  page.getByRole('group', { name: `Controller ${id}`, exact: true });
