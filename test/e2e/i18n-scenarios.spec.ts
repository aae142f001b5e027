// In Chinese, the event log, the inspector and the About dialog show no English sentence in
// any built-in scenario (names and Kafka identifiers aside): every sentence comes from the
// catalogue, none from the engine.
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { dataNames, englishLeftovers } from './english';
import { view } from './helpers';

async function texts(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).innerText ?? ''));
}

const EXAMPLES = 'src/scenario/examples';
const BUILTINS = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    id: f.replace(/\.json$/, ''),
    scenario: JSON.parse(readFileSync(`${EXAMPLES}/${f}`, 'utf8')) as {
      actions?: { at: number }[];
    },
  }));

for (const { id, scenario } of BUILTINS) {
  test(`${id}: no English sentence in the Chinese log, inspector and About dialog`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto(`/?lang=zh-CN&scenario=${id}`);
    await expect
      .poll(() => page.evaluate(() => window.__kafkaSim?.now() ?? 0), { timeout: 20_000 })
      .toBeGreaterThan(0);
    const last = Math.max(0, ...(scenario.actions ?? []).map((a) => a.at));
    const until = last + 8000;
    await page.evaluate(() => window.__kafkaSim!.setSpeed(50));
    await expect
      .poll(() => page.evaluate(() => window.__kafkaSim!.now()), { timeout: 90_000 })
      .toBeGreaterThan(until);
    await page.evaluate(() => window.__kafkaSim!.pause());
    const data = dataNames(await view(page));

    const log = page.getByRole('region', { name: '事件日志' });
    const found = await texts(page, '.event-log .log-lines li');
    expect(found.length).toBeGreaterThan(5);

    // Open the inspector from log lines about different kinds of things.
    const inspector: string[] = [];
    // The subject buttons (a line's time is a button too: it moves the play head).
    const lines = log.locator('.log-lines button.log-text');
    const count = Math.min(await lines.count(), 40);
    for (let i = 0; i < count; i += 4) {
      await lines.nth(i).click();
      inspector.push(...(await texts(page, '[aria-label="详情"]')));
    }

    await page.getByRole('button', { name: '关于本模拟' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const about = [await dialog.innerText()];
    expect(about[0].length).toBeGreaterThan(100);

    expect(englishLeftovers([...found, ...inspector, ...about], data)).toEqual([]);
  });
}
