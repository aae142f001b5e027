// Lesson 12: where acknowledged data is lost. acks=1: the Leader dies with records it has
// acknowledged but no Follower has, and the returning broker truncates them; acks=all with
// min.insync.replicas=2 loses nothing through the same failure; unclean leader election buys
// availability with acknowledged data.
//
// The kill must land while Broker 2 holds acknowledged clicks that no Follower has fetched: the
// step before pauses on Broker 2's next append, and the kill step resumes the run on the kill.
import type { ClusterView } from '../../engine';
import type { Lesson, StepContext } from '../types';
import { eventsOf, on, partitionOf, partitionsOf, question, right, t, wrong, pauseAt } from './kit';
import { classroom, topic, producer } from './scenarios';

const TOPICS = ['clicks', 'payments'];

/**
 * The brokers by their part in the story, read from the replica list of clicks-0 (the scenario's
 * assignment): the first Leader, the replica that is killed first in the unclean part (and comes
 * back first), and the one left standing last.
 */
const roles = (ctx: StepContext) => {
  const [leader, second, third] = partitionOf(ctx.view, 'clicks-0').replicas;
  return { leader, second, third };
};

/** Acknowledged records removed by truncation in this step, for one topic. */
const lostIn = (ctx: StepContext, topic: string) =>
  eventsOf(ctx, 'log.truncated', (e) => e.topic === topic).reduce(
    (n, e) => n + e.lostAcked.length,
    0,
  );

const everyPartition = (view: ClusterView, ok: (isr: number[], leader: number) => boolean) =>
  TOPICS.every((topic) => partitionsOf(view, topic).every((p) => ok(p.isr, p.leader)));

const leader2Appends = on('record.appended', (e) => e.topic === 'clicks' && e.brokerId === 2);
const clicksFailedOver = on(
  'partition.leader-elected',
  (e) => e.topic === 'clicks' && e.reason.code === 'leader-failed',
);
const uncleanClicks = on('partition.leader-elected', (e) => e.topic === 'clicks' && e.unclean);

const ASSIGNMENT = [
  [2, 3, 1],
  [2, 1, 3],
  [2, 3, 1],
];

export const whereAckedDataIsLost: Lesson = {
  id: 'where-acked-data-is-lost',
  number: 12,
  title: t('Where acknowledged data is lost', '已确认的数据在哪里丢失'),
  summary: t(
    'Kill a Leader at the worst moment and watch acks=1 clicks vanish while acks=all payments survive; then let an out-of-sync replica lead and see what unclean leader election costs.',
    '在最糟糕的时刻终止 Leader，看 acks=1 的点击记录消失、acks=all 的支付记录幸存；再让一个不在 ISR 中的副本当上 Leader，看看 Unclean Leader 选举的代价。',
  ),
  concepts: [
    'acks',
    'truncation',
    'leader epoch',
    'unclean leader election',
    'min.insync.replicas',
  ],
  minutes: 8,
  scenario: classroom(1212, 'Where acknowledged data is lost', {
    topics: [
      topic('clicks', 3, {
        assignment: ASSIGNMENT,
        config: { 'unclean.leader.election.enable': true },
      }),
      topic('payments', 3, {
        assignment: ASSIGNMENT,
        config: { 'min.insync.replicas': 2, 'unclean.leader.election.enable': false },
      }),
    ],
    producers: [
      producer('tracker', 'clicks', 10, ['home', 'cart', 'search', 'product', 'help', 'profile'], {
        acks: '1',
        'enable.idempotence': false,
      }),
      producer('checkout', 'payments', 10, ['alice', 'bob', 'carol', 'dave', 'erin', 'frank']),
    ],
  }),
  steps: [
    {
      id: 'setup',
      play: true,
      focus: [
        { kind: 'topic', name: 'clicks' },
        { kind: 'topic', name: 'payments' },
      ],
      narration: t(
        'Two producers share the cluster. tracker writes clicks with acks=1: the Leader answers as soon as a record is in its own log. checkout writes payments with acks=all and min.insync.replicas=2. Broker {{leader}} leads every partition of both topics.',
        '两个生产者共用一个集群。tracker 用 acks=1 写 clicks：记录一进入 Leader 自己的日志，Leader 就回应。checkout 用 acks=all、min.insync.replicas=2 写 payments。两个主题的所有分区都由 Broker {{leader}} 担任 Leader。',
      ),
      values: roles,
    },
    {
      id: 'risky-moment',
      focus: [{ kind: 'broker', id: 2 }],
      narration: t(
        'Wait for the worst moment. The run will pause the instant Broker {{leader}} appends clicks that no Follower has fetched yet. With acks=1, it tells tracker at once that they are written, though they exist on Broker {{leader}} only.',
        '等待最糟糕的时刻。一旦 Broker {{leader}} 追加了还没有任何 Follower 拉取到的点击记录，模拟就会暂停。在 acks=1 下，它立刻告诉 tracker 写入成功，尽管这些记录只存在于 Broker {{leader}} 上。',
      ),
      values: roles,
      ...pauseAt(leader2Appends),
    },
    {
      id: 'kill',
      focus: [{ kind: 'broker', id: 2 }],
      narration: t(
        'Kill Broker {{leader}} now, before the Followers fetch. Its answer to tracker is already on its way, so tracker counts those clicks as written. The controller fences Broker {{leader}}, and for each partition a Follower takes over, without those clicks.',
        '趁 Follower 还没来拉取，现在就终止 Broker {{leader}}。它给 tracker 的确认已经在路上了，所以 tracker 认为这些点击已经写入。控制器屏蔽 Broker {{leader}}，每个分区改由一个 Follower 接任 Leader，而新 Leader 上没有这些点击记录。',
      ),
      values: roles,
      showMe: [{ type: 'killBroker', brokerId: 2 }],
      resumeOn: on('command.applied', (e) => e.command.type === 'killBroker'),
      ...pauseAt(clicksFailedOver),
    },
    {
      id: 'truncate',
      play: true,
      focus: [{ kind: 'broker', id: 2 }],
      narration: t(
        'New clicks now take the offsets those records had. Restart Broker {{leader}}: to follow the new Leaders it cuts its log back to where it diverges from theirs (truncation). Acknowledged clicks gone for good: {{lostClicks}}. Acknowledged payments gone: {{lostPayments}}.',
        '新的点击记录已经占用了那些记录原来的 offset。重启 Broker {{leader}}：为了当新 Leader 的 Follower，它把自己的日志截断到与新 Leader 分叉的位置。永久丢失的已确认点击：{{lostClicks}} 条。丢失的已确认支付：{{lostPayments}} 条。',
      ),
      values: (ctx) => ({
        ...roles(ctx),
        lostClicks: lostIn(ctx, 'clicks'),
        lostPayments: lostIn(ctx, 'payments'),
      }),
      showMe: [{ type: 'restartBroker', brokerId: 2 }],
      done: (ctx) =>
        lostIn(ctx, 'clicks') > 0 && everyPartition(ctx.view, (isr) => isr.includes(2)),
    },
    {
      id: 'payments-safe',
      focus: [{ kind: 'topic', name: 'payments' }],
      narration: t(
        'Why did payments lose nothing? acks=all answered only once every replica in the ISR had a payment, and the new Leader came from the ISR, so it already had every acknowledged payment. acks=all with min.insync.replicas=2 loses nothing, as long as Leaders come from the ISR.',
        '为什么 payments 一条没丢？acks=all 要等 ISR 中的每个副本都有了这笔支付才确认，而新 Leader 正是从 ISR 中选出的，所以它本来就有所有已确认的支付。acks=all 加 min.insync.replicas=2 不会丢数据，前提是 Leader 从 ISR 中选出。',
      ),
    },
    {
      id: 'two-down',
      focus: [{ kind: 'broker', id: 1 }],
      narration: t(
        'That condition is the last hole: unclean leader election. Kill Brokers {{second}} and {{leader}}. Broker {{third}} is left as the only in-sync replica: it leads everything, clicks go on (acks=1), payments are refused.',
        '这个前提正是最后一个漏洞所在：Unclean Leader 选举。终止 Broker {{second}} 和 Broker {{leader}}。ISR 中只剩 Broker {{third}} 这一个副本：所有分区都由它担任 Leader，clicks 照常写入（acks=1），payments 被拒绝。',
      ),
      values: roles,
      showMe: [
        { type: 'killBroker', brokerId: 3 },
        { type: 'killBroker', brokerId: 2 },
      ],
      done: (ctx) => everyPartition(ctx.view, (isr, leader) => leader === 1 && isr.length === 1),
    },
    {
      id: 'last-down',
      focus: [{ kind: 'broker', id: 1 }],
      narration: t(
        'Kill Broker {{third}} too. No replica is running now, and Broker {{third}} takes down with it the only copy of everything written since Broker {{second}} died.',
        '再终止 Broker {{third}}。现在一个副本都不在运行了：自 Broker {{second}} 宕机以来写入的所有数据，唯一的副本随 Broker {{third}} 一起倒下了。',
      ),
      values: roles,
      showMe: [{ type: 'killBroker', brokerId: 1 }],
      done: (ctx) =>
        ctx.events.some(on('broker.stopped', (e) => e.brokerId === 1 && e.mode === 'crash')),
    },
    {
      id: 'unclean',
      focus: [{ kind: 'broker', id: 3 }],
      narration: t(
        'Restart Broker {{second}}, which has been down longest and is not in the ISR. clicks allows unclean leader election: once the controller gives up on Broker {{third}}, Broker {{second}} leads clicks anyway. payments does not allow it: it stays offline rather than lose data.',
        '重启宕机最久、不在 ISR 中的 Broker {{second}}。clicks 允许 Unclean Leader 选举：控制器放弃等待 Broker {{third}} 之后，Broker {{second}} 照样成为 clicks 的 Leader。payments 不允许：它宁可一直离线，也不丢数据。',
      ),
      values: roles,
      showMe: [{ type: 'restartBroker', brokerId: 3 }],
      ...pauseAt(uncleanClicks),
    },
    {
      id: 'unclean-cost',
      play: true,
      focus: [{ kind: 'topic', name: 'clicks' }],
      narration: t(
        'Restart Brokers {{third}} and {{leader}}. payments gets Broker {{third}} back as a clean Leader and loses nothing. On clicks, both must follow Broker {{second}} and truncate everything written since it died: {{lost}} acknowledged clicks lost. Availability was bought with data.',
        '重启 Broker {{third}} 和 Broker {{leader}}。payments 等回了 Broker {{third}} 这个干净的 Leader，一条不丢。clicks 那边，两者都只能当 Broker {{second}} 的 Follower，把它宕机之后写入的数据全部截断：{{lost}} 条已确认的点击丢失。可用性是用数据换来的。',
      ),
      values: (ctx) => ({ ...roles(ctx), lost: lostIn(ctx, 'clicks') }),
      showMe: [
        { type: 'restartBroker', brokerId: 1 },
        { type: 'restartBroker', brokerId: 2 },
      ],
      done: (ctx) =>
        lostIn(ctx, 'clicks') > 0 && partitionsOf(ctx.view, 'payments').every((p) => p.leader >= 0),
    },
  ],
  quiz: [
    question(
      t(
        'With acks=1, when is an acknowledged record lost?',
        'acks=1 时，已确认的记录在什么情况下会丢失？',
      ),
      right(
        t(
          'When the Leader dies before a Follower copied it: the new Leader never had it, and the old one truncates it on return.',
          'Leader 在 Follower 复制之前宕机：新 Leader 从没有过这条记录，旧 Leader 回来后截断日志，又把它删掉了。',
        ),
        t(
          'acks=1 answers after the Leader’s own append, so for a moment the record exists on one broker only.',
          'acks=1 在 Leader 自己追加后就回应，所以有那么一瞬间，记录只存在于一个 Broker 上。',
        ),
      ),
      wrong(
        t('Never: once acknowledged, it is on disk.', '不会：一旦确认，它就已经落盘了。'),
        t(
          'It was on the old Leader’s disk, and the old Leader itself deleted it to match the new one.',
          '它确实在旧 Leader 的磁盘上，但旧 Leader 为了与新 Leader 保持一致，亲手删掉了它。',
        ),
      ),
    ),
    question(
      t(
        'Why did payments lose nothing when its Leader died?',
        'Leader 宕机时，payments 为什么一条没丢？',
      ),
      right(
        t(
          'acks=all answered only after the ISR had each payment, and the new Leader came from the ISR.',
          'acks=all 要等 ISR 都有了每笔支付才确认，而新 Leader 是从 ISR 中选出的。',
        ),
        t(
          'Every acknowledged payment was already on whichever in-sync replica took over.',
          '不论 ISR 中哪个副本接任，它上面都已经有了每一笔已确认的支付。',
        ),
      ),
      wrong(
        t('Its timing was luckier.', '它的时机比较走运。'),
        t(
          'It was the same failure at the same moment; acks=all does not depend on luck.',
          '同一次故障、同一个时刻；acks=all 靠的不是运气。',
        ),
      ),
    ),
    question(
      t(
        'What does unclean.leader.election.enable=true trade?',
        'unclean.leader.election.enable=true 是拿什么换什么？',
      ),
      right(
        t('Acknowledged data, for availability.', '用已确认的数据换可用性。'),
        t(
          'clicks came back at once but lost what its new Leader had missed; payments waited and lost nothing.',
          'clicks 立刻恢复了，却丢掉了新 Leader 错过的数据；payments 一直等着，一条没丢。',
        ),
      ),
      wrong(
        t('Availability, for safer data.', '用可用性换更安全的数据。'),
        t(
          'The other way round: leaving it off (the default) is what keeps data safe at the cost of waiting.',
          '正好反过来：保持关闭（默认值）才是以等待为代价来保证数据安全。',
        ),
      ),
    ),
  ],
};
