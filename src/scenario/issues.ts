// Turn zod issues into EngineErrors that name the field and the rule in plain English:
//   topics[0].replicationFactr is not a known field (did you mean "replicationFactor"?)
//   producers[0].ratePerSec must be a number >= 0, got "fast"
//   actions[2].type "explode" is not a command; expected one of addBroker, killBroker, ...
import { z } from 'zod';
import type { EngineError } from '../engine';
import { fieldPath, showValue, valueAt } from './format';
import { ruleFor, ruleText } from './rules';
import { closestMatch } from './suggest';

export function issuesToErrors(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  schema: z.ZodType,
): EngineError[] {
  return issues.flatMap((issue) => issueToErrors(issue, input, schema));
}

function issueToErrors(issue: z.core.$ZodIssue, input: unknown, schema: z.ZodType): EngineError[] {
  const field = fieldPath(issue.path);
  const value = valueAt(input, issue.path);

  if (issue.code === 'unrecognized_keys') {
    const known = knownFieldsAt(schema, input, issue.path);
    return issue.keys.map((key) => unknownField([...issue.path, key], key, known));
  }

  // zod reports an unmatched discriminator (the command `type`) as a union issue with options.
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    const options = (issue as { options?: unknown[] }).options ?? [];
    return [unknownCommand(field, value, options.map(String))];
  }

  const known = ruleFor(issue.message);
  const rule = known ? issue.message : ruleText('wrongTypeOrValue');
  // The rule by key and numbers, so the page can say it in the learner's language.
  const { key: ruleKey, params: ruleParams } = known ?? ruleFor(rule)!;
  const name = field || 'the scenario';
  if (value === undefined) {
    return [
      {
        code: 'MISSING_FIELD',
        message: `${name} is required and ${rule}`,
        field: name,
        params: { ...ruleParams, field: name, rule, ruleKey },
      },
    ];
  }
  return [
    {
      code: 'INVALID_VALUE',
      message: `${name} ${rule}, got ${showValue(value)}`,
      field: name,
      params: { ...ruleParams, field: name, rule, ruleKey, got: showValue(value) },
    },
  ];
}

function unknownField(path: PropertyKey[], key: string, known: string[]): EngineError {
  const field = fieldPath(path);
  const guess = closestMatch(key, known);
  const hint = guess
    ? ` (did you mean "${guess}"?)`
    : known.length > 0
      ? `; known fields here: ${known.join(', ')}`
      : '';
  return {
    code: 'UNKNOWN_FIELD',
    message: `${field} is not a known field${hint}`,
    field,
    params: { field, key, ...(guess ? { suggestion: guess } : {}) },
  };
}

function unknownCommand(field: string, value: unknown, types: string[]): EngineError {
  if (value === undefined) {
    return {
      code: 'MISSING_FIELD',
      message: `${field} is required: the command to run (one of ${types.join(', ')})`,
      field,
      params: { field, ruleKey: 'command', rule: ruleText('command') },
    };
  }
  const guess = typeof value === 'string' ? closestMatch(value, types) : undefined;
  const hint = guess ? `; did you mean "${guess}"?` : `; expected one of ${types.join(', ')}`;
  return {
    code: 'UNKNOWN_COMMAND',
    message: `${field} ${showValue(value)} is not a command${hint}`,
    field,
    params: { field, got: showValue(value), ...(guess ? { suggestion: guess } : {}) },
  };
}

/**
 * The field names the schema allows for the object at `path`, found by walking the schema
 * alongside the input (a discriminated union picks its option by the input's `type`).
 */
export function knownFieldsAt(
  schema: z.ZodType,
  input: unknown,
  path: readonly PropertyKey[],
): string[] {
  let here: z.ZodType | undefined = schema;
  let data: unknown = input;
  for (let step = 0; here;) {
    if (here instanceof z.ZodOptional || here instanceof z.ZodNullable) {
      here = here.unwrap() as z.ZodType;
    } else if (here instanceof z.ZodDiscriminatedUnion) {
      here = optionFor(here, data);
    } else if (step === path.length) {
      return here instanceof z.ZodObject ? Object.keys(here.shape) : [];
    } else if (here instanceof z.ZodObject) {
      here = here.shape[String(path[step])] as z.ZodType | undefined;
      data = valueAt(data, [path[step++]]);
    } else if (here instanceof z.ZodArray) {
      here = here.element as z.ZodType;
      data = valueAt(data, [path[step++]]);
    } else {
      return [];
    }
  }
  return [];
}

function optionFor(union: z.ZodDiscriminatedUnion, data: unknown): z.ZodType | undefined {
  const key = union.def.discriminator;
  const tag = valueAt(data, [key]);
  return (union.options as z.ZodType[]).find((option) => {
    if (!(option instanceof z.ZodObject)) return false;
    const literal = option.shape[key];
    return literal instanceof z.ZodLiteral && literal.values.has(tag as never);
  });
}
