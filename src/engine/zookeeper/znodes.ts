// Where Kafka (up to 3.x) keeps its metadata in ZooKeeper, and the znode operations that stand
// for each metadata record the controller writes. Paths and data formats are Kafka's
// (KafkaZkClient / ZkData): /brokers/ids/N, /controller, /controller_epoch,
// /brokers/topics/T (the assignment), /brokers/topics/T/partitions/P/state (leader and ISR), and
// dynamic configs at /config/topics/T and /config/brokers/N (or <default>), each change announced
// by a sequential /config/changes/config_change_N.
import { configEntriesOf, type ConfigRecord, type MetadataRecord } from '../controller/records';
import { tpKey } from '../sim/ids';
import type { World } from '../sim/world';
import type { ZkOp } from './state';
import { ANY_VERSION } from './tree';

export const BROKER_IDS = '/brokers/ids';
export const CONTROLLER = '/controller';
export const CONTROLLER_EPOCH = '/controller_epoch';
export const TOPICS = '/brokers/topics';

export const brokerPath = (id: number): string => `${BROKER_IDS}/${id}`;
const topicPath = (topic: string): string => `${TOPICS}/${topic}`;
const partitionsPath = (topic: string): string => `${topicPath(topic)}/partitions`;
const partitionPath = (topic: string, p: number): string => `${partitionsPath(topic)}/${p}`;
const statePath = (topic: string, p: number): string => `${partitionPath(topic, p)}/state`;

const CONFIG_TOPICS = '/config/topics';
const CONFIG_BROKERS = '/config/brokers';
const CONFIG_CHANGES = '/config/changes';

/** The persistent paths every Kafka cluster has (KafkaZkClient.createTopLevelPaths). */
export const TOP_LEVEL_PATHS = [
  '/brokers',
  BROKER_IDS,
  TOPICS,
  '/admin',
  '/config',
  CONFIG_TOPICS,
  CONFIG_BROKERS,
  CONFIG_CHANGES,
];

/** Where a resource's dynamic configs live (the default broker resource is "<default>"). */
export function configPath(resourceType: ConfigRecord['resourceType'], name: string): string {
  if (resourceType === 'TOPIC') return `${CONFIG_TOPICS}/${name}`;
  return `${CONFIG_BROKERS}/${name === '' ? '<default>' : name}`;
}

/** A config znode's JSON: the resource's dynamic configs, values as strings (ConfigEntityZNode). */
function configData(
  world: World,
  resourceType: ConfigRecord['resourceType'],
  name: string,
): string {
  const config: Record<string, string> = {};
  const entries = configEntriesOf(world, resourceType, name) ?? {};
  for (const key of Object.keys(entries).sort()) config[key] = String(entries[key].value);
  return JSON.stringify({ version: 1, config });
}

/** The notification brokers watch for (ConfigEntityChangeNotificationSequenceZNode). */
function configChange(resourceType: ConfigRecord['resourceType'], name: string): ZkOp {
  const entity = configPath(resourceType, name).slice('/config/'.length);
  return {
    op: 'create',
    path: `${CONFIG_CHANGES}/config_change_`,
    data: JSON.stringify({ version: 2, entity_path: entity }),
    mode: 'PERSISTENT_SEQUENTIAL',
  };
}

export function brokerData(id: number): string {
  return JSON.stringify({
    version: 5,
    host: `broker-${id}`,
    port: 9092,
    endpoints: [`PLAINTEXT://broker-${id}:9092`],
  });
}

export const controllerData = (brokerId: number): string =>
  JSON.stringify({ version: 2, brokerid: brokerId });

/** The partition state znode's JSON (TopicPartitionStateZNode). */
function stateData(world: World, topic: string, partition: number): string {
  const p = world.controller.partitions[tpKey(topic, partition)];
  return JSON.stringify({
    controller_epoch: world.controller.epoch,
    leader: p?.leader ?? -1,
    version: 1,
    leader_epoch: p?.leaderEpoch ?? 0,
    isr: p?.isr ?? [],
  });
}

/** The topic znode's JSON: the assignment, partition -> replicas (TopicZNode). */
function topicData(world: World, topic: string): string {
  const partitions: Record<string, number[]> = {};
  const t = world.topics[topic];
  for (let i = 0; i < (t?.numPartitions ?? 0); i++)
    partitions[i] = world.controller.partitions[tpKey(topic, i)]?.replicas ?? [];
  return JSON.stringify({ version: 3, partitions });
}

/**
 * The znode writes for one record, made after it is replayed (so they read the new image).
 * Broker registration and fencing write nothing: in ZooKeeper mode a broker registers itself
 * (its ephemeral znode), and which brokers are live is the controller's own knowledge. Kafka's
 * admin client writes a new topic's assignment (and its config znode) and the controller then its
 * partition states; here the controller writes them all. A config change is written the same way
 * (Kafka's admin client writes it); `configExists` says whether the resource's config znode is
 * there already (or on its way), so that it is created once and set after that.
 */
export function opsForRecord(
  world: World,
  record: MetadataRecord,
  configExists: (path: string) => boolean,
): ZkOp[] {
  const create = (path: string, data: string): ZkOp => ({
    op: 'create',
    path,
    data,
    mode: 'PERSISTENT',
  });
  const set = (path: string, data: string): ZkOp => ({
    op: 'setData',
    path,
    data,
    version: ANY_VERSION,
  });
  switch (record.type) {
    case 'TopicRecord':
      return [
        create(configPath('TOPIC', record.name), configData(world, 'TOPIC', record.name)),
        create(topicPath(record.name), topicData(world, record.name)),
        create(partitionsPath(record.name), ''),
      ];
    case 'ConfigRecord': {
      const { resourceType: type, resourceName: name } = record;
      const path = configPath(type, name);
      const data = configData(world, type, name);
      return [configExists(path) ? set(path, data) : create(path, data), configChange(type, name)];
    }
    case 'PartitionRecord':
      return [
        set(topicPath(record.topic), topicData(world, record.topic)),
        create(partitionPath(record.topic, record.partition), ''),
        create(
          statePath(record.topic, record.partition),
          stateData(world, record.topic, record.partition),
        ),
      ];
    case 'PartitionChangeRecord': {
      const ops = [
        set(
          statePath(record.topic, record.partition),
          stateData(world, record.topic, record.partition),
        ),
      ];
      // A reassignment changes the replica set too.
      if (record.replicas) ops.push(set(topicPath(record.topic), topicData(world, record.topic)));
      return ops;
    }
    default:
      return [];
  }
}

/** Deleting a topic: its partition znodes, deepest first, then the topic (read before replay). */
export function opsForTopicRemoval(world: World, topic: string): ZkOp[] {
  const del = (path: string): ZkOp => ({ op: 'delete', path, version: ANY_VERSION });
  const ops: ZkOp[] = [];
  for (let i = 0; i < (world.topics[topic]?.numPartitions ?? 0); i++)
    ops.push(del(statePath(topic, i)), del(partitionPath(topic, i)));
  ops.push(del(partitionsPath(topic)), del(topicPath(topic)), del(configPath('TOPIC', topic)));
  return ops;
}

/** Every znode of the metadata as it stands (the ensemble's past, when the world is built). */
export function opsForImage(world: World): ZkOp[] {
  const ops: ZkOp[] = [];
  for (const name of Object.keys(world.topics).sort()) {
    const t = world.topics[name];
    ops.push(
      {
        op: 'create',
        path: configPath('TOPIC', name),
        data: configData(world, 'TOPIC', name),
        mode: 'PERSISTENT',
      },
      { op: 'create', path: topicPath(name), data: topicData(world, name), mode: 'PERSISTENT' },
      { op: 'create', path: partitionsPath(name), data: '', mode: 'PERSISTENT' },
    );
    for (let i = 0; i < t.numPartitions; i++)
      ops.push(
        { op: 'create', path: partitionPath(name, i), data: '', mode: 'PERSISTENT' },
        {
          op: 'create',
          path: statePath(name, i),
          data: stateData(world, name, i),
          mode: 'PERSISTENT',
        },
      );
  }
  return ops;
}
