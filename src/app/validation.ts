// Form checks that mirror the engine's rules, so a form can say what is wrong while the person
// types. The engine still has the last word: its refusal is shown in the form if it disagrees.
import { checkConfigValue } from '../engine/config/validate';
import type { ConfigScope } from '../engine/config/definitions';
import { LIMITS } from '../engine/limits';

/** A problem to show under a field: an i18n key under `forms.errors.` and its values. */
export interface FieldProblem {
  key: string;
  params: Record<string, string | number>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

const problem = (key: string, params: Record<string, string | number> = {}): Checked<never> => ({
  ok: false,
  problem: { key, params },
});

export function wholeNumber(
  raw: string,
  field: string,
  limits: { min?: number; max?: number } = {},
): Checked<number> {
  if (raw.trim() === '') return problem('required', { field });
  // Decimal digits only, as Kafka reads numbers: "0x2" or "1e3" are not whole numbers here.
  const n = /^\s*[-+]?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n)) return problem('wholeNumber', { field });
  if (limits.min !== undefined && n < limits.min)
    return problem('atLeast', { field, min: limits.min });
  if (limits.max !== undefined && n > limits.max)
    return problem('atMost', { field, max: limits.max });
  return { ok: true, value: n };
}

/** Kafka's topic name rule: [a-zA-Z0-9._-], at most 249 characters, not "." or "..". */
export function topicName(raw: string, existing: string[], field = 'name'): Checked<string> {
  const name = raw.trim();
  if (name === '') return problem('required', { field });
  if (!/^[a-zA-Z0-9._-]{1,249}$/.test(name) || name === '.' || name === '..') {
    return problem('topicName', { name });
  }
  // The engine keeps "__" names for Kafka's internal topics (__consumer_offsets, ...).
  if (name.startsWith('__')) return problem('reservedTopic', { name });
  if (existing.includes(name)) return problem('topicExists', { name });
  return { ok: true, value: name };
}

/** A producer, group or consumer id: required, the engine's characters only, not taken. */
export function newId(raw: string, field: string, taken: string[]): Checked<string> {
  const id = raw.trim();
  if (id === '') return problem('required', { field });
  if (!/^[a-zA-Z0-9._-]+$/.test(id)) return problem('idCharacters', { field, id });
  // The simulator's name limit (limits.ts), as the engine would refuse it.
  if (id.length > LIMITS.nameLength)
    return problem('idLength', { field, max: LIMITS.nameLength, got: id.length });
  if (taken.includes(id)) return problem('idExists', { id });
  return { ok: true, value: id };
}

/** A Kafka config value, checked by the engine's own definitions (type, range, allowed values). */
export function configValue(
  scope: ConfigScope,
  key: string,
  raw: string | boolean,
): Checked<string | number | boolean> {
  const checked = checkConfigValue(scope, key, raw);
  if (checked.ok) return { ok: true, value: checked.value };
  const params = checked.error.params ?? {};
  switch (params.ruleKey) {
    case 'configAtLeast':
      return problem('atLeast', { field: key, min: params.min });
    case 'configAtMost':
      return problem('atMost', { field: key, max: params.max });
    case 'configTrueFalse':
      return problem('trueFalse', { field: key });
    case 'configOneOf':
      return problem('oneOf', { field: key, allowed: params.allowed });
    default:
      return problem('wholeNumber', { field: key });
  }
}

/** Comma-separated keys; an empty field means null keys. */
export function keyList(raw: string): string[] | null {
  const keys = raw
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  return keys.length ? [...new Set(keys)] : null;
}

/** The first id of the form `${prefix}-N` that is free. */
export function freeId(prefix: string, taken: string[]): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.includes(id)) return id;
  }
}
