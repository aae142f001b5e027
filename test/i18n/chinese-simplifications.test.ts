// The About dialog lists the simplifications in Chinese; an English word left in one (not a
// config key, error name or glossary term) is caught here, before the slower browser check in
// test/e2e/i18n-scenarios.spec.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { SIMPLIFICATIONS } from '../../src/engine';
import { CATALOGUES } from '../../src/i18n';
import { englishLeftovers } from '../e2e/english';

it('every simplification reads as Chinese in zh-CN', () => {
  const texts: Record<string, string> = CATALOGUES['zh-CN'].simplifications;
  expect(
    englishLeftovers(
      SIMPLIFICATIONS.map((key) => texts[key]),
      [],
    ),
  ).toEqual([]);
});

it('every reason text reads as Chinese in zh-CN (placeholders aside)', () => {
  const texts: Record<string, string> = CATALOGUES['zh-CN'].reasons;
  const sentences = Object.values(texts).map((t) => t.replace(/\{\{[^}]*\}\}/g, ' '));
  expect(englishLeftovers(sentences, [])).toEqual([]);
});

/** Every string in a catalogue section tree, placeholders blanked. */
function allStrings(node: unknown): string[] {
  if (typeof node === 'string') return [node.replace(/\{\{[^}]*\}\}/g, ' ')];
  if (node && typeof node === 'object') return Object.values(node).flatMap(allStrings);
  return [];
}

/** Names the built-in scenarios give to things (topics, clients, keys): data, not English. */
function scenarioNames(): string[] {
  const dir = new URL('../../src/scenario/examples/', import.meta.url);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => allStrings(JSON.parse(readFileSync(new URL(file, dir), 'utf8'))))
    .filter((value) => /^[a-z][\w-]*$/.test(value));
}

/** Identifiers a teacher writes as they are: CLI flags, calls, class and field names, JSON. */
const IDENTIFIERS = [
  /--[a-z-]+( brokers\b)?/g, // kafka-configs --entity-type brokers
  /\bretries\b/g,
  /\b[A-Z][a-z]+([A-Z][a-z]+)+\b/g, // RoundRobinPartitioner, OffsetsForLeaderEpoch
  /\b[a-z]+([A-Z][a-z]+)+\b/g, // ratePerSec, brokerId
  /\bnull\b/g,
  /\bbase64\b/g, // an encoding's name
  /\bKafkaJS\b/g, // a client library's name
  /\bNode\.js\b/g, // a runtime's name
  /\bnpm run [\w-]+/g, // a command
  /\?engine=|\bwss?:\/\//g, // an address's parts
  /\{[^{}]*\}/g, // a JSON example such as { "type": "killBroker", "brokerId": 2 }
];

it('every text in the zh-CN catalogue reads as Chinese (placeholders aside)', () => {
  const texts = allStrings(CATALOGUES['zh-CN']).map((text) =>
    IDENTIFIERS.reduce((rest, pattern) => rest.replace(pattern, ' '), text),
  );
  expect(englishLeftovers(texts, scenarioNames())).toEqual([]);
});
