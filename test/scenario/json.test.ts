// Broken JSON is reported with its line, column and a reason a learner can act on.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario';
import { findJsonProblem } from '../../src/scenario/json';

function jsonError(text: string): string {
  const result = parseScenarioText(text);
  if (result.ok) throw new Error('expected invalid JSON');
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0].code).toBe('INVALID_JSON');
  return result.errors[0].message;
}

describe('parseScenarioText', () => {
  it('reads a valid scenario, with or without a byte-order mark', () => {
    const text = '{"version":1,"seed":1,"cluster":{"brokers":3}}';
    expect(parseScenarioText(text).ok).toBe(true);
    expect(parseScenarioText(`\uFEFF${text}`).ok).toBe(true);
  });

  it('gives line and column of a missing comma', () => {
    const text = '{\n  "version": 1,\n  "seed": 7\n  "cluster": { "brokers": 3 }\n}';
    expect(jsonError(text)).toBe(
      `invalid JSON at line 4, column 3: expected ',' or '}' after the value of "seed", found '"' (a missing comma?)`,
    );
  });

  it('carries line and column as params', () => {
    const result = parseScenarioText('{\n  "version": 1,\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].params).toMatchObject({ line: 3, column: 1 });
  });

  it.each([
    ['{"version": 1,}', 1, 15, 'trailing comma'],
    ['{"a": [1, 2,]}', 1, 13, 'trailing comma'],
    ["{'version': 1}", 1, 2, 'double quotes'],
    ['{"a": \'x\'}', 1, 7, 'double quotes'],
    ['{"a": "x}', 1, 7, 'no closing quote'],
    ['{"a": "line\nbreak"}', 1, 12, 'line break'],
    ['{"a": 1 // note\n}', 1, 9, 'comments'],
    ['{"a": tru}', 1, 7, 'expected a value'],
    ['{"a": 1} {}', 1, 10, 'after the end'],
    ['{"a": [1, 2}', 1, 12, "expected ',' or ']'"],
    ['', 1, 1, 'ends'],
    ['{"a":\n  {"b": 1', 2, 10, 'ends'],
  ])('%j -> line %i, column %i (%s)', (text, line, column, reason) => {
    const message = jsonError(text);
    expect(message).toContain(`line ${line}, column ${column}:`);
    expect(message).toContain(reason);
  });
});

describe('findJsonProblem', () => {
  it('agrees with JSON.parse on valid documents', () => {
    for (const text of [
      '{}',
      '[]',
      '0',
      '-1.5e3',
      '"\\u00e9\\n"',
      '{"a":[true,false,null,{"b":""}]}',
      ' [ 1 , 2 ] ',
    ]) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonProblem(text)).toBeNull();
    }
  });
});
