// Finding English left in the Chinese UI. What is data (names of topics, clients, groups and
// keys, record values), Kafka's own identifiers (config keys, error names, assignor names) and
// the glossary's Latin terms (Broker, Leader, ISR...) is not English to translate.
import type { ClusterView } from '../../src/engine';
import { LATIN_TERMS } from '../../src/i18n/glossary';

/** Member ids (billing-1-4f81ebd8): taken out first, before the consumer id inside them. */
const MEMBER_ID = /\b[\w-]+-[0-9a-f]{8}\b/g;

const ALLOWED: RegExp[] = [
  /window\.__kafkaSim\.\w+\(\)/g,
  /\b(acks|all|true|false)\b/g, // config names and values without dots
  /Unclean\b/g, // a tag set right after a number, as in "epoch 3Unclean"
  /\b[a-z]+(\.[a-z]+)+(=\S+)?/g, // config keys and values: min.insync.replicas, acks=all
  /\backs=\w+/g,
  /\b[A-Z][A-Z_]{3,}\b/g, // Kafka error names
  /\b(range|roundrobin|sticky|cooperative-sticky|earliest|latest|none|delete|compact)\b/g,
  /__\w+/g, // internal topics: __consumer_offsets
  /\b[a-z]+(_[a-z]+)+\b/g, // enum values: read_committed
  /\b(KRaft|ZooKeeper|Apache Kafka|Kafka|LeaveGroup|JoinGroup|SyncGroup|AlterPartition)\b/g,
  /\b(LeaderAndIsr|UpdateMetadata|ControlledShutdown)\b/g, // the controller's requests in ZooKeeper mode
  /\b[A-Z][a-z]+(?:[A-Z][a-z]+)*Record\b/g, // __cluster_metadata's record names: RegisterBrokerRecord
  /\bKIP-\d+\b/g,
  /\bmurmur2\b/g, // the key hash's name
  /\bKafkaJS\b/g, // the client library the code lab runs
  /\b\w+(\.\w+)*\(\)/g, // client calls: poll(), KafkaConsumer.seek()
  /\bkafka-[a-z-]+\b( unregister\b)?/g, // Kafka's command-line tools: kafka-reassign-partitions
  /\b(ms|KB|KiB|MB|MiB)\b/g, // units
  /（(fence|quorum|controller|fenced)）/g, // the glossary's glosses after a Chinese term
  ...LATIN_TERMS.map((term) => new RegExp(`\\b${term.zh}\\b`, term.anyCase ? 'gi' : 'g')),
  /\bEnglish\b/g, // the language switch names each language in itself
  /\b[\w-]+#\d+\b/g, // record values the scenarios' producers write: checkout#12
  /\bB\d+\b/g, // broker short names on the scene
  /\b(consumer|producer|broker):[\w.-]+/g, // network node names in message tooltips
  // ZooKeeper's own identifiers: server names (zk-1), transaction ids and session ids in hex,
  // znode paths, the multi operation.
  /\bzk-\d*/g,
  /\b[cm]?zxid\b/g,
  /\b0x[0-9a-f]+\b/g,
  /(\/[\w.-]+)+/g,
  /\bmulti\b/g,
  /\b(kraft|zookeeper)\b/g, // the values of cluster.metadata.mode
];

/** The names a scenario gives to things: they are data, shown as written in every language. */
export function dataNames(v: ClusterView): string[] {
  return [
    ...v.topics.map((t) => t.name),
    ...v.producers.map((p) => p.id),
    ...v.groups.map((g) => g.id),
    ...v.consumers.map((c) => c.id),
    ...v.consumers.map((c) => c.memberId ?? ''),
    ...v.producers.flatMap((p) => p.keys ?? []),
  ].filter(Boolean);
}

/** For each text with English words left once data and identifiers are taken out: a line. */
export function englishLeftovers(texts: string[], data: string[]): string[] {
  const names = [...data].sort((a, b) => b.length - a.length);
  const leftovers: string[] = [];
  for (const text of texts) {
    let rest = text.replace(MEMBER_ID, ' ');
    for (const name of names) rest = rest.split(name).join(' ');
    for (const pattern of ALLOWED) rest = rest.replace(pattern, ' ');
    const english = rest.match(/[A-Za-z]{2,}/g);
    if (english) leftovers.push(`${english.join(' ')}  ⟵  ${text.slice(0, 100)}`);
  }
  return leftovers;
}
