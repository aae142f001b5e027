// Where the model knowingly departs from Kafka, one key each. The view lists the keys; the app,
// the CLI and docs/engine.md say each one in words (i18n `simplifications.<key>`).
export const SIMPLIFICATIONS = [
  'quorum-timing',
  'broker-observers',
  'zookeeper-model',
  'offsets-topic-records',
  'one-batch-in-flight',
  'not-modelled-features',
  'string-records',
  'minimum-hop',
] as const;

export type SimplificationKey = (typeof SIMPLIFICATIONS)[number];

/** The departures that apply to a world, by who keeps its metadata (cluster.metadata). */
export function simplificationsOf(mode: 'kraft' | 'zookeeper'): SimplificationKey[] {
  const notHere: SimplificationKey[] =
    mode === 'kraft'
      ? ['zookeeper-model']
      : // In ZooKeeper mode brokers learn metadata from the controller's messages, as in Kafka.
        ['quorum-timing', 'broker-observers'];
  return SIMPLIFICATIONS.filter((k) => !notHere.includes(k));
}
