// Every rule a scenario field can break, as a key with its numbers, so the page can say it in
// the learner's language (the catalogue's `rules` section) while the CLI keeps the English.
// The schema builds its zod messages with `ruleText`; issues.ts finds the rule again by that text.

export type RuleParams = Record<string, string | number>;

/** The English words of each rule; the catalogues translate the same keys. */
const ENGLISH = {
  wholeNumberAtLeast: (p) => `must be a whole number >= ${p.min}`,
  wholeNumberBetween: (p) => `must be a whole number from ${p.min} to ${p.max}`,
  numberAtLeastZero: () => 'must be a number >= 0',
  string: () => 'must be a string',
  boolean: () => 'must be true or false',
  nonEmptyString: () => 'must be a non-empty string',
  oneOf: (p) => `must be one of ${p.values}`,
  object: () => 'must be an object',
  list: () => 'must be a list',
  listOfTopicNames: () => 'must be a list of topic names',
  atLeastOneTopic: () => 'must name at least one topic',
  listOfBrokerIds: () => 'must be a list of broker ids',
  assignment: () => 'must be a list (one list of broker ids per partition)',
  listOfTopics: () => 'must be a list of topics',
  listOfProducers: () => 'must be a list of producers',
  listOfGroups: () => 'must be a list of consumer groups',
  listOfActions: () => 'must be a list of timed commands',
  listOfRacks: () => 'must be a list of rack names',
  topicName: () =>
    "must be 1 to 249 characters from letters, digits, '.', '_' and '-' (Kafka's rule for topic names), and not '.' or '..'",
  configValue: () => 'must be a string, a number or true/false',
  configMap: () => 'must be an object of Kafka config names and values',
  keys: () => 'must be null or a list of at least one key (strings)',
  resetTo: () => 'must be "earliest", "latest" or an offset (a whole number >= 0)',
  setConfigId: () => 'must be a broker id, or the name of a topic, producer, group or consumer',
  command: () => 'must be a command object such as { "type": "killBroker", "brokerId": 2 }',
  timedCommand: () =>
    'must be a command object such as { "at": 8000, "type": "killBroker", "brokerId": 2 }',
  version: () => 'must be 1 (the only scenario format version so far)',
  wrongTypeOrValue: () => 'has the wrong type or value',
  // Rules the engine checks itself (it names them by these keys too).
  idRequired: () => 'needs an id',
  reservedTopicName: () => 'must not start with "__" (names kept for Kafka\'s internal topics)',
  idCharacters: () => "may use letters, digits, '.', '_' and '-' only",
  stringOrNull: () => 'must be a string or null',
  base64: () => 'must be bytes in base64 (a record batch as a client sent it)',
  oneRackPerBroker: (p) => `must list one rack per broker (${p.brokers})`,
  combinedNeedsBrokers: (p) =>
    `combined placement runs controller N inside broker N: ${p.controllers} controllers need at least ${p.controllers} brokers, got ${p.brokers}`,
  configWholeNumber: () => 'must be a whole number',
  configAtLeast: (p) => `must be at least ${p.min}`,
  configAtMost: (p) => `must be at most ${p.max}`,
  configTrueFalse: () => 'must be true or false',
  configOneOf: (p) => `must be one of ${p.allowed}`,
  idempotenceNeeds: () =>
    'true needs acks=all, retries > 0 and max.in.flight.requests.per.connection <= 5',
  // The simulator's own limits (src/engine/limits.ts).
  numberBetween: (p) => `must be a number from ${p.min} to ${p.max}`,
  limitAtMost: (p) => `must be at most ${p.limit} (a limit of this simulator)`,
  limitChars: (p) => `must be at most ${p.limit} characters long (a limit of this simulator)`,
  limitItems: (p) => `must list at most ${p.limit} items (a limit of this simulator)`,
  limitBrokers: (p) => `would make ${p.total} brokers; this simulator allows at most ${p.limit}`,
  limitZooKeeperServers: (p) =>
    `would make ${p.total} ZooKeeper servers; this simulator allows at most ${p.limit}`,
  limitControllers: (p) =>
    `would make ${p.total} controllers; this simulator allows at most ${p.limit}`,
  limitPartitions: (p) =>
    `would make ${p.total} partitions in all topics; this simulator allows at most ${p.limit}`,
  limitConsumers: (p) =>
    `would make ${p.total} consumers; this simulator allows at most ${p.limit}`,
  limitConsumersPerGroup: (p) =>
    `would make ${p.total} consumers in the group; this simulator allows at most ${p.limit}`,
  limitProducers: (p) =>
    `would make ${p.total} producers; this simulator allows at most ${p.limit}`,
  limitGroups: (p) =>
    `would make ${p.total} consumer groups; this simulator allows at most ${p.limit}`,
} satisfies Record<string, (p: RuleParams) => string>;

export type RuleKey = keyof typeof ENGLISH;
export const RULE_KEYS = Object.keys(ENGLISH) as RuleKey[];

export interface Rule {
  key: RuleKey;
  params: RuleParams;
}

const byText = new Map<string, Rule>();

/** The rule's English words, remembered so that a failed check can name the rule by its key. */
export function ruleText(key: RuleKey, params: RuleParams = {}): string {
  const text = ENGLISH[key](params);
  byText.set(text, { key, params });
  return text;
}

/** The rule whose English words are `text`, if the schema made it with ruleText. */
export function ruleFor(text: string): Rule | undefined {
  return byText.get(text);
}
