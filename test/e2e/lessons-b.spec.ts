// Every lesson of the second half, walked end to end in both languages with Show me, Next and the
// quiz answers only; the English walk also checks Back on the first step that asks for an action.
import { test } from '@playwright/test';
import { LESSON_IDS, lessonById, openLesson, walkLesson } from './lessonWalk';

// A walk needs minutes of sim time, run at the top speed.
test.describe.configure({ timeout: 180_000 });

for (const id of LESSON_IDS.slice(8)) {
  test(`lesson ${id} (en): Show me and Next reach Lesson complete; Back undoes a step`, async ({
    page,
  }) => {
    const lesson = lessonById(id);
    await openLesson(page, lesson, 'en');
    await walkLesson(page, lesson, 'en', { checkBack: true });
  });
  test(`lesson ${id} (zh-CN): Show me and Next reach Lesson complete`, async ({ page }) => {
    const lesson = lessonById(id);
    await openLesson(page, lesson, 'zh-CN');
    await walkLesson(page, lesson, 'zh-CN');
  });
}
