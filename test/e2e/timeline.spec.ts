// The timeline in the browser (issue 9): kill a leader, drag the Timeline back to before the
// kill (the old leader leads again, the log has no election), Next event lands on the election,
// a command in the past forks (the later election is gone) and Undo brings it back; Share gives a
// link that opens the same moment, paused; Reset can be undone; a log line moves the play head;
// a broken scenario file shows every error.
import { test, expect, type Page } from '@playwright/test';
import { openApp, partition, view, waitForView } from './helpers';

const timeline = (page: Page) => page.getByRole('slider', { name: 'Timeline', exact: true });
const eventLog = (page: Page) => page.getByRole('region', { name: 'Event log' });
const simNow = (page: Page) => page.evaluate(() => window.__kafkaSim!.now());
const markerNamed = (page: Page, text: string) =>
  page
    .getByRole('toolbar', { name: 'Notable events' })
    .getByRole('button', { name: new RegExp(`^${text}`) });

/** Pause, and wait for the advance that may still be on its way. */
async function pause(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  let last = -1;
  await expect
    .poll(async () => {
      const now = await simNow(page);
      const still = now === last;
      last = now;
      return still;
    })
    .toBe(true);
  return last;
}

async function sliderValue(page: Page): Promise<{ now: number; end: number }> {
  const slider = timeline(page);
  return {
    now: Number(await slider.getAttribute('aria-valuenow')),
    end: Number(await slider.getAttribute('aria-valuemax')),
  };
}

/** Drag the Timeline's play head with the mouse to about sim time `ms`. */
async function dragTimelineTo(page: Page, ms: number): Promise<void> {
  const box = (await timeline(page).boundingBox())!;
  const { now, end } = await sliderValue(page);
  const y = box.y + box.height / 2;
  const x = (t: number) => box.x + (box.width * Math.min(end, Math.max(0, t))) / end;
  await page.mouse.move(x(now), y);
  await page.mouse.down();
  await page.mouse.move(x((now + ms) / 2), y, { steps: 4 });
  await page.mouse.move(x(ms), y, { steps: 4 });
  await page.mouse.up();
  // The picture followed the pointer: the engine stands where the play head was let go.
  await expect.poll(() => simNow(page)).toBeLessThanOrEqual(ms + end / 50);
  await expect.poll(() => simNow(page)).toBeGreaterThanOrEqual(ms - end / 50);
}

/** Run the default scene, kill the leader of orders-0 and wait for its successor. */
async function killLeader(page: Page) {
  await openApp(page, { speed: 5 });
  await expect.poll(() => simNow(page), { timeout: 20_000 }).toBeGreaterThan(6000);
  const before = partition(await view(page), 'orders', 0);
  const old = before.leader;
  await page.getByRole('button', { name: `Kill broker ${old}`, exact: true }).click();
  // When the engine ran the kill (the play head may be further on by the time we ask).
  const killTime = () =>
    page.evaluate(
      (id) =>
        window
          .__kafkaSim!.events()
          .filter((e) => e.type === 'broker.stopped' && e.brokerId === id)
          .at(-1)?.t ?? -1,
      old,
    );
  await expect.poll(killTime).toBeGreaterThan(0);
  const killedAt = await killTime();
  const after = await waitForView(
    page,
    (v) => partition(v, 'orders', 0).leaderEpoch > before.leaderEpoch,
    'orders-0 elected a new leader',
  );
  const next = partition(after, 'orders', 0);
  const electedAt = await simNow(page);
  await expect.poll(() => simNow(page)).toBeGreaterThan(electedAt + 3000);
  await pause(page);
  const election = `Partition orders-0: broker ${next.leader} elected leader, epoch ${next.leaderEpoch}`;
  return { old, killedAt, next, election };
}

test('rewind before a kill, walk to the election, fork the past and undo the fork', async ({
  page,
}) => {
  const { old, killedAt, next, election } = await killLeader(page);
  const log = eventLog(page);
  await expect(log.getByText(election)).toBeVisible();
  await expect(markerNamed(page, election)).toBeAttached();

  // Back to before the kill: the old leader leads again, and the log has no election.
  await dragTimelineTo(page, killedAt - 1500);
  expect((await sliderValue(page)).now).toBeLessThan(killedAt);
  const rewound = partition(await view(page), 'orders', 0);
  expect(rewound.leader).toBe(old);
  expect(rewound.leaderEpoch).toBe(next.leaderEpoch - 1);
  await expect(
    page.getByRole('group', { name: `Broker ${old}`, exact: true }).getByText('Running'),
  ).toBeVisible();
  await expect(log.getByText(election)).toHaveCount(0);
  await expect(log.getByText(`Broker ${old} crashed`)).toHaveCount(0);
  expect(await page.evaluate(() => window.__kafkaSim!.isPlaying())).toBe(false);

  // Next event walks the notable events: the kill, then (maybe) a new controller, then the
  // election, where it lands exactly.
  for (let i = 0; i < 6; i++) {
    if (partition(await view(page), 'orders', 0).leaderEpoch === next.leaderEpoch) break;
    await page.getByRole('button', { name: 'Next event', exact: true }).click();
    await page.waitForTimeout(150);
  }
  const landed = partition(await view(page), 'orders', 0);
  expect(landed.leader).toBe(next.leader);
  expect(landed.leaderEpoch).toBe(next.leaderEpoch);
  await expect(log.getByText(election)).toBeVisible();
  // Landing on it, the log shows nothing from after it.
  const newest = Number(await log.locator('.log-line .log-time').first().textContent());
  expect(newest * 1000).toBeLessThanOrEqual((await simNow(page)) + 50);

  // A command in the past forks: the later election is gone, the notice offers Undo.
  const endBefore = (await sliderValue(page)).end;
  await dragTimelineTo(page, killedAt - 1500);
  await page.getByRole('button', { name: 'Add broker', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Broker 4', exact: true })).toBeVisible();
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await expect(undo).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'You changed the past' })).toBeVisible();
  await expect(markerNamed(page, election)).toHaveCount(0);
  expect((await sliderValue(page)).end).toBeLessThan(endBefore);
  const markers = await page.evaluate(() => window.__kafkaSim!.timeline());
  expect(markers.markers.every((m) => m.at <= markers.now)).toBe(true);

  // Undo brings the recorded future back, the election with it.
  await undo.click();
  await expect(undo).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Broker 4', exact: true })).toHaveCount(0);
  await expect(markerNamed(page, election)).toBeAttached();
  await expect.poll(async () => (await sliderValue(page)).end).toBe(endBefore);
});

test('Share: the link opens the same moment, paused, with the same leader and offsets', async ({
  page,
  context,
}) => {
  const { killedAt } = await killLeader(page);
  // A moment in the recorded past, between the kill and the end.
  await dragTimelineTo(page, killedAt + 5000);
  const moment = await simNow(page);
  const here = await view(page);

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this moment' });
  const link = dialog.getByRole('textbox', { name: 'Share link' });
  await expect(link).toHaveValue(/#scenario=/);
  await expect(dialog.getByRole('textbox', { name: 'Embed code' })).toHaveValue(
    /<iframe src="[^"]*\?embed=1#scenario=/,
  );
  const url = await link.inputValue();
  expect(await page.evaluate(() => window.__kafkaSim!.shareUrl())).toBe(url);

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('engine-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect.poll(() => other.evaluate(() => window.__kafkaSim?.now() ?? -1)).toBe(moment);
  await expect(other.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  expect(await other.evaluate(() => window.__kafkaSim!.isPlaying())).toBe(false);
  const there = await view(other);
  for (const p of here.topics.find((t) => t.name === 'orders')!.partitions) {
    const q = partition(there, 'orders', p.partition);
    expect({ leader: q.leader, epoch: q.leaderEpoch, isr: q.isr, hw: q.highWatermark }).toEqual({
      leader: p.leader,
      epoch: p.leaderEpoch,
      isr: p.isr,
      hw: p.highWatermark,
    });
    expect(q.logEndOffset).toBe(p.logEndOffset);
  }
  expect(there.brokers.map((b) => b.status)).toEqual(here.brokers.map((b) => b.status));
  // Still paused a moment later: a shared moment waits for the person to press Play.
  await other.waitForTimeout(500);
  expect(await other.evaluate(() => window.__kafkaSim!.now())).toBe(moment);
});

test('Step shows a change and Step back undoes it; a log line moves the play head', async ({
  page,
}) => {
  await openApp(page, { speed: 3 });
  await expect.poll(() => simNow(page), { timeout: 20_000 }).toBeGreaterThan(5000);
  const before = await pause(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => simNow(page)).toBeGreaterThan(before);
  await page.getByRole('button', { name: 'Step back', exact: true }).click();
  await expect.poll(() => simNow(page)).toBe(before);

  // The time of a log line is a button that moves the play head there.
  const line = eventLog(page).locator('.log-line').nth(3);
  const time = line.getByRole('button', { name: /^Move the play head to / });
  const seconds = Number(await time.textContent());
  await time.click();
  await expect.poll(() => simNow(page)).toBeGreaterThanOrEqual(seconds * 1000 - 50);
  await expect.poll(() => simNow(page)).toBeLessThanOrEqual(seconds * 1000 + 50);
});

test('Reset can be undone; a broken scenario file shows every error it has', async ({ page }) => {
  await openApp(page, { speed: 5 });
  await page.getByRole('button', { name: 'Add broker', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Broker 4', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Broker 4', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Broker 4', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this moment' });
  const broken = {
    version: 1,
    seed: 1,
    cluster: { brokers: 3 },
    topics: [
      { name: 'a b', partitions: 2, replicationFactor: 3 },
      { name: 'ok', partitions: -1, replicationFactor: 3 },
    ],
  };
  await dialog.getByRole('button', { name: 'Import scenario' }).setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const errors = dialog.getByRole('alert');
  await expect(errors).toContainText('broken.json could not be loaded');
  await expect(errors).toContainText('topics[0].name');
  await expect(errors).toContainText('topics[1].partitions');
  // Nothing was replaced: the session is still there.
  await expect(page.getByRole('group', { name: 'Broker 4', exact: true })).toBeVisible();
});
