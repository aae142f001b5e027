// Check one config value against its definition and normalise it (numbers from strings, etc.).
import type { ConfigValue, EngineError } from '../types';
import { findConfigDefinition, intMax, type ConfigScope } from './definitions';

/** A whole number written in decimal digits, as Java's Long.parseLong reads it (spaces trimmed). */
const DECIMAL = /^\s*[-+]?\d+\s*$/;

export type ConfigCheck = { ok: true; value: ConfigValue } | { ok: false; error: EngineError };

export function checkConfigValue(
  scope: ConfigScope,
  key: string,
  raw: unknown,
  field = key,
): ConfigCheck {
  const def = findConfigDefinition(scope, key);
  if (!def) {
    return fail('UNKNOWN_CONFIG', `${field}: unknown ${scope} config "${key}"`, field, {
      key,
      scope,
    });
  }
  const type = def.type;
  switch (type.kind) {
    case 'int': {
      // As Kafka's ConfigDef reads a number from text: decimal digits only ("0x2" and "1e3" are
      // refused, not read as 2 and 1000).
      const n = typeof raw === 'string' && DECIMAL.test(raw) ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isInteger(n)) {
        return fail(
          'INVALID_CONFIG',
          `${field}: ${key} must be a whole number, got ${show(raw)}`,
          field,
          { key, value: show(raw), got: show(raw), ruleKey: 'configWholeNumber' },
        );
      }
      if (type.min !== undefined && n < type.min) {
        return fail(
          'INVALID_CONFIG',
          `${field}: ${key} must be at least ${type.min}, got ${n}`,
          field,
          { key, value: n, got: n, min: type.min, ruleKey: 'configAtLeast' },
        );
      }
      const max = intMax(key, type.max);
      if (n > max) {
        return fail('INVALID_CONFIG', `${field}: ${key} must be at most ${max}, got ${n}`, field, {
          key,
          value: n,
          got: n,
          max,
          ruleKey: 'configAtMost',
        });
      }
      return { ok: true, value: n };
    }
    case 'bool': {
      if (raw === true || raw === 'true') return { ok: true, value: true };
      if (raw === false || raw === 'false') return { ok: true, value: false };
      return fail(
        'INVALID_CONFIG',
        `${field}: ${key} must be true or false, got ${show(raw)}`,
        field,
        { key, value: show(raw), got: show(raw), ruleKey: 'configTrueFalse' },
      );
    }
    case 'enum':
    case 'list': {
      const s = typeof raw === 'number' ? String(raw) : raw;
      if (typeof s !== 'string' || !type.values.includes(s)) {
        return fail(
          'INVALID_CONFIG',
          `${field}: ${key} must be one of ${type.values.join(', ')}, got ${show(raw)}`,
          field,
          {
            key,
            value: show(raw),
            got: show(raw),
            allowed: type.values.join(', '),
            ruleKey: 'configOneOf',
          },
        );
      }
      // acks=-1 is the same as acks=all.
      return { ok: true, value: key === 'acks' && s === '-1' ? 'all' : s };
    }
  }
}

function show(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : String(v);
}

function fail(
  code: string,
  message: string,
  field: string,
  params: Record<string, string | number>,
): ConfigCheck {
  return { ok: false, error: { code, message, field, params } };
}
