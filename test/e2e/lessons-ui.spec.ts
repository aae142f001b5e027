// The lesson list and the running lesson: axe finds no serious problem (list, a step with a
// teaching model, the quiz with an explanation shown), the first visit offers the course once,
// progress is remembered, presenter mode keeps the narration readable, Exit lesson leaves the
// same world running.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, seriousViolations } from './helpers';
import { lessonById, openLesson, walkLesson, walkTo } from './lessonWalk';

test.describe.configure({ timeout: 180_000 });

test('the lesson list: offered once on a first visit, every lesson a button, no axe problem', async ({
  page,
}) => {
  await openApp(page);
  const offer = page.getByRole('note').filter({ hasText: 'New here?' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'No, thanks', exact: true }).click();
  await expect(offer).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Lessons', exact: true })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: 'New here?' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Lessons: a guided course' });
  await expect(dialog.getByRole('button', { name: 'Failover', exact: true })).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(16);
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);
});

test('a running lesson with its teaching model and its quiz: no axe problem; progress remembered', async ({
  page,
}) => {
  const lesson = lessonById('kafka-and-a-traditional-queue');
  await openLesson(page, lesson, 'en');
  const region = page.getByRole('region', { name: 'Lesson', exact: true });
  const model = page.getByRole('region', { name: /^Teaching model: / });
  await expect(model).toHaveCount(1);
  await expect(model).toContainText('not Kafka');
  await walkTo(page, lesson, 'en', 2);
  let results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);

  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await walkLesson(page, lessonById('kafka-and-a-traditional-queue'), 'en', { from: 3 });
  // A wrong answer is explained too.
  const q = lesson.quiz[0];
  const wrong = q.choices.find((c) => !c.correct)!;
  await region.getByRole('button', { name: wrong.text.en, exact: true }).click();
  await expect(region).toContainText(wrong.explanation.en);
  results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);

  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Lessons: a guided course' });
  await expect(
    dialog.getByRole('listitem').filter({ hasText: lesson.title.en }).getByText('completed'),
  ).toBeVisible();
});

test('presenter mode: the narration is at least 16 px; Exit lesson leaves the world running', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const lesson = lessonById('failover');
  await openLesson(page, lesson, 'en', '&presenter=1');
  const narration = page.locator('.lesson-narration p').first();
  await expect(narration).toBeVisible();
  const size = await narration.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(16);
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);

  const brokers = (await page.evaluate(() => window.__kafkaSim!.view())).brokers.length;
  await page.getByRole('button', { name: 'Exit lesson', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Lesson', exact: true })).toHaveCount(0);
  const t0 = await page.evaluate(() => window.__kafkaSim!.now());
  await page.evaluate(() => window.__kafkaSim!.play());
  await expect.poll(() => page.evaluate(() => window.__kafkaSim!.now())).toBeGreaterThan(t0);
  expect((await page.evaluate(() => window.__kafkaSim!.view())).brokers.length).toBe(brokers);
});
