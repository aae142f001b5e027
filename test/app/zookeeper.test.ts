// ZooKeeper mode on the page (design.md 3.10): zxids written as ZooKeeper writes them, the znode
// tree built from the view's flat list, the new messages named and coloured, the new events in
// words in both languages, the server buttons named, and the ensemble's row in the layout.
import { describe, expect, it } from 'vitest';
import type { MessageKind, SimEvent, ZnodeView } from '../../src/engine';
import { createI18n } from '../../src/i18n';
import { formatSessionId, formatZxid, zxidCounter, zxidEpoch } from '../../src/i18n/zxid';
import { buildZnodeTree, visibleZnodes } from '../../src/app/znodeTree';
import { apiNameOf, directionOf, trafficKindOf } from '../../src/app/traffic';
import { describeEvent, eventInfo } from '../../src/app/eventText';
import { highlightsFor } from '../../src/app/highlights';
import { labelKeyOf, labelParamsOf } from '../../src/app/actions';
import { ZOOKEEPER_ACTIONS } from '../../src/app/zookeeperActions';
import { initialSimState } from '../../src/app/store';
import { computeLayout, D, overlaps, type LayoutInput } from '../../src/ui/scene/layout';
import { describeFlight } from '../../src/ui/scene/TrafficTooltip';
import type { LiveFlight } from '../../src/app/frameBuffer';

const en = createI18n('en').t;
const zh = createI18n('zh-CN').t;

describe('zxids', () => {
  it('are printed in hex, the epoch in the high 32 bits', () => {
    const zxid = 1 * 2 ** 32 + 5;
    expect(formatZxid(zxid)).toBe('0x100000005');
    expect(zxidEpoch(zxid)).toBe(1);
    expect(zxidCounter(zxid)).toBe(5);
    expect(formatZxid(3 * 2 ** 32 + 0x1a)).toBe('0x30000001a');
    expect(formatZxid(0)).toBe('0x0');
  });

  it('print session ids in hex too', () => {
    expect(formatSessionId(0x100000abc)).toBe('0x100000abc');
  });
});

const znode = (path: string, over: Partial<ZnodeView> = {}): ZnodeView => ({
  path,
  data: '',
  version: 0,
  czxid: 0,
  ephemeralOwner: null,
  ...over,
});

describe('the znode tree', () => {
  const flat = [
    znode('/admin'),
    znode('/brokers'),
    znode('/brokers/ids'),
    znode('/brokers/ids/1', { ephemeralOwner: 1 }),
    znode('/brokers/ids/10', { ephemeralOwner: 10 }),
    znode('/brokers/ids/2', { ephemeralOwner: 2 }),
    znode('/brokers/topics/orders/partitions/0/state', { data: '{"leader":1}' }),
    znode('/controller', { data: '{"version":2,"brokerid":1}', ephemeralOwner: 1 }),
    znode('/controller_epoch', { data: '1', version: 0 }),
  ];
  const roots = buildZnodeTree(flat);

  it('puts each znode under its parent, top-level znodes first', () => {
    expect(roots.map((n) => n.path)).toEqual([
      '/admin',
      '/brokers',
      '/controller',
      '/controller_epoch',
    ]);
    const brokers = roots[1];
    expect(brokers.children.map((n) => n.name)).toEqual(['ids', 'topics']);
    expect(roots[2].znode?.ephemeralOwner).toBe(1);
  });

  it('orders numbered children by number', () => {
    const ids = roots[1].children[0];
    expect(ids.children.map((n) => n.path)).toEqual([
      '/brokers/ids/1',
      '/brokers/ids/2',
      '/brokers/ids/10',
    ]);
  });

  it('keeps a child whose parents the view left out, under parents without data', () => {
    const topics = roots[1].children[1];
    expect(topics.path).toBe('/brokers/topics');
    expect(topics.znode).toBeNull();
    const state = topics.children[0].children[0].children[0].children[0];
    expect(state.path).toBe('/brokers/topics/orders/partitions/0/state');
    expect(state.znode?.data).toBe('{"leader":1}');
  });

  it('lists what a reader sees given what is open', () => {
    const closed = visibleZnodes(roots, new Set());
    expect(closed.map((v) => v.node.path)).toEqual([
      '/admin',
      '/brokers',
      '/controller',
      '/controller_epoch',
    ]);
    const open = visibleZnodes(roots, new Set(['/brokers', '/brokers/ids']));
    expect(open.map((v) => [v.node.path, v.level, v.parent])).toEqual([
      ['/admin', 1, null],
      ['/brokers', 1, null],
      ['/brokers/ids', 2, '/brokers'],
      ['/brokers/ids/1', 3, '/brokers/ids'],
      ['/brokers/ids/2', 3, '/brokers/ids'],
      ['/brokers/ids/10', 3, '/brokers/ids'],
      ['/brokers/topics', 2, '/brokers'],
      ['/controller', 1, null],
      ['/controller_epoch', 1, null],
    ]);
  });

  it('is empty for no znodes, and ignores the root', () => {
    expect(buildZnodeTree([])).toEqual([]);
    expect(buildZnodeTree([znode('/')])).toEqual([]);
  });
});

const ZK_KINDS: MessageKind[] = [
  'zk-connect',
  'zk-connect-response',
  'zk-ping',
  'zk-ping-response',
  'zk-request',
  'zk-response',
  'zk-watch-event',
  'zk-notification',
  'zk-follower-info',
  'zk-proposal',
  'zk-ack',
  'zk-commit',
  'leader-and-isr',
  'update-metadata',
  'controlled-shutdown',
  'controlled-shutdown-response',
];

describe('ZooKeeper messages', () => {
  const flight = (kind: MessageKind) => ({ kind, recordCount: 0 });

  it('have a name and a kind of traffic each', () => {
    for (const kind of ZK_KINDS) {
      expect(apiNameOf(kind), kind).toBeTruthy();
      expect(trafficKindOf(flight(kind)), kind).toBeTruthy();
    }
  });

  it('use Kafka’s and ZooKeeper’s names', () => {
    expect(apiNameOf('leader-and-isr')).toBe('LeaderAndIsr');
    expect(apiNameOf('update-metadata')).toBe('UpdateMetadata');
    expect(apiNameOf('controlled-shutdown-response')).toBe('ControlledShutdown');
    expect(apiNameOf('zk-ping')).toBe('ping');
    expect(apiNameOf('zk-proposal')).toBe('PROPOSAL');
    expect(apiNameOf('zk-ack')).toBe('ACK');
    expect(apiNameOf('zk-commit')).toBe('COMMIT');
    expect(apiNameOf('zk-notification')).toBe('Notification');
  });

  it('count a session ping as a heartbeat and the rest as metadata', () => {
    expect(trafficKindOf(flight('zk-ping'))).toBe('heartbeat');
    expect(trafficKindOf(flight('zk-connect'))).toBe('heartbeat');
    expect(trafficKindOf(flight('zk-request'))).toBe('metadata');
    expect(trafficKindOf(flight('zk-commit'))).toBe('metadata');
    expect(trafficKindOf(flight('leader-and-isr'))).toBe('metadata');
  });

  it('name the servers they travel between in the hover text', () => {
    const flight = {
      id: 1,
      from: 'zk:3',
      to: 'zk:1',
      kind: 'zk-proposal',
      sentAt: 0,
      deliverAt: 10,
      dropped: false,
      keys: [],
      recordCount: 0,
      merged: 1,
      lostAt: null,
    } as unknown as LiveFlight;
    expect(describeFlight(flight, en)).toBe('metadata: PROPOSAL · ZooKeeper zk-3 → ZooKeeper zk-1');
    const ping = { ...flight, from: 'broker:2', to: 'zk:1', kind: 'zk-ping' } as LiveFlight;
    expect(describeFlight(ping, en)).toBe('heartbeat: ping request · Broker 2 → ZooKeeper zk-1');
  });

  it('say which are requests, answers, or neither', () => {
    expect(directionOf('zk-request')).toBe('request');
    expect(directionOf('zk-response')).toBe('response');
    expect(directionOf('controlled-shutdown-response')).toBe('response');
    expect(directionOf('leader-and-isr')).toBe('request');
    for (const kind of ['zk-proposal', 'zk-ack', 'zk-commit', 'zk-watch-event'] as const)
      expect(directionOf(kind), kind).toBeNull();
    expect(directionOf('broker-registration')).toBe('request');
  });
});

const EVENTS: SimEvent[] = [
  { t: 1, type: 'zookeeper.node-started', nodeId: 1, restart: false },
  { t: 1, type: 'zookeeper.node-started', nodeId: 1, restart: true },
  { t: 1, type: 'zookeeper.node-stopped', nodeId: 2 },
  { t: 1, type: 'zookeeper.node-isolated', nodeId: 3 },
  { t: 1, type: 'zookeeper.node-healed', nodeId: 3 },
  { t: 1, type: 'zookeeper.leader-elected', nodeId: 3, epoch: 2 },
  { t: 1, type: 'zookeeper.leader-lost', nodeId: 3, epoch: 2 },
  { t: 1, type: 'zookeeper.session-expired', brokerId: 2, sessionId: 0x100000002, timeoutMs: 6000 },
  {
    t: 1,
    type: 'controller.request-rejected',
    brokerId: 2,
    controllerId: 1,
    epoch: 1,
    error: 'STALE_CONTROLLER_EPOCH',
  },
  {
    t: 1,
    type: 'controller.request-rejected',
    brokerId: 3,
    controllerId: 1,
    epoch: 1,
    error: 'STALE_BROKER_EPOCH',
  },
  { t: 1, type: 'metadata.quorum-lost', live: 1, voters: 3, needed: 2, mode: 'zookeeper' },
  { t: 1, type: 'metadata.quorum-restored', live: 2, voters: 3, needed: 2, mode: 'zookeeper' },
];

describe('ZooKeeper events', () => {
  it('are sentences in both languages, with every value filled in', () => {
    for (const e of EVENTS) {
      for (const t of [en, zh]) {
        const text = describeEvent(e, t);
        expect(text, e.type).not.toMatch(/\{\{|^events\./);
        expect(text.length, e.type).toBeGreaterThan(10);
      }
    }
  });

  it('name the server, the session and the znode that goes with it', () => {
    expect(describeEvent(EVENTS[2], en)).toBe('ZooKeeper zk-2 crashed');
    expect(describeEvent(EVENTS[7], en)).toContain('0x100000002');
    expect(describeEvent(EVENTS[7], en)).toContain('/brokers/ids/2');
    expect(describeEvent(EVENTS[7], zh)).toContain('/brokers/ids/2');
    expect(describeEvent(EVENTS[8], en)).toContain('older controller_epoch 1');
    expect(describeEvent(EVENTS[9], en)).toContain('earlier run');
  });

  it('tell a lost ensemble from a lost KRaft quorum', () => {
    expect(describeEvent(EVENTS[10], en)).toMatch(/^ZooKeeper quorum lost: 1 of 3 servers/);
    expect(describeEvent({ ...EVENTS[10], mode: undefined } as SimEvent, en)).toMatch(
      /^Metadata quorum lost/,
    );
  });

  it('link a line to the server or the broker it is about', () => {
    expect(eventInfo(EVENTS[2]).subject).toEqual({ kind: 'zookeeper', id: 2 });
    expect(eventInfo(EVENTS[2]).important).toBe(true);
    expect(eventInfo(EVENTS[7]).subject).toEqual({ kind: 'broker', id: 2 });
    expect(eventInfo(EVENTS[8]).subject).toEqual({ kind: 'broker', id: 2 });
  });

  it('mark the broker whose session expired, and one that refused a stale controller', () => {
    const [h] = highlightsFor(EVENTS[7]);
    expect(h.target).toEqual({ kind: 'broker', id: 2 });
    expect(en(`highlight.${h.labelKey}`, h.params)).toBe('ZooKeeper session expired');
    expect(highlightsFor(EVENTS[8])).toHaveLength(1);
    expect(highlightsFor(EVENTS[9])).toEqual([]);
  });
});

describe('the ZooKeeper server buttons', () => {
  it('are named as the scene names the server', () => {
    const state = initialSimState();
    const label = (a: (typeof ZOOKEEPER_ACTIONS)[keyof typeof ZOOKEEPER_ACTIONS]) =>
      en(labelKeyOf(a, state, { nodeId: 1 }), labelParamsOf(a, { nodeId: 1 }));
    expect(label(ZOOKEEPER_ACTIONS.kill)).toBe('Kill ZooKeeper zk-1');
    expect(label(ZOOKEEPER_ACTIONS.restart)).toBe('Restart ZooKeeper zk-1');
    expect(label(ZOOKEEPER_ACTIONS.isolate)).toBe('Isolate ZooKeeper zk-1');
    expect(label(ZOOKEEPER_ACTIONS.heal)).toBe('Heal ZooKeeper zk-1');
  });
});

describe('the ensemble in the layout', () => {
  const input: LayoutInput = {
    zookeepers: [1, 2, 3],
    brokers: [1, 2, 3].map((id) => ({ id, hosted: [] })),
    topics: [],
    producers: [],
    groups: [],
  };

  it('is a row of cards above the brokers, where controllers would be', () => {
    const layout = computeLayout(input);
    expect([...layout.zookeepers.keys()]).toEqual([1, 2, 3]);
    expect(layout.controllers.size).toBe(0);
    const cards = [...layout.zookeepers.values()];
    const lowest = Math.max(...cards.map((c) => c.rect.y + c.rect.h));
    for (const box of layout.brokers.values()) expect(box.rect.y).toBeGreaterThan(lowest);
    for (const c of cards) {
      expect(c.rect.w).toBe(D.controllerW);
      expect(c.rect.h).toBe(D.zookeeperH);
      // The buttons sit inside the card, under its four lines of text.
      expect(c.actions.y).toBeGreaterThanOrEqual(c.rect.y + 58 + 3 * 22);
      expect(c.actions.y + c.actions.h).toBeLessThanOrEqual(c.rect.y + c.rect.h);
    }
  });

  it('wraps into more rows where it is narrow, without overlapping', () => {
    const layout = computeLayout({ ...input, zookeepers: [1, 2, 3, 4, 5] }, { width: 700 });
    const cards = [...layout.zookeepers.values()].map((c) => c.rect);
    expect(new Set(cards.map((r) => r.y)).size).toBeGreaterThan(1);
    for (let i = 0; i < cards.length; i++)
      for (let j = i + 1; j < cards.length; j++) expect(overlaps(cards[i], cards[j])).toBe(false);
  });
});
