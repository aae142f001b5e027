// JSON with a fixed key order, so the output does not depend on the order in which the engine
// happened to build its objects: `t` and `type` first (events read naturally), then the other
// keys alphabetically. Array order is kept: it carries meaning.

export function stableStringify(value: unknown): string {
  return JSON.stringify(ordered(value));
}

/** { seed, until, events, view } with one event per line, so runs can be diffed line by line. */
export function stableRunJson(run: {
  seed: number;
  until: number;
  events: readonly unknown[];
  view: unknown;
}): string {
  const events = run.events.length ? `[\n${run.events.map(stableStringify).join(',\n')}\n]` : '[]';
  return `{"seed":${stableStringify(run.seed)},"until":${stableStringify(run.until)},"events":${events},"view":${stableStringify(run.view)}}\n`;
}

const FIRST_KEYS = ['t', 'type'];

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = ordered((value as Record<string, unknown>)[key]);
  return out;
}

function rank(key: string): number {
  const i = FIRST_KEYS.indexOf(key);
  return i < 0 ? FIRST_KEYS.length : i;
}
