// The projector rule (design.md 4): at 1280x720 in Presenter mode no text in the `Cluster`
// region is smaller than 16 CSS px and no two pieces of text overlap, in every built-in scenario
// at its key moments; at 1920x1080 outside presenter mode the same with 12 px. The key moments
// are just after each scripted action (a kill, a restart, a consumer joining) and a few seconds
// later, when its consequences land (the broker fenced, a new leader, a truncation, a
// rebalance). Sim time decides when to pause, never wall time. What counts as text, and how it is
// measured: sceneText.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { runTo } from './helpers';
import { describeOverlaps, measureSceneText } from './sceneText';

const EXAMPLES = 'src/scenario/examples';
const scenarios = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const json = JSON.parse(readFileSync(`${EXAMPLES}/${f}`, 'utf8')) as {
      actions?: { at: number }[];
    };
    return { id: f.replace(/\.json$/, ''), actions: (json.actions ?? []).map((a) => a.at) };
  });

/** Just after each action, and twice more as its consequences arrive; a calm moment first. */
function keyMoments(actions: number[]): number[] {
  const moments = new Set<number>([6000]);
  for (const at of actions) for (const after of [700, 3500, 7000]) moments.add(at + after);
  if (actions.length === 0) moments.add(25_000);
  return [...moments].sort((a, b) => a - b);
}

/** The footer's scenario picker (in either language). */
const picker = (page: Page) => page.locator('.scenario-picker select');

async function pickScenario(page: Page, id: string): Promise<void> {
  await picker(page).selectOption(id);
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim!.now()), { timeout: 20_000 })
    .toBeLessThan(3000);
  await expect(page.locator('.broker').first()).toBeVisible();
}

interface Finding {
  scenario: string;
  moment: number;
  smallest: number;
  smallestText: string;
  overlaps: string[];
  clipped: string[];
}

async function walk(
  page: Page,
  id: string,
  moments: number[],
  region = 'Cluster',
): Promise<Finding[]> {
  await pickScenario(page, id);
  const out: Finding[] = [];
  for (const moment of moments) {
    await runTo(page, moment);
    // Let the paused frame's labels and DOM writers settle (one animation frame is enough).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const report = await measureSceneText(page, region);
    out.push({
      scenario: id,
      moment,
      smallest: report.smallest?.px ?? Infinity,
      smallestText: report.smallest?.text ?? '',
      overlaps: describeOverlaps(report.overlaps),
      clipped: report.clipped,
    });
  }
  return out;
}

function summary(findings: Finding[]): string {
  return findings
    .map(
      (f) =>
        `${f.scenario} @${(f.moment / 1000).toFixed(1)}s: smallest ${f.smallest.toFixed(2)} px ` +
        `("${f.smallestText.slice(0, 30)}"), overlaps ${f.overlaps.length}, clipped ${f.clipped.length}`,
    )
    .join('\n');
}

function check(findings: Finding[], minimum: number): void {
  console.log(summary(findings));
  for (const f of findings) {
    const where = `${f.scenario} at ${f.moment} ms`;
    expect(f.smallest, `${where}: smallest text "${f.smallestText}"`).toBeGreaterThanOrEqual(
      minimum - 0.01,
    );
    expect(f.overlaps, `${where}: overlapping text`).toEqual([]);
    expect(f.clipped, `${where}: text cut short`).toEqual([]);
  }
}

test('the picker offers every built-in scenario', async ({ page }) => {
  await page.goto('/');
  const values = () =>
    page
      .getByLabel('Scenario')
      .locator('option')
      .evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value).sort());
  await expect.poll(values).toEqual(scenarios.map((s) => s.id).sort());
});

test.describe('at 1280x720 in Presenter mode', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  for (const { id, actions } of scenarios) {
    test(`${id}: no text under 16 px, none overlapping, at every key moment`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto('/?presenter=1');
      await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      const findings = await walk(page, id, keyMoments(actions));
      // With several topics the scene shows one at a time: the other tabs are measured too.
      const tabs = page.getByRole('tab');
      const count = await tabs.count();
      for (let i = 1; i < count; i++) {
        await tabs.nth(i).click();
        const report = await measureSceneText(page);
        findings.push({
          scenario: `${id} (tab ${i + 1})`,
          moment: await page.evaluate(() => window.__kafkaSim!.now()),
          smallest: report.smallest?.px ?? Infinity,
          smallestText: report.smallest?.text ?? '',
          overlaps: describeOverlaps(report.overlaps),
          clipped: report.clipped,
        });
      }
      check(findings, 16);
    });
  }

  test('in Chinese too: the default and acks=1 scenarios', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/?presenter=1&lang=zh-CN');
    const findings = [
      ...(await walk(page, 'default', [6000, 12_000], '集群')),
      ...(await walk(page, 'acks-one-loses-data', [15_700, 21_000, 31_000], '集群')),
    ];
    check(findings, 16);
  });
});

test.describe('at 1280x720 outside presenter mode', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test('the default and acks=1 scenarios: no text under 12 px, none overlapping', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto('/');
    check(
      [
        ...(await walk(page, 'default', [6000, 12_000])),
        ...(await walk(page, 'acks-one-loses-data', [15_700, 21_000, 31_000])),
      ],
      12,
    );
  });
});

test.describe('at 1920x1080 outside presenter mode', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  for (const { id, actions } of scenarios) {
    test(`${id}: no text under 12 px, none overlapping, at every key moment`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto('/');
      check(await walk(page, id, keyMoments(actions)), 12);
    });
  }
});
