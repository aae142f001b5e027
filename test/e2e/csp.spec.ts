// The built page carries a Content-Security-Policy that lets only the app's own scripts and
// workers run: the app works under it, and an injected inline script does not run.
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test('the app runs under its Content-Security-Policy and an inline script is blocked', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text()))
      violations.push(m.text());
  });
  const response = await page.goto('/');
  const html = (await response?.text()) ?? '';
  expect(html).toMatch(
    /<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self'/,
  );
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  await openApp(page);
  // The worker runs (the engine's clock moves) and no part of the app broke the policy.
  const before = await page.evaluate(() => window.__kafkaSim!.now());
  await expect.poll(() => page.evaluate(() => window.__kafkaSim!.now())).toBeGreaterThan(before);
  expect(violations).toEqual([]);

  await page.addScriptTag({ content: 'window.__inlineScriptRan = true;' }).catch(() => undefined);
  expect(
    await page.evaluate(() => (window as { __inlineScriptRan?: boolean }).__inlineScriptRan),
  ).toBeUndefined();
  expect(violations.some((v) => /script/i.test(v))).toBe(true);
});
