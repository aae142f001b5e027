// Limits on a scenario's size and shape, checked before anything walks it. The deepest field a
// scenario has is actions[i].assignment[p][r] (5 levels); a share link or file nested hundreds
// of levels deep is damaged or hostile, and walking it recursively would overflow the stack.
import type { EngineError } from '../engine';
import { fieldPath } from './format';

/** The most characters of JSON a scenario may have (about 1 MB: hours of recorded commands). */
export const MAX_SCENARIO_CHARS = 1_000_000;
/** The deepest nesting of lists and objects a scenario may have. */
export const MAX_SCENARIO_DEPTH = 16;
/** The most values (objects, lists, strings, numbers...) in one scenario. */
export const MAX_SCENARIO_VALUES = 200_000;

/** Keys that would reach an object's prototype if copied into a plain object. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

function tooLarge(chars: number): EngineError {
  return {
    code: 'SCENARIO_TOO_LARGE',
    message: `the scenario is ${chars.toLocaleString('en')} characters long; the limit is ${MAX_SCENARIO_CHARS.toLocaleString('en')}`,
    params: { chars, limit: MAX_SCENARIO_CHARS },
  };
}

function tooDeep(where: string): EngineError {
  return {
    code: 'SCENARIO_TOO_DEEP',
    message: `${where}: lists and objects nest deeper than ${MAX_SCENARIO_DEPTH} levels (a scenario needs at most 5)`,
    field: where,
    params: { limit: MAX_SCENARIO_DEPTH, where },
  };
}

/**
 * Size and depth of JSON text, by one linear scan that skips strings: no recursion, so a
 * hostile text cannot overflow the stack. Run before JSON.parse and before the error finder.
 */
export function checkJsonTextLimits(text: string): EngineError | null {
  if (text.length > MAX_SCENARIO_CHARS) return tooLarge(text.length);
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++)
        if (text.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_SCENARIO_DEPTH) return tooDeep(`line ${line}, column ${i - lineStart + 1}`);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    } else if (c === 0x0a /* \n */) {
      line++;
      lineStart = i + 1;
    }
  }
  return null;
}

/**
 * Depth, size and prototype keys of a value that did not come from our JSON parser (the console's
 * `load(object)`, a structured clone): walked with an explicit stack, never recursively.
 */
export function checkValueLimits(value: unknown): EngineError | null {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  let count = 0;
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (++count > MAX_SCENARIO_VALUES)
      return {
        code: 'SCENARIO_TOO_LARGE',
        message: `the scenario has more than ${MAX_SCENARIO_VALUES.toLocaleString('en')} values`,
        params: { limit: MAX_SCENARIO_VALUES },
      };
    if (typeof v !== 'object' || v === null) continue;
    if (path.length >= MAX_SCENARIO_DEPTH) return tooDeep(fieldPath(path) || 'the scenario');
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) {
        const field = fieldPath([...path, key]);
        return {
          code: 'FORBIDDEN_KEY',
          message: `${field}: "${key}" is not allowed as a name in a scenario`,
          field,
          params: { key },
        };
      }
      stack.push({
        value: (v as Record<string, unknown>)[key],
        path: [...path, Array.isArray(v) ? Number(key) : key],
      });
    }
  }
  return null;
}
