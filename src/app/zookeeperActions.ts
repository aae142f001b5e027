// The buttons of a ZooKeeper server (ZooKeeper mode): crash it, start it again, cut it off from
// the network and heal it. Same registry shape as the brokers' and the KRaft controllers' actions,
// so the scene's buttons and the inspector share their labels and when they are possible.
import { run, type Action } from './actions';
import { zookeeperOf } from './metadataMode';
import type { SimState } from './store';

type ZooKeeperParams = { nodeId: number };

const serverOf = (s: SimState, p: ZooKeeperParams) =>
  zookeeperOf(s.cluster?.metadata)?.nodes.find((n) => n.id === p.nodeId);

const running = (s: SimState) => s.status === 'ready';

export const ZOOKEEPER_ACTIONS = {
  kill: {
    id: 'zookeeper.kill',
    labelKey: 'zookeeper.kill',
    labelParams: (p) => ({ id: p.nodeId }),
    perform: (ctx, p) => void run(ctx, { type: 'killZooKeeper', nodeId: p.nodeId }),
    enabled: (s, p) => running(s) && serverOf(s, p)?.alive === true,
  },
  restart: {
    id: 'zookeeper.restart',
    labelKey: 'zookeeper.restart',
    labelParams: (p) => ({ id: p.nodeId }),
    perform: (ctx, p) => void run(ctx, { type: 'restartZooKeeper', nodeId: p.nodeId }),
    enabled: (s, p) => running(s) && serverOf(s, p)?.alive === false,
  },
  isolate: {
    id: 'zookeeper.isolate',
    labelKey: 'zookeeper.isolate',
    labelParams: (p) => ({ id: p.nodeId }),
    perform: (ctx, p) => void run(ctx, { type: 'isolateZooKeeper', nodeId: p.nodeId }),
    enabled: (s, p) => running(s) && serverOf(s, p)?.isolated === false,
  },
  heal: {
    id: 'zookeeper.heal',
    labelKey: 'zookeeper.heal',
    labelParams: (p) => ({ id: p.nodeId }),
    perform: (ctx, p) => void run(ctx, { type: 'healZooKeeper', nodeId: p.nodeId }),
    enabled: (s, p) => running(s) && serverOf(s, p)?.isolated === true,
  },
} satisfies Record<string, Action<ZooKeeperParams>>;
