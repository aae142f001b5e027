// Why something happened, as a typed code with its facts: events and views carry these, never
// English sentences. The app and the CLI turn a reason into words through the i18n catalogues
// (`reasons.<code>`, with the other fields as parameters), so every code needs a text in each
// language; test/app/reasons.test.ts checks that against REASON_CODES.

/** Why a partition's leader or ISR changed (partition.leader-elected, isr.shrunk). */
export type PartitionChangeReason =
  | { code: 'new-partition' }
  /** The leader's broker was fenced (its session expired): another replica takes over. */
  | { code: 'leader-failed'; brokerId: number }
  /** A broker asked to shut down: the controller moves its leaderships first. */
  | { code: 'controlled-shutdown'; brokerId: number }
  /** ZooKeeper mode: the broker's session expired (onBrokerFailure), as leader or follower. */
  | { code: 'broker-offline'; brokerId: number }
  /** A follower's broker was fenced, so it leaves the ISR. */
  | { code: 'broker-fenced'; brokerId: number }
  /** The leader dropped a follower that was not caught up for replica.lag.time.max.ms. */
  | { code: 'follower-lagging'; brokerId: number; lagMs: number; maxLagMs: number }
  | { code: 'preferred-leader' }
  /** A replica that may lead came back for a partition that had no leader. */
  | { code: 'offline-recovered' }
  /** A reassignment finished and the old leader is not in the new replica set. */
  | { code: 'reassignment'; brokerId: number };

/** Why a group started a rebalance (group.rebalance-started). */
export type RebalanceReason =
  | { code: 'member-joined'; consumerId: string; memberId: string }
  | { code: 'member-rejoined'; consumerId: string; memberId: string }
  | { code: 'member-left'; consumerId: string; memberId: string }
  | { code: 'member-session-timeout'; consumerId: string; memberId: string }
  /** The group's coordinator moved to another broker mid-rebalance: it starts over there. */
  | { code: 'coordinator-moved'; coordinator: number }
  | { code: 'members-missed-sync'; consumerIds: string[] };

/** Why the controller fenced a broker (broker.fenced). */
export type FenceReason =
  | { code: 'broker-session-timeout' }
  | { code: 'controlled-shutdown' }
  /** ZooKeeper mode: the broker's ephemeral /brokers/ids/N went with its expired session. */
  | { code: 'zookeeper-session-expired' };

/** Why a consumer left its group without LeaveGroup (consumer.failed). */
export type ConsumerFailReason =
  | { code: 'process-crashed' }
  | { code: 'member-session-timeout'; consumerId: string; memberId: string };

/** Why a consumer's position was set without a committed offset (offset.reset). */
export type OffsetResetReason =
  | { code: 'auto-offset-reset'; policy: 'earliest' | 'latest' }
  /** KIP-320: the log was truncated below position `from`; resume where the logs diverge. */
  | { code: 'log-truncation'; from: number }
  /** The application called seek(): the position moves, nothing is committed. */
  | { code: 'seek' };

/** Why a broker deleted old segments (log.retention-deleted). */
export type RetentionReason =
  | { code: 'retention-ms'; retentionMs: number }
  | { code: 'retention-bytes'; retentionBytes: number };

/** Why a producer took in new metadata (producer.metadata-refreshed). */
export type MetadataRefreshReason = { code: 'startup' } | { code: 'leaders-changed' };

/** Why the controller created a topic that nobody created by hand (topic.created). */
export type TopicCreateReason = { code: 'auto-create-topics'; clientId: string };

/** Why a message never arrived (net.dropped). */
export type DropReason = { code: 'link-isolated' } | { code: 'node-down' };

/** Why a real client's connection closed (external.closed). */
export type ExternalCloseReason = { code: 'client-closed' } | { code: 'broker-reset' };

export type Reason =
  | PartitionChangeReason
  | RebalanceReason
  | FenceReason
  | ConsumerFailReason
  | OffsetResetReason
  | RetentionReason
  | MetadataRefreshReason
  | TopicCreateReason
  | DropReason
  | ExternalCloseReason;

export type ReasonCode = Reason['code'];

/** Every reason code, for the catalogue check. */
export const REASON_CODES = [
  'new-partition',
  'leader-failed',
  'controlled-shutdown',
  'zookeeper-session-expired',
  'broker-offline',
  'broker-fenced',
  'follower-lagging',
  'preferred-leader',
  'offline-recovered',
  'reassignment',
  'member-joined',
  'member-rejoined',
  'member-left',
  'member-session-timeout',
  'coordinator-moved',
  'members-missed-sync',
  'broker-session-timeout',
  'process-crashed',
  'auto-offset-reset',
  'log-truncation',
  'seek',
  'retention-ms',
  'retention-bytes',
  'startup',
  'leaders-changed',
  'auto-create-topics',
  'link-isolated',
  'node-down',
  'client-closed',
  'broker-reset',
] as const satisfies readonly ReasonCode[];

/** Codes missing from REASON_CODES: `never` when the list is complete (a test checks it). */
export type UnlistedReasonCode = Exclude<ReasonCode, (typeof REASON_CODES)[number]>;
