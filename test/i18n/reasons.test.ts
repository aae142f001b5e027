// Every reason code and simplification key the engine can report has words in both languages:
// a new code without a catalogue entry fails here, not in front of a learner.
import { describe, expect, it } from 'vitest';
import { REASON_CODES, SIMPLIFICATIONS, type UnlistedReasonCode } from '../../src/engine';
import { CATALOGUES, createI18n } from '../../src/i18n';

const LANGUAGES = ['en', 'zh-CN'] as const;

describe('the catalogues', () => {
  it('REASON_CODES lists every reason code the engine types allow', () => {
    // Compile-time: this assignment stops type-checking when a code is missing from the list.
    const complete: [UnlistedReasonCode] extends [never] ? true : false = true;
    expect(complete).toBe(true);
  });

  it.each(LANGUAGES)('have a text for every reason code in %s', (lng) => {
    const texts: Record<string, string> = CATALOGUES[lng].reasons;
    const missing = REASON_CODES.filter((code) => !texts[code]);
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('have a text for every simplification in %s', (lng) => {
    const texts: Record<string, string> = CATALOGUES[lng].simplifications;
    const missing = SIMPLIFICATIONS.filter((key) => !texts[key]);
    expect(missing).toEqual([]);
  });

  it('say each reason differently in Chinese and in English', () => {
    const en = createI18n('en');
    const zh = createI18n('zh-CN');
    for (const code of REASON_CODES)
      expect(zh.t(`reasons.${code}`), code).not.toBe(en.t(`reasons.${code}`));
  });
});
