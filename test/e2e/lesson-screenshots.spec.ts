// Screenshots of one step of lessons 2, 7 and 12 in both languages, in presenter mode at
// 1280x720 (a projector), for the README. Not part of `npm test`: run with
//   SCREENSHOTS=1 npx playwright test lesson-screenshots
import { test } from '@playwright/test';
import { lessonById, openLesson, walkTo, type Lang } from './lessonWalk';

test.skip(!process.env.SCREENSHOTS, 'screenshots are taken on request: SCREENSHOTS=1');
test.use({ viewport: { width: 1280, height: 720 } });
test.describe.configure({ timeout: 180_000 });

const SHOTS: { id: string; step: string; file: string }[] = [
  { id: 'kafka-and-a-traditional-queue', step: 'late-reader', file: 'lesson-02' },
  { id: 'queue-or-pubsub', step: 'idle', file: 'lesson-07' },
  { id: 'where-acked-data-is-lost', step: 'truncate', file: 'lesson-12' },
];

for (const shot of SHOTS) {
  for (const lang of ['en', 'zh-CN'] as Lang[]) {
    test(`${shot.file} ${lang}`, async ({ page }) => {
      const lesson = lessonById(shot.id);
      await openLesson(page, lesson, lang, '&presenter=1');
      await walkTo(
        page,
        lesson,
        lang,
        lesson.steps.findIndex((s) => s.id === shot.step),
      );
      // Stop where the step is shown, so the picture is of that moment.
      await page.evaluate(() => {
        window.__kafkaSim!.pause();
        window.__kafkaSim!.setSpeed(1);
      });
      await page.waitForTimeout(500);
      const suffix = lang === 'en' ? 'en' : 'zh';
      await page.screenshot({ path: `docs/${shot.file}-${suffix}.png` });
    });
  }
}
