// Walking a lesson in the browser as a learner who only presses `Show me`, `Next` and the quiz's
// right answers (read from the course data, which is what the lesson itself teaches). Sim time
// runs at the top speed so that a walk takes seconds; the lesson pauses and resumes the run
// itself. With `checkBack`, the first step that asks for an action is done, then undone with
// `Back`: the world goes back to before the action and the step waits for it again.
import { expect, type Page } from '@playwright/test';
import { COURSE } from '../../src/lessons/course';
import type { Lesson } from '../../src/lessons/types';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-CN';

export type Lang = 'en' | 'zh-CN';

const LESSON_IDS = COURSE.map((l) => l.id);

/**
 * The browser walks of lessons `from` to `to` (indexes in the course): one per lesson, in English
 * for lessons 1, 3, 5... and in Chinese for 2, 4, 6..., so both languages run through the page
 * and the suite stays within CI's time.
 */
export function lessonWalks(from: number, to?: number): { id: string; lang: Lang }[] {
  return LESSON_IDS.slice(from, to).map((id, i) => ({
    id,
    lang: (from + i) % 2 === 0 ? 'en' : 'zh-CN',
  }));
}

export function lessonById(id: string): Lesson {
  const lesson = COURSE.find((l) => l.id === id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  return lesson;
}

function names(lang: Lang) {
  return (lang === 'en' ? en : zhCN).lessons;
}

/** Open the app in `lang`, start the lesson from the `Lessons` list, at the top speed. */
export async function openLesson(
  page: Page,
  lesson: Lesson,
  lang: Lang,
  query = '',
): Promise<void> {
  const text = names(lang);
  await page.goto(`/?lang=${lang}${query}`);
  await expect
    .poll(() => page.evaluate(() => window.__kafkaSim?.now() ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await page.getByRole('button', { name: text.button, exact: true }).click();
  await page.getByRole('button', { name: lesson.title[lang], exact: true }).click();
  await expect(page.getByRole('region', { name: text.region, exact: true })).toBeVisible();
  await page.evaluate(() => window.__kafkaSim!.setSpeed(100));
}

const stepText = (lang: Lang, step: number, steps: number) =>
  names(lang).stepOf.replace('{{step}}', String(step)).replace('{{steps}}', String(steps));

/** Play the lesson to `Lesson complete`. */
export async function walkLesson(
  page: Page,
  lesson: Lesson,
  lang: Lang,
  { checkBack = false, from = 0 } = {},
): Promise<void> {
  const text = names(lang);
  const region = page.getByRole('region', { name: text.region, exact: true });
  const button = (name: string) => region.getByRole('button', { name, exact: true });
  let backChecked = !checkBack;
  for (let i = from; i < lesson.steps.length; i++) {
    const step = lesson.steps[i];
    await expect(region).toContainText(stepText(lang, i + 1, lesson.steps.length));
    if (step.showMe) {
      await expect(button(text.showMe)).toBeEnabled();
      if (!backChecked) {
        backChecked = true;
        await checkBackOnce(page, lesson, lang, i);
      }
      await button(text.showMe).click();
    }
    await expect(button(text.next), `lesson ${lesson.id}, step ${step.id}`).toBeEnabled({
      timeout: 60_000,
    });
    await button(text.next).click();
  }
  for (const question of lesson.quiz) {
    const right = question.choices.find((c) => c.correct)!;
    await region.getByRole('button', { name: right.text[lang], exact: true }).click();
    await expect(region).toContainText(right.explanation[lang]);
  }
  await expect(region.getByRole('status')).toContainText(text.complete);
}

/**
 * At step `i` (which has a Show me): do it, go on to the next step, press Back; the clock is back
 * before the action and the step waits for it again (test/worker/lesson-runner.test.ts checks
 * that the world is exactly as it was and that the recorded action is gone).
 */
async function checkBackOnce(page: Page, lesson: Lesson, lang: Lang, i: number): Promise<void> {
  const text = names(lang);
  const region = page.getByRole('region', { name: text.region, exact: true });
  const button = (name: string) => region.getByRole('button', { name, exact: true });
  const steps = lesson.steps.length;
  const before = await page.evaluate(() => window.__kafkaSim!.now());
  await button(text.showMe).click();
  await expect(button(text.next)).toBeEnabled({ timeout: 60_000 });
  await button(text.next).click();
  if (i + 1 < steps) await expect(region).toContainText(stepText(lang, i + 2, steps));
  else await expect(region).toContainText(text.quizHeading);
  const after = await page.evaluate(() => window.__kafkaSim!.now());
  expect(after).toBeGreaterThanOrEqual(before);
  // Slow the run right down, so that the clock read after Back is still where the step began.
  await page.evaluate(() => window.__kafkaSim!.setSpeed(0.1));
  const clickedAt = Date.now();
  await button(text.back).click();
  await expect(region).toContainText(stepText(lang, i + 1, steps));
  await expect(button(text.showMe)).toBeEnabled();
  await expect(button(text.next)).toBeDisabled();
  const back = await page.evaluate(() => window.__kafkaSim!.now());
  // A step that plays resumes at once after Back: allow what 0.1x can run since the click.
  const ranSince = Math.ceil((Date.now() - clickedAt) * 0.1);
  expect(back).toBeLessThanOrEqual(before + ranSince);
  await page.evaluate(() => window.__kafkaSim!.setSpeed(100));
}

/** Walk to step `index` (from 0) and finish it (Show me if it asks), without pressing Next. */
export async function walkTo(page: Page, lesson: Lesson, lang: Lang, index: number): Promise<void> {
  const text = names(lang);
  const region = page.getByRole('region', { name: text.region, exact: true });
  const button = (name: string) => region.getByRole('button', { name, exact: true });
  for (let i = 0; i <= index; i++) {
    await expect(region).toContainText(stepText(lang, i + 1, lesson.steps.length));
    if (lesson.steps[i].showMe) await button(text.showMe).click();
    await expect(button(text.next)).toBeEnabled({ timeout: 60_000 });
    if (i < index) await button(text.next).click();
  }
}
