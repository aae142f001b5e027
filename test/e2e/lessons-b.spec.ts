// The lessons of the second half, each walked end to end in the browser with Show me, Next and the
// quiz answers only, the language alternating from lesson to lesson (9 in English, 10 in Chinese,
// ...); an English walk also checks Back on the first step that asks for an action. Every lesson
// is also walked in Node in both languages (test/lessons/course.test.ts), which checks the steps
// and the live numbers of each narration; here the page does the walking.
import { test } from '@playwright/test';
import { lessonWalks, lessonById, openLesson, walkLesson } from './lessonWalk';

// A walk needs minutes of sim time, run at the top speed.
test.describe.configure({ timeout: 180_000 });

for (const { id, lang } of lessonWalks(8)) {
  const back = lang === 'en';
  test(`lesson ${id} (${lang}): Show me and Next reach Lesson complete${back ? '; Back undoes a step' : ''}`, async ({
    page,
  }) => {
    const lesson = lessonById(id);
    await openLesson(page, lesson, lang);
    await walkLesson(page, lesson, lang, { checkBack: back });
  });
}
