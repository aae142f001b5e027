// Simplified Chinese: every control translated, no English left in the chrome (names of topics,
// clients and groups, Kafka config keys and error names are data, not chrome; Broker, Leader,
// ISR and the other Latin terms of the glossary are how Chinese Kafka texts write them), and the
// choice is remembered.
import { test, expect, type Page } from '@playwright/test';
import { dataNames, englishLeftovers } from './english';
import { openApp, view } from './helpers';

/** Everything the interface itself says: visible text of the chrome and accessible names. */
async function chromeTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const chrome = document.querySelectorAll(
      'header, .toolbar, .scene-legend, footer, .scene-heading, .panel h2, .panel legend, .panel label, ' +
        '.panel > p, .scene-title, .scene-button, .scene-text, .zoom-buttons, .banner',
    );
    for (const el of chrome) texts.push((el as HTMLElement).innerText ?? el.textContent ?? '');
    for (const el of document.querySelectorAll('[aria-label], [title], [aria-valuetext]')) {
      for (const attr of ['aria-label', 'title', 'aria-valuetext']) {
        const value = el.getAttribute(attr);
        if (value) texts.push(value);
      }
    }
    texts.push(document.title);
    return texts;
  });
}

test('the Chinese UI renders with no English left in the chrome', async ({ page }) => {
  await openApp(page, { lang: 'zh-CN' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '添加 Broker', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '创建主题', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Broker 1', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '终止 Broker 1', exact: true })).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: '投递模式' })).toBeVisible();
  await expect(page.getByRole('region', { name: '事件日志' })).toBeVisible();
  await expect(page.getByRole('slider', { name: '速度' })).toBeVisible();
  // Let some events into the log and open a dialog, so their words are checked too.
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim!.now()), { timeout: 20_000 })
    .toBeGreaterThan(5000);

  const v = await view(page);
  const leftovers = englishLeftovers(await chromeTexts(page), dataNames(v));
  expect(leftovers).toEqual([]);
});

test('the language switch is remembered', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('button', { name: '添加 Broker', exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: '添加 Broker', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('button', { name: 'Add broker', exact: true })).toBeVisible();
});
