// Where the model knowingly departs from Kafka, one key each. The view lists the keys; the app,
// the CLI and docs/engine.md say each one in words (i18n `simplifications.<key>`).
export const SIMPLIFICATIONS = [
  'controller-quorum',
  'quorum-timing',
  'metadata-by-message',
  'offsets-topic-records',
  'one-batch-in-flight',
  'not-modelled-features',
  'string-records',
  'minimum-hop',
] as const;

export type SimplificationKey = (typeof SIMPLIFICATIONS)[number];

/** The departures that apply to a world: with or without a KRaft quorum (cluster.metadata). */
export function simplificationsOf(hasQuorum: boolean): SimplificationKey[] {
  const notHere: SimplificationKey = hasQuorum ? 'controller-quorum' : 'quorum-timing';
  return SIMPLIFICATIONS.filter((k) => k !== notHere);
}
