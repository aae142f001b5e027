// The About dialog lists the simplifications in Chinese; an English word left in one (not a
// config key, error name or glossary term) is caught here, before the slower browser check in
// test/e2e/i18n-scenarios.spec.ts.
import { expect, it } from 'vitest';
import { SIMPLIFICATIONS } from '../../src/engine';
import { CATALOGUES } from '../../src/i18n';
import { englishLeftovers } from '../e2e/english';

it('every simplification reads as Chinese in zh-CN', () => {
  const texts: Record<string, string> = CATALOGUES['zh-CN'].simplifications;
  expect(
    englishLeftovers(
      SIMPLIFICATIONS.map((key) => texts[key]),
      [],
    ),
  ).toEqual([]);
});

it('every reason text reads as Chinese in zh-CN (placeholders aside)', () => {
  const texts: Record<string, string> = CATALOGUES['zh-CN'].reasons;
  const sentences = Object.values(texts).map((t) => t.replace(/\{\{[^}]*\}\}/g, ' '));
  expect(englishLeftovers(sentences, [])).toEqual([]);
});
