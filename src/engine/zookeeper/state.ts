// ZooKeeper mode as plain data (saved with the world): the ensemble's servers zk:1..N, the data
// tree they agree on, the leader's session table, the proposals waiting for acks, and each
// broker's ZooKeeper client.
//
// Like the KRaft quorum's image, the tree is kept once: every server that follows the leader
// holds the same committed transactions (ZAB delivers them in zxid order), so one tree stands for
// all of them; a server's own `lastZxid` says how far it had got when it stopped or was cut off,
// which is what FastLeaderElection compares. A server that rejoins is brought up to date at once
// (ZooKeeper's DIFF/SNAP sync, not drawn).
import type { SessionTracker } from './sessions';
import type { CreateMode, DataTree } from './tree';
import type { Vote } from './election';
import type { PendingWrite } from '../quorum/state';

/** ZooKeeper's defaults as Kafka's docs configure an ensemble: tickTime 2000, initLimit 5, syncLimit 2. */
export const ZK_TICK_TIME = 2000;
export const ZK_INIT_LIMIT = 5;
export const ZK_SYNC_LIMIT = 2;
/** FastLeaderElection.finalizeWait: how long a server waits for a better vote before deciding. */
export const ZK_FINALIZE_WAIT = 200;

export type ZkServerRole = 'looking' | 'leading' | 'following';

export interface ZkServer {
  /**
   * Added by a dynamic reconfig (ZooKeeper 3.5+ `reconfig -add`): it follows the leader but has
   * no vote until the reconfig transaction naming it commits.
   */
  joining?: true;
  id: number;
  status: 'running' | 'stopped';
  inc: number;
  role: ZkServerRole;
  /** The leader it follows (or itself when leading); null while looking. */
  leaderId: number | null;
  /** The ensemble epoch it last accepted (currentEpoch): the high half of its zxids. */
  epoch: number;
  /** The last transaction it applied. */
  lastZxid: number;
  // FastLeaderElection, while looking:
  /** logicalclock: the election round. */
  electionEpoch: number;
  vote: Vote;
  /** The latest vote heard from each server in this round (recvset), and from servers that are
   * not looking (outofelection), by sid. */
  received: Record<string, Vote>;
  outOfElection: Record<string, { leader: number; state: 'leading' | 'following' }>;
  // Leading: followers by sid with the time they were last heard; `established` once a quorum
  // has followed (the new epoch is set up). Following: `established` once synced with the leader.
  followers: Record<string, number>;
  established: boolean;
  // Following: when the leader was last heard.
  lastLeaderHeard: number;
  /** Token of the current state's timers: a timer with another token is stale. */
  token: number;
}

/** One operation of a write (a multi holds several, all or nothing). */
export type ZkOp =
  | { op: 'create'; path: string; data: string; mode: CreateMode }
  | { op: 'delete'; path: string; version: number }
  | { op: 'setData'; path: string; data: string; version: number }
  /** Fails the multi unless the znode has this version (how Kafka fences a stale controller). */
  | { op: 'check'; path: string; version: number };

/** A read, answered by the server the client is connected to. */
export type ZkRead =
  | { op: 'getData'; path: string; watch: boolean }
  | { op: 'exists'; path: string; watch: boolean }
  | { op: 'getChildren'; path: string; watch: boolean };

export type ZkTxn =
  | { kind: 'createSession'; sessionId: number; timeout: number; brokerId: number }
  | { kind: 'closeSession'; sessionId: number; expired: boolean }
  | { kind: 'multi'; sessionId: number; ops: ZkOp[] }
  /** Dynamic reconfig: server `add` becomes a voter (a quorum of the old and new sets logs it). */
  | { kind: 'reconfig'; add: number };

/** Where a write came from, so that its answer can go back once it commits. */
export interface ZkOrigin {
  /** The server the client is connected to (it answers). */
  server: number;
  brokerId: number;
  brokerInc: number;
  reqId: number;
}

export interface ZkProposal {
  zxid: number;
  txn: ZkTxn;
  /** Servers that logged it (the leader counts itself). */
  acks: number[];
  origin: ZkOrigin | null;
}

export interface ZkSessionOwner {
  brokerId: number;
  timeout: number;
  /** The server the session's connection is on (its watch events come from there). */
  server: number;
}

export interface ZkEnsemble {
  mode: 'zookeeper';
  /** False while the world is built: what is written then is the ensemble's past. */
  started: boolean;
  servers: ZkServer[];
  /**
   * How many servers the brokers' zookeeper.connect lists: the ensemble the cluster was set up
   * with (a static broker config, which a reconfig does not change). Absent: every server.
   */
  connectServers?: number;
  /** The committed tree (see above). */
  tree: DataTree;
  /** The leader's session table (SessionTrackerImpl); a new leader re-tracks every session. */
  sessions: SessionTracker;
  owners: Record<string, ZkSessionOwner>;
  nextSession: number;
  /** Proposal ids (the zxid a transaction gets is the tree's, at commit). */
  nextPid: number;
  /** Proposals of the current leader not yet committed, in zxid order. */
  proposals: ZkProposal[];
  /** Whether fewer than a majority of servers are up and reachable (lost/restored events). */
  lost: boolean;
  /**
   * The controller's writes waiting for ZooKeeper, by request id (its events and messages are
   * released when the write commits, taken back if it fails or never arrives).
   */
  writes: {
    reqId: number;
    brokerId: number;
    controllerEpoch: number;
    write: PendingWrite;
    /** What ZooKeeper answered when it committed the write (before the answer arrives). */
    zkResult?: string;
  }[];
}

/** A request a broker's ZooKeeper client is waiting on: what to do with the answer. */
export type ZkPurpose =
  | { kind: 'register-broker' }
  | { kind: 'read-controller-epoch' }
  | { kind: 'elect-controller'; epoch: number; epochVersion: number }
  | { kind: 'watch-controller' }
  /** Its own session holds /controller (an answer to its election was lost): take office. */
  | { kind: 'reclaim-controller' }
  /** Its registration met an existing znode: whose session holds it? */
  | { kind: 'check-registration' }
  | { kind: 'watch-brokers' }
  | { kind: 'controller-write' };

export interface ZkPendingRequest {
  reqId: number;
  request: { read: ZkRead } | { ops: ZkOp[] };
  purpose: ZkPurpose;
  /** When it last went out (unset while waiting for a connection). */
  sentAt?: number;
}

/** A broker's ZooKeeper client (Kafka's ZooKeeperClient / KafkaZkClient), volatile. */
export interface BrokerZkClient {
  sessionId: number | null;
  /** The server it is connected (or connecting) to, and how many it has tried. */
  server: number;
  attempt: number;
  state: 'connecting' | 'connected';
  /**
   * The incarnation of the server process its connection is with: a restarted server has no
   * such connection, so what the client sends on it goes nowhere (it notices by its read timeout).
   */
  serverInc?: number;
  /** When its server last answered (a silent server means a lost connection). */
  lastHeard: number;
  nextReqId: number;
  /** Requests not answered yet: sent again after a reconnect (ZooKeeperClient retries). */
  pending: ZkPendingRequest[];
  /** Its /brokers/ids/N exists (in this session). */
  registered: boolean;
  /** That znode's czxid: this incarnation's broker epoch (KIP-380); -1 before it registers. */
  brokerEpoch: number;
  registerFailures: number;
  /** As the controller: the `/controller_epoch` version its writes are checked against. */
  epochZkVersion: number | null;
  /** The highest controller_epoch it has accepted a request from (stale ones are refused). */
  controllerEpoch: number;
}
