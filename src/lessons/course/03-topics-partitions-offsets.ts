// Lesson 3: topics, partitions, offsets. A partition is an ordered, append-only log; offsets count
// per partition; a topic can gain partitions (never lose them), and old records stay put.
import type { Lesson } from '../types';
import {
  configOf,
  happened,
  on,
  partitionsOf,
  producerOf,
  question,
  right,
  seconds,
  t,
  wrong,
  pauseAt,
} from './kit';
import { classroom, topic, producer, LEADERS_1_2_3 } from './scenarios';

/** orders-0 is led by broker 1 (the scenario's assignment), so its first append is broker 1's. */
const appendedOnLeader0 = on(
  'record.appended',
  (e) => e.topic === 'orders' && e.partition === 0 && e.brokerId === 1,
);
const firstInNewPartition = on('record.appended', (e) => e.topic === 'orders' && e.partition >= 3);

export const topicsPartitionsOffsets: Lesson = {
  id: 'topics-partitions-offsets',
  number: 3,
  title: t('Topics, partitions, offsets', '主题、分区与 offset'),
  summary: t(
    'Watch records being appended to the partitions of a topic, see that offsets count per partition, and add partitions to a running topic.',
    '看记录怎样追加到主题的各个分区，理解 offset 为什么按分区计数，再给运行中的主题增加分区。',
  ),
  concepts: ['topic', 'partition', 'offset', 'log', 'log end offset'],
  minutes: 5,
  scenario: classroom(303, 'Topics, partitions, offsets', {
    topics: [topic('orders', 3, { assignment: LEADERS_1_2_3 })],
    producers: [producer('checkout', 'orders', 2, ['alice', 'bob', 'carol', 'dave'])],
  }),
  steps: [
    {
      id: 'topic-split',
      play: true,
      focus: [{ kind: 'topic', name: 'orders' }],
      narration: t(
        'orders is a topic: a named stream of records. It is split into {{count}} partitions, orders-0 to orders-{{last}}, spread over the brokers. Each partition has one leader broker that takes its writes (the copies on the other brokers wait for lesson 9). checkout writes orders to them.',
        'orders 是一个主题：一条有名字的记录流。它被分成 {{count}} 个分区，orders-0 到 orders-{{last}}，分布在各个 Broker 上。每个分区由一个 Leader Broker 负责写入（其他 Broker 上的副本留到第 9 课再讲）。checkout 把订单写进这些分区。',
      ),
      values: ({ view }) => {
        const count = partitionsOf(view, 'orders').length;
        return { count, last: count - 1 };
      },
    },
    {
      id: 'append',
      focus: [{ kind: 'partition', key: 'orders-0' }],
      narration: t(
        'Each partition is a log. A new record is appended at its end and takes the next offset: orders-0 has just written offset {{offset}}, and its log end offset is now {{leo}}. Nothing is inserted in the middle; nothing is changed in place.',
        '每个分区都是一份日志。新记录只追加在末尾，拿到下一个 offset：orders-0 刚刚写入 offset {{offset}}，它的 LEO（日志末端 offset）现在是 {{leo}}。不会在中间插入，也不会原地修改。',
      ),
      values: ({ view }) => {
        const leo = partitionsOf(view, 'orders')[0].logEndOffset;
        return { offset: Math.max(0, leo - 1), leo };
      },
      ...pauseAt(appendedOnLeader0),
    },
    {
      id: 'offsets-per-partition',
      play: true,
      focus: [{ kind: 'topic', name: 'orders' }],
      narration: t(
        'Offsets count per partition, not per topic: orders-0 has reached {{leo0}}, orders-1 {{leo1}}, orders-2 {{leo2}}. The same offset in two partitions names two different records: a record’s address is topic, partition and offset together. Order, too, exists only within one partition.',
        'offset 是按分区计的，不是按主题：orders-0 已经写到 {{leo0}}，orders-1 到 {{leo1}}，orders-2 到 {{leo2}}。两个分区里相同的 offset 指的是两条不同的记录：一条记录的地址是“主题 + 分区 + offset”。顺序也只在一个分区内部才有意义。',
      ),
      values: ({ view }) => {
        const [p0, p1, p2] = partitionsOf(view, 'orders');
        return { leo0: p0.logEndOffset, leo1: p1.logEndOffset, leo2: p2.logEndOffset };
      },
    },
    {
      id: 'add-partitions',
      focus: [{ kind: 'topic', name: 'orders' }],
      narration: t(
        'A topic can grow. Add 2 partitions to orders. The new ones start as empty logs at offset 0; the records already in the old partitions stay where they are, with their offsets. Partitions can be added, never removed.',
        '主题可以扩容。给 orders 增加 2 个分区。新分区从空日志、offset 0 开始；旧分区里已有的记录原地不动，offset 也不变。分区只能增加，不能减少。',
      ),
      showMe: [{ type: 'addPartitions', topic: 'orders', count: 2 }],
      done: (ctx) => happened(ctx, 'partitions.added', (e) => e.topic === 'orders'),
      pauseOn: on('partitions.added', (e) => e.topic === 'orders'),
    },
    {
      id: 'producer-learns',
      play: true,
      focus: [{ kind: 'producer', id: 'checkout' }],
      narration: t(
        'checkout does not know about the new partitions yet. It learns at its next metadata refresh (metadata.max.age.ms, {{age}} s here); until then it writes to the old ones. Watch orders-3 and orders-4.',
        'checkout 还不知道有新分区。它要等下一次刷新元数据时才会发现（metadata.max.age.ms，这里是 {{age}} 秒）；在那之前，它只往旧分区里写。盯住 orders-3 和 orders-4。',
      ),
      values: ({ view }) => ({
        age: seconds(configOf(producerOf(view, 'checkout')!.config, 'metadata.max.age.ms')),
      }),
      ...pauseAt(firstInNewPartition),
    },
    {
      id: 'new-partition-filled',
      play: true,
      focus: [{ kind: 'topic', name: 'orders' }],
      narration: t(
        'orders-{{p}} has its first record, at offset {{first}}. Keys are now hashed over {{count}} partitions, so some customers’ orders land in a different partition than before; lesson 4 shows how a key picks its partition.',
        'orders-{{p}} 有了第一条记录，offset 是 {{first}}。现在键按 {{count}} 个分区来哈希，所以有些客户的订单会落到和以前不同的分区；键怎样决定分区，见第 4 课。',
      ),
      values: ({ view }) => {
        const all = partitionsOf(view, 'orders');
        const filled = all.slice(3).find((p) => p.logEndOffset > 0) ?? all[all.length - 1];
        return { p: filled.partition, first: filled.logStartOffset, count: all.length };
      },
    },
  ],
  quiz: [
    question(
      t(
        'orders-0 and orders-1 both hold a record at the same offset. Are they the same record?',
        'orders-0 和 orders-1 在同一个 offset 上各有一条记录。它们是同一条记录吗？',
      ),
      right(
        t('No: offsets count separately in each partition.', '不是：每个分区各自计算 offset。'),
        t(
          'A record is found by topic, partition and offset together.',
          '要找到一条记录，必须同时知道主题、分区和 offset。',
        ),
      ),
      wrong(
        t('Yes: an offset is unique in the whole topic.', '是：offset 在整个主题里唯一。'),
        t(
          'Each partition starts at offset 0 and counts on its own, as the three strips showed.',
          '每个分区都从 offset 0 开始各数各的，三条日志条带就是这样增长的。',
        ),
      ),
    ),
    question(
      t(
        'How can a record be put in the middle of a partition’s log?',
        '怎样把一条记录插到分区日志的中间？',
      ),
      right(
        t('It cannot: records are only appended at the end.', '做不到：记录只能追加在末尾。'),
        t(
          'A partition is an append-only log; each new record takes the next offset.',
          '分区是只追加的日志，每条新记录拿到下一个 offset。',
        ),
      ),
      wrong(
        t('By producing it with the offset you want.', '生产时指定想要的 offset。'),
        t(
          'Producers cannot choose offsets: the leader gives each record the next one.',
          '生产者无法指定 offset：由 Leader 给每条记录分配下一个 offset。',
        ),
      ),
    ),
    question(
      t(
        'After partitions were added, what happened to the records already in orders-0?',
        '增加分区之后，orders-0 里原有的记录怎么样了？',
      ),
      right(
        t(
          'Nothing: they stayed in orders-0 with their offsets.',
          '没有变化：它们还在 orders-0 里，offset 不变。',
        ),
        t(
          'Adding partitions moves no data; only new records can go to the new partitions.',
          '增加分区不会搬动任何数据，只有新记录才可能写到新分区。',
        ),
      ),
      wrong(
        t('They were spread over the 5 partitions.', '它们被重新分散到 5 个分区里。'),
        t(
          'Kafka never moves records between partitions; the new partitions started empty.',
          'Kafka 从不在分区之间搬运记录；新分区是从空开始的。',
        ),
      ),
    ),
  ],
};
