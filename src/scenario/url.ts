// Share a scenario in a link: `#scenario=<lz-string>` in the URL fragment, so it never reaches
// a server. A command log recorded in the app travels as the scenario's own `actions` (they are
// the same thing: timed commands), so opening the link replays what the sender did.
import * as lzModule from 'lz-string';
import type { EngineError, Scenario, TimedCommand } from '../engine';
import { parseJson } from './json';
import { checkJsonTextLimits } from './limits';
import { parseScenario, type ParseResult } from './parse';

// lz-string is CommonJS with no named exports Node can detect: Node puts it under `default`,
// bundlers copy its functions onto the namespace. Take whichever is there.
const lz: typeof lzModule =
  (lzModule as unknown as { default?: typeof lzModule }).default ?? lzModule;

const KEY = 'scenario';

/**
 * The fragment (without '#') that carries `scenario`, plus `commandLog` if given: commands the
 * user ran, appended to the scenario's actions (by time; at equal times the scenario's go first).
 */
export function encodeScenarioForUrl(
  scenario: Scenario,
  commandLog: readonly TimedCommand[] = [],
): string {
  const shared = commandLog.length > 0 ? withCommandLog(scenario, commandLog) : scenario;
  return `${KEY}=${lz.compressToEncodedURIComponent(JSON.stringify(shared))}`;
}

/** The scenario in a fragment (or a whole URL), validated like parseScenario. */
export function decodeScenarioFromUrl(fragment: string): ParseResult {
  const payload = findPayload(fragment);
  if (payload === null) {
    return damaged('NO_SCENARIO_IN_LINK', 'this link has no scenario in it (no "#scenario=...")');
  }
  const text = decompress(payload);
  const limit = text ? checkJsonTextLimits(text) : null;
  if (limit) return { ok: false, errors: [limit] };
  const json = text ? parseJson(text) : null;
  if (!json?.ok) {
    return damaged(
      'DAMAGED_LINK',
      'this scenario link is damaged or incomplete: it may have been cut off when it was copied',
    );
  }
  return parseScenario(json.value);
}

/** The scenario with `log` merged into its actions, ordered by `at` (a stable sort). */
export function withCommandLog(scenario: Scenario, log: readonly TimedCommand[]): Scenario {
  const actions = [...(scenario.actions ?? []), ...log].sort((a, b) => a.at - b.at);
  return { ...scenario, actions };
}

function findPayload(fragment: string): string | null {
  const hash = fragment.indexOf('#');
  const afterHash = hash >= 0 ? fragment.slice(hash + 1) : fragment;
  // lz-string's alphabet has no '%': if there is one, a chat app or browser escaped the link.
  const unescaped = afterHash.includes('%') ? safeDecode(afterHash) : afterHash;
  // Split by hand: URLSearchParams would turn lz-string's '+' into a space.
  for (const part of unescaped.split('&')) {
    if (part.startsWith(`${KEY}=`)) return part.slice(KEY.length + 1);
  }
  return null;
}

function decompress(payload: string): string | null {
  try {
    return lz.decompressFromEncodedURIComponent(payload);
  } catch {
    return null;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function damaged(code: string, message: string): ParseResult {
  const error: EngineError = { code, message, field: 'url' };
  return { ok: false, errors: [error] };
}
