// Who keeps the metadata (design.md 3.10): the view's `metadata` is a KRaft quorum or a ZooKeeper
// ensemble. The scene and the inspector draw each in its own way; these pick the one they draw.
import type { ClusterView, MetadataView, ZooKeeperView } from '../engine';

type Metadata = ClusterView['metadata'] | null | undefined;

/** The KRaft controller quorum, or null (no quorum, or ZooKeeper mode). */
export function kraftOf(metadata: Metadata): MetadataView | null {
  return metadata?.mode === 'kraft' ? metadata : null;
}

/** The ZooKeeper ensemble, or null (KRaft or no quorum). */
export function zookeeperOf(metadata: Metadata): ZooKeeperView | null {
  return metadata?.mode === 'zookeeper' ? metadata : null;
}
