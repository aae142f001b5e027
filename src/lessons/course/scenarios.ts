// Builders for the lessons' starting worlds. Every lesson starts from a small classroom-preset
// cluster of 3 brokers (readable on a projector), some with a KRaft quorum of 3 controllers or a
// ZooKeeper ensemble of 3 servers; these keep the scenarios short and alike.
import type { ConfigMap, GroupSpec, ProducerSpec, Scenario, TopicSpec } from '../../engine';

/** Replica lists for 3 partitions on brokers 1-3, preferred leaders 1, 2, 3. */
export const LEADERS_1_2_3 = [
  [1, 2, 3],
  [2, 3, 1],
  [3, 1, 2],
];
/** Replica lists for 3 partitions on brokers 1-3, preferred leaders 2, 3, 1. */
export const LEADERS_2_3_1 = [
  [2, 3, 1],
  [3, 1, 2],
  [1, 2, 3],
];

/** A classroom scenario with 3 brokers (broker configs optional). */
export function classroom(
  seed: number,
  title: string,
  world: Pick<Scenario, 'topics' | 'producers' | 'groups' | 'actions'> & {
    brokerConfig?: ConfigMap;
  },
): Scenario {
  const { brokerConfig, ...rest } = world;
  return {
    version: 1,
    seed,
    preset: 'classroom',
    title,
    cluster: brokerConfig ? { brokers: 3, config: brokerConfig } : { brokers: 3 },
    ...rest,
  };
}

/**
 * The classroom scenario with a KRaft quorum of 3 dedicated controllers (1001-1003), drawn as a
 * row above the brokers (`cluster.metadata`).
 */
export function kraftClassroom(
  seed: number,
  title: string,
  world: Parameters<typeof classroom>[2],
): Scenario {
  const s = classroom(seed, title, world);
  return { ...s, cluster: { ...s.cluster, metadata: { mode: 'kraft', controllers: 3 } } };
}

/**
 * The classroom scenario with a ZooKeeper ensemble of 3 servers (zk-1 to zk-3) keeping the
 * metadata, as in Kafka up to 3.x (`cluster.metadata`): broker 1 is the controller at the start.
 */
export function zookeeperClassroom(
  seed: number,
  title: string,
  world: Parameters<typeof classroom>[2],
): Scenario {
  const s = classroom(seed, title, world);
  return { ...s, cluster: { ...s.cluster, metadata: { mode: 'zookeeper', ensemble: 3 } } };
}

/** A topic with a replica on every broker. */
export function topic(
  name: string,
  partitions: number,
  extra: Pick<TopicSpec, 'config' | 'assignment'> = {},
): TopicSpec {
  return { name, partitions, replicationFactor: 3, ...extra };
}

/** A producer writing at a steady rate; `keys: null` sends records without a key. */
export function producer(
  id: string,
  topicName: string,
  ratePerSec: number,
  keys: string[] | null,
  config: ConfigMap = { acks: 'all' },
): ProducerSpec {
  return { id, topic: topicName, ratePerSec, keys, config };
}

/** A consumer group reading from the earliest offset (so nothing written before it is missed). */
export function group(
  id: string,
  topicName: string,
  consumers: number,
  config: ConfigMap = {},
): GroupSpec {
  return {
    id,
    topics: [topicName],
    consumers,
    config: { 'auto.offset.reset': 'earliest', ...config },
  };
}
