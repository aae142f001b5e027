// Both catalogues complete and consistent: the same keys, no empty text, the same placeholders.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-CN';
import { createI18n, detectLanguage } from '../../src/i18n';
import { LATIN_TERMS } from '../../src/i18n/glossary';
import { leaves } from '../i18n/glossaryCheck';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  const english = leaves(en);
  const chinese = leaves(zhCN);

  it('have identical key sets', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have no empty text', () => {
    for (const [key, text] of [...english, ...chinese]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of english) {
      expect(placeholders(chinese.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it('translate the interface: Chinese text differs from English except names and symbols', () => {
    // Identifiers (config keys, error names, product names) and symbols may stay as they are, and
    // so may the glossary's Latin terms ("Leader epoch" is how Chinese Kafka texts say it).
    const mayMatch = /^[\s\d{}.×→+·:%_a-zA-Z—-]*$/;
    const withoutLatinTerms = (text: string) =>
      LATIN_TERMS.reduce(
        (rest, term) => rest.replace(new RegExp(`\\b${term.zh}\\b`, term.anyCase ? 'gi' : 'g'), ''),
        text,
      );
    const untranslated = [...english].filter(
      ([key, text]) =>
        chinese.get(key) === text &&
        !(mayMatch.test(text) && !/[a-z]{3,} [a-z]{3,}/.test(withoutLatinTerms(text))),
    );
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it('keep the English accessible names of design.md 3.6', () => {
    const names = [
      ['playback.play', 'Play'],
      ['playback.pause', 'Pause'],
      ['playback.step', 'Step'],
      ['playback.speed', 'Speed'],
      ['toolbar.addBroker', 'Add broker'],
      ['toolbar.addProducer', 'Add producer'],
      ['toolbar.addConsumer', 'Add consumer'],
      ['toolbar.addGroup', 'Add consumer group'],
      ['toolbar.createTopic', 'Create topic'],
      ['broker.group', 'Broker {{id}}'],
      ['broker.kill', 'Kill broker {{id}}'],
      ['broker.restart', 'Restart broker {{id}}'],
      ['broker.isolate', 'Isolate broker {{id}}'],
      ['broker.heal', 'Heal broker {{id}}'],
      ['consumer.kill', 'Kill consumer {{id}}'],
      ['delivery.legend', 'Delivery mode'],
      ['delivery.queue', 'Queue'],
      ['delivery.pubsub', 'Publish-subscribe'],
      ['eventLog.region', 'Event log'],
    ];
    for (const [key, name] of names) expect(english.get(key), key).toBe(name);
  });
});

describe('language choice', () => {
  it('prefers the URL, then the remembered choice, then the browser', () => {
    expect(detectLanguage('?lang=zh-CN', 'en', ['en-GB'])).toBe('zh-CN');
    expect(detectLanguage('', 'zh-CN', ['en-GB'])).toBe('zh-CN');
    expect(detectLanguage('', null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLanguage('', null, ['fr-FR', 'en-US'])).toBe('en');
    expect(detectLanguage('', null, ['fr-FR'])).toBe('en');
  });

  it('translates with i18next in both languages', () => {
    expect(createI18n('en').t('broker.kill', { id: 2 })).toBe('Kill broker 2');
    expect(createI18n('zh-CN').t('broker.kill', { id: 2 })).toBe('终止 Broker 2');
  });
});
