// The KRaft controller quorum as plain data (saved with the world): dedicated controller nodes
// 1001.., each a Raft voter with its own copy of the `__cluster_metadata` log, and the writes the
// active controller made that the quorum has not committed yet.
//
// The metadata image itself (world.controller, world.topics) is kept once: every voter's
// committed prefix is the same (Raft's log matching), so one image of the committed records plus
// the active controller's uncommitted changes stands for all of them. A change that never
// commits (its leader resigned or was replaced) is undone from the image (`Undo`), as Kafka's
// QuorumController reverts its in-memory state to the last committed offset.
import type { CheckQuorumState, QuorumRole } from '../kernels/raft';
import type { MetadataRecord } from '../controller/records';
import type { MetadataLog } from './metadataLog';
import type { ConfigValue, NodeId, SimEvent } from '../types';
import type { TrafficInfo } from '../sim/sim';
import type {
  ControllerBroker,
  ControllerPartition,
  ControllerState,
  TopicState,
} from '../sim/world';

/** What the metadata log holds: the controller's records and Raft's own control records. */
export type MetadataEntry =
  | MetadataRecord
  /** The first record of every epoch: who leads it (Raft's LeaderChangeMessage). */
  | { type: 'LeaderChangeMessage'; leaderId: number; voters: number[] }
  /** Written every metadata.max.idle.interval.ms so that brokers can tell the log is alive. */
  | { type: 'NoOpRecord' }
  /** The voter set from here on (KIP-853's VotersRecord, written when a controller is added). */
  | { type: 'VotersRecord'; voters: number[] };

/** The entity a record changed, as it was before (null: it did not exist). */
export type Undo =
  | {
      kind: 'partition';
      key: string;
      before: ControllerPartition | null;
      reassignment: ReassignmentEntry | null;
      /** A new partition also changes its topic's size. */
      topic?: { name: string; numPartitions: number; replicationFactor: number };
    }
  | { kind: 'broker'; brokerId: number; before: ControllerBroker | null }
  | { kind: 'topic'; name: string; before: TopicState | null; partitions: ControllerPartition[] }
  | { kind: 'producer-ids'; before: number }
  | {
      kind: 'config';
      resourceType: 'BROKER' | 'TOPIC';
      resourceName: string;
      name: string;
      before: { value: ConfigValue; source: 'scenario' | 'user' } | null;
    };

type ReassignmentEntry = NonNullable<ControllerState['reassignments']>[string];

/** A message the controller sends once its change is committed (Sim.send's arguments). */
export interface DeferredSend {
  from: NodeId;
  fromInc: number;
  to: NodeId;
  kind: string;
  body: unknown;
  info?: TrafficInfo;
}

/** One write of the active controller, not committed yet. */
export interface PendingWrite {
  /** The offset after its last record: committed once the HW reaches it. */
  endOffset: number;
  /** The epoch it was written in (with endOffset, it names the write in any voter's log). */
  epoch: number;
  /** What each record replaced in the image, in record order (undone last to first). */
  undo: Undo[];
  /** The write's consequences, released at commit: events, answers and metadata updates. */
  events: SimEvent[];
  sends: DeferredSend[];
  /** Set once released: what the operation does afterwards happens at once. */
  committed: boolean;
}

/** Per voter, what the leader knows of its replication (LeaderState's ReplicaState). */
export interface VoterProgress {
  endOffset: number;
}

export interface LeaderRole {
  /** The offset of this epoch's LeaderChangeMessage: entries below it commit only with it. */
  epochStartOffset: number;
  voters: Record<string, VoterProgress>;
  checkQuorum: CheckQuorumState;
  /** Fetches that found nothing new, waiting up to their max wait (long poll). */
  parked: {
    from: number;
    fromInc: number;
    reqId: number;
    fetchOffset: number;
    /** A broker's fetch (`from` is its id), answered with committed records only. */
    broker?: true;
    sentAt?: number;
  }[];
  /** The LeaderChangeMessage is committed: this node is the active controller. */
  active: boolean;
  pending: PendingWrite[];
}

export interface ControllerNodeState {
  /** Not a voter (yet): a controller added by AddRaftVoter copies the log before it joins. */
  observer?: true;
  id: number;
  status: 'running' | 'stopped';
  inc: number;
  // Durable (Kafka's quorum-state file and the log):
  epoch: number;
  votedFor: number | null;
  log: MetadataLog<MetadataEntry>;
  // Volatile:
  role: QuorumRole;
  leaderId: number | null;
  /** The high watermark this voter knows (-1: none yet in this epoch). */
  hw: number;
  hasFetchedFromLeader: boolean;
  /** Voters that granted this one's (pre-)vote in the current round. */
  granted: number[];
  /** Failed elections in a row (the backoff grows with them). */
  retries: number;
  /** Token of the current state's timer: a timer with another token is stale. */
  token: number;
  fetchInFlight: boolean;
  nextReqId: number;
  leader: LeaderRole | null;
}

export interface KraftQuorum {
  mode: 'kraft';
  /** Combined: controller N runs inside broker N (absent: dedicated nodes 1001..). */
  placement?: 'combined';
  controllers: ControllerNodeState[];
  /** The offset up to which records are in the shared image (all voters agree below it). */
  committedOffset: number;
  /** Whether fewer than a majority of voters are up and reachable (for the lost/restored events). */
  lost: boolean;
  /** False while the world is built: what is written then is the log's past (committed). */
  started: boolean;
  /**
   * Writes of leaders that stepped down before committing them. A later leader may still hold
   * and commit them (Raft commits an earlier epoch's entries with the new epoch's first one):
   * then their events are told; otherwise they are forgotten.
   */
  orphans: PendingWrite[];
  /**
   * A controller being added (KIP-853): once it has caught up, the leader appends a VotersRecord
   * naming it (`offset`, in `epoch`), and it votes once that record is committed.
   */
  joining?: {
    id: number;
    offset?: number;
    epoch?: number;
    /** The leader's log end when the joining controller last fetched (is it caught up?). */
    leoAtFetch?: { epoch: number; leo: number };
  };
}
