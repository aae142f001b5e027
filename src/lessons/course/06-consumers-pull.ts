// Lesson 6: consumers pull and keep their own position. Two groups on one partition at their own
// pace; positions, commits (auto-commit happens inside poll(), so a slow consumer's committed
// offset trails its position), restart from the committed offset (at-least-once), and moving a
// group's offsets.
import type { Lesson, StepContext } from '../types';
import {
  after,
  consumerOf,
  eventsOf,
  groupLag,
  groupOf,
  happened,
  on,
  partitionOf,
  question,
  right,
  t,
  wrong,
  pauseAt,
} from './kit';
import { classroom, topic, producer, group } from './scenarios';

const position = (ctx: StepContext, consumerId: string): number | string =>
  consumerOf(ctx.view, consumerId)?.positions['orders-0'] ?? '–';

const committed = (ctx: StepContext, groupId: string): number | string =>
  groupOf(ctx.view, groupId)?.offsets.find((o) => o.partition === 0)?.committed ?? '–';

/** The offset a reset (a commit with no consumer) set for reports in this step. */
const resetTo = (ctx: StepContext): number | undefined =>
  eventsOf(ctx, 'offset.committed', (e) => e.groupId === 'reports' && e.consumerId === null)[0]
    ?.offset;

const billingCommit = on(
  'offset.committed',
  (e) => e.groupId === 'billing' && e.consumerId !== null,
);

export const consumersPull: Lesson = {
  id: 'consumers-pull',
  number: 6,
  title: t('Consumers pull and keep their own position', '消费者拉取数据，自己记住消费位置'),
  summary: t(
    'Two groups read one partition at their own pace. See positions and committed offsets, restart a consumer from its committed offset, and move a group’s offsets to skip a backlog.',
    '两个消费者组按各自的节奏读同一个分区。看消费位置和已提交的 offset，让消费者从已提交的 offset 重新开始，再挪动组的 offset 跳过积压。',
  ),
  concepts: [
    'pull',
    'position',
    'committed offset',
    'auto-commit',
    'at-least-once',
    'reset offsets',
  ],
  minutes: 6,
  scenario: classroom(606, 'Consumers pull and keep their own position', {
    topics: [topic('orders', 1)],
    producers: [producer('checkout', 'orders', 2, ['alice', 'bob', 'carol'])],
    groups: [
      group('billing', 'orders', 1),
      group('reports', 'orders', 1, { 'sim.processing.ms': 1000, 'max.poll.records': 10 }),
    ],
  }),
  steps: [
    {
      id: 'pull',
      play: true,
      focus: [{ kind: 'partition', key: 'orders-0' }],
      narration: t(
        'Two groups read orders-0: billing and reports. Consumers pull: each asks the Leader for the records after its position and takes what is there. The broker keeps no list of who has read what; each group keeps track of its own position.',
        '两个消费者组在读 orders-0：billing 和 reports。消费者是拉取的：每个消费者向 Leader 请求自己消费位置之后的记录，有多少取多少。Broker 不记下谁读过什么；每个消费者组各自记着自己的消费位置。',
      ),
    },
    {
      id: 'own-pace',
      focus: [
        { kind: 'consumer', id: 'billing-1' },
        { kind: 'consumer', id: 'reports-1' },
      ],
      narration: t(
        'billing is at offset {{billingPos}}; reports spends a second on each record and is only at {{reportsPos}}. One log, two positions: lag {{billingLag}} for billing, {{reportsLag}} for reports. A slow reader holds nobody else back.',
        'billing 读到了 offset {{billingPos}}；reports 每条记录要处理一秒，才读到 {{reportsPos}}。同一份日志，两个消费位置：billing 积压 {{billingLag}} 条，reports 积压 {{reportsLag}} 条。读得慢的不会拖累别人。',
      ),
      values: (ctx) => ({
        billingPos: position(ctx, 'billing-1'),
        reportsPos: position(ctx, 'reports-1'),
        billingLag: consumerOf(ctx.view, 'billing-1')?.lag['orders-0'] ?? '–',
        reportsLag: consumerOf(ctx.view, 'reports-1')?.lag['orders-0'] ?? '–',
      }),
      done: (ctx) => {
        const billing = consumerOf(ctx.view, 'billing-1')?.positions['orders-0'];
        const reports = consumerOf(ctx.view, 'reports-1')?.positions['orders-0'];
        return billing !== undefined && reports !== undefined && billing - reports >= 5;
      },
    },
    {
      id: 'commit',
      focus: [
        { kind: 'group', id: 'billing' },
        { kind: 'group', id: 'reports' },
      ],
      narration: t(
        'A position lives in the consumer’s memory. To survive a restart, the group commits it to Kafka (topic __consumer_offsets); a committed offset is the next record to read. billing has committed {{billingCommitted}}. reports commits only between polls, so its committed {{reportsCommitted}} trails its position {{reportsPos}}.',
        '消费位置保存在消费者的内存里。为了在重启后找得回来，消费者组会把它提交给 Kafka（存进 __consumer_offsets 主题）；提交的 offset 是下一条要读的记录。billing 已提交 {{billingCommitted}}。reports 只在两次 poll 之间提交，所以它提交的 {{reportsCommitted}} 落后于它的消费位置 {{reportsPos}}。',
      ),
      values: (ctx) => ({
        billingCommitted: committed(ctx, 'billing'),
        reportsCommitted: committed(ctx, 'reports'),
        reportsPos: position(ctx, 'reports-1'),
      }),
      ...pauseAt(billingCommit),
    },
    {
      id: 'restart',
      play: true,
      focus: [{ kind: 'consumer', id: 'reports-1' }],
      narration: t(
        'Kill reports-1, then restart it. The new process remembers nothing: it asks the group coordinator for the committed offset, {{reportsCommitted}}, and goes on from there. Records it had processed after its last commit are processed again: this is at-least-once delivery.',
        '终止 reports-1，再把它重启。新进程什么都不记得：它向组协调者要回已提交的 offset（{{reportsCommitted}}），从那里接着读。上次提交之后已经处理过的记录，会再处理一遍：这就是“至少一次”（at-least-once）。',
      ),
      values: (ctx) => ({ reportsCommitted: committed(ctx, 'reports') }),
      showMe: [
        { type: 'killConsumer', consumerId: 'reports-1' },
        { type: 'restartConsumer', consumerId: 'reports-1' },
      ],
      done: (ctx) =>
        after(
          ctx,
          on('consumer.failed', (e) => e.consumerId === 'reports-1'),
        ).some((e) => e.type === 'record.consumed' && e.consumerId === 'reports-1'),
    },
    {
      id: 'skip-stop',
      focus: [{ kind: 'group', id: 'reports' }],
      narration: t(
        'A position is just a number, and it can be moved. reports is far behind (lag {{lag}}), and old records no longer matter to it. To move a group’s offsets, stop the group first: close consumer reports-1.',
        '消费位置只是一个数字，可以挪动。reports 落后很多（积压 {{lag}} 条），而旧记录对它已经没有意义。要挪动一个组的 offset，得先让组停下来：关闭消费者 reports-1。',
      ),
      values: (ctx) => ({ lag: groupLag(ctx.view, 'reports') }),
      showMe: [{ type: 'closeConsumer', consumerId: 'reports-1' }],
      done: (ctx) => happened(ctx, 'consumer.left', (e) => e.consumerId === 'reports-1'),
    },
    {
      id: 'skip',
      focus: [{ kind: 'group', id: 'reports' }],
      narration: t(
        'Reset the offsets of reports to latest and restart reports-1. It skips the backlog and starts at the end of the log, offset {{start}}. (It is still slow, so a new lag builds up.) Resetting to earliest (lesson 2) or to any offset works the same way: the log does not change, only the group’s position.',
        '把 reports 的 offset 重置到最新（latest），再重启 reports-1。它跳过积压，从日志末尾 offset {{start}} 开始读。（它处理得还是慢，所以又会慢慢形成新的积压。）重置到最早（第 2 课）或任意 offset 也是一样：日志本身不变，变的只是消费者组的消费位置。',
      ),
      values: (ctx) => ({
        start: resetTo(ctx) ?? partitionOf(ctx.view, 'orders-0').highWatermark,
      }),
      showMe: [
        { type: 'resetOffsets', groupId: 'reports', topic: 'orders', to: 'latest' },
        { type: 'restartConsumer', consumerId: 'reports-1' },
      ],
      done: (ctx) => {
        const start = resetTo(ctx);
        return (
          start !== undefined &&
          happened(ctx, 'record.consumed', (e) => e.consumerId === 'reports-1' && e.offset >= start)
        );
      },
    },
  ],
  quiz: [
    question(
      t('After a restart, where does a consumer start reading?', '消费者重启后，从哪里开始读？'),
      right(
        t('At its group’s committed offset.', '从所在消费者组已提交的 offset 开始。'),
        t(
          'The committed offset is kept by Kafka (in __consumer_offsets); the position in memory died with the process.',
          '已提交的 offset 由 Kafka 保存（在 __consumer_offsets 里）；内存里的消费位置随进程一起没了。',
        ),
      ),
      wrong(
        t('Where it stopped, to the record.', '从它停下的那条记录，分毫不差。'),
        t(
          'Only what was committed survives: records processed after the last commit were read again.',
          '只有提交过的才会留下：上次提交之后处理过的记录被重新读了一遍。',
        ),
      ),
      wrong(
        t('Always at offset 0.', '总是从 offset 0 开始。'),
        t(
          'Only a group with no committed offset falls back to auto.offset.reset, which may say earliest.',
          '只有没提交过 offset 的组才会按 auto.offset.reset 决定，它可能是 earliest。',
        ),
      ),
    ),
    question(
      t(
        'A group’s committed offset for a partition is 42. What does that say?',
        '某个消费者组在一个分区上提交的 offset 是 42。这说明什么？',
      ),
      right(
        t(
          'After a restart, the next record it reads is offset 42.',
          '重启后，它读的下一条记录是 offset 42。',
        ),
        t(
          'A committed offset names the next record to read, one past the last one processed.',
          '提交的 offset 指向下一条要读的记录，也就是最后处理的那条再加一。',
        ),
      ),
      wrong(
        t('Record 42 has been deleted.', '第 42 条记录已被删除。'),
        t(
          'Committing deletes nothing: the log stays as it is.',
          '提交不会删除任何东西：日志原样保留。',
        ),
      ),
      wrong(
        t('The group has read exactly 42 records.', '这个组恰好读了 42 条记录。'),
        t(
          'It marks a place in the log, not a count: the group may have started at another offset, or skipped.',
          '它标出日志中的一个位置，不是计数：这个组可能从别的 offset 开始读，也可能中途跳过了一段。',
        ),
      ),
    ),
    question(
      t(
        'billing is far ahead of reports. Does reports hold billing back?',
        'billing 远远领先 reports。reports 会拖慢 billing 吗？',
      ),
      right(
        t('No: each group reads at its own position.', '不会：每个组按自己的消费位置读。'),
        t(
          'The log is shared, the positions are not; the broker serves each fetch from the offset asked for.',
          '日志是共享的，消费位置不是；Broker 按每次拉取请求里的 offset 提供数据。',
        ),
      ),
      wrong(
        t(
          'Yes: a record is kept until every group has read it.',
          '会：一条记录要保留到所有组都读完为止。',
        ),
        t(
          'Kafka waits for no reader; records stay until retention removes them, read or not.',
          'Kafka 不等任何读者；记录一直保留到保留策略删除为止，不管读没读过。',
        ),
      ),
    ),
  ],
};
