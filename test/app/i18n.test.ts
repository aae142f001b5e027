// Both catalogues complete and consistent: the same keys, no empty text, the same placeholders.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-CN';
import { createI18n, detectLanguage } from '../../src/i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  const english = flatten(en as unknown as Tree);
  const chinese = flatten(zhCN as unknown as Tree);

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
    // Identifiers (config keys, error names, product names) and symbols may stay as they are.
    const mayMatch = /^[\s\d{}.×→+·:%_a-zA-Z—-]*$/;
    const untranslated = [...english].filter(
      ([key, text]) =>
        chinese.get(key) === text && !(mayMatch.test(text) && !/[a-z]{3,} [a-z]{3,}/.test(text)),
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
    expect(createI18n('zh-CN').t('broker.kill', { id: 2 })).toBe('终止代理 2');
  });
});
