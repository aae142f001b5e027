import { describe, expect, it } from 'vitest';
import {
  ANY_VERSION,
  createDataTree,
  createNode,
  deleteNode,
  exists,
  getChildren,
  getData,
  getEphemerals,
  isValidPath,
  killSession,
  makeZxid,
  nextZxid,
  removeWatcher,
  setData,
  zxidEpoch,
  type DataTree,
} from '../../src/engine/zookeeper/tree';

const SESSION_1 = 0x1000001000000;
const SESSION_2 = 0x1000001000001;

/** Kafka's layout: /brokers/ids with both brokers registered, broker 1 the controller. */
function kafkaTree(): DataTree {
  const tree = createDataTree();
  for (const path of ['/brokers', '/brokers/ids', '/brokers/topics']) {
    expect(createNode(tree, path, '').code).toBe('OK');
  }
  expect(createNode(tree, '/brokers/ids/1', '{"port":9092}', 'EPHEMERAL', SESSION_1).code).toBe(
    'OK',
  );
  expect(createNode(tree, '/brokers/ids/2', '{"port":9093}', 'EPHEMERAL', SESSION_2).code).toBe(
    'OK',
  );
  expect(createNode(tree, '/controller', '{"brokerid":1}', 'EPHEMERAL', SESSION_1).code).toBe('OK');
  return tree;
}

describe('a fresh tree', () => {
  it('holds the root and ZooKeeper’s own /zookeeper nodes, at zxid 0', () => {
    const tree = createDataTree();
    expect(tree.lastZxid).toBe(0);
    expect(getChildren(tree, '/')).toMatchObject({ code: 'OK', children: ['zookeeper'] });
    expect(getChildren(tree, '/zookeeper')).toMatchObject({ children: ['quota', 'config'] });
  });
});

describe('createNode', () => {
  it('needs the parent: /brokers/ids/1 without /brokers/ids is NONODE', () => {
    const tree = createDataTree();
    expect(createNode(tree, '/brokers', '').code).toBe('OK');
    expect(createNode(tree, '/brokers/ids/1', '', 'EPHEMERAL', SESSION_1).code).toBe('NONODE');
    expect(exists(tree, '/brokers/ids/1').code).toBe('NONODE');
  });

  it('stamps the new node and its parent with the create zxid', () => {
    const tree = createDataTree();
    createNode(tree, '/brokers', '');
    const result = createNode(tree, '/brokers/ids', 'x');
    expect(result).toMatchObject({ code: 'OK', zxid: 2, path: '/brokers/ids' });
    expect(getData(tree, '/brokers/ids')).toEqual({
      code: 'OK',
      data: 'x',
      stat: {
        czxid: 2,
        mzxid: 2,
        pzxid: 2,
        version: 0,
        cversion: 0,
        ephemeralOwner: 0,
        numChildren: 0,
      },
    });
    expect(exists(tree, '/brokers')).toMatchObject({
      stat: { czxid: 1, mzxid: 1, pzxid: 2, cversion: 1, numChildren: 1 },
    });
  });

  it('a second create of an ephemeral /controller is NODEEXISTS and keeps the first owner', () => {
    const tree = createDataTree();
    expect(createNode(tree, '/controller', '{"brokerid":1}', 'EPHEMERAL', SESSION_1).code).toBe(
      'OK',
    );
    expect(createNode(tree, '/controller', '{"brokerid":2}', 'EPHEMERAL', SESSION_2).code).toBe(
      'NODEEXISTS',
    );
    expect(getData(tree, '/controller')).toMatchObject({
      data: '{"brokerid":1}',
      stat: { ephemeralOwner: SESSION_1 },
    });
  });

  it('an ephemeral node cannot have children', () => {
    const tree = createDataTree();
    createNode(tree, '/controller', '', 'EPHEMERAL', SESSION_1);
    expect(createNode(tree, '/controller/x', '').code).toBe('NOCHILDRENFOREPHEMERALS');
    expect(getChildren(tree, '/controller')).toMatchObject({ children: [] });
  });

  it('a failed write still consumes a zxid (it is logged as an error txn)', () => {
    const tree = createDataTree();
    createNode(tree, '/controller', '', 'EPHEMERAL', SESSION_1);
    expect(createNode(tree, '/controller', '', 'EPHEMERAL', SESSION_2)).toEqual({
      code: 'NODEEXISTS',
      zxid: 2,
    });
    expect(createNode(tree, '/a', '').zxid).toBe(3);
  });

  it('refuses bad paths with BADARGUMENTS', () => {
    const tree = createDataTree();
    createNode(tree, '/brokers', '');
    expect(createNode(tree, 'brokers', '').code).toBe('BADARGUMENTS');
    expect(createNode(tree, '/brokers/', '').code).toBe('BADARGUMENTS');
    expect(createNode(tree, '/brokers/..', '').code).toBe('BADARGUMENTS');
    expect(createNode(tree, '/brokers/a\u0001', '').code).toBe('BADARGUMENTS');
    // An ephemeral must have an owning session.
    expect(createNode(tree, '/e', '', 'EPHEMERAL', 0).code).toBe('BADARGUMENTS');
    expect(getChildren(tree, '/brokers')).toMatchObject({ children: [] });
  });

  it('names sequential nodes by the parent cversion, which deletes do not lower', () => {
    const tree = createDataTree();
    createNode(tree, '/changes', '');
    const first = createNode(tree, '/changes/config_change_', 'a', 'PERSISTENT_SEQUENTIAL');
    expect(first).toMatchObject({ code: 'OK', path: '/changes/config_change_0000000000' });
    deleteNode(tree, '/changes/config_change_0000000000');
    const second = createNode(tree, '/changes/config_change_', 'b', 'PERSISTENT_SEQUENTIAL');
    expect(second).toMatchObject({ path: '/changes/config_change_0000000001' });
  });
});

describe('deleteNode', () => {
  it('refuses a node with children (NOTEMPTY), then deletes once it is empty', () => {
    const tree = kafkaTree();
    expect(deleteNode(tree, '/brokers/topics').code).toBe('OK');
    expect(deleteNode(tree, '/brokers/ids').code).toBe('NOTEMPTY');
    expect(deleteNode(tree, '/brokers/ids/1').code).toBe('OK');
    expect(deleteNode(tree, '/brokers/ids/2').code).toBe('OK');
    expect(deleteNode(tree, '/brokers/ids').code).toBe('OK');
    expect(deleteNode(tree, '/brokers/ids').code).toBe('NONODE');
  });

  it('checks the expected version before emptiness; -1 matches any version', () => {
    const tree = kafkaTree();
    setData(tree, '/brokers/ids', 'v1');
    expect(deleteNode(tree, '/brokers/ids', 0).code).toBe('BADVERSION');
    expect(deleteNode(tree, '/brokers/ids', 1).code).toBe('NOTEMPTY');
    setData(tree, '/brokers/topics', 'v1');
    expect(deleteNode(tree, '/brokers/topics', 0).code).toBe('BADVERSION');
    expect(deleteNode(tree, '/brokers/topics', ANY_VERSION).code).toBe('OK');
  });

  it('moves the parent pzxid but not its cversion', () => {
    const tree = kafkaTree();
    expect(exists(tree, '/brokers/ids')).toMatchObject({ stat: { cversion: 2, numChildren: 2 } });
    const result = deleteNode(tree, '/brokers/ids/2');
    expect(exists(tree, '/brokers/ids')).toMatchObject({
      stat: { cversion: 2, pzxid: result.zxid, numChildren: 1 },
    });
  });

  it('never deletes ZooKeeper’s own nodes', () => {
    const tree = createDataTree();
    expect(deleteNode(tree, '/').code).toBe('BADARGUMENTS');
    expect(deleteNode(tree, '/zookeeper/quota').code).toBe('BADARGUMENTS');
    expect(exists(tree, '/zookeeper/quota').code).toBe('OK');
  });
});

describe('setData', () => {
  it('bumps the version and mzxid', () => {
    const tree = kafkaTree();
    const result = setData(tree, '/brokers/topics', '{"v":1}', 0);
    expect(result).toMatchObject({ code: 'OK', stat: { version: 1, mzxid: result.zxid } });
    expect(getData(tree, '/brokers/topics')).toMatchObject({ data: '{"v":1}' });
  });

  it('a stale expected version is BADVERSION and changes nothing', () => {
    const tree = kafkaTree();
    setData(tree, '/brokers/topics', 'first', 0);
    expect(setData(tree, '/brokers/topics', 'second', 0).code).toBe('BADVERSION');
    expect(getData(tree, '/brokers/topics')).toMatchObject({
      data: 'first',
      stat: { version: 1 },
    });
    expect(setData(tree, '/brokers/topics', 'third', ANY_VERSION)).toMatchObject({
      stat: { version: 2 },
    });
    expect(setData(tree, '/nope', 'x').code).toBe('NONODE');
  });
});

describe('reads', () => {
  it('getData, exists and getChildren answer NONODE for a missing node, BADARGUMENTS for a bad path', () => {
    const tree = createDataTree();
    expect(getData(tree, '/missing').code).toBe('NONODE');
    expect(exists(tree, '/missing').code).toBe('NONODE');
    expect(getChildren(tree, '/missing').code).toBe('NONODE');
    expect(getData(tree, '/a//b').code).toBe('BADARGUMENTS');
    expect(exists(tree, 'relative').code).toBe('BADARGUMENTS');
    expect(getChildren(tree, '/a/').code).toBe('BADARGUMENTS');
  });

  it('lists children in creation order', () => {
    const tree = kafkaTree();
    createNode(tree, '/brokers/ids/10', '', 'EPHEMERAL', SESSION_2);
    expect(getChildren(tree, '/brokers/ids')).toMatchObject({ children: ['1', '2', '10'] });
  });
});

describe('watches', () => {
  it('a data watch fires once: the second change is not reported', () => {
    const tree = kafkaTree();
    getData(tree, '/brokers/topics', 'broker:2');
    const first = setData(tree, '/brokers/topics', 'a');
    expect(first.code === 'OK' && first.events).toEqual([
      { type: 'NodeDataChanged', path: '/brokers/topics', watcher: 'broker:2', zxid: first.zxid },
    ]);
    const second = setData(tree, '/brokers/topics', 'b');
    expect(second.code === 'OK' && second.events).toEqual([]);
  });

  it('setting the same watch twice still fires once', () => {
    const tree = kafkaTree();
    getData(tree, '/brokers/topics', 'broker:2');
    exists(tree, '/brokers/topics', 'broker:2');
    const result = setData(tree, '/brokers/topics', 'a');
    expect(result.code === 'OK' && result.events).toHaveLength(1);
  });

  it('exists watches a missing node for its creation; getData does not', () => {
    const tree = createDataTree();
    expect(exists(tree, '/controller', 'broker:1').code).toBe('NONODE');
    expect(getData(tree, '/controller', 'broker:2').code).toBe('NONODE');
    const result = createNode(tree, '/controller', '', 'EPHEMERAL', SESSION_1);
    expect(result.code === 'OK' && result.events).toEqual([
      { type: 'NodeCreated', path: '/controller', watcher: 'broker:1', zxid: result.zxid },
    ]);
  });

  it('a child watch fires on a new child, not on the parent’s data', () => {
    const tree = kafkaTree();
    getChildren(tree, '/brokers/ids', 'broker:1');
    const set = setData(tree, '/brokers/ids', 'x');
    expect(set.code === 'OK' && set.events).toEqual([]);
    const created = createNode(tree, '/brokers/ids/3', '', 'EPHEMERAL', SESSION_2);
    expect(created.code === 'OK' && created.events).toEqual([
      {
        type: 'NodeChildrenChanged',
        path: '/brokers/ids',
        watcher: 'broker:1',
        zxid: created.zxid,
      },
    ]);
  });

  it('a deleted node tells a watcher with both watches on it once, and its parent’s watchers', () => {
    const tree = kafkaTree();
    createNode(tree, '/brokers/topics/t', '');
    getData(tree, '/brokers/topics/t', 'a');
    getChildren(tree, '/brokers/topics/t', 'a');
    getChildren(tree, '/brokers/topics/t', 'b');
    getChildren(tree, '/brokers/topics', 'c');
    const result = deleteNode(tree, '/brokers/topics/t');
    const zxid = result.zxid;
    expect(result.code === 'OK' && result.events).toEqual([
      { type: 'NodeDeleted', path: '/brokers/topics/t', watcher: 'a', zxid },
      { type: 'NodeDeleted', path: '/brokers/topics/t', watcher: 'b', zxid },
      { type: 'NodeChildrenChanged', path: '/brokers/topics', watcher: 'c', zxid },
    ]);
    // Both of a's watches were used up: a new node at the path tells nobody.
    const again = createNode(tree, '/brokers/topics/t', '');
    expect(again.code === 'OK' && again.events).toEqual([]);
  });

  it('a closed connection’s watches are dropped', () => {
    const tree = kafkaTree();
    getData(tree, '/controller', 'broker:2');
    getChildren(tree, '/brokers/ids', 'broker:2');
    getChildren(tree, '/brokers/ids', 'broker:3');
    removeWatcher(tree, 'broker:2');
    expect(killSession(tree, SESSION_1).events.map((e) => e.watcher)).toEqual(['broker:3']);
  });
});

describe('sessions and their ephemerals', () => {
  it('lists a session’s ephemerals, sorted', () => {
    const tree = kafkaTree();
    expect(getEphemerals(tree, SESSION_1)).toEqual(['/brokers/ids/1', '/controller']);
    expect(getEphemerals(tree, SESSION_2)).toEqual(['/brokers/ids/2']);
    expect(getEphemerals(tree, 0)).toEqual([]);
  });

  it('expiring the controller’s session removes its ephemerals and fires each watch once', () => {
    const tree = kafkaTree();
    // Broker 2 watches /controller (data) and /brokers/ids (children), as Kafka brokers do.
    exists(tree, '/controller', 'broker:2');
    getChildren(tree, '/brokers/ids', 'broker:2');
    const result = killSession(tree, SESSION_1);
    expect(result.deleted).toEqual(['/brokers/ids/1', '/controller']);
    expect(result.events).toEqual([
      { type: 'NodeChildrenChanged', path: '/brokers/ids', watcher: 'broker:2', zxid: result.zxid },
      { type: 'NodeDeleted', path: '/controller', watcher: 'broker:2', zxid: result.zxid },
    ]);
    expect(getChildren(tree, '/brokers/ids')).toMatchObject({ children: ['2'] });
    expect(exists(tree, '/controller').code).toBe('NONODE');
    expect(getEphemerals(tree, SESSION_1)).toEqual([]);
    // One closeSession txn: one zxid for all the deletes.
    expect(tree.lastZxid).toBe(result.zxid);
    // Closing it again deletes nothing and fires nothing.
    expect(killSession(tree, SESSION_1)).toMatchObject({ deleted: [], events: [] });
  });

  it('leaves other sessions’ ephemerals and persistent nodes alone', () => {
    const tree = kafkaTree();
    killSession(tree, SESSION_2);
    expect(exists(tree, '/controller').code).toBe('OK');
    expect(exists(tree, '/brokers/ids/1').code).toBe('OK');
    expect(exists(tree, '/brokers/ids/2').code).toBe('NONODE');
    expect(exists(tree, '/brokers/topics').code).toBe('OK');
  });

  it('after expiry another broker can create /controller', () => {
    const tree = kafkaTree();
    expect(createNode(tree, '/controller', '', 'EPHEMERAL', SESSION_2).code).toBe('NODEEXISTS');
    killSession(tree, SESSION_1);
    expect(createNode(tree, '/controller', '', 'EPHEMERAL', SESSION_2).code).toBe('OK');
  });
});

describe('zxids and paths', () => {
  it('a zxid carries its epoch in the high 32 bits', () => {
    expect(makeZxid(3, 7)).toBe(3 * 2 ** 32 + 7);
    expect(zxidEpoch(makeZxid(3, 7))).toBe(3);
    expect(makeZxid(2, 2 ** 32 - 1)).toBeLessThan(makeZxid(3, 0));
  });

  it('nextZxid counts from the last zxid, e.g. after a new epoch began', () => {
    const tree = createDataTree();
    tree.lastZxid = makeZxid(2, 0);
    expect(nextZxid(tree)).toBe(makeZxid(2, 1));
    expect(createNode(tree, '/a', '').zxid).toBe(makeZxid(2, 2));
  });

  it.each([
    ['/', true],
    ['/brokers/ids/1', true],
    ['/a.b/..c', true],
    ['', false],
    ['brokers', false],
    ['/brokers/', false],
    ['/a//b', false],
    ['/a/./b', false],
    ['/a/..', false],
    ['/a\u0000', false],
    ['/a\u007f', false],
  ])('isValidPath(%j) is %s', (path, valid) => {
    expect(isValidPath(path)).toBe(valid);
  });
});

describe('plain data', () => {
  it('a tree that went through JSON behaves identically', () => {
    const original = kafkaTree();
    exists(original, '/controller', 'broker:2');
    getChildren(original, '/brokers/ids', 'broker:2');
    getData(original, '/brokers/topics', 'broker:1');
    const copy = JSON.parse(JSON.stringify(original)) as DataTree;
    expect(copy).toEqual(original);

    const script = (tree: DataTree) => [
      setData(tree, '/brokers/topics', 'x', 0),
      createNode(tree, '/brokers/ids/1', '', 'EPHEMERAL', SESSION_2),
      killSession(tree, SESSION_1),
      createNode(tree, '/controller', '{"brokerid":2}', 'EPHEMERAL', SESSION_2),
      deleteNode(tree, '/brokers/ids', 0),
      getChildren(tree, '/brokers/ids'),
    ];
    expect(script(copy)).toEqual(script(original));
    expect(copy).toEqual(original);
    expect(JSON.parse(JSON.stringify(copy))).toEqual(copy);
  });
});
