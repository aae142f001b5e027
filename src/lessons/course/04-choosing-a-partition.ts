// Lesson 4: choosing a partition. A key is hashed (murmur2, the same key always lands in the same
// partition); a null key goes to the built-in sticky partitioner (KIP-794), which stays on one
// partition until about batch.size bytes went there; the round-robin partitioner spreads record
// by record. And what that means for order.
import { partitionForKey } from '../../engine';
import type { Lesson, StepContext } from '../types';
import { after, eventsOf, on, partitionsOf, pauseAt, question, right, t, wrong } from './kit';
import { classroom, topic, producer, LEADERS_1_2_3 } from './scenarios';

const partitionCount = (ctx: StepContext) => partitionsOf(ctx.view, 'orders').length;
const where = (ctx: StepContext, key: string) => partitionForKey(key, partitionCount(ctx));

const ackedFor = (key: string) =>
  on('record.acked', (e) => e.producerId === 'checkout' && e.key === key);

/** Partitions tracker's records were acknowledged in after a config change to `key`. */
function trackerPartitionsAfter(ctx: StepContext, key: string): number[] {
  return after(
    ctx,
    on('config.changed', (e) => e.id === 'tracker' && e.key === key),
  )
    .filter((e) => e.type === 'record.acked' && e.producerId === 'tracker')
    .map((e) => (e as { partition: number }).partition);
}

export const choosingAPartition: Lesson = {
  id: 'choosing-a-partition',
  number: 4,
  title: t('Choosing a partition', '记录写到哪个分区'),
  summary: t(
    'See a key pick its partition by hash, a producer without keys stick to one partition and then move on, and round-robin spread record by record; then what that means for order.',
    '看键怎样通过哈希决定分区，不设键的生产者怎样先“粘”在一个分区再换下一个，轮询又怎样把记录一条一条地分散开；最后想想这对顺序意味着什么。',
  ),
  concepts: ['partitioner', 'key', 'murmur2', 'sticky partitioner', 'round-robin', 'ordering'],
  minutes: 6,
  scenario: classroom(404, 'Choosing a partition', {
    topics: [topic('orders', 3, { assignment: LEADERS_1_2_3 })],
    producers: [producer('checkout', 'orders', 2, ['alice', 'carol', 'dave'])],
  }),
  steps: [
    {
      id: 'key-hash',
      play: true,
      focus: [
        { kind: 'producer', id: 'checkout' },
        { kind: 'topic', name: 'orders' },
      ],
      narration: t(
        'checkout sends orders keyed by customer. The key picks the partition: murmur2(key) modulo the number of partitions. alice always lands in orders-{{a}}, carol in orders-{{c}}, dave in orders-{{d}}. Records are coloured by key: each strip holds one colour.',
        'checkout 发送的订单以客户名作为键。键决定分区：murmur2(key) 对分区数取模。alice 总是落在 orders-{{a}}，carol 在 orders-{{c}}，dave 在 orders-{{d}}。记录按键着色：每条分区日志里只有一种颜色。',
      ),
      values: (ctx) => ({ a: where(ctx, 'alice'), c: where(ctx, 'carol'), d: where(ctx, 'dave') }),
      done: (ctx) => ['alice', 'carol', 'dave'].every((k) => ctx.events.some(ackedFor(k))),
    },
    {
      id: 'new-key',
      focus: [{ kind: 'producer', id: 'checkout' }],
      narration: t(
        'Send an order for a new customer yourself: produce a record with key erin on checkout. Its partition is computed, not chosen: erin goes to orders-{{e}}, and so will every later record keyed erin, as long as orders keeps {{count}} partitions.',
        '自己发一条新客户的订单：用 checkout 生产一条键为 erin 的记录。分区是算出来的，不是挑出来的：erin 落到 orders-{{e}}，之后所有键为 erin 的记录也都会去那里，只要 orders 的分区数还是 {{count}}。',
      ),
      values: (ctx) => ({ e: where(ctx, 'erin'), count: partitionCount(ctx) }),
      showMe: [
        { type: 'produce', producerId: 'checkout', key: 'erin', value: 'erin: first order' },
      ],
      ...pauseAt(ackedFor('erin')),
    },
    {
      id: 'no-key',
      play: true,
      focus: [{ kind: 'producer', id: 'tracker' }],
      narration: t(
        'Now records without a key. Add a producer tracker on orders that sends no keys (5 records a second). Kafka’s built-in partitioner then sticks to one partition until about batch.size bytes (16384 by default) went there, and only then picks another. Watch the grey records: one partition gets them all.',
        '再看无键的记录。在 orders 上添加一个不设键的生产者 tracker（每秒 5 条）。这时 Kafka 内置的分区器会“粘”在一个分区上，直到写进去的数据达到约 batch.size 字节（默认 16384），才换另一个分区。看那些灰色记录：全都进了同一个分区。',
      ),
      showMe: [{ type: 'addProducer', id: 'tracker', topic: 'orders', ratePerSec: 5, keys: null }],
      done: (ctx) => eventsOf(ctx, 'record.acked', (e) => e.producerId === 'tracker').length >= 10,
    },
    {
      id: 'sticky-switch',
      focus: [{ kind: 'producer', id: 'tracker' }],
      narration: t(
        'Set tracker’s batch.size to 400 bytes. Now it moves on after a few seconds: it sticks to a partition only until a batch’s worth went there. Sticking makes fewer, fuller batches. Over time records without a key spread evenly, but in runs, not one by one.',
        '把 tracker 的 batch.size 改成 400 字节。现在它过几秒就换一个分区：只在写满一个批次之前“粘”在同一个分区。粘住是为了凑出更少、更满的批次。长期来看，无键的记录是均匀分布的，但是一段一段地分，而不是一条一条地轮流。',
      ),
      showMe: [
        { type: 'setConfig', scope: 'producer', id: 'tracker', key: 'batch.size', value: 400 },
      ],
      done: (ctx) => new Set(trackerPartitionsAfter(ctx, 'batch.size')).size >= 2,
    },
    {
      id: 'round-robin',
      focus: [{ kind: 'producer', id: 'tracker' }],
      narration: t(
        'Round-robin ignores keys and stickiness: record after record it takes the next partition, orders-0, orders-1, orders-2 and around again. Set tracker’s partitioner to round-robin (RoundRobinPartitioner in Kafka) and watch the grey records alternate.',
        '轮询（round-robin）既不看键，也不粘分区：一条接一条地换到下一个分区，orders-0、orders-1、orders-2，然后再从头开始。把 tracker 的分区器改成 round-robin（Kafka 里是 RoundRobinPartitioner），看灰色记录轮流出现在各个分区。',
      ),
      showMe: [
        {
          type: 'setConfig',
          scope: 'producer',
          id: 'tracker',
          key: 'partitioner',
          value: 'round-robin',
        },
      ],
      done: (ctx) => {
        const seen = trackerPartitionsAfter(ctx, 'partitioner');
        return seen.length >= 6 && new Set(seen).size === partitionCount(ctx);
      },
    },
    {
      id: 'order',
      focus: [{ kind: 'topic', name: 'orders' }],
      narration: t(
        'What this means for order: Kafka keeps order only within a partition. All of alice’s orders share orders-{{a}}, so they are read in the order sent. tracker’s records are spread over partitions, so two of them may be read in another order than sent. Need order per customer? Make the customer the key.',
        '这对顺序意味着什么：Kafka 只保证分区内有序。alice 的订单都在 orders-{{a}}，读出来的顺序就是发送的顺序。tracker 的记录分散在多个分区，两条记录被读到的先后可能和发送时不同。需要按客户保序？就把客户作为键。',
      ),
      values: (ctx) => ({ a: where(ctx, 'alice') }),
    },
  ],
  quiz: [
    question(
      t(
        'A record keyed dave went to some partition. Where does the next dave record go?',
        '一条键为 dave 的记录写进了某个分区。下一条键为 dave 的记录会去哪里？',
      ),
      right(
        t(
          'To the same partition, as long as the partition count does not change.',
          '同一个分区，只要分区数不变。',
        ),
        t(
          'The partition is murmur2(key) modulo the partition count: same key, same count, same partition.',
          '分区等于 murmur2(key) 对分区数取模：键相同、分区数相同，分区就相同。',
        ),
      ),
      wrong(
        t('To the next partition, in turn.', '轮到下一个分区。'),
        t(
          'Taking turns is the round-robin partitioner, which ignores keys. With a key, the hash decides.',
          '轮流是轮询分区器的做法，它不看键。有键时由哈希决定。',
        ),
      ),
      wrong(
        t('To whichever partition is least busy.', '去最空闲的那个分区。'),
        t(
          'Load only plays a part for records without a key (adaptive sticky partitioning).',
          '只有无键的记录才会考虑负载（自适应的粘性分区）。',
        ),
      ),
    ),
    question(
      t(
        'Why did tracker’s records sit on one partition for a while?',
        '为什么 tracker 的记录会在一个分区里停留一段时间？',
      ),
      right(
        t(
          'The built-in partitioner sticks to a partition until a batch’s worth of bytes went there.',
          '内置分区器会粘在一个分区上，直到写进去的字节数够一个批次。',
        ),
        t(
          'Fuller batches mean fewer requests; over time the partitions still get equal shares.',
          '批次越满，请求越少；长期来看各分区分到的量仍然均衡。',
        ),
      ),
      wrong(
        t('Records without a key always go to partition 0.', '无键的记录总是进分区 0。'),
        t(
          'The partitioner picks a partition at random (weighted by load), then another after each batch’s worth.',
          '分区器会随机挑一个分区（按负载加权），写够一个批次后再换一个。',
        ),
      ),
      wrong(
        t('That partition’s leader was faster than the others.', '那个分区的 Leader 比别的快。'),
        t(
          'All three leaders answered alike; sticking is a choice of the producer, to build full batches.',
          '三个 Leader 的响应速度差不多；粘住是生产者为了凑满批次而做的选择。',
        ),
      ),
    ),
    question(
      t(
        'All events of one user must be read in order. What do you do?',
        '同一个用户的所有事件必须按顺序读取。你会怎么做？',
      ),
      right(
        t('Use the user id as the key.', '用用户 ID 作为键。'),
        t(
          'Same key, same partition, and a partition keeps order.',
          '键相同就进同一个分区，而分区内是有序的。',
        ),
      ),
      wrong(
        t('Send them without a key.', '发送时不设键。'),
        t(
          'Without a key they are spread over partitions, and order across partitions is not kept.',
          '无键的记录会分散到多个分区，而跨分区的顺序是不保证的。',
        ),
      ),
      wrong(
        t('Use the round-robin partitioner.', '使用轮询分区器。'),
        t(
          'Round-robin puts consecutive events in different partitions: exactly what breaks their order.',
          '轮询会把相邻的事件放进不同分区，恰恰破坏了它们的顺序。',
        ),
      ),
    ),
  ],
};
