// A large scene for the UI's big-scene benchmark (design.md 5: 50 brokers, 500 partitions,
// 20 groups x 20 consumers), loaded with window.__kafkaSim.load(bigScenario()).
import type { GroupSpec, ProducerSpec, Scenario, TopicSpec } from '../engine';

export interface BigScenarioOptions {
  brokers?: number;
  partitions?: number;
  groups?: number;
  consumersPerGroup?: number;
  seed?: number;
}

const TOPIC_NAMES = ['orders', 'payments', 'clicks', 'shipments', 'inventory'];
const KEYS = Array.from({ length: 24 }, (_, i) => `customer-${i + 1}`);

export function bigScenario(options: BigScenarioOptions = {}): Scenario {
  const { brokers = 50, partitions = 500, groups = 20, consumersPerGroup = 20, seed = 1 } = options;
  requireWhole('brokers', brokers, 1);
  requireWhole('partitions', partitions, 1);
  requireWhole('groups', groups, 0);
  requireWhole('consumersPerGroup', consumersPerGroup, 0);

  // A handful of topics share the partitions: the first ones take the remainder.
  const topicCount = Math.min(TOPIC_NAMES.length, partitions);
  const topics: TopicSpec[] = TOPIC_NAMES.slice(0, topicCount).map((name, i) => ({
    name,
    partitions: Math.floor(partitions / topicCount) + (i < partitions % topicCount ? 1 : 0),
    replicationFactor: Math.min(3, brokers),
    config: { 'min.insync.replicas': Math.min(2, brokers) },
  }));
  const producers: ProducerSpec[] = topics.map((topic) => ({
    id: `${topic.name}-producer`,
    topic: topic.name,
    ratePerSec: 20,
    keys: KEYS,
    config: { acks: 'all' },
  }));
  const groupSpecs: GroupSpec[] = Array.from({ length: groups }, (_, i) => ({
    id: `group-${String(i + 1).padStart(2, '0')}`,
    topics: [topics[i % topics.length].name],
    consumers: consumersPerGroup,
    config: { 'auto.offset.reset': 'earliest' },
  }));

  return {
    version: 1,
    title: `Big cluster: ${brokers} brokers, ${partitions} partitions, ${groups} groups of ${consumersPerGroup}`,
    description:
      'A large scene for measuring how the simulator copes: many brokers, partitions and consumers at once.',
    seed,
    preset: 'classroom',
    cluster: { brokers },
    topics,
    producers,
    groups: groupSpecs,
  };
}

function requireWhole(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`bigScenario: ${name} must be a whole number >= ${min}, got ${value}`);
  }
}
