// A ZooKeeper data tree (DataTree) with its one-shot watches (WatchManager), as plain data: it is
// saved inside the simulated world, so it holds only records, arrays, strings and numbers.
// Writes mutate the tree in place and return the watch events they fire; nothing is scheduled
// here: the engine delivers the events and owns time, replication and the network.
//
// Facts from apache/zookeeper: checks and their order are PrepRequestProcessor's (pRequest2Txn,
// pRequest2TxnCreate, checkAndIncVersion); stats and watch triggers are DataTree's (createNode,
// deleteNode, setData, statNode, getData, getChildren, killSession); one-shot semantics are
// WatchManager.triggerWatch's; path rules are PathUtils.validatePath's.

/** KeeperException.Code names the simulator uses. */
export type ZkErrorCode =
  'NONODE' | 'NODEEXISTS' | 'NOTEMPTY' | 'BADVERSION' | 'NOCHILDRENFOREPHEMERALS' | 'BADARGUMENTS';

/** CreateMode; a sequential name gets the parent's cversion as a 10-digit suffix. */
export type CreateMode =
  'PERSISTENT' | 'PERSISTENT_SEQUENTIAL' | 'EPHEMERAL' | 'EPHEMERAL_SEQUENTIAL';

export type WatchEventType =
  'NodeCreated' | 'NodeDeleted' | 'NodeDataChanged' | 'NodeChildrenChanged';

/** Who set a watch: in ZooKeeper a client connection (ServerCnxn); here any engine id. */
export type WatcherId = string;

export interface WatchEvent {
  type: WatchEventType;
  path: string;
  watcher: WatcherId;
  zxid: number;
}

/** A znode: DataNode's data, children and persisted stat (minus times and ACLs). */
export interface ZNode {
  data: string;
  version: number;
  cversion: number;
  czxid: number;
  mzxid: number;
  pzxid: number;
  /** The owning session id for an ephemeral node, else 0. */
  ephemeralOwner: number;
  /** Child names (not paths), in creation order. */
  children: string[];
}

/** What a reply carries about a znode (org.apache.zookeeper.data.Stat, without times). */
export interface Stat {
  czxid: number;
  mzxid: number;
  pzxid: number;
  version: number;
  cversion: number;
  ephemeralOwner: number;
  numChildren: number;
}

export interface DataTree {
  /** Znodes by absolute path; the root is "/". */
  nodes: Record<string, ZNode>;
  /** The last zxid this replica processed (DataTree.lastProcessedZxid). */
  lastZxid: number;
  /** One-shot watches by path, in the order they were set: data (getData, exists) and child. */
  dataWatches: Record<string, WatcherId[]>;
  childWatches: Record<string, WatcherId[]>;
}

type Failure<E extends ZkErrorCode> = { code: E; zxid: number };
type ReadFailure<E extends ZkErrorCode> = { code: E };

export type CreateResult =
  | { code: 'OK'; zxid: number; path: string; stat: Stat; events: WatchEvent[] }
  | Failure<'NONODE' | 'NODEEXISTS' | 'NOCHILDRENFOREPHEMERALS' | 'BADARGUMENTS'>;

export type DeleteResult =
  | { code: 'OK'; zxid: number; events: WatchEvent[] }
  | Failure<'NONODE' | 'NOTEMPTY' | 'BADVERSION' | 'BADARGUMENTS'>;

export type SetDataResult =
  | { code: 'OK'; zxid: number; stat: Stat; events: WatchEvent[] }
  | Failure<'NONODE' | 'BADVERSION' | 'BADARGUMENTS'>;

export type GetDataResult =
  { code: 'OK'; data: string; stat: Stat } | ReadFailure<'NONODE' | 'BADARGUMENTS'>;

export type ExistsResult = { code: 'OK'; stat: Stat } | ReadFailure<'NONODE' | 'BADARGUMENTS'>;

export type GetChildrenResult =
  { code: 'OK'; children: string[]; stat: Stat } | ReadFailure<'NONODE' | 'BADARGUMENTS'>;

export interface KillSessionResult {
  zxid: number;
  /** The session's ephemeral paths that were deleted, in the order they were deleted. */
  deleted: string[];
  events: WatchEvent[];
}

/** "Any version": skips the BADVERSION check of delete and setData. */
export const ANY_VERSION = -1;

/** Paths ZooKeeper owns: never deletable (DataTree.isSpecialPath). */
const SPECIAL_PATHS = ['/', '/zookeeper', '/zookeeper/quota', '/zookeeper/config'];

const ZXID_EPOCH_FACTOR = 2 ** 32;

/** ZxidUtils.makeZxid: epoch in the high 32 bits, counter in the low 32 (kept below 2^53). */
export function makeZxid(epoch: number, counter: number): number {
  return epoch * ZXID_EPOCH_FACTOR + counter;
}

/** ZxidUtils.getEpochFromZxid. */
export function zxidEpoch(zxid: number): number {
  return Math.floor(zxid / ZXID_EPOCH_FACTOR);
}

/** A fresh server's tree: the root and ZooKeeper's own /zookeeper, /zookeeper/quota and /config. */
export function createDataTree(): DataTree {
  const tree: DataTree = { nodes: {}, lastZxid: 0, dataWatches: {}, childWatches: {} };
  tree.nodes['/'] = newNode('', 0, 0);
  for (const path of ['/zookeeper', '/zookeeper/quota', '/zookeeper/config']) {
    tree.nodes[path] = newNode('', 0, 0);
    getNode(tree, parentOf(path))?.children.push(nameOf(path));
  }
  return tree;
}

/**
 * Takes the next zxid. Every write request consumes one, even one that fails: ZooKeeper logs
 * and replicates a failed write as an error txn. The engine also calls this for createSession.
 */
export function nextZxid(tree: DataTree): number {
  tree.lastZxid += 1;
  return tree.lastZxid;
}

export function createNode(
  tree: DataTree,
  path: string,
  data: string,
  mode: CreateMode = 'PERSISTENT',
  sessionId = 0,
): CreateResult {
  const zxid = nextZxid(tree);
  const fail = (code: Exclude<CreateResult['code'], 'OK'>): CreateResult => ({ code, zxid });
  const ephemeral = mode === 'EPHEMERAL' || mode === 'EPHEMERAL_SEQUENTIAL';
  // An ephemeral needs an owner: owner 0 means "persistent" (a simulator guard).
  if (!path.includes('/') || path.includes('\0') || (ephemeral && sessionId === 0)) {
    return fail('BADARGUMENTS');
  }
  const parentPath = parentOf(path);
  const parent = getNode(tree, parentPath);
  if (parent === undefined) return fail('NONODE');
  const sequential = mode === 'PERSISTENT_SEQUENTIAL' || mode === 'EPHEMERAL_SEQUENTIAL';
  const fullPath = sequential ? path + String(parent.cversion).padStart(10, '0') : path;
  if (!isValidPath(fullPath)) return fail('BADARGUMENTS');
  if (getNode(tree, fullPath) !== undefined) return fail('NODEEXISTS');
  if (parent.ephemeralOwner !== 0) return fail('NOCHILDRENFOREPHEMERALS');

  const node = newNode(data, zxid, ephemeral ? sessionId : 0);
  tree.nodes[fullPath] = node;
  parent.children.push(nameOf(fullPath));
  parent.cversion += 1;
  parent.pzxid = zxid;
  const events = [
    ...triggerWatch(tree.dataWatches, fullPath, 'NodeCreated', zxid),
    ...triggerWatch(tree.childWatches, parentPath, 'NodeChildrenChanged', zxid),
  ];
  return { code: 'OK', zxid, path: fullPath, stat: statOf(node), events };
}

export function deleteNode(tree: DataTree, path: string, version = ANY_VERSION): DeleteResult {
  const zxid = nextZxid(tree);
  const fail = (code: Exclude<DeleteResult['code'], 'OK'>): DeleteResult => ({ code, zxid });
  if (!path.includes('/') || path.includes('\0') || SPECIAL_PATHS.includes(path)) {
    return fail('BADARGUMENTS');
  }
  if (getNode(tree, parentOf(path)) === undefined) return fail('NONODE');
  const node = getNode(tree, path);
  if (node === undefined) return fail('NONODE');
  if (version !== ANY_VERSION && version !== node.version) return fail('BADVERSION');
  if (node.children.length > 0) return fail('NOTEMPTY');
  return { code: 'OK', zxid, events: removeNode(tree, path, zxid) };
}

export function setData(
  tree: DataTree,
  path: string,
  data: string,
  version = ANY_VERSION,
): SetDataResult {
  const zxid = nextZxid(tree);
  const fail = (code: Exclude<SetDataResult['code'], 'OK'>): SetDataResult => ({ code, zxid });
  if (!isValidPath(path)) return fail('BADARGUMENTS');
  const node = getNode(tree, path);
  if (node === undefined) return fail('NONODE');
  if (version !== ANY_VERSION && version !== node.version) return fail('BADVERSION');
  node.data = data;
  node.version += 1;
  node.mzxid = zxid;
  const events = triggerWatch(tree.dataWatches, path, 'NodeDataChanged', zxid);
  return { code: 'OK', zxid, stat: statOf(node), events };
}

/** getData; a watch is set only if the node exists (DataTree.getData). */
export function getData(tree: DataTree, path: string, watcher?: WatcherId): GetDataResult {
  if (!isValidPath(path)) return { code: 'BADARGUMENTS' };
  const node = getNode(tree, path);
  if (node === undefined) return { code: 'NONODE' };
  if (watcher !== undefined) addWatch(tree.dataWatches, path, watcher);
  return { code: 'OK', data: node.data, stat: statOf(node) };
}

/** exists; the watch is set even on a missing node, to fire NodeCreated (DataTree.statNode). */
export function exists(tree: DataTree, path: string, watcher?: WatcherId): ExistsResult {
  if (!isValidPath(path)) return { code: 'BADARGUMENTS' };
  if (watcher !== undefined) addWatch(tree.dataWatches, path, watcher);
  const node = getNode(tree, path);
  if (node === undefined) return { code: 'NONODE' };
  return { code: 'OK', stat: statOf(node) };
}

/** getChildren; a child watch is set only if the node exists. */
export function getChildren(tree: DataTree, path: string, watcher?: WatcherId): GetChildrenResult {
  if (!isValidPath(path)) return { code: 'BADARGUMENTS' };
  const node = getNode(tree, path);
  if (node === undefined) return { code: 'NONODE' };
  if (watcher !== undefined) addWatch(tree.childWatches, path, watcher);
  return { code: 'OK', children: [...node.children], stat: statOf(node) };
}

/** The ephemeral paths a session owns, sorted so that every replica lists them alike. */
export function getEphemerals(tree: DataTree, sessionId: number): string[] {
  if (sessionId === 0) return [];
  return Object.keys(tree.nodes)
    .filter((path) => tree.nodes[path].ephemeralOwner === sessionId)
    .sort();
}

/**
 * The closeSession txn, for a client's close or an expiry: one zxid, and every ephemeral of the
 * session deleted at it (DataTree.killSession), with the watches each delete fires.
 */
export function killSession(tree: DataTree, sessionId: number): KillSessionResult {
  const zxid = nextZxid(tree);
  const deleted = getEphemerals(tree, sessionId);
  const events = deleted.flatMap((path) => removeNode(tree, path, zxid));
  return { zxid, deleted, events };
}

/** Drops every watch a watcher set, as when its connection closes (WatchManager.removeWatcher). */
export function removeWatcher(tree: DataTree, watcher: WatcherId): void {
  for (const table of [tree.dataWatches, tree.childWatches]) {
    for (const path of Object.keys(table)) {
      table[path] = table[path].filter((w) => w !== watcher);
      if (table[path].length === 0) delete table[path];
    }
  }
}

/** PathUtils.validatePath: absolute, no empty, "." or ".." segment, no trailing "/". */
export function isValidPath(path: string): boolean {
  if (!path.startsWith('/')) return false;
  if (path === '/') return true;
  if (path.endsWith('/')) return false;
  return path
    .slice(1)
    .split('/')
    .every((name) => name !== '' && name !== '.' && name !== '..' && !hasInvalidChar(name));
}

// The character ranges PathUtils refuses: NUL and controls, DEL and C1 controls, surrogates and
// the private use area, and U+FFF0..U+FFFF.
function hasInvalidChar(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xf8ff) || c >= 0xfff0) {
      return true;
    }
  }
  return false;
}

function newNode(data: string, zxid: number, ephemeralOwner: number): ZNode {
  return {
    data,
    version: 0,
    cversion: 0,
    czxid: zxid,
    mzxid: zxid,
    pzxid: zxid,
    ephemeralOwner,
    children: [],
  };
}

// Own properties only, so a path can never reach Object.prototype.
function getNode(tree: DataTree, path: string): ZNode | undefined {
  return Object.hasOwn(tree.nodes, path) ? tree.nodes[path] : undefined;
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function statOf(node: ZNode): Stat {
  return {
    czxid: node.czxid,
    mzxid: node.mzxid,
    pzxid: node.pzxid,
    version: node.version,
    cversion: node.cversion,
    ephemeralOwner: node.ephemeralOwner,
    numChildren: node.children.length,
  };
}

/**
 * DataTree.deleteNode once the checks passed. The parent's pzxid moves but not its cversion
 * (only creates bump it). The node's data and child watchers get one NodeDeleted each, then the
 * parent's child watchers get NodeChildrenChanged.
 */
function removeNode(tree: DataTree, path: string, zxid: number): WatchEvent[] {
  const parentPath = parentOf(path);
  const parent = getNode(tree, parentPath);
  if (parent !== undefined) {
    const name = nameOf(path);
    parent.children = parent.children.filter((c) => c !== name);
    if (zxid > parent.pzxid) parent.pzxid = zxid;
  }
  delete tree.nodes[path];
  const dataEvents = triggerWatch(tree.dataWatches, path, 'NodeDeleted', zxid);
  const notified = dataEvents.map((e) => e.watcher);
  // A watcher with both watches is told once, but both watches are used up.
  const childEvents = triggerWatch(tree.childWatches, path, 'NodeDeleted', zxid).filter(
    (e) => !notified.includes(e.watcher),
  );
  return [
    ...dataEvents,
    ...childEvents,
    ...triggerWatch(tree.childWatches, parentPath, 'NodeChildrenChanged', zxid),
  ];
}

// One watch per (path, watcher): setting it again changes nothing (WatchManager's sets).
function addWatch(table: Record<string, WatcherId[]>, path: string, watcher: WatcherId): void {
  const watchers = Object.hasOwn(table, path) ? table[path] : (table[path] = []);
  if (!watchers.includes(watcher)) watchers.push(watcher);
}

// Standard watches are one-shot: firing removes them all for the path.
function triggerWatch(
  table: Record<string, WatcherId[]>,
  path: string,
  type: WatchEventType,
  zxid: number,
): WatchEvent[] {
  if (!Object.hasOwn(table, path)) return [];
  const watchers = table[path];
  delete table[path];
  return watchers.map((watcher) => ({ type, path, watcher, zxid }));
}
