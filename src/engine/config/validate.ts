// Check one config value against its definition and normalise it (numbers from strings, etc.).
import type { ConfigValue, EngineError } from '../types';
import { findConfigDefinition, type ConfigScope } from './definitions';

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
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isInteger(n)) {
        return fail(
          'INVALID_CONFIG',
          `${field}: ${key} must be a whole number, got ${show(raw)}`,
          field,
          { key, value: show(raw) },
        );
      }
      if (type.min !== undefined && n < type.min) {
        return fail(
          'INVALID_CONFIG',
          `${field}: ${key} must be at least ${type.min}, got ${n}`,
          field,
          { key, value: n, min: type.min },
        );
      }
      if (type.max !== undefined && n > type.max) {
        return fail(
          'INVALID_CONFIG',
          `${field}: ${key} must be at most ${type.max}, got ${n}`,
          field,
          { key, value: n, max: type.max },
        );
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
        { key, value: show(raw) },
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
            allowed: type.values.join(', '),
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
