// The simulator's own limits: every scenario or command value that scales the work the engine
// (and the scene that draws it) must do has a ceiling here, with the reason for its number.
// Kafka itself allows far more; a browser tab does not. The yardstick is the UI's big-scene
// budget (design.md 5, src/scenario/big.ts): 50 brokers, 500 partitions and 20 groups x 20
// consumers must stay drawable and smooth. Most limits are twice that, so the big scene fits
// with room to grow but a typo (1e9 partitions) is refused with a clear error instead of
// freezing the tab. docs/engine.md lists them.

export const LIMITS = {
  /** Brokers in the cluster (scenario and addBroker): twice the big scene's 50. */
  brokers: 100,
  /** Voters of a KRaft controller quorum (cluster.metadata.controllers). */
  controllers: 9,
  /** Servers of a ZooKeeper ensemble (cluster.metadata.ensemble). */
  zookeeperNodes: 9,
  /** Partitions of one topic (createTopic, addPartitions, num.partitions,
   * offsets.topic.num.partitions): twice the big scene's 500 in one topic at most. */
  partitionsPerTopic: 1000,
  /** Partitions of all user topics together: twice the big scene's 500. (__consumer_offsets is
   * counted by partitionsPerTopic alone: it is created once, by the cluster.) */
  partitions: 1000,
  /** Consumers in one group: the big scene's 400 consumers all in one group. */
  consumersPerGroup: 400,
  /** Consumers in the cluster: twice the big scene's 400. */
  consumers: 800,
  /** Consumer groups: ten times the big scene's 20 (a group with no consumers costs little). */
  groups: 200,
  /** Producers: each sends on its own timers; four per broker of the largest cluster. */
  producers: 200,
  /** Records per second one producer generates. At 1,000/s a record leaves every millisecond,
   * already a blur on screen; more only multiplies the events per simulated instant. */
  ratePerSec: 1000,
  /** Network latency and jitter (ms): ten seconds is slower than any network worth showing,
   * and keeps every delivery time a safe integer however long a session runs. */
  latencyMs: 10_000,
  jitterMs: 10_000,
  /** Characters in a producer, group, consumer or rack name: Kafka's topic-name limit (249),
   * so every name fits the same labels. (Topic names have Kafka's own rule.) */
  nameLength: 249,
  /** Keys a producer cycles through: more than the scene can tell apart. */
  keys: 1000,
  /** Characters in one record key or value typed into a produce command. */
  recordChars: 10_000,
} as const;

export type LimitName = keyof typeof LIMITS;
