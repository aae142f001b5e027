// How the engine names things: network nodes ("broker:1", "consumer:g-1") and partitions
// ("orders-0", the key of every per-partition map). One helper each, used everywhere.
import type { NodeId } from '../types';

const brokerNodes: NodeId[] = [];

/** The node of broker `id` (one string per broker, made once). */
export const brokerNode = (id: number): NodeId => (brokerNodes[id] ??= `broker:${id}`);
/** A dedicated KRaft controller node (ids 1001..), as Kafka numbers them by default. */
export const controllerNode = (id: number): NodeId => `controller:${id}`;
/** Where controller `id` runs: a dedicated controller node, or a broker (ZooKeeper mode). */
export const controllerHostNode = (id: number): NodeId =>
  id > 1000 ? controllerNode(id) : brokerNode(id);
/** A ZooKeeper server of the ensemble (ZooKeeper mode), numbered 1.. as in zoo.cfg's server.N. */
export const zkNode = (id: number): NodeId => `zk:${id}`;
export const producerNode = (id: string): NodeId => `producer:${id}`;
export const consumerNode = (id: string): NodeId => `consumer:${id}`;
/** A real client's connection (client/external.ts), named by the gateway. */
export const externalNode = (conn: string): NodeId => `external:${conn}`;
/** Whether `node` is a real client's connection. */
export const isExternalNode = (node: NodeId): boolean => node.startsWith('external:');

/** The broker id of a "broker:N" node. */
export function brokerIdOf(node: NodeId): number {
  return Number(node.slice(node.indexOf(':') + 1));
}

/** The client id of a "producer:ID" or "consumer:ID" node. */
export function clientIdOf(node: NodeId): string {
  return node.slice(node.indexOf(':') + 1);
}

/** Partition keys made so far, per topic: each key string is built (and hashed) once. */
const keysByTopic = new Map<string, string[]>();

/** The key of a partition in per-partition maps: "topic-N", as Kafka writes a TopicPartition. */
export function tpKey(topic: string, partition: number): string {
  let keys = keysByTopic.get(topic);
  if (keys === undefined) keysByTopic.set(topic, (keys = []));
  return (keys[partition] ??= `${topic}-${partition}`);
}

const parsedKeys = new Map<string, { readonly topic: string; readonly partition: number }>();

/** The topic and partition of a "topic-N" key (topic names may contain '-'). Do not modify. */
export function parseTp(key: string): { readonly topic: string; readonly partition: number } {
  let parsed = parsedKeys.get(key);
  if (parsed === undefined) {
    const dash = key.lastIndexOf('-');
    parsed = { topic: key.slice(0, dash), partition: Number(key.slice(dash + 1)) };
    parsedKeys.set(key, parsed);
  }
  return parsed;
}
