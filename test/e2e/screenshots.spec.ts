// Screenshots of the real running app, for the README (docs/) and for looking at by eye (tmp/).
// Not part of `npm test`: run with  SCREENSHOTS=1 npx playwright test screenshots
// The Chinese screenshot needs a CJK font on the machine (Debian: fonts-noto-cjk); without one
// the spec says so and leaves docs/screenshot-zh.png alone rather than writing boxes.
import { test, expect, type Page } from '@playwright/test';
import { bigScenario } from '../../src/scenario/big';
import { openApp, partition, runTo, view, waitForView } from './helpers';

test.skip(!process.env.SCREENSHOTS, 'screenshots are taken on request: SCREENSHOTS=1');
test.use({ viewport: { width: 1440, height: 900 } });

/** Let the default scene run a little so the logs and the event log have something to show. */
async function settle(page: Page) {
  await page.evaluate(() => window.__kafkaSim!.setSpeed(2));
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim!.now()), { timeout: 30_000 })
    .toBeGreaterThan(16_000);
  await page.evaluate(() => window.__kafkaSim!.setSpeed(1));
}

async function hasCjkFont(page: Page): Promise<boolean> {
  // Text in a font the machine lacks falls back to boxes of one fixed width; real glyphs differ.
  return page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = '20px sans-serif';
    const a = ctx.measureText('集').width;
    const b = ctx.measureText('群').width;
    const box = ctx.measureText('\u{10FFFD}').width;
    return a > 0 && !(a === box && b === box);
  });
}

test('README: the default scene in English', async ({ page }) => {
  await openApp(page);
  await settle(page);
  await page.getByRole('button', { name: 'Partition orders-0', exact: true }).click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: 'docs/screenshot-en.png' });
});

test('README: the default scene in Chinese', async ({ page }) => {
  await openApp(page, { lang: 'zh-CN' });
  await settle(page);
  await page.getByRole('button', { name: '分区 orders-0', exact: true }).click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: 'tmp/screenshot-zh.png' });
  if (await hasCjkFont(page)) await page.screenshot({ path: 'docs/screenshot-zh.png' });
  else console.warn('No CJK font on this machine: docs/screenshot-zh.png was not written.');
});

test('a leader is killed', async ({ page }) => {
  await openApp(page);
  await settle(page);
  const old = partition(await view(page), 'orders', 0).leader;
  await page.getByRole('button', { name: `Kill broker ${old}`, exact: true }).click();
  await waitForView(page, (v) => partition(v, 'orders', 0).leader !== old, 'new leader');
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'tmp/kill-leader.png' });
});

test('a dialog', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Add producer', exact: true }).click();
  await page.getByRole('dialog', { name: 'Add producer' }).getByLabel('acks').selectOption('1');
  await page.getByRole('checkbox', { name: 'enable.idempotence' }).check();
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.screenshot({ path: 'tmp/dialog.png' });
});

test('the big scene', async ({ page }) => {
  await openApp(page);
  await page.evaluate((s) => window.__kafkaSim!.load(s), bigScenario());
  await page.waitForTimeout(6000);
  await page.screenshot({ path: 'tmp/big-scene.png' });
  await page.getByRole('button', { name: 'Broker 7 details', exact: true }).click();
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: 'tmp/big-scene-zoomed.png' });
});

test('an eager rebalance, paused while every partition is revoked', async ({ page }) => {
  await openApp(page);
  await settle(page);
  await page.evaluate(() => window.__kafkaSim!.setSpeed(0.3));
  await page.getByRole('button', { name: 'Add consumer to billing', exact: true }).click();
  await waitForView(
    page,
    (v) => v.consumers.filter((c) => c.groupId === 'billing' && !c.assignment.length).length > 1,
    'billing gave up its partitions',
  );
  await page.evaluate(() => window.__kafkaSim!.pause());
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'tmp/rebalance-eager.png' });
});

test.describe('on a 1024x768 projector', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('the default scene, and the Delivery mode hint opened', async ({ page }) => {
    await openApp(page);
    await settle(page);
    await page.screenshot({ path: 'tmp/projector-1024.png' });
    await page.getByRole('button', { name: 'Explain delivery mode', exact: true }).click();
    await page.screenshot({ path: 'tmp/projector-1024-hint.png' });
  });
});

/**
 * Presenter mode on a 1280x720 projector, for the README: the default scene, the acks=1
 * scenario just after broker 1 came back and truncated acknowledged clicks, the KRaft quorum
 * lost, and the ZooKeeper ensemble's quorum lost. The last seconds run
 * at 1x so the highlight labels on show are the fresh ones.
 */
test.describe('Presenter mode at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  const shots = [
    { scenario: 'default', at: 14_000, name: 'presenter-default' },
    { scenario: 'acks-one-loses-data', at: 32_800, name: 'presenter-acks' },
    // Two controllers down: the quorum is lost, and crashed broker 2 is not fenced.
    { scenario: 'controller-quorum', at: 38_000, name: 'presenter-quorum' },
    // Combined mode: brokers 1 and 2 down took controllers 1 and 2 with them; broker 3 runs alone.
    { scenario: 'combined-mode', at: 36_000, name: 'presenter-combined' },
    // ZooKeeper mode: two of three ZooKeeper servers down, crashed broker 2's session cannot expire.
    { scenario: 'zookeeper-mode', at: 44_000, name: 'presenter-zookeeper' },
  ];
  for (const { scenario, at, name } of shots) {
    for (const lang of ['en', 'zh-CN'] as const) {
      test(`${name} (${lang})`, async ({ page }) => {
        test.setTimeout(120_000);
        await page.goto(`/?presenter=1&lang=${lang}&scenario=${scenario}`);
        await expect
          .poll(() => page.evaluate(() => window.__kafkaSim?.now() ?? 0), { timeout: 20_000 })
          .toBeGreaterThan(0);
        await runTo(page, at - 4000);
        await page.evaluate(() => {
          window.__kafkaSim!.setSpeed(1);
          window.__kafkaSim!.play();
        });
        await expect
          .poll(() => page.evaluate(() => window.__kafkaSim!.now()), { timeout: 30_000 })
          .toBeGreaterThanOrEqual(at);
        await page.evaluate(() => window.__kafkaSim!.pause());
        await page.waitForTimeout(300);
        const suffix = lang === 'en' ? 'en' : 'zh';
        await page.screenshot({ path: `tmp/${name}-${suffix}.png` });
        if (lang === 'en' || (await hasCjkFont(page))) {
          await page.screenshot({ path: `docs/${name}-${suffix}.png` });
        }
      });
    }
  }

  test('presenter mode at 1920x1080, and outside it (for looking at, in tmp/)', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('/?presenter=1&scenario=acks-one-loses-data');
    await runTo(page, 32_800);
    await page.screenshot({ path: 'tmp/presenter-acks-1920.png' });
    await page.goto('/?presenter=0&scenario=acks-one-loses-data');
    await runTo(page, 32_800);
    await page.screenshot({ path: 'tmp/acks-1920.png' });
  });
});
