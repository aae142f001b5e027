// Hostile shapes are refused with an error that says what is wrong, before anything recurses
// into them: deep nesting, huge input, keys that would reach an object's prototype.
import { describe, expect, it } from 'vitest';
import {
  decodeScenarioFromUrl,
  encodeScenarioForUrl,
  parseScenario,
  parseScenarioText,
} from '../../src/scenario';
import {
  MAX_SCENARIO_CHARS,
  MAX_SCENARIO_DEPTH,
  checkJsonTextLimits,
} from '../../src/scenario/limits';
import type { Scenario } from '../../src/engine';
import * as lz from 'lz-string';

const deepLists = (n: number) => '['.repeat(n) + ']'.repeat(n);
const base = '{"version":1,"seed":1,"cluster":{"brokers":1}';

describe('scenario limits', () => {
  it.each([
    ['a bare deep list', deepLists(20_000)],
    ['a deep value inside a field', `${base},"title":${deepLists(20_000)}}`],
    ['a deep object', '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000)],
    ['unclosed deep lists (broken JSON)', '['.repeat(20_000)],
  ])('refuses %s as too deep, naming where', (_name, text) => {
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].code).toBe('SCENARIO_TOO_DEEP');
    expect(result.errors[0].message).toMatch(/^line 1, column \d+: .* deeper than 16 levels/);
  });

  it('refuses text over the size limit, saying the limit', () => {
    const text = `${base},"description":"${'x'.repeat(MAX_SCENARIO_CHARS)}"}`;
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].code).toBe('SCENARIO_TOO_LARGE');
  });

  it('accepts the depth a real scenario has, and counts depth outside strings only', () => {
    expect(checkJsonTextLimits(`${base},"title":"${'['.repeat(100)}"}`)).toBeNull();
    const ok = `${base},"topics":[{"name":"t","partitions":1,"replicationFactor":1,"assignment":[[1]]}]}`;
    expect(parseScenarioText(ok).ok).toBe(true);
    expect(checkJsonTextLimits(deepLists(MAX_SCENARIO_DEPTH))).toBeNull();
    expect(checkJsonTextLimits(deepLists(MAX_SCENARIO_DEPTH + 1))).not.toBeNull();
  });

  it('refuses deep objects handed over as values (the console load), without recursing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 50_000; i++) deep = { a: deep };
    const result = parseScenario({ version: 1, seed: 1, cluster: { brokers: 1 }, title: deep });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0].code).toBe('SCENARIO_TOO_DEEP');
      expect(result.errors[0].field).toMatch(/^title\.a\.a/);
    }
  });

  it('refuses a __proto__ key anywhere, naming the field', () => {
    const text = `${base.replace('"brokers":1', '"brokers":1,"config":{"__proto__":{"x":1}}')}}`;
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatchObject({
        code: 'FORBIDDEN_KEY',
        field: 'cluster.config.__proto__',
      });
    }
  });

  it('applies the same limits to share links', () => {
    const deep = lz.compressToEncodedURIComponent(`${base},"title":${deepLists(20_000)}}`);
    const result = decodeScenarioFromUrl(`#scenario=${deep}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].code).toBe('SCENARIO_TOO_DEEP');
    const fine: Scenario = { version: 1, seed: 1, cluster: { brokers: 1 } };
    expect(decodeScenarioFromUrl(encodeScenarioForUrl(fine)).ok).toBe(true);
  });
});
