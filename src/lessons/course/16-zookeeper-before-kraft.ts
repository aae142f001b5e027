// Lesson 16: before KRaft, ZooKeeper. Three ZooKeeper servers keep the metadata; every broker
// holds a session and registers an ephemeral node, and the broker that created /controller is the
// controller. Kill it: nothing happens until its session expires; then another broker creates
// /controller in a higher controller_epoch, writes new Leaders and ISRs to ZooKeeper and tells the
// brokers with LeaderAndIsr. Kill two ZooKeeper servers: the quorum is lost. Kill a broker: no
// session can expire, so nothing changes. Restart a server: a ZooKeeper Leader is elected, the
// session expires and the broker's partitions get new Leaders. Last, the contrast with KRaft.
import type { ZnodeView, ZooKeeperView } from '../../engine';
import type { Lesson, StepContext } from '../types';
import {
  brokerConfig,
  configOf,
  eventsOf,
  ids,
  on,
  partitionOf,
  pauseAt,
  producerOf,
  question,
  right,
  seconds,
  t,
  wrong,
} from './kit';
import { group, LEADERS_1_2_3, producer, topic, zookeeperClassroom } from './scenarios';

/** The broker that owns /controller at the start: killed first. */
const CONTROLLER = 1;
/** The ZooKeeper servers killed to lose the quorum (zk-3 leads at the start), and the one back. */
const ZK_KILLED = [1, 2];
const ZK_BACK = 1;
/** The broker killed while the quorum is lost, and the partition it leads (LEADERS_1_2_3). */
const BROKER = 2;
const KEY = 'orders-1';
/** The partition the first controller leads (LEADERS_1_2_3). */
const FIRST_KEY = 'orders-0';
/**
 * checkout's request.timeout.ms. While the first controller is dead, orders-2's ISR still holds it
 * and acks=all writes wait: for its session to expire, a new controller and its writes (about 12
 * s). A longer timeout means none of them times out then, so the first REQUEST_TIMED_OUT on
 * orders-2 comes from the broker killed while the ZooKeeper quorum is lost.
 */
const REQUEST_TIMEOUT_MS = 20_000;

function ensembleOf(ctx: StepContext): ZooKeeperView {
  const m = ctx.view.metadata;
  if (m?.mode !== 'zookeeper') throw new Error('lesson: the scenario has no ZooKeeper ensemble');
  return m;
}

const znode = (ctx: StepContext, path: string): ZnodeView | undefined =>
  ensembleOf(ctx).znodes.find((z) => z.path === path);

/** The brokers registered under /brokers/ids (their ephemeral nodes). */
const registered = (ctx: StepContext): number[] =>
  ensembleOf(ctx)
    .znodes.filter((z) => /^\/brokers\/ids\/\d+$/.test(z.path))
    .map((z) => Number(z.path.slice('/brokers/ids/'.length)));

/** A partition's state node (/brokers/topics/T/partitions/P/state): Leader, ISR, its epoch. */
function stateNode(
  ctx: StepContext,
  key: string,
): { leader: number; isr: number[]; epoch: number } {
  const i = key.lastIndexOf('-');
  const path = `/brokers/topics/${key.slice(0, i)}/partitions/${key.slice(i + 1)}/state`;
  const data = znode(ctx, path)?.data;
  if (!data) throw new Error(`lesson: no znode ${path}`);
  const s = JSON.parse(data) as { leader: number; isr: number[]; controller_epoch: number };
  return { leader: s.leader, isr: s.isr, epoch: s.controller_epoch };
}

/**
 * The broker that owns /controller, or '–' while nobody does (the view's activeController stays
 * on the old controller until a new one has won, so the znode says it better).
 */
function controllerOf(ctx: StepContext): number | string {
  const data = znode(ctx, '/controller')?.data;
  return data ? (JSON.parse(data) as { brokerid: number }).brokerid : '–';
}

/** The value of /controller_epoch. */
const controllerEpoch = (ctx: StepContext): string | number =>
  znode(ctx, '/controller_epoch')?.data ?? ensembleOf(ctx).epoch;

/** The ZooKeeper server leading the ensemble, if any. */
const zkLeader = (ctx: StepContext): number | string =>
  ensembleOf(ctx).nodes.find((n) => n.role === 'leading')?.id ?? '–';

/** zookeeper.session.timeout.ms in seconds. */
const sessionTimeout = (ctx: StepContext): string =>
  seconds(brokerConfig(ctx.view, 'zookeeper.session.timeout.ms'));

/** The broker killed first (the first one down), or else the controller to kill. */
const firstDown = (ctx: StepContext): number =>
  ctx.view.brokers.find((b) => b.status !== 'running')?.id ?? CONTROLLER;

/** The broker killed while the quorum is lost (down, not the first), or else the one to kill. */
const secondDown = (ctx: StepContext): number =>
  ctx.view.brokers.find((b) => b.status !== 'running' && b.id !== CONTROLLER)?.id ?? BROKER;

const p = (ctx: StepContext) => partitionOf(ctx.view, KEY);

const sessionExpired = on('zookeeper.session-expired', (e) => e.brokerId === CONTROLLER);
/** A new controller: not the one of controller_epoch 1 that the world starts with. */
const newController = on('controller.changed', (e) => e.controllerId !== null && e.epoch > 1);
/**
 * orders-0's new Leader moves its high watermark: it has had LeaderAndIsr. The controller sends
 * LeaderAndIsr once ZooKeeper has answered every write of the change (orders-0 to orders-2 and
 * __consumer_offsets), so pausing here none of them is left in flight when the learner takes
 * ZooKeeper's majority away (the brokers would then not hear of the change until it is back).
 */
const newLeaderServes = on(
  'hw.advanced',
  (e) => e.topic === 'orders' && e.partition === 0 && e.brokerId !== CONTROLLER,
);
const quorumLost = on('metadata.quorum-lost', (e) => e.mode === 'zookeeper');
/** A write to orders-2 (led by broker 3, with broker 2 in its ISR) times out. */
const timedOut = on(
  'record.failed',
  (e) => e.producerId === 'checkout' && e.partition === 2 && e.error === 'REQUEST_TIMED_OUT',
);
const moved = on(
  'partition.leader-elected',
  (e) => e.topic === 'orders' && e.partition === 1 && e.previousLeader === BROKER,
);

export const zookeeperBeforeKraft: Lesson = {
  id: 'zookeeper-before-kraft',
  number: 16,
  title: t('Before KRaft: ZooKeeper', 'KRaft 之前：ZooKeeper'),
  summary: t(
    'See how Kafka up to 3.x kept its metadata in ZooKeeper: sessions, ephemeral nodes and the race for /controller. Kill the controller and wait for its session to expire; then take ZooKeeper’s majority away and watch a dead broker go unnoticed.',
    '看看 Kafka 3.x 及以前怎样把元数据存放在 ZooKeeper 里：会话、临时节点，以及争抢 /controller。终止控制器，等它的会话过期；再让 ZooKeeper 凑不够过半数，看一个崩溃的 Broker 怎样无人察觉。',
  ),
  concepts: ['ZooKeeper', 'session', 'ephemeral node', 'controller epoch', 'LeaderAndIsr'],
  minutes: 8,
  scenario: zookeeperClassroom(1616, 'Before KRaft: ZooKeeper', {
    brokerConfig: { 'min.insync.replicas': 2 },
    topics: [topic('orders', 3, { assignment: LEADERS_1_2_3 })],
    producers: [
      producer('checkout', 'orders', 3, ['alice', 'bob', 'carol', 'dave'], {
        acks: 'all',
        'request.timeout.ms': REQUEST_TIMEOUT_MS,
        'delivery.timeout.ms': 3 * REQUEST_TIMEOUT_MS,
      }),
    ],
    groups: [group('billing', 'orders', 2)],
  }),
  steps: [
    {
      id: 'ensemble',
      play: true,
      narration: t(
        'Before KRaft, Kafka kept its metadata outside itself, in ZooKeeper. Servers zk-{{first}} to zk-{{last}}, in the row above, form the ensemble: zk-{{leader}} is its Leader, the others follow it, and a change counts once a majority ({{needed}} of {{servers}}) has logged it. Each broker holds a session with one server and pings it; a session that stays silent for zookeeper.session.timeout.ms ({{timeout}} s here) expires.',
        '在 KRaft 之前，Kafka 把元数据放在自身之外的 ZooKeeper 里。上方一排的服务器 zk-{{first}} 到 zk-{{last}} 组成 ZooKeeper 集群：zk-{{leader}} 是集群的 Leader，其余服务器是它的 Follower；一次修改要等过半数服务器（{{servers}} 台中的 {{needed}} 台）记入日志才算数。每个 Broker 都与其中一台服务器保持一个会话，定时发送心跳；会话如果在 zookeeper.session.timeout.ms（这里是 {{timeout}} 秒）内毫无动静，就会过期。',
      ),
      values: (ctx) => {
        const m = ensembleOf(ctx);
        return {
          first: m.nodes[0].id,
          last: m.nodes[m.nodes.length - 1].id,
          leader: zkLeader(ctx),
          needed: m.quorum.needed,
          servers: m.nodes.length,
          timeout: sessionTimeout(ctx),
        };
      },
    },
    {
      id: 'znodes',
      narration: t(
        'ZooKeeper keeps a tree of small nodes. Each broker has registered /brokers/ids/N, an ephemeral node: it lives only as long as that broker’s session. There are {{registered}} now, for brokers {{brokers}}. Broker {{controller}} was the first to create /controller, ephemeral too: that makes it the controller. The persistent /controller_epoch holds {{epoch}} and goes up with every new controller. Each partition’s Leader and ISR are kept under /brokers/topics.',
        'ZooKeeper 里存着一棵由小节点组成的树。每个 Broker 都注册了 /brokers/ids/N，这是一个临时节点：只在这个 Broker 的会话存续期间存在。现在共有 {{registered}} 个，分别属于 Broker {{brokers}}。Broker {{controller}} 抢先创建了 /controller（同样是临时节点），所以它是控制器。持久节点 /controller_epoch 的值是 {{epoch}}，每换一个控制器就加一。各分区的 Leader 和 ISR 都存放在 /brokers/topics 下面。',
      ),
      values: (ctx) => ({
        registered: registered(ctx).length,
        brokers: ids(registered(ctx)),
        controller: controllerOf(ctx),
        epoch: controllerEpoch(ctx),
      }),
    },
    {
      id: 'kill-controller',
      focus: [{ kind: 'broker', id: CONTROLLER }],
      narration: t(
        'Kill Broker {{broker}}, the controller, and watch: at first nothing happens. /controller still names it, and its partitions keep it as their Leader. ZooKeeper does not see a process die; it sees a session fall silent. The ZooKeeper Leader expires a session only after zookeeper.session.timeout.ms without a ping: {{timeout}} s here (Kafka’s default is {{default}} s).',
        '终止控制器 Broker {{broker}}，然后观察：起初什么也没发生。/controller 记的仍是它，它负责的分区也仍以它为 Leader。ZooKeeper 看不到进程崩溃，只看得到会话没了动静。ZooKeeper 的 Leader 要在 zookeeper.session.timeout.ms 内一直收不到心跳，才会让会话过期：这里是 {{timeout}} 秒（Kafka 的默认值是 {{default}} 秒）。',
      ),
      values: (ctx) => ({
        broker: eventsOf(ctx, 'broker.stopped')[0]?.brokerId ?? CONTROLLER,
        timeout: sessionTimeout(ctx),
        default: seconds(
          ctx.view.brokers[0].config.find((c) => c.key === 'zookeeper.session.timeout.ms')
            ?.kafkaDefault as number,
        ),
      }),
      showMe: [{ type: 'killBroker', brokerId: CONTROLLER }],
      ...pauseAt(sessionExpired),
    },
    {
      id: 'new-controller',
      play: true,
      narration: t(
        'The session expired. ZooKeeper deleted its ephemeral nodes, /brokers/ids/{{old}} and /controller among them. Every broker watches /controller, so the others hear it is gone, and each tries to create it, raising /controller_epoch in the same write. ZooKeeper lets only one succeed: Broker {{controller}}. It is the new controller, with controller_epoch {{epoch}}.',
        '会话过期了。ZooKeeper 删除了这个会话的临时节点，其中就有 /brokers/ids/{{old}} 和 /controller。每个 Broker 都监视着 /controller，于是其余 Broker 得知它已消失，纷纷尝试创建它，并在同一次写入中把 /controller_epoch 加一。ZooKeeper 只让其中一个成功：Broker {{controller}}。它成了新的控制器，controller_epoch 为 {{epoch}}。',
      ),
      values: (ctx) => ({
        old: firstDown(ctx),
        controller: controllerOf(ctx),
        epoch: controllerEpoch(ctx),
      }),
      ...pauseAt(newController),
    },
    {
      id: 'leader-and-isr',
      play: true,
      focus: [{ kind: 'partition', key: FIRST_KEY }],
      narration: t(
        'The new controller reads /brokers/ids, sees that Broker {{old}} is gone, and picks new Leaders for its partitions. It writes them to ZooKeeper first: /brokers/topics/orders/partitions/0/state now says Leader {{leader}}, ISR [{{isr}}], controller_epoch {{epoch}}. Only then does it tell the brokers, with LeaderAndIsr to the replicas and UpdateMetadata to all. Brokers never read these nodes: Broker {{leader}} leads orders-0 once the request reaches it.',
        '新控制器读取 /brokers/ids，发现 Broker {{old}} 不见了，于是为它负责的分区挑选新的 Leader。它先把结果写进 ZooKeeper：/brokers/topics/orders/partitions/0/state 现在记着 Leader {{leader}}、ISR [{{isr}}]、controller_epoch {{epoch}}。然后才通知各个 Broker：向副本发送 LeaderAndIsr，向所有 Broker 发送 UpdateMetadata。Broker 从不读取这些节点：要等请求送达，Broker {{leader}} 才真正担任 orders-0 的 Leader。',
      ),
      values: (ctx) => {
        const s = stateNode(ctx, FIRST_KEY);
        return { old: firstDown(ctx), leader: s.leader, isr: ids(s.isr), epoch: s.epoch };
      },
      ...pauseAt(newLeaderServes),
    },
    {
      id: 'kill-zookeeper',
      narration: t(
        'Now kill ZooKeeper servers zk-{{a}} and zk-{{b}}. That leaves {{live}} of {{servers}}, fewer than the {{needed}} a majority needs: the ZooKeeper quorum is lost. No write can commit, so no session can expire, no controller can change, no Leader or ISR either; zk-{{left}} soon stops acting as Leader. Records do not pass through ZooKeeper: producers and consumers carry on.',
        '现在终止 ZooKeeper 服务器 zk-{{a}} 和 zk-{{b}}。{{servers}} 台只剩 {{live}} 台，凑不够过半数所需的 {{needed}} 台：ZooKeeper 仲裁丢失。任何写入都无法提交，于是会话不会过期，控制器不会更换，Leader 和 ISR 也不会变；zk-{{left}} 不久也不再担任 Leader。记录并不经过 ZooKeeper：生产者和消费者照常工作。',
      ),
      values: (ctx) => {
        const m = ensembleOf(ctx);
        const killed = eventsOf(ctx, 'zookeeper.node-stopped').map((e) => e.nodeId);
        const [a, b] = killed.length === 2 ? killed : ZK_KILLED;
        return {
          a,
          b,
          live: killed.length === 2 ? m.quorum.live : m.quorum.live - ZK_KILLED.length,
          servers: m.nodes.length,
          needed: m.quorum.needed,
          left: m.nodes.find((n) => n.id !== a && n.id !== b)?.id ?? '–',
        };
      },
      showMe: ZK_KILLED.map((nodeId) => ({ type: 'killZooKeeper' as const, nodeId })),
      ...pauseAt(quorumLost),
      // The Metrics table counts what changes from the moment the quorum is lost.
      mark: true,
    },
    {
      id: 'kill-broker',
      play: true,
      focus: [
        { kind: 'broker', id: BROKER },
        { kind: 'partition', key: KEY },
      ],
      narration: t(
        'Now kill Broker {{broker}}, the Leader of orders-1. Its pings stop, but expiring a session is a write, and without a majority no write commits. So /brokers/ids/{{broker}} stays, orders-1 still names Broker {{leader}} as its Leader, and its ISR is still [{{isr}}]. acks=all writes to orders-2, whose ISR holds it too, wait in vain: they time out after request.timeout.ms ({{request}} s), well past the session timeout ({{timeout}} s).',
        '现在终止 Broker {{broker}}，它是 orders-1 的 Leader。它的心跳停了，可让会话过期也是一次写入，没有过半数，任何写入都提交不了。于是 /brokers/ids/{{broker}} 还在，orders-1 仍以 Broker {{leader}} 为 Leader，ISR 仍是 [{{isr}}]。orders-2 的 ISR 里也有它，写入 orders-2 的 acks=all 请求只能白白等待，过了 request.timeout.ms（{{request}} 秒）就超时，早已超过会话超时（{{timeout}} 秒）。',
      ),
      values: (ctx) => ({
        broker: secondDown(ctx),
        leader: p(ctx).leader,
        isr: ids(p(ctx).isr),
        request: seconds(configOf(producerOf(ctx.view, 'checkout')!.config, 'request.timeout.ms')),
        timeout: sessionTimeout(ctx),
      }),
      showMe: [{ type: 'killBroker', brokerId: BROKER }],
      ...pauseAt(timedOut),
    },
    {
      id: 'restart-zookeeper',
      focus: [{ kind: 'partition', key: KEY }],
      narration: t(
        'Restart zk-{{back}}. {{needed}} of {{servers}} servers make a majority again: they elect a ZooKeeper Leader, which gives every session a full timeout. Broker {{broker}} sends no ping, so {{timeout}} s later its session expires and /brokers/ids/{{broker}} goes. The controller, Broker {{controller}}, sees it leave, writes new Leaders and ISRs and sends LeaderAndIsr: orders-1 gets a new Leader. A live broker that cannot reconnect in time loses its session too, and registers again.',
        '重启 zk-{{back}}。{{servers}} 台服务器中又有 {{needed}} 台在运行，重新凑够过半数：它们选出 ZooKeeper 的 Leader，新 Leader 给每个会话重新计满超时。Broker {{broker}} 发不出心跳，{{timeout}} 秒后它的会话过期，/brokers/ids/{{broker}} 随之删除。控制器 Broker {{controller}} 发现它离开，把新的 Leader 和 ISR 写进 ZooKeeper，再发送 LeaderAndIsr：orders-1 有了新的 Leader。活着的 Broker 如果没能及时重连，会话同样会过期，之后要重新注册。',
      ),
      values: (ctx) => {
        const m = ensembleOf(ctx);
        return {
          back: eventsOf(ctx, 'zookeeper.node-started')[0]?.nodeId ?? ZK_BACK,
          needed: m.quorum.needed,
          servers: m.nodes.length,
          broker: secondDown(ctx),
          timeout: sessionTimeout(ctx),
          controller: controllerOf(ctx),
        };
      },
      showMe: [{ type: 'restartZooKeeper', nodeId: ZK_BACK }],
      // The run stays paused on the stuck cluster until the learner restarts a server.
      resumeOn: on('command.applied', (e) => e.command.type === 'restartZooKeeper'),
      ...pauseAt(moved),
    },
    {
      id: 'separate-system',
      focus: [{ kind: 'partition', key: KEY }],
      narration: t(
        'Broker {{leader}} leads orders-1 now, on the word of the controller, Broker {{controller}}, in controller_epoch {{epoch}}. That was Kafka up to 3.x: the metadata lived in a separate system to run beside Kafka; one broker became the controller through it, and the others learned the metadata only from its requests. KRaft, in the previous lesson, brings it into Kafka: a Raft quorum of controllers keeps it as a log that brokers fetch. Since 4.0, Kafka runs KRaft only.',
        '现在 orders-1 的 Leader 是 Broker {{leader}}，这是控制器 Broker {{controller}} 在 controller_epoch {{epoch}} 中做出的决定。这就是 3.x 及以前的 Kafka：元数据放在另一个系统里，要在 Kafka 之外单独部署运维；某个 Broker 借助它当上控制器，其余 Broker 只能从控制器发来的请求中得知元数据。上一课的 KRaft 把元数据搬进了 Kafka 内部：由控制器组成的 Raft 仲裁把它保存成日志，由 Broker 自己拉取。从 4.0 起，Kafka 只支持 KRaft。',
      ),
      values: (ctx) => ({
        leader: p(ctx).leader,
        controller: controllerOf(ctx),
        epoch: controllerEpoch(ctx),
      }),
    },
  ],
  quiz: [
    question(
      t(
        'In ZooKeeper mode, a broker’s machine loses power. What makes the controller notice?',
        '在 ZooKeeper 模式下，某个 Broker 所在的机器突然断电。控制器是怎样察觉的？',
      ),
      right(
        t(
          'Its ZooKeeper session expires after zookeeper.session.timeout.ms, which deletes its ephemeral node under /brokers/ids, and the controller watches that path.',
          '过了 zookeeper.session.timeout.ms，它的 ZooKeeper 会话过期，/brokers/ids 下它的临时节点随之删除，而控制器一直监视着这个路径。',
        ),
        t(
          'ZooKeeper knows a broker only by its session: until the session expires, the broker counts as alive.',
          'ZooKeeper 只通过会话认识 Broker：会话过期之前，这个 Broker 都算活着。',
        ),
      ),
      wrong(
        t(
          'The broker deletes its own node as it goes down.',
          '这个 Broker 在停机时自己删除了它的节点。',
        ),
        t(
          'A machine without power deletes nothing: ZooKeeper deletes the ephemeral node when the session expires.',
          '断了电的机器什么也删不了：是 ZooKeeper 在会话过期时删除了临时节点。',
        ),
      ),
      wrong(
        t(
          'The controller pings every broker and misses its answer.',
          '控制器定时探测每个 Broker，发现它没有应答。',
        ),
        t(
          'In ZooKeeper mode the controller does not track brokers itself; it relies on their sessions and nodes in ZooKeeper.',
          '在 ZooKeeper 模式下，控制器自己并不跟踪 Broker 的死活，靠的是它们在 ZooKeeper 里的会话和节点。',
        ),
      ),
    ),
    question(
      t(
        'Two of three ZooKeeper servers are down when a broker crashes. What happens to the partitions it leads?',
        'ZooKeeper 的三台服务器已经停了两台，这时一个 Broker 崩溃了。它担任 Leader 的那些分区会怎样？',
      ),
      right(
        t(
          'Nothing, until a majority of ZooKeeper is back: they keep the dead broker as their Leader.',
          '什么也不会发生，直到 ZooKeeper 重新凑够过半数：它们的 Leader 仍是那个已经崩溃的 Broker。',
        ),
        t(
          'Its session cannot expire without a ZooKeeper majority, so no controller hears of it, and no new Leader could be written anyway.',
          '没有过半数，它的会话就无法过期，控制器也就无从得知；况且新的 Leader 本来也写不进 ZooKeeper。',
        ),
      ),
      wrong(
        t(
          'The controller elects new Leaders for them at once.',
          '控制器立即为它们选出新的 Leader。',
        ),
        t(
          'The controller learns of a dead broker only through ZooKeeper, and must write new Leaders there before it tells anyone.',
          '控制器只能通过 ZooKeeper 得知 Broker 崩溃，而且必须先把新的 Leader 写进 ZooKeeper，才能通知其他 Broker。',
        ),
      ),
      wrong(
        t(
          'All producers and consumers of the cluster stop with it.',
          '整个集群的生产者和消费者都随之停止。',
        ),
        t(
          'Records do not pass through ZooKeeper: partitions led by live brokers keep working.',
          '记录并不经过 ZooKeeper：由存活 Broker 担任 Leader 的分区照常工作。',
        ),
      ),
    ),
    question(
      t(
        'In ZooKeeper mode, how does a broker learn that it now leads a partition?',
        '在 ZooKeeper 模式下，Broker 怎样得知自己成了某个分区的 Leader？',
      ),
      right(
        t(
          'The controller sends it LeaderAndIsr, once the change is written to ZooKeeper.',
          '控制器把变更写进 ZooKeeper 之后，向它发送 LeaderAndIsr。',
        ),
        t(
          'ZooKeeper holds the state; the controller writes it there and then pushes it to the brokers.',
          'ZooKeeper 保存状态；控制器先写进去，再把它推送给各个 Broker。',
        ),
      ),
      wrong(
        t(
          'It reads the partition’s state node in ZooKeeper.',
          '它自己去读 ZooKeeper 里这个分区的状态节点。',
        ),
        t(
          'Brokers leave those nodes to the controller and wait for its requests.',
          'Broker 不碰这些节点，而是等控制器发来请求。',
        ),
      ),
      wrong(
        t('It fetches the metadata log from the controllers.', '它从控制器那里拉取元数据日志。'),
        t(
          'That is KRaft, from the previous lesson: ZooKeeper mode has no metadata log.',
          '那是上一课的 KRaft：ZooKeeper 模式没有元数据日志。',
        ),
      ),
    ),
  ],
};
