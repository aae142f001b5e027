// The course as a catalogue: every text exists in both languages, no narration is over its length
// budget, numbers in narration are placeholders filled from the live state, every quiz has a right
// answer and explains every choice, every scenario is valid.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario';
import { COURSE } from '../../src/lessons/course';
import { NARRATION_BUDGET, narrationLength, type Language } from '../../src/lessons/steps';
import type { LocalText } from '../../src/lessons/types';

const LANGUAGES: Language[] = ['en', 'zh-CN'];
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;
/** Chinese characters or full-width punctuation ("Leader。" is a Chinese sentence). */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** A live number written into the text by hand: a broker, offset or epoch other than 0. */
const HARD_CODED = /\b(Brokers?|offsets?|epoch)\s+[1-9]/;

/** Both languages present, not empty, and actually in their language. */
function bothLanguages(text: LocalText, where: string): void {
  expect(text.en.trim(), `${where} (en)`).not.toBe('');
  expect(text['zh-CN'].trim(), `${where} (zh-CN)`).not.toBe('');
  expect(CJK.test(text.en), `${where}: Chinese in the English text`).toBe(false);
  expect(CJK.test(text['zh-CN']), `${where}: the Chinese text has no Chinese`).toBe(true);
}

const placeholders = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();

describe('the course catalogue', () => {
  it('lists lessons 1 to 16 in order, with unique ids', () => {
    expect(COURSE.map((l) => l.number)).toEqual(COURSE.map((_, i) => i + 1));
    expect(COURSE.length).toBeGreaterThanOrEqual(16);
    expect(new Set(COURSE.map((l) => l.id)).size).toBe(COURSE.length);
    for (const l of COURSE) expect(l.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('does not always put the right answer in the same place', () => {
    const places = COURSE.flatMap((l) => l.quiz.map((q) => q.choices.findIndex((c) => c.correct)));
    expect(new Set(places).size).toBeGreaterThan(1);
  });

  for (const lesson of COURSE) {
    describe(`lesson ${lesson.number}: ${lesson.id}`, () => {
      it('has its texts in both languages', () => {
        bothLanguages(lesson.title, 'title');
        bothLanguages(lesson.summary, 'summary');
        for (const step of lesson.steps) bothLanguages(step.narration, `step ${step.id}`);
        for (const m of lesson.models ?? []) bothLanguages(m.title, `model ${m.id}`);
        lesson.quiz.forEach((q, i) => {
          bothLanguages(q.prompt, `question ${i + 1}`);
          q.choices.forEach((c, j) => {
            bothLanguages(c.text, `question ${i + 1} choice ${j + 1}`);
            bothLanguages(c.explanation, `question ${i + 1} choice ${j + 1} explanation`);
          });
        });
      });

      it('keeps every narration within the length budget', () => {
        for (const step of lesson.steps) {
          for (const lang of LANGUAGES) {
            // Each placeholder becomes one number or name: count it as one word.
            const text = step.narration[lang].replace(PLACEHOLDER, '0');
            expect(narrationLength(text), `step ${step.id} (${lang})`).toBeLessThanOrEqual(
              NARRATION_BUDGET[lang],
            );
          }
        }
      });

      it('reads live numbers through placeholders, the same in both languages', () => {
        for (const step of lesson.steps) {
          const en = placeholders(step.narration.en);
          expect(new Set(placeholders(step.narration['zh-CN'])), `step ${step.id}`).toEqual(
            new Set(en),
          );
          if (en.length > 0) expect(step.values, `step ${step.id} has no values`).toBeDefined();
          for (const lang of LANGUAGES) {
            expect(step.narration[lang], `step ${step.id} (${lang})`).not.toMatch(HARD_CODED);
          }
        }
      });

      it('has unique step ids, a sensible length and a valid scenario', () => {
        expect(new Set(lesson.steps.map((s) => s.id)).size).toBe(lesson.steps.length);
        expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
        expect(lesson.minutes).toBeGreaterThanOrEqual(3);
        expect(lesson.minutes).toBeLessThanOrEqual(8);
        expect(lesson.concepts.length).toBeGreaterThan(0);
        const parsed = parseScenario(lesson.scenario);
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
        for (const step of lesson.steps) {
          if (step.showMe) expect(step.done, `step ${step.id}: Show me without done`).toBeDefined();
        }
      });

      it('ends with two or three questions, each with a right answer and explained choices', () => {
        expect(lesson.quiz.length).toBeGreaterThanOrEqual(2);
        expect(lesson.quiz.length).toBeLessThanOrEqual(3);
        for (const q of lesson.quiz) {
          expect(q.choices.length).toBeGreaterThanOrEqual(2);
          expect(q.choices.filter((c) => c.correct)).toHaveLength(1);
          expect(q.choices.some((c) => !c.correct)).toBe(true);
        }
      });
    });
  }
});
