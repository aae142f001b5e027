// Lesson 9: replication. Leader and followers, LEO ahead of the high watermark until the ISR has
// a record, consumers reading below the HW, a follower falling out of the ISR and coming back.
import type { ClusterView } from '../../engine';
import type { Lesson, StepContext } from '../types';
import {
  brokerConfig,
  consumerOf,
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

/** orders-0 is led by broker 2 in this scenario (its assignment), followed by 3 and 1. */
const LEADER = 2;

const p0 = (ctx: StepContext) => partitionOf(ctx.view, 'orders-0');

/** A follower of orders-0 (the controllers are nodes of their own, not brokers). */
const followerOf0 = (view: ClusterView): number => {
  const p = partitionOf(view, 'orders-0');
  return p.replicas.find((b) => b !== p.leader) ?? -1;
};

const leaderAppends = on(
  'record.appended',
  (e) => e.topic === 'orders' && e.partition === 0 && e.brokerId === LEADER,
);
const hwAdvances = on(
  'hw.advanced',
  (e) => e.topic === 'orders' && e.partition === 0 && e.brokerId === LEADER,
);
const broker3Leaves = on(
  'isr.shrunk',
  (e) => e.topic === 'orders' && e.partition === 0 && e.brokerId === 3,
);
const broker3Rejoins = on(
  'isr.expanded',
  (e) => e.topic === 'orders' && e.partition === 0 && e.brokerId === 3,
);

export const replication: Lesson = {
  id: 'replication',
  number: 9,
  title: t('Replication', '副本机制'),
  summary: t(
    'Follow one record from the Leader to its Followers, see the high watermark move once the ISR has it, and take a Follower off the network and back.',
    '跟踪一条记录从 Leader 复制到 Follower，看 ISR 都拿到它之后 HW（高水位）怎样前移；再让一个 Follower 断网、然后恢复网络。',
  ),
  concepts: ['replica', 'Leader', 'Follower', 'ISR', 'high watermark', 'log end offset'],
  minutes: 6,
  scenario: classroom(909, 'Replication', {
    brokerConfig: { 'min.insync.replicas': 2 },
    topics: [topic('orders', 3, { assignment: LEADERS_2_3_1 })],
    producers: [producer('checkout', 'orders', 2, ['alice', 'bob', 'carol', 'dave'])],
    groups: [group('billing', 'orders', 1)],
  }),
  steps: [
    {
      id: 'replicas',
      play: true,
      focus: [{ kind: 'partition', key: 'orders-0' }],
      narration: t(
        'Each partition of orders has {{rf}} replicas, one per broker. One of them is the Leader (marked L): it takes all writes and serves the reads. The others are Followers: they copy the Leader’s log by fetching from it, just as consumers do. orders-0 is led by Broker {{leader}}.',
        'orders 的每个分区都有 {{rf}} 个副本，每个 Broker 上一个。其中一个是 Leader（标着 L）：所有写入都由它接收，读取也由它提供。其余的是 Follower：它们像消费者一样向 Leader 拉取数据，复制 Leader 的日志。orders-0 的 Leader 是 Broker {{leader}}。',
      ),
      values: (ctx) => ({ rf: p0(ctx).replicas.length, leader: p0(ctx).leader }),
    },
    {
      id: 'leo-ahead',
      focus: [{ kind: 'partition', key: 'orders-0' }],
      narration: t(
        'Watch orders-0. Broker {{leader}} has just appended a record: its log end offset (LEO) is {{leo}}, but the high watermark (HW) is still {{hw}}. The newest record exists on the Leader only; the Followers have not fetched it yet.',
        '盯住 orders-0。Broker {{leader}} 刚追加了一条记录：它的 LEO（日志末端 offset）是 {{leo}}，但 HW（高水位）还停在 {{hw}}。最新这条记录目前只在 Leader 上，Follower 还没拉取到。',
      ),
      values: (ctx) => ({
        leader: p0(ctx).leader,
        leo: p0(ctx).logEndOffset,
        hw: p0(ctx).highWatermark,
      }),
      ...pauseAt(leaderAppends),
    },
    {
      id: 'hw-advances',
      play: true,
      focus: [{ kind: 'partition', key: 'orders-0' }],
      narration: t(
        'The Followers fetch the record and, with their next fetch, tell the Leader how far they have got. Once every replica in the ISR has it, the HW moves up: now {{hw}}. Records below the HW are committed; acks=all answers the producer at this moment.',
        'Follower 拉到这条记录，并在下一次拉取时告诉 Leader 自己复制到了哪里。一旦 ISR 里的每个副本都有了它，HW 就前移：现在是 {{hw}}。HW 以下的记录才算已提交（committed）；acks=all 的生产者正是在这一刻收到确认。',
      ),
      values: (ctx) => ({ hw: p0(ctx).highWatermark }),
      ...pauseAt(hwAdvances),
    },
    {
      id: 'isr',
      play: true,
      focus: [{ kind: 'partition', key: 'orders-0' }],
      narration: t(
        'ISR means in-sync replicas: the Leader plus the Followers that keep up. A Follower that has not caught up for replica.lag.time.max.ms ({{lagMax}} s here) is dropped from it, and the HW waits only for the ISR. The ISR of orders-0 now: [{{isr}}].',
        'ISR 是 in-sync replicas 的缩写：Leader 本身，加上跟得上它的 Follower。一个 Follower 如果超过 replica.lag.time.max.ms（这里是 {{lagMax}} 秒）还没追上，就会被移出 ISR，而 HW 只等 ISR 里的副本。orders-0 现在的 ISR：[{{isr}}]。',
      ),
      values: (ctx) => ({
        lagMax: seconds(brokerConfig(ctx.view, 'replica.lag.time.max.ms')),
        isr: ids(p0(ctx).isr),
      }),
    },
    {
      id: 'read-below-hw',
      focus: [{ kind: 'consumer', id: 'billing-1' }],
      narration: t(
        'Consumers read only below the HW. billing-1 never sees a record that only the Leader has: if the Leader died, that record could be gone (lesson 12), and the consumer would have read something that no longer exists. On orders-0 billing-1 is at {{pos}}, the HW at {{hw}}.',
        '消费者只能读到 HW 以下的记录。billing-1 永远看不到只存在于 Leader 上的记录：万一 Leader 宕机，这条记录可能就没了（第 12 课），消费者就读到了一条已不存在的数据。在 orders-0 上，billing-1 的消费位置是 {{pos}}，HW 是 {{hw}}。',
      ),
      values: (ctx) => ({
        pos: consumerOf(ctx.view, 'billing-1')?.positions['orders-0'] ?? '–',
        hw: p0(ctx).highWatermark,
      }),
    },
    {
      id: 'isolate',
      focus: [{ kind: 'broker', id: 3 }],
      narration: t(
        'Cut Broker {{follower}}, a Follower of orders-0, off the network: isolate it. It can no longer fetch, and the controller no longer hears its heartbeats. Watch the ISR of orders-0 shrink.',
        '让 Broker {{follower}}（orders-0 的一个 Follower）断网。它再也拉取不到数据，控制器也收不到它的心跳。看 orders-0 的 ISR 怎样收缩。',
      ),
      values: (ctx) => ({ follower: followerOf0(ctx.view) }),
      showMe: [{ type: 'isolateBroker', brokerId: 3 }],
      ...pauseAt(broker3Leaves),
    },
    {
      id: 'heal',
      play: true,
      focus: [{ kind: 'broker', id: 3 }],
      narration: t(
        'Broker {{follower}} is out of the ISR, so the HW and acks=all wait only for the others: writes go on. ISR now: [{{isr}}]. Heal Broker {{follower}}: it fetches what it missed, catches up with the Leader and rejoins the ISR.',
        'Broker {{follower}} 已被移出 ISR，于是 HW 和 acks=all 只等其余副本：写入照常进行。现在的 ISR：[{{isr}}]。让 Broker {{follower}} 恢复网络：它会拉取错过的数据，追上 Leader，重新加入 ISR。',
      ),
      values: (ctx) => ({ follower: followerOf0(ctx.view), isr: ids(p0(ctx).isr) }),
      showMe: [{ type: 'healBroker', brokerId: 3 }],
      ...pauseAt(broker3Rejoins),
    },
  ],
  quiz: [
    question(
      t('Which replica do producers and consumers talk to?', '生产者和消费者和哪个副本打交道？'),
      right(
        t('The Leader.', 'Leader。'),
        t(
          'The Leader takes the writes and serves the reads; Followers only copy it.',
          'Leader 负责写入和读取；Follower 只负责复制。',
        ),
      ),
      wrong(
        t('Any replica: they are all the same.', '任意一个副本：它们都一样。'),
        t(
          'They are not always the same: a Follower may fall behind. That is why there is one Leader per partition.',
          '它们并不总是一样：Follower 可能落后。所以每个分区只有一个 Leader。',
        ),
      ),
    ),
    question(
      t(
        'A record is on the Leader, above the HW. Can billing-1 read it?',
        '一条记录已在 Leader 上，但在 HW 之上。billing-1 能读到它吗？',
      ),
      right(
        t('Not yet: only once the HW has passed it.', '暂时不能：要等 HW 越过它之后。'),
        t(
          'Below the HW every in-sync replica has the record, so it survives a change of Leader.',
          'HW 以下的记录，ISR 中的每个副本都有，所以换了 Leader 也不会丢。',
        ),
      ),
      wrong(
        t('Yes: it is in the Leader’s log.', '能：它已经在 Leader 的日志里了。'),
        t(
          'Being in the Leader’s log is not enough: it could still vanish if the Leader failed now.',
          '只在 Leader 的日志里还不够：如果 Leader 此刻宕机，它仍然可能消失。',
        ),
      ),
    ),
    question(
      t(
        'A Follower stops fetching. What happens to acks=all writes?',
        '一个 Follower 停止了拉取。acks=all 的写入会怎样？',
      ),
      right(
        t(
          'It leaves the ISR and writes go on with the replicas still in it.',
          '它被移出 ISR，写入继续由仍在 ISR 中的副本完成。',
        ),
        t(
          'acks=all waits for the ISR, not for every replica, as long as min.insync.replicas is met (lesson 11).',
          'acks=all 等的是 ISR，而不是所有副本，前提是满足 min.insync.replicas（第 11 课）。',
        ),
      ),
      wrong(
        t('They wait for it until it comes back.', '一直等它回来。'),
        t(
          'Then one slow broker would stop every write; removing it from the ISR avoids that.',
          '那样一个慢 Broker 就能卡住所有写入；把它移出 ISR 正是为了避免这一点。',
        ),
      ),
    ),
  ],
};
