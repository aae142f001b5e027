// Lesson 15: who keeps the metadata. A KRaft quorum of three dedicated controllers keeps the
// metadata log; the active one leads it, and a change counts once a majority has it. Kill the
// active controller: another wins a vote in a higher epoch. Kill a second: the quorum is lost, yet
// the data flows. Kill a broker: nothing changes, not even its fencing, and acks=all writes time
// out. Restart a controller: the quorum is back, the broker is fenced and its partition gets a new
// Leader. Restart the broker: it registers (its broker epoch is its record's offset) and is
// unfenced once it has read the metadata log that far.
import type { MetadataView } from '../../engine';
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
import { group, kraftClassroom, LEADERS_1_2_3, producer, topic } from './scenarios';

/** The controller killed first (the active one at the start) and the one killed second. */
const FIRST_CONTROLLER = 1001;
const SECOND_CONTROLLER = 1002;
/** The broker killed while the quorum is lost, and the partition it leads (LEADERS_1_2_3). */
const BROKER = 3;
const KEY = 'orders-2';

function quorumOf(ctx: StepContext): MetadataView {
  const m = ctx.view.metadata;
  if (m?.mode !== 'kraft') throw new Error('lesson: the scenario has no KRaft quorum');
  return m;
}

/** The active controller's node, or else the first one (its numbers for the narration). */
function activeNode(ctx: StepContext): MetadataView['nodes'][number] {
  const m = quorumOf(ctx);
  return m.nodes.find((n) => n.id === m.activeController) ?? m.nodes[0];
}

/** The controller stopped in this step, if any. */
const stoppedHere = (ctx: StepContext): number | undefined =>
  eventsOf(ctx, 'controller.node-stopped')[0]?.controllerId;

/** The first controller that is down (the one to restart), if any. */
const firstDown = (ctx: StepContext) => quorumOf(ctx).nodes.find((n) => !n.alive);

/** The broker killed in this lesson (the first one down), or else the one to kill. */
const crashedBroker = (ctx: StepContext): number =>
  ctx.view.brokers.find((b) => b.status !== 'running')?.id ?? BROKER;

const p = (ctx: StepContext) => partitionOf(ctx.view, KEY);

/** A new active controller: not the one of epoch 1 that the world starts with (reported at t=0). */
const newActive = on('controller.changed', (e) => e.controllerId !== null && e.epoch > 1);
const quorumLost = on('metadata.quorum-lost');
const timedOut = on(
  'record.failed',
  (e) => e.producerId === 'checkout' && e.error === 'REQUEST_TIMED_OUT',
);

export const whoKeepsTheMetadata: Lesson = {
  id: 'who-keeps-the-metadata',
  number: 15,
  title: t('Who keeps the metadata', '谁来保管元数据'),
  summary: t(
    'Meet the KRaft controllers that keep the cluster’s metadata: kill the active one and watch another take over in a higher epoch; then take their majority away and see a dead broker stay unfenced until a controller comes back.',
    '认识保管集群元数据的 KRaft 控制器：终止活跃控制器，看另一个控制器在更高的 epoch 中接任；再让控制器凑不够过半数，看一个已经崩溃的 Broker 迟迟不被屏蔽，直到有控制器回来。',
  ),
  concepts: ['KRaft', 'controller quorum', 'active controller', 'majority', 'check-quorum'],
  minutes: 7,
  scenario: kraftClassroom(1515, 'Who keeps the metadata', {
    brokerConfig: { 'min.insync.replicas': 2 },
    topics: [topic('orders', 3, { assignment: LEADERS_1_2_3 })],
    producers: [producer('checkout', 'orders', 3, ['alice', 'bob', 'carol', 'dave'])],
    groups: [group('billing', 'orders', 2)],
  }),
  steps: [
    {
      id: 'controllers',
      play: true,
      narration: t(
        'The brokers hold the data. The metadata (which brokers are alive, who leads each partition, each ISR) is kept by controllers {{first}} to {{last}}, in the row above. Controller {{active}}, with the crown, is the active one: the Leader of the metadata log in epoch {{epoch}}; the others are Followers copying it. Its log ends at LEO {{leo}}; HW {{hw}} marks how far a majority ({{needed}} of {{voters}}) has it, that is, how far the log is committed.',
        '数据存放在 Broker 上；元数据（哪些 Broker 还活着、每个分区由谁担任 Leader、各分区的 ISR）则由上方一排的控制器 {{first}} 到 {{last}} 保管。戴皇冠的控制器 {{active}} 是活跃控制器，也就是元数据日志在 epoch {{epoch}} 中的 Leader；其余控制器是 Follower，不断复制它的日志。它的日志写到了 LEO {{leo}}；HW {{hw}} 标出过半数控制器（{{voters}} 个中的 {{needed}} 个）都已拿到的位置：只有这之前的变更才算提交。',
      ),
      values: (ctx) => {
        const m = quorumOf(ctx);
        const node = activeNode(ctx);
        return {
          first: m.nodes[0].id,
          last: m.nodes[m.nodes.length - 1].id,
          active: m.activeController ?? '–',
          epoch: m.epoch,
          leo: node.logEndOffset,
          hw: node.highWatermark,
          needed: m.quorum.needed,
          voters: m.nodes.length,
        };
      },
    },
    {
      id: 'kill-active',
      narration: t(
        'Kill controller {{active}}, the active one. The others stop hearing from it. After the fetch timeout ({{fetch}} s here), one of them asks the others for votes: first a pre-vote, to see whether it could win, then the real vote. With a majority it becomes the new Leader of the log and the active controller, in a higher epoch.',
        '终止活跃控制器 {{active}}。其他控制器从此收不到它的消息。过了拉取超时（这里是 {{fetch}} 秒），其中一个开始向其他控制器拉票：先发起预投票，看看自己有没有胜算，再正式投票。拿到过半数的票，它就成为日志的新 Leader，也就是新的活跃控制器，epoch 随之升高。',
      ),
      values: (ctx) => ({
        active: stoppedHere(ctx) ?? quorumOf(ctx).activeController ?? '–',
        fetch: seconds(2 * Number(brokerConfig(ctx.view, 'controller.quorum.election.timeout.ms'))),
      }),
      showMe: [{ type: 'killController', controllerId: FIRST_CONTROLLER }],
      ...pauseAt(newActive),
    },
    {
      id: 'new-epoch',
      narration: t(
        'Controller {{active}} won the vote: it wears the crown now, in epoch {{epoch}}, while controller {{old}} led epoch {{oldEpoch}}. Every message between controllers carries its epoch, so if controller {{old}} comes back it sees the higher epoch and follows. {{live}} of {{voters}} controllers are up, still a majority: the metadata can go on changing.',
        '控制器 {{active}} 赢得了选举，皇冠移到了它这里，epoch 变为 {{epoch}}；而控制器 {{old}} 当 Leader 时是 epoch {{oldEpoch}}。控制器之间的每条消息都带着 epoch，所以控制器 {{old}} 即使回来，一看到更高的 epoch，也只会当 Follower。现在 {{voters}} 个控制器中还有 {{live}} 个在运行，仍是过半数：元数据照样可以变更。',
      ),
      values: (ctx) => {
        const m = quorumOf(ctx);
        const old = firstDown(ctx);
        return {
          active: m.activeController ?? '–',
          epoch: m.epoch,
          old: old?.id ?? '–',
          oldEpoch: old?.epoch ?? '–',
          live: m.quorum.live,
          voters: m.nodes.length,
        };
      },
    },
    {
      id: 'kill-second',
      narration: t(
        'Now kill controller {{victim}} as well. That leaves {{left}} of {{voters}} controllers, fewer than the {{needed}} a majority needs: the metadata quorum is lost, and the scene says so. A lone controller may still write to its own log, but nothing it writes can be committed; if it wears the crown, it steps down once no majority has fetched from it for a while (check-quorum).',
        '再终止控制器 {{victim}}。这样 {{voters}} 个控制器只剩 {{left}} 个，凑不够过半数所需的 {{needed}} 个：元数据仲裁丢失，画面上也会出现提示。剩下的那个控制器也许还能往自己的日志里写，但写下的东西都无法提交；如果它戴着皇冠，一段时间内没有过半数的控制器来拉取它的日志，它就会卸任（仲裁检查）。',
      ),
      values: (ctx) => {
        const m = quorumOf(ctx);
        const killed = stoppedHere(ctx);
        const next = m.nodes.find((n) => n.id === SECOND_CONTROLLER && n.alive)
          ? SECOND_CONTROLLER
          : (m.nodes.find((n) => n.alive)?.id ?? '–');
        return {
          victim: killed ?? next,
          left: killed === undefined ? m.quorum.live - 1 : m.quorum.live,
          needed: m.quorum.needed,
          voters: m.nodes.length,
        };
      },
      showMe: [{ type: 'killController', controllerId: SECOND_CONTROLLER }],
      ...pauseAt(quorumLost),
      // The Metrics table counts what changes from the moment the quorum is lost.
      mark: true,
    },
    {
      id: 'data-flows',
      play: true,
      focus: [{ kind: 'producer', id: 'checkout' }],
      narration: t(
        'Yet the data keeps flowing: {{acked}} records of checkout have been acknowledged since the quorum was lost, and billing keeps reading. Producers and consumers talk to the partition Leaders on the brokers, never to the controllers. The controllers are needed only when the metadata must change: to fence a broker, elect a Leader, shrink or grow an ISR.',
        '可数据照常流动：元数据仲裁丢失以来，checkout 又有 {{acked}} 条记录得到确认，billing 也在继续读取。生产者和消费者打交道的是 Broker 上各分区的 Leader，从来不找控制器。只有元数据需要变更时才用得上控制器：屏蔽一个 Broker、选举 Leader、收缩或扩大 ISR。',
      ),
      values: (ctx) => ({
        acked: eventsOf(ctx, 'record.acked', (e) => e.producerId === 'checkout').length,
      }),
      done: (ctx) =>
        ctx.events.some(on('record.acked', (e) => e.producerId === 'checkout' && e.offset >= 0)),
    },
    {
      id: 'kill-broker',
      focus: [
        { kind: 'broker', id: BROKER },
        { kind: 'partition', key: KEY },
      ],
      narration: t(
        'Now kill Broker {{broker}}, the Leader of orders-2. Its heartbeats stop, and after broker.session.timeout.ms ({{timeout}} s) a controller would fence it and elect a new Leader for orders-2. Kill it and watch: does that happen this time?',
        '现在终止 Broker {{broker}}，它是 orders-2 的 Leader。它的心跳会中断；照理说，过了 broker.session.timeout.ms（{{timeout}} 秒），控制器就该屏蔽它，并为 orders-2 选出新的 Leader。终止它，看看这一次会不会这样。',
      ),
      values: (ctx) => ({
        broker: eventsOf(ctx, 'broker.stopped')[0]?.brokerId ?? p(ctx).leader,
        timeout: seconds(brokerConfig(ctx.view, 'broker.session.timeout.ms')),
      }),
      showMe: [{ type: 'killBroker', brokerId: BROKER }],
      ...pauseAt(timedOut),
    },
    {
      id: 'nothing-happens',
      focus: [{ kind: 'partition', key: KEY }],
      narration: t(
        'The session of Broker {{broker}} ran out long ago (broker.session.timeout.ms is {{timeout}} s), yet it is not fenced: orders-2 is still led by Broker {{leader}}, its ISR still [{{isr}}]. No controller can commit a change, so nothing changes. Writes stall: the Leaders of the other partitions wait for Broker {{broker}}, still in their ISR, and checkout’s acks=all requests time out after {{request}} s (REQUEST_TIMED_OUT) and are retried.',
        'Broker {{broker}} 的会话早已超时（broker.session.timeout.ms 是 {{timeout}} 秒），它却没有被屏蔽：orders-2 的 Leader 仍是 Broker {{leader}}，ISR 仍是 [{{isr}}]。没有控制器能提交变更，于是一切原地不动。写入也卡住了：其他分区的 Leader 在等 Broker {{broker}}，因为它还在 ISR 里；checkout 用 acks=all 发出的请求等了 {{request}} 秒后超时（REQUEST_TIMED_OUT），只能重试。',
      ),
      values: (ctx) => ({
        broker: crashedBroker(ctx),
        timeout: seconds(brokerConfig(ctx.view, 'broker.session.timeout.ms')),
        leader: p(ctx).leader,
        isr: ids(p(ctx).isr),
        request: seconds(configOf(producerOf(ctx.view, 'checkout')!.config, 'request.timeout.ms')),
      }),
    },
    {
      id: 'restart-controller',
      focus: [{ kind: 'broker', id: BROKER }],
      narration: t(
        'Restart controller {{back}}. With {{needed}} of {{voters}} controllers up, the quorum is back. They elect an active controller, which gives every broker a fresh session. Broker {{broker}} sends no heartbeat, so after broker.session.timeout.ms it is fenced, and orders-2 gets a new Leader from its ISR.',
        '重启控制器 {{back}}。{{voters}} 个控制器中又有 {{needed}} 个在运行，元数据仲裁恢复了。它们选出活跃控制器，新的活跃控制器给每个 Broker 重新开始计算会话。Broker {{broker}} 发不出心跳，过了 broker.session.timeout.ms 就被屏蔽，orders-2 也从 ISR 中选出新的 Leader。',
      ),
      values: (ctx) => {
        const m = quorumOf(ctx);
        return {
          back:
            eventsOf(ctx, 'controller.node-started')[0]?.controllerId ??
            firstDown(ctx)?.id ??
            FIRST_CONTROLLER,
          needed: m.quorum.needed,
          voters: m.nodes.length,
          broker: crashedBroker(ctx),
        };
      },
      showMe: [{ type: 'restartController', controllerId: FIRST_CONTROLLER }],
      // The run stays paused on the stuck cluster until the learner restarts a controller.
      resumeOn: on('command.applied', (e) => e.command.type === 'restartController'),
      ...pauseAt(on('broker.fenced')),
    },
    {
      id: 'restart-broker',
      focus: [{ kind: 'broker', id: BROKER }],
      narration: t(
        'Brokers read the metadata log too: each fetches the committed records from the active controller, like a Follower that never votes, and serves what they say. Broker {{reader}} has read it up to offset {{read}}. Restart Broker {{broker}}: it registers again, and the offset of the RegisterBrokerRecord the controller writes becomes its new broker epoch. It stays fenced until it has read the log that far.',
        'Broker 也要读元数据日志：每个 Broker 都从活跃控制器拉取已提交的记录，就像一个从不投票的 Follower，并按记录的内容提供服务。Broker {{reader}} 已经读到 offset {{read}}。重启 Broker {{broker}}：它会重新注册，控制器写下一条 RegisterBrokerRecord，这条记录的 offset 就是它新的 Broker epoch。在把日志读到这个位置之前，它一直处于被屏蔽状态。',
      ),
      values: (ctx) => {
        const reader = ctx.view.brokers.find((b) => b.status === 'running' && b.id !== BROKER);
        return {
          reader: reader?.id ?? 1,
          read: reader?.metadataOffset ?? 0,
          broker: crashedBroker(ctx),
        };
      },
      showMe: [{ type: 'restartBroker', brokerId: BROKER }],
      resumeOn: on('command.applied', (e) => e.command.type === 'restartBroker'),
      ...pauseAt(on('broker.unfenced')),
    },
    {
      id: 'majority',
      focus: [{ kind: 'partition', key: KEY }],
      narration: t(
        'Broker {{broker}} is back with broker epoch {{brokerEpoch}}, unfenced once it had read that far, and Broker {{leader}} leads orders-2, decided by controller {{active}} in epoch {{epoch}}. The rule: the metadata changes only while a majority of the controllers is up; without one, the data flows on only as long as nothing needs to change. Up to 3.x, Kafka could keep this metadata in ZooKeeper; since 4.0 it uses KRaft only. The next lesson shows the ZooKeeper way.',
        'Broker {{broker}} 回来了，Broker epoch 是 {{brokerEpoch}}，把日志读到这里后才解除屏蔽；orders-2 由 Broker {{leader}} 担任 Leader，这是控制器 {{active}} 在 epoch {{epoch}} 中做出的决定。规律是：只有过半数的控制器在运行，元数据才能变更；达不到过半数，数据也只有在无需任何变更时才能照常流动。Kafka 3.x 及以前，这些元数据可以放在 ZooKeeper 里；从 4.0 起只用 KRaft。下一课就来看看 ZooKeeper 的做法。',
      ),
      values: (ctx) => ({
        broker: BROKER,
        brokerEpoch: ctx.view.brokers.find((b) => b.id === BROKER)?.brokerEpoch ?? '–',
        leader: p(ctx).leader,
        active: quorumOf(ctx).activeController ?? '–',
        epoch: quorumOf(ctx).epoch,
      }),
    },
  ],
  quiz: [
    question(
      t(
        'A quorum has 5 controllers. How many of them can fail while the metadata can still change?',
        '一个仲裁有 5 个控制器。最多坏掉几个，元数据仍然可以变更？',
      ),
      right(
        t('Two.', '两个。'),
        t(
          'A majority of 5 is 3: with 3 up, a change can still be committed. With 3 controllers, only one may fail.',
          '5 个的过半数是 3 个：只要还有 3 个在运行，变更就能提交。如果只有 3 个控制器，就只能坏一个。',
        ),
      ),
      wrong(
        t('Four: one controller is enough to decide.', '四个：留一个控制器就能做决定。'),
        t(
          'A lone controller cannot commit anything: without a majority nothing in the metadata changes, as you saw.',
          '单独一个控制器什么也提交不了：没有过半数，元数据就不会有任何变化，刚才你已经亲眼看到了。',
        ),
      ),
      wrong(
        t('Three.', '三个。'),
        t(
          'Then only 2 of 5 are up, fewer than the 3 a majority needs.',
          '那样 5 个里只剩 2 个，凑不够过半数所需的 3 个。',
        ),
      ),
    ),
    question(
      t(
        'The metadata quorum is lost, and then a broker in the ISR crashes. What happens to acks=all writes to the partitions whose ISR holds it?',
        '元数据仲裁已经丢失，这时 ISR 中的一个 Broker 崩溃了。ISR 中有它的那些分区，acks=all 的写入会怎样？',
      ),
      right(
        t(
          'They wait, time out (REQUEST_TIMED_OUT) and are retried until delivery.timeout.ms runs out.',
          '一直等待，超时（REQUEST_TIMED_OUT）后重试，直到 delivery.timeout.ms 用完。',
        ),
        t(
          'Only a controller can take the broker out of the ISR. The ISR still holds it, so the Leader waits for it to fetch, which it never does.',
          '只有控制器才能把这个 Broker 移出 ISR。它还在 ISR 里，Leader 就一直等它来拉取，可它再也不会来了。',
        ),
      ),
      wrong(
        t(
          'The Leader refuses them at once with NOT_ENOUGH_REPLICAS.',
          'Leader 立即以 NOT_ENOUGH_REPLICAS 拒绝。',
        ),
        t(
          'That needs an ISR smaller than min.insync.replicas, and without a controller the ISR cannot shrink.',
          '那要 ISR 小于 min.insync.replicas 才会发生，而没有控制器，ISR 根本缩不了。',
        ),
      ),
      wrong(
        t('They go on with the replicas that are left.', '用剩下的副本照常写入。'),
        t(
          'With acks=all the Leader waits for every replica in the ISR, and the ISR still names the dead broker.',
          '在 acks=all 下，Leader 要等 ISR 中的每一个副本，而 ISR 里还列着那个已经崩溃的 Broker。',
        ),
      ),
    ),
    question(
      t(
        'The active controller is cut off from the other controllers. Why does it stop acting as the active controller by itself?',
        '活跃控制器与其他控制器之间断网了。为什么它会自己卸任，不再担任活跃控制器？',
      ),
      right(
        t(
          'No majority fetches from it any more, so after a timeout it resigns (check-quorum).',
          '过半数的控制器不再来拉取它的日志，超过一段时间后它就主动卸任（仲裁检查，check-quorum）。',
        ),
        t(
          'Nothing it writes could be committed, and the others may already have elected a new active controller in a higher epoch.',
          '它写下的任何东西都无法提交，而其他控制器可能已经在更高的 epoch 中选出了新的活跃控制器。',
        ),
      ),
      wrong(
        t('The brokers vote it out.', 'Broker 们投票把它选下去。'),
        t(
          'Only the controllers vote; the brokers just send their heartbeats to the active one.',
          '只有控制器参与投票；Broker 只是把心跳发给活跃控制器。',
        ),
      ),
      wrong(
        t(
          'It does not: it goes on deciding for the cluster.',
          '不会卸任：它继续替整个集群做决定。',
        ),
        t(
          'It could not commit those decisions, and there could be two active controllers; check-quorum prevents that.',
          '那些决定它根本无法提交，集群里还可能出现两个活跃控制器；仲裁检查正是为了防止这种情况。',
        ),
      ),
    ),
  ],
};
