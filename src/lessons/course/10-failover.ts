// Lesson 10: failover. Kill the Leader of orders-0: the controller waits for the broker session
// to expire, fences it, elects the first in-sync replica in assignment order, and the leader epoch
// goes up; clients follow; the old Leader returns as a Follower, catches up, rejoins the ISR, and
// leads again after a preferred leader election.
import type { PartitionView } from '../../engine';
import type { Lesson, StepContext } from '../types';
import {
  brokerConfig,
  ids,
  on,
  partitionOf,
  question,
  right,
  seconds,
  t,
  wrong,
  pauseAt,
} from './kit';
import { classroom, topic, producer, group, LEADERS_2_3_1 } from './scenarios';

const p0 = (ctx: StepContext) => partitionOf(ctx.view, 'orders-0');

/** The Leader of orders-0 at sim time `at`, from the partition's leader history. */
function leaderAt(p: PartitionView, at: number): number {
  let leader = p.leaderHistory[0]?.leader ?? p.leader;
  for (const h of p.leaderHistory) if (h.t <= at) leader = h.leader;
  return leader;
}

/** The Leader before the current one, and the epoch it had. */
function previous(p: PartitionView): { leader: number; epoch: number } {
  const h = p.leaderHistory;
  const prev = h.length >= 2 ? h[h.length - 2] : h[h.length - 1];
  return { leader: prev?.leader ?? p.leader, epoch: prev?.leaderEpoch ?? p.leaderEpoch };
}

const failedOver = on(
  'partition.leader-elected',
  (e) => e.topic === 'orders' && e.partition === 0 && e.reason.code === 'leader-failed',
);
const broker2Rejoins = on(
  'isr.expanded',
  (e) => e.topic === 'orders' && e.partition === 0 && e.brokerId === 2,
);
const preferredBack = on(
  'partition.leader-elected',
  (e) => e.topic === 'orders' && e.partition === 0 && e.reason.code === 'preferred-leader',
);

export const failover: Lesson = {
  id: 'failover',
  number: 10,
  title: t('Failover', '故障转移'),
  summary: t(
    'Kill the Leader of a partition and watch the controller elect a new one with a new leader epoch; then bring the old Leader back, watch it catch up, and give it its leadership back.',
    '终止一个分区的 Leader，看控制器怎样选出新 Leader、Leader epoch 怎样递增；再让旧 Leader 回来，看它追上进度，最后把 Leader 身份还给它。',
  ),
  concepts: ['controller', 'leader election', 'leader epoch', 'fencing', 'preferred leader'],
  minutes: 6,
  scenario: classroom(1010, 'Failover', {
    brokerConfig: { 'min.insync.replicas': 2, 'auto.leader.rebalance.enable': false },
    topics: [topic('orders', 3, { assignment: LEADERS_2_3_1 })],
    producers: [producer('checkout', 'orders', 3, ['alice', 'bob', 'carol', 'dave'])],
    groups: [group('billing', 'orders', 2)],
  }),
  steps: [
    {
      id: 'before',
      play: true,
      focus: [{ kind: 'partition', key: 'orders-0' }],
      narration: t(
        'orders-0 is led by Broker {{leader}} with leader epoch {{epoch}}; its ISR is [{{isr}}]. Controller {{controller}}, in the row above the brokers, is the active controller: it receives every broker’s heartbeats and decides which replica leads each partition.',
        'orders-0 的 Leader 是 Broker {{leader}}，Leader epoch 为 {{epoch}}；ISR 是 [{{isr}}]。上方一排中的控制器 {{controller}} 是活跃控制器：它接收每个 Broker 的心跳，并决定每个分区由哪个副本担任 Leader。',
      ),
      values: (ctx) => ({
        leader: p0(ctx).leader,
        epoch: p0(ctx).leaderEpoch,
        isr: ids(p0(ctx).isr),
        controller: ctx.view.metadata?.activeController ?? '–',
      }),
    },
    {
      id: 'kill-leader',
      focus: [{ kind: 'broker', id: 2 }],
      narration: t(
        'Kill Broker {{leader}}, the Leader of orders-0. Its heartbeats stop. For broker.session.timeout.ms ({{timeout}} s here) the controller waits, while the clients of orders-0 get errors and retry. Then it fences the broker and elects a new Leader.',
        '终止 Broker {{leader}}，即 orders-0 的 Leader。它的心跳随之中断。在 broker.session.timeout.ms（这里是 {{timeout}} 秒）之内，控制器先等着，orders-0 的客户端收到错误、不断重试。之后控制器屏蔽（fence）这个 Broker，选出新的 Leader。',
      ),
      values: (ctx) => ({
        leader: leaderAt(p0(ctx), ctx.startedAt),
        timeout: seconds(brokerConfig(ctx.view, 'broker.session.timeout.ms')),
      }),
      showMe: [{ type: 'killBroker', brokerId: 2 }],
      ...pauseAt(failedOver),
      // The teaching moment: the Metrics table counts what changes from here (URP, elections).
      mark: true,
    },
    {
      id: 'new-leader',
      focus: [{ kind: 'partition', key: 'orders-0' }],
      narration: t(
        'The controller fenced Broker {{old}} and chose Broker {{leader}}, the first replica in the assignment that is in the ISR. The leader epoch went from {{prevEpoch}} to {{epoch}}: requests stamped with the old epoch are now refused. ISR: [{{isr}}].',
        '控制器屏蔽了 Broker {{old}}，选出 Broker {{leader}}：按副本分配顺序，第一个在 ISR 中的副本。Leader epoch 从 {{prevEpoch}} 变成 {{epoch}}：带着旧 epoch 的请求从此都会被拒绝。ISR：[{{isr}}]。',
      ),
      values: (ctx) => ({
        old: previous(p0(ctx)).leader,
        prevEpoch: previous(p0(ctx)).epoch,
        leader: p0(ctx).leader,
        epoch: p0(ctx).leaderEpoch,
        isr: ids(p0(ctx).isr),
      }),
    },
    {
      id: 'clients-follow',
      play: true,
      focus: [{ kind: 'producer', id: 'checkout' }],
      narration: t(
        'Producers and consumers refresh their metadata and turn to Broker {{leader}}: the writes of checkout to orders-0 are acknowledged again. With acks=all and min.insync.replicas=2, nothing that was acknowledged has been lost.',
        '生产者和消费者刷新元数据，转向 Broker {{leader}}：checkout 写往 orders-0 的记录又能被确认了。因为用的是 acks=all 且 min.insync.replicas=2，已确认的数据一条也没丢。',
      ),
      values: (ctx) => ({ leader: p0(ctx).leader }),
      done: (ctx) =>
        ctx.events.some(on('record.acked', (e) => e.topic === 'orders' && e.partition === 0)),
    },
    {
      id: 'restart',
      focus: [{ kind: 'broker', id: 2 }],
      narration: t(
        'Restart Broker {{old}}. It comes back as a Follower: it first drops anything the new Leader does not have (truncation, lesson 12), then fetches what it missed, and rejoins the ISR once it has caught up.',
        '重启 Broker {{old}}。它回来后是 Follower：先把新 Leader 没有的数据截断（见第 12 课），再拉取错过的数据，追上之后重新加入 ISR。',
      ),
      values: (ctx) => ({ old: p0(ctx).replicas[0] }),
      showMe: [{ type: 'restartBroker', brokerId: 2 }],
      ...pauseAt(broker2Rejoins),
    },
    {
      id: 'preferred',
      play: true,
      focus: [{ kind: 'partition', key: 'orders-0' }],
      narration: t(
        'Broker {{preferred}} is in the ISR again but does not lead. It is the preferred Leader of orders-0 (first in its replica list). Run a preferred leader election to hand leadership back; Kafka also does it periodically (auto.leader.rebalance.enable, off in this lesson).',
        'Broker {{preferred}} 已重新进入 ISR，但并不是 Leader。它是 orders-0 的优先副本（副本列表中的第一个）。执行一次优先副本选举，把 Leader 身份交还给它；Kafka 也会定期自动做这件事（auto.leader.rebalance.enable，本课把它关掉了）。',
      ),
      values: (ctx) => ({ preferred: p0(ctx).replicas[0] }),
      showMe: [{ type: 'electPreferredLeaders', topic: 'orders' }],
      ...pauseAt(preferredBack),
    },
  ],
  quiz: [
    question(
      t('Who chooses the new Leader of a partition?', '谁来选出分区的新 Leader？'),
      right(
        t('The controller.', '控制器。'),
        t(
          'It fences the failed broker and picks the first replica in assignment order that is in the ISR.',
          '它屏蔽故障的 Broker，按副本分配顺序选出第一个在 ISR 中的副本。',
        ),
      ),
      wrong(
        t('The Followers, by a vote among themselves.', 'Follower 之间投票选出。'),
        t(
          'Partition replicas do not vote; the controller decides from the ISR it keeps.',
          '分区副本之间不投票；由控制器根据它维护的 ISR 来决定。',
        ),
      ),
      wrong(
        t('The producer, by writing to another broker.', '生产者，通过改写到另一个 Broker。'),
        t(
          'Clients only learn the new Leader from metadata; they never choose it.',
          '客户端只是从元数据中得知新 Leader，从不参与选择。',
        ),
      ),
    ),
    question(
      t('What is the leader epoch for?', 'Leader epoch 有什么用？'),
      right(
        t(
          'It numbers the Leaders of a partition, so a stale Leader and stale requests can be refused.',
          '它给分区的历任 Leader 依次标上序号，这样过时的 Leader 和过时的请求都能被识别并拒绝。',
        ),
        t(
          'It went up by one at the election; Followers also use it to find where their log diverges.',
          '选举时它加了一；Follower 也靠它找出自己的日志从哪里开始与 Leader 不一致。',
        ),
      ),
      wrong(
        t('It counts the records the Leader has written.', '它统计 Leader 写过多少条记录。'),
        t(
          'Records are counted by offsets; the epoch changes only when the Leader changes.',
          '记录靠 offset 计数；epoch 只在换 Leader 时变化。',
        ),
      ),
    ),
    question(
      t(
        'When the old Leader comes back, does it lead again at once?',
        '旧 Leader 回来后，会立刻重新当 Leader 吗？',
      ),
      right(
        t(
          'No: it follows and catches up, and leads again only after a preferred leader election.',
          '不会：它先当 Follower 追上进度，要等一次优先副本选举之后才重新当 Leader。',
        ),
        t(
          'Taking over at once would make it lead with a log that may be behind.',
          '如果一回来就接管，它就会带着可能落后的日志去当 Leader。',
        ),
      ),
      wrong(
        t('Yes: it is the preferred Leader.', '会：它是优先副本。'),
        t(
          'Preferred only means first in the list; it must be back in the ISR and an election must move leadership.',
          '优先副本只是排在副本列表第一位的那个；它必须先回到 ISR，再经过一次选举，才能拿回 Leader 身份。',
        ),
      ),
    ),
  ],
};
