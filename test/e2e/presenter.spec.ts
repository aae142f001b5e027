// Classroom features, used as a teacher or learner would, by accessible names: Presenter mode
// (remembered, ?presenter=1, the side panel over the scene, the toolbar folded, topic tabs),
// the message legend (a switch per control kind, remembered; hover text on a message), the side
// panel's resize handle, departed consumers leaving the picture, and a produce error badge that
// clears when the producer recovers. Waits are on sim time.
import { test, expect, type Page } from '@playwright/test';
import { openApp, runTo } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

const presenterButton = (page: Page) =>
  page.getByRole('button', { name: 'Presenter mode', exact: true });

async function pick(page: Page, id: string) {
  await page.getByLabel('Scenario').selectOption(id);
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim!.now()), { timeout: 20_000 })
    .toBeLessThan(3000);
}

test('Presenter mode: a toggle, remembered by the browser, and ?presenter=1', async ({ page }) => {
  await openApp(page);
  const scene = page.getByRole('region', { name: 'Cluster' });
  const button = presenterButton(page);
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  const normalFont = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  // Large type.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).not.toBe(
    normalFont,
  );
  // The toolbar folds behind a button; the side panel opens over the scene, not beside it.
  await expect(page.getByRole('button', { name: 'Add broker', exact: true })).toBeHidden();
  await page.getByRole('button', { name: 'Build and break', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Add broker', exact: true })).toBeVisible();
  const before = (await scene.boundingBox())!.width;
  await page.getByRole('button', { name: 'Show the side panel', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Event log' })).toBeVisible();
  expect((await scene.boundingBox())!.width).toBe(before);

  await page.reload();
  await expect(presenterButton(page)).toHaveAttribute('aria-pressed', 'true');
  await presenterButton(page).click();
  await page.reload();
  await expect(presenterButton(page)).toHaveAttribute('aria-pressed', 'false');

  await page.goto('/?presenter=1');
  await expect(presenterButton(page)).toHaveAttribute('aria-pressed', 'true');
});

test('Presenter mode shows one topic at a time, chosen with the topic tabs', async ({ page }) => {
  await page.goto('/?presenter=1&scenario=acks-one-loses-data');
  const tabs = page.getByRole('tablist', { name: 'Topics' });
  await expect(tabs.getByRole('tab')).toHaveCount(2);
  const clicks = tabs.getByRole('tab', { name: /^clicks/ });
  const payments = tabs.getByRole('tab', { name: /^payments/ });
  await expect(clicks).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Partition clicks-0', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Partition payments-0', exact: true })).toHaveCount(
    0,
  );
  await expect(page.getByRole('group', { name: 'Producer tracker', exact: true })).toBeVisible();

  // The arrow keys move between tabs, as in any tab list.
  await clicks.focus();
  await page.keyboard.press('ArrowRight');
  await expect(payments).toHaveAttribute('aria-selected', 'true');
  await expect(payments).toBeFocused();
  await expect(
    page.getByRole('button', { name: 'Partition payments-0', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('group', { name: 'Producer checkout', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Producer tracker', exact: true })).toHaveCount(0);
});

test('the legend names every kind of message, each control kind with a remembered switch', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Legend', exact: true }).click();
  const legend = page.getByRole('group', { name: 'Messages' });
  for (const name of [
    'acknowledgement',
    'replica fetch',
    'consumer fetch',
    'heartbeat',
    'metadata',
    'group protocol',
  ]) {
    await expect(legend.getByRole('checkbox', { name, exact: true })).toBeChecked();
  }
  await expect(legend).toContainText('batch of records');
  await expect(legend).toContainText('error answer');
  await expect(legend).toContainText('lost on the way');

  await legend.getByRole('checkbox', { name: 'heartbeat', exact: true }).uncheck();
  await page.reload();
  await page.getByRole('button', { name: 'Legend', exact: true }).click();
  await expect(
    page.getByRole('group', { name: 'Messages' }).getByRole('checkbox', { name: 'heartbeat' }),
  ).not.toBeChecked();
});

test('hovering a message says what kind of message it is', async ({ page }) => {
  await openApp(page, { speed: 3 });
  await runTo(page, 6000);
  // Find messages on the canvas (dots in a key's colour) and point at them. Not every opaque
  // pixel is a message (a lost mark, an error flash), and on a loaded machine the pause can land
  // at another moment, so try several places, each with a fresh pointer move.
  const tip = page.locator('.traffic-tip');
  await expect(async () => {
    const points = await page.evaluate(() => {
      const canvas = document.querySelector('canvas.flight-canvas') as HTMLCanvasElement;
      const ctx = canvas.getContext('2d')!;
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const scale = canvas.width / canvas.clientWidth;
      const box = canvas.getBoundingClientRect();
      const found: { x: number; y: number }[] = [];
      // Opaque pixels: records and batches are drawn at full strength.
      for (let y = 0; y < height && found.length < 12; y += 2) {
        for (let x = 0; x < width && found.length < 12; x += 2) {
          const i = (y * width + x) * 4;
          if (data[i + 3] !== 255 || (data[i] > 240 && data[i + 1] > 240 && data[i + 2] > 240))
            continue;
          const p = { x: box.left + x / scale, y: box.top + y / scale };
          if (found.every((q) => Math.hypot(q.x - p.x, q.y - p.y) > 20)) found.push(p);
        }
      }
      return found;
    });
    expect(points.length, 'messages on the canvas').toBeGreaterThan(0);
    let text: string | null = null;
    for (const p of points) {
      await page.mouse.move(0, 0);
      await page.mouse.move(p.x + 1, p.y + 1);
      const shown = await tip.waitFor({ state: 'visible', timeout: 400 }).then(
        () => true,
        () => false,
      );
      if (shown) {
        text = await tip.textContent();
        break;
      }
    }
    expect(text).toMatch(
      /^(records|acknowledgement|replica fetch|consumer fetch|heartbeat|metadata|group protocol|error answer): [A-Za-z_]+/,
    );
  }).toPass({ timeout: 30_000 });
});

test('the side panel is resized with its handle, by keyboard too, and remembered', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  const panel = page.locator('#side-panel');
  const before = (await panel.boundingBox())!.width;
  const handle = page.getByRole('slider', { name: 'Resize the side panel' });
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await panel.boundingBox())!.width).toBeGreaterThan(before + 40);
  const wider = (await panel.boundingBox())!.width;
  await page.reload();
  await expect
    .poll(async () => (await page.locator('#side-panel').boundingBox())!.width)
    .toBe(wider);
});

test('at 1280 px the side panel runs nothing wider than itself', async ({ page }) => {
  await openApp(page, { speed: 5 });
  await runTo(page, 8000);
  const overflowing = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.side .panel')]
        .filter((el) => el.scrollWidth > el.clientWidth)
        .map((el) => el.getAttribute('aria-label')),
    );
  for (const name of ['Broker 1 details', 'Partition orders-0', 'Group billing details']) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible();
    expect(await overflowing(), name).toEqual([]);
  }
});

test('a consumer that left its group fades out of the card after a while', async ({ page }) => {
  await openApp(page);
  await pick(page, 'consumer-rebalance');
  const billing1 = page.getByRole('group', { name: 'Consumer billing-1', exact: true });
  await runTo(page, 36_000);
  // billing-1 closed at 34 s: still on the card, greyed, with its Restart button.
  await expect(billing1).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Restart consumer billing-1', exact: true }),
  ).toBeVisible();
  // Gone 15 sim s after the first frame that showed it departed (about 36 s, later when frames
  // are sparse on a loaded machine): 58 s leaves room for that.
  await runTo(page, 58_000);
  await expect(billing1).toHaveCount(0);
  // The group's details still name it.
  await page.getByRole('button', { name: 'Group billing details', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('Left the group');
  await expect(
    page.getByRole('region', { name: 'Inspector' }).getByRole('button', { name: 'billing-1' }),
  ).toBeVisible();
});

test('a produce error badge clears once the producer recovers', async ({ page }) => {
  await openApp(page);
  await pick(page, 'leader-election');
  const producer = page.getByRole('group', { name: 'Producer checkout', exact: true });
  // Broker 2 crashes at 10 s: requests to it fail and the producer retries.
  await runTo(page, 11_000);
  await expect(producer).toContainText(/⟳ [A-Z_]+/);
  // A new leader is elected and the retries go through: the badge goes.
  await runTo(page, 30_000);
  await expect(producer).not.toContainText(/[⟳✕] [A-Z_]+/);
});
