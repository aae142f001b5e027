// The Chinese catalogue speaks the glossary (src/i18n/glossary.ts, explained in docs/glossary.md):
// one term per concept, Broker/Leader/Follower/ISR/HW/LEO/offset in Latin letters, and fencing
// never worded like a network cut.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { CHINESE_TERMS, GLOSSARY, LATIN_TERMS } from '../../src/i18n/glossary';
import { zhCN } from '../../src/i18n/zh-CN';
import { glossaryProblems, leaves } from './glossaryCheck';

const english = leaves(en);
const chinese = leaves(zhCN);

describe('the glossary check', () => {
  it('catches an avoided word and a missing Latin term', () => {
    const problems = glossaryProblems(
      new Map([
        ['a', 'Broker 2 fenced'],
        ['b', 'the high watermark is 4'],
        ['c', 'committed offset 7 (auto.offset.reset)'],
      ]),
      new Map([
        ['a', '代理 2 已隔离'],
        ['b', '高水位是 4'],
        ['c', 'HW（高水位）：已提交 offset 7'],
      ]),
      GLOSSARY,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^a: "代理"/),
        expect.stringMatching(/^a: "隔离" for fenced/),
        expect.stringMatching(/^a: the English names broker, the Chinese lacks Broker/),
        expect.stringMatching(/^a: the English names fenced.*lacks 屏蔽/),
        expect.stringMatching(/^b: "高水位"/),
        expect.stringMatching(/^b: the English names high watermark.*lacks HW/),
      ]),
    );
    // A gloss such as HW（高水位） is allowed, and config names do not count as English words.
    expect(problems.filter((p) => p.startsWith('c:'))).toEqual([]);
  });
});

describe('the Chinese catalogue', () => {
  it('uses no word the glossary rules out, and the glossary term wherever the English names the concept', () => {
    expect(glossaryProblems(english, chinese, GLOSSARY)).toEqual([]);
  });

  it('keeps fencing and a network cut apart on the broker card', () => {
    // The card read "已隔离 · 已隔离出集群": two states, one word.
    expect(zhCN.broker.fenced).toContain('屏蔽');
    expect(zhCN.broker.isolated).toContain('断网');
    expect(zhCN.highlight.fenced).toContain('屏蔽');
    expect(zhCN.highlight.isolated).toContain('断网');
    for (const [key, text] of chinese) expect(text, key).not.toContain('隔离');
  });

  it('marks leader and follower replicas with the initials of the Latin terms', () => {
    expect('Leader'.startsWith(zhCN.replica.leaderMark)).toBe(true);
    expect('Follower'.startsWith(zhCN.replica.followerMark)).toBe(true);
  });
});

describe('the glossary', () => {
  it('gives each concept its own term', () => {
    const terms = GLOSSARY.map((t) => t.zh);
    expect(terms.length).toBe(new Set(terms).size);
  });

  it('writes the Latin terms in Latin letters and the others in Chinese', () => {
    for (const term of LATIN_TERMS) expect(term.zh).toMatch(/^[A-Za-z]+$/);
    for (const term of CHINESE_TERMS) expect(term.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('never avoids its own term', () => {
    for (const term of GLOSSARY)
      for (const word of term.avoid ?? []) expect(term.zh, term.en).not.toContain(word);
  });

  it('is mirrored in docs/glossary.md', () => {
    const doc = readFileSync(new URL('../../docs/glossary.md', import.meta.url), 'utf8');
    const missing: string[] = [];
    for (const term of GLOSSARY)
      for (const word of [term.en, term.zh, ...(term.avoid ?? [])])
        if (!doc.includes(word)) missing.push(`${term.en}: ${word}`);
    expect(missing).toEqual([]);
  });
});
