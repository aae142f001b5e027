import { describe, expect, it } from 'vitest';
import { stableRunJson, stableStringify } from '../../src/cli/stable-json';

describe('stable JSON', () => {
  it('orders keys: t and type first, then alphabetical, at every depth', () => {
    expect(stableStringify({ z: 1, type: 'x', a: { c: 1, b: [{ y: 1, t: 2 }] }, t: 5 })).toBe(
      '{"t":5,"type":"x","a":{"b":[{"t":2,"y":1}],"c":1},"z":1}',
    );
  });

  it('does not depend on construction order', () => {
    expect(stableStringify({ a: 1, b: 2 })).toBe(stableStringify({ b: 2, a: 1 }));
  });

  it('puts one event per line inside one valid JSON object', () => {
    const text = stableRunJson({
      seed: 1,
      until: 10,
      events: [
        { type: 'b', t: 1 },
        { t: 2, type: 'c' },
      ],
      view: { now: 10 },
    });
    expect(text).toBe(
      '{"seed":1,"until":10,"events":[\n{"t":1,"type":"b"},\n{"t":2,"type":"c"}\n],"view":{"now":10}}\n',
    );
    expect(JSON.parse(text).events).toHaveLength(2);
    expect(JSON.parse(stableRunJson({ seed: 1, until: 0, events: [], view: {} })).events).toEqual(
      [],
    );
  });
});
