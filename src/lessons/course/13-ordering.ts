// Lesson 13: ordering. Order holds only within a partition: a consumer reading several partitions
// gets records out of send order, but never out of order for one key. A single partition keeps
// total order at the price of one consumer's speed.
import type { Lesson, StepContext } from '../types';
import {
  configOf,
  consumerOf,
  eventsOf,
  groupLag,
  on,
  question,
  right,
  t,
  wrong,
  pauseAt,
} from './kit';
import { classroom, topic, producer, group } from './scenarios';

/** checkout's records carry their send number in the value: "checkout#17". */
const sendNumber = (value: string): number => Number(value.slice(value.lastIndexOf('#') + 1));

/** Records billing read (in this step) after a record of the same scope that was sent later. */
function readLate(ctx: StepContext, scope: (key: string | null) => string): number {
  const newest = new Map<string, number>();
  let late = 0;
  for (const e of eventsOf(ctx, 'record.consumed', (x) => x.groupId === 'billing')) {
    const n = sendNumber(e.value);
    const k = scope(e.key);
    if (n < (newest.get(k) ?? -1)) late++;
    newest.set(k, Math.max(n, newest.get(k) ?? -1));
  }
  return late;
}

const acrossPartitions = (ctx: StepContext) => readLate(ctx, () => 'all');
const perKey = (ctx: StepContext) => readLate(ctx, (key) => key ?? '');
const billingRead = (ctx: StepContext) =>
  eventsOf(ctx, 'record.consumed', (e) => e.groupId === 'billing').length;

const audit2Idle = on(
  'consumer.assigned',
  (e) => e.consumerId === 'audit-2' && e.partitions.length === 0 && e.revoked.length === 0,
);

export const ordering: Lesson = {
  id: 'ordering',
  number: 13,
  title: t('Ordering', '顺序保证'),
  summary: t(
    'Count how often records are read out of send order across partitions, and never within one key; then see what a single partition costs.',
    '数一数跨分区读取时有多少记录没按发送顺序到达，而同一个键的记录却从不乱序；再看看只用一个分区要付出什么代价。',
  ),
  concepts: ['ordering', 'partition', 'key', 'throughput'],
  minutes: 5,
  scenario: classroom(1313, 'Ordering', {
    topics: [topic('orders', 3), topic('ledger', 1)],
    producers: [
      producer('checkout', 'orders', 6, ['alice', 'carol', 'dave']),
      producer('bank', 'ledger', 3, ['acct-1', 'acct-2', 'acct-3']),
    ],
    groups: [
      group('billing', 'orders', 1),
      group('audit', 'ledger', 1, { 'sim.processing.ms': 500, 'max.poll.records': 10 }),
    ],
  }),
  steps: [
    {
      id: 'numbered',
      play: true,
      focus: [{ kind: 'producer', id: 'checkout' }],
      narration: t(
        'checkout numbers its records as it sends them: checkout#1, checkout#2 and so on (the value of each record). Its keys alice, carol and dave land in three different partitions of orders, and one consumer, billing-1, reads all three.',
        'checkout 按发送顺序给记录标上序号：checkout#1、checkout#2……（就是每条记录的值）。它的三个键 alice、carol、dave 分别落在 orders 的三个不同分区里，由一个消费者 billing-1 读取全部三个分区。',
      ),
    },
    {
      id: 'interleaved',
      focus: [{ kind: 'consumer', id: 'billing-1' }],
      narration: t(
        'billing-1 fetches from the partitions in turn and gets records partition by partition. During this step {{late}} records were read after a record that had been sent later: across partitions Kafka keeps no order.',
        'billing-1 轮流从各个分区拉取，按分区一批一批地拿到记录。在这一步里，有 {{late}} 条记录是在一条比它更晚发送的记录之后才被读到的：跨分区，Kafka 不保证顺序。',
      ),
      values: (ctx) => ({ late: acrossPartitions(ctx) }),
      done: (ctx) => acrossPartitions(ctx) >= 3,
    },
    {
      id: 'per-key',
      focus: [{ kind: 'consumer', id: 'billing-1' }],
      narration: t(
        'Within a partition the order is kept, and a key always goes to the same partition. So each customer’s orders arrive in the order sent: of {{read}} records read during this step, {{late}} came after a later record with the same key.',
        '分区内部的顺序是有保证的，而同一个键总是进同一个分区。所以每个客户的订单都按发送顺序到达：这一步读到的 {{read}} 条记录中，有 {{late}} 条读在了同一个键更晚发送的记录之后。',
      ),
      values: (ctx) => ({ read: billingRead(ctx), late: perKey(ctx) }),
      done: (ctx) => billingRead(ctx) >= 20,
    },
    {
      id: 'single-partition',
      focus: [{ kind: 'topic', name: 'ledger' }],
      narration: t(
        'ledger has a single partition: every record in one total order. The price: one Leader takes all its writes, and within a group one consumer reads it. audit handles about {{rate}} records a second, fewer than bank writes, and falls behind: lag {{lag}}.',
        'ledger 只有一个分区：所有记录处在同一个全局顺序里。代价是：所有写入都压在一个 Leader 上，组内也只能由一个消费者来读。audit 每秒大约只能处理 {{rate}} 条，比 bank 写得慢，于是越落越远：积压已达 {{lag}} 条。',
      ),
      values: (ctx) => ({
        rate: Math.round(
          1000 / Number(configOf(consumerOf(ctx.view, 'audit-1')!.config, 'sim.processing.ms')),
        ),
        lag: groupLag(ctx.view, 'audit'),
      }),
    },
    {
      id: 'add-consumer',
      focus: [{ kind: 'group', id: 'audit' }],
      narration: t(
        'Add a consumer to audit to help it. It cannot help: ledger has one partition, so audit-2 gets nothing and audit-1 keeps the whole load. One partition means one consumer’s speed.',
        '给 audit 加一个消费者来分担。帮不上忙：ledger 只有一个分区，audit-2 分不到任何东西，全部负载仍压在 audit-1 身上。只有一个分区，速度就只有一个消费者那么快。',
      ),
      showMe: [{ type: 'addConsumer', groupId: 'audit', consumerId: 'audit-2' }],
      ...pauseAt(audit2Idle),
    },
    {
      id: 'order-per-key',
      play: true,
      focus: [{ kind: 'topic', name: 'orders' }],
      narration: t(
        'The usual way out: several partitions, and a key for whatever must stay in order, an account or a customer. Order then holds per key, which is usually what matters, and the work spreads. Adding partitions later moves keys to other partitions, so choose the count early.',
        '通常的解法：多个分区，再给需要保序的东西（账户、客户）一个键。这样每个键内部有序，这往往正是业务真正需要的，同时负载也能分摊开。日后再增加分区会让一些键换到别的分区，所以分区数要尽早定好。',
      ),
    },
  ],
  quiz: [
    question(
      t('What order does Kafka guarantee?', 'Kafka 保证什么样的顺序？'),
      right(
        t('The order of records within one partition.', '同一个分区内记录的顺序。'),
        t(
          'billing-1 read records across partitions out of send order, but never within one key.',
          'billing-1 跨分区读到的记录会打乱发送顺序，但同一个键的记录从不乱序。',
        ),
      ),
      wrong(
        t('The order of a whole topic.', '整个主题的顺序。'),
        t(
          'A topic with several partitions has no single order: records were read after later-sent ones.',
          '有多个分区的主题没有统一的顺序：你看到了记录在更晚发送的记录之后才被读到。',
        ),
      ),
      wrong(
        t('No order at all.', '完全不保证顺序。'),
        t(
          'Within a partition records are read in the order they were written.',
          '分区内的记录按写入顺序被读取。',
        ),
      ),
    ),
    question(
      t(
        'Events of one account must be handled in order, and several consumers share the work. How?',
        '同一个账户的事件必须按顺序处理，同时要由多个消费者分担工作。怎么做？',
      ),
      right(
        t('Several partitions, with the account id as key.', '多个分区，用账户 ID 作为键。'),
        t(
          'One account stays in one partition, read by one consumer at a time; the accounts spread over all of them.',
          '一个账户始终在一个分区里，同一时刻只由一个消费者读取；不同账户则分散到各个分区。',
        ),
      ),
      wrong(
        t('A single partition.', '只用一个分区。'),
        t(
          'Order, yes, but only one consumer of the group can read it: audit-2 sat idle.',
          '顺序是有了，但组里只有一个消费者能读：audit-2 只能闲着。',
        ),
      ),
    ),
    question(
      t('What does a topic with a single partition cost?', '只有一个分区的主题，代价是什么？'),
      right(
        t(
          'Throughput: one Leader takes the writes and one consumer per group reads them.',
          '吞吐量：所有写入压在一个 Leader 上，每个组也只有一个消费者能读。',
        ),
        t(
          'audit fell behind, and adding a consumer did not help.',
          'audit 越落越远，加消费者也无济于事。',
        ),
      ),
      wrong(
        t('Durability: records may be lost.', '持久性：记录可能丢失。'),
        t(
          'Durability depends on replicas and acks, not on the partition count.',
          '持久性取决于副本和 acks，与分区数无关。',
        ),
      ),
    ),
  ],
};
