// Checks a Chinese catalogue against the glossary: no avoided word for a concept, and the
// glossary's term wherever the English text of the same key names the concept.
import type { Term } from '../../src/i18n/glossary';

type Tree = { [key: string]: string | Tree };

/** Every text of a catalogue, by its dotted key. */
export function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/**
 * The text without what is never translated: placeholders, config keys (min.insync.replicas),
 * internal topics (__consumer_offsets), error names (NOT_ENOUGH_REPLICAS), enum values
 * (read_committed), protocol API names (LeaveGroup) and znode paths (/brokers/ids).
 */
export function withoutKafkaNames(text: string): string {
  return (
    text
      .replace(/\{\{\w+\}\}/g, ' ')
      .replace(/(\/[\w.-]+)+/g, ' ')
      .replace(/\b[\w-]+(\.[\w-]+)+(\(\))?/g, ' ')
      .replace(/\b__\w+/g, ' ')
      .replace(/\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\b/g, ' ')
      .replace(/\b[a-z]+(_[a-z]+)+\b/g, ' ')
      .replace(/\b(JoinGroup|SyncGroup|LeaveGroup)\b/g, ' ')
      // A command's name (npm run broker), not the concept.
      .replace(/\bnpm run [\w-]+/g, ' ')
  );
}

function without(text: string, phrases: string[] = []): string {
  return phrases.reduce((rest, phrase) => rest.split(phrase).join(' '), text);
}

/** One line per problem: the key, what is wrong, and what the glossary says instead. */
export function glossaryProblems(
  english: Map<string, string>,
  chinese: Map<string, string>,
  glossary: Term[],
): string[] {
  const problems: string[] = [];
  for (const [key, zhText] of chinese) {
    const zh = withoutKafkaNames(zhText);
    const en = withoutKafkaNames(english.get(key) ?? '');
    for (const term of glossary) {
      const explained = without(zh, term.glosses);
      for (const word of term.avoid ?? [])
        if (explained.includes(word))
          problems.push(`${key}: "${word}" for ${term.en}; the glossary says ${term.zh}`);
      if (!term.english) continue;
      const named = term.exceptEnglish ? en.replace(term.exceptEnglish, ' ') : en;
      if (!term.english.test(named)) continue;
      const found = term.anyCase
        ? zh.toLowerCase().includes(term.zh.toLowerCase())
        : zh.includes(term.zh);
      if (!found)
        problems.push(`${key}: the English names ${term.en}, the Chinese lacks ${term.zh}`);
    }
  }
  return problems;
}
