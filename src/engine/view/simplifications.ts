// Where the model knowingly departs from Kafka, one key each. The view lists the keys; the app,
// the CLI and docs/engine.md say each one in words (i18n `simplifications.<key>`).
export const SIMPLIFICATIONS = [
  'controller-quorum',
  'metadata-by-message',
  'offsets-topic-records',
  'one-batch-in-flight',
  'not-modelled-features',
  'string-records',
  'minimum-hop',
] as const;

export type SimplificationKey = (typeof SIMPLIFICATIONS)[number];
