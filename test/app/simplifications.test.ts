// Every simplification the engine reports today, and every built-in scenario, is translated.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine';
import { BUILTIN_SCENARIOS, DEFAULT_SCENARIO } from '../../src/scenario';
import { createI18n } from '../../src/i18n';
import { simplificationKey } from '../../src/app/simplifications';

describe('simplifications', () => {
  it('are all translated into Chinese', () => {
    const zh = createI18n('zh-CN');
    const missing = createEngine(DEFAULT_SCENARIO)
      .view()
      .simplifications.filter((text) => !zh.exists(`simplifications.${simplificationKey(text)}`));
    expect(missing).toEqual([]);
  });
});

describe('built-in scenarios', () => {
  it('have a title and a description in both languages', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const i18n = createI18n(lang);
      for (const { id } of BUILTIN_SCENARIOS) {
        expect(i18n.exists(`scenarios.${id}.title`), `${lang} ${id}`).toBe(true);
        expect(i18n.exists(`scenarios.${id}.description`), `${lang} ${id}`).toBe(true);
      }
    }
  });
});
