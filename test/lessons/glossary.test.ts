// The lessons' Chinese follows the same glossary as the app's catalogue (docs/glossary.md):
// a learner must meet one word per concept in the narration and on the screen.
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../src/i18n/glossary';
import { COURSE } from '../../src/lessons/course';
import { glossaryProblems } from '../i18n/glossaryCheck';

/** Every text of a lesson in both languages, keyed by where it is in the lesson. */
function texts(value: unknown, path: string, en: Map<string, string>, zh: Map<string, string>) {
  if (typeof value !== 'object' || value === null) return;
  const v = value as Record<string, unknown>;
  if (typeof v.en === 'string' && typeof v['zh-CN'] === 'string') {
    en.set(path, v.en);
    zh.set(path, v['zh-CN']);
    return;
  }
  for (const [key, child] of Object.entries(v)) texts(child, `${path}.${key}`, en, zh);
}

describe('the course', () => {
  it.each(COURSE.map((lesson) => [lesson.id, lesson] as const))(
    '%s uses the glossary terms in Chinese',
    (id, lesson) => {
      const en = new Map<string, string>();
      const zh = new Map<string, string>();
      texts(
        { title: lesson.title, summary: lesson.summary, steps: lesson.steps, quiz: lesson.quiz },
        id,
        en,
        zh,
      );
      expect(glossaryProblems(en, zh, GLOSSARY)).toEqual([]);
    },
  );
});
