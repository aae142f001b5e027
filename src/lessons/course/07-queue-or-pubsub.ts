// Lesson 7: queue or publish-subscribe. One group shares the partitions (each record handled once:
// a queue); several groups each get everything (publish-subscribe); the Delivery-mode switch does
// it with real LeaveGroup/JoinGroup; a consumer beyond the partition count sits idle.
import type { ClusterView } from '../../engine';
import type { Lesson, StepContext } from '../types';
import { consumerOf, groupOf, on, partitionsOf, question, right, t, wrong, pauseAt } from './kit';
import { classroom, topic, producer, group } from './scenarios';

const WORKERS = ['workers-1', 'workers-2', 'workers-3'];

const partitionCount = (ctx: StepContext) => ({ count: partitionsOf(ctx.view, 'orders').length });

/** Every consumer of `ids` is stable and owns `n` partitions. */
const allOwn = (view: ClusterView, ids: string[], n: number) =>
  ids.every((id) => {
    const c = consumerOf(view, id);
    return c?.status === 'stable' && c.assignment.length === n;
  });

/** The one group workers: all three in it, stable, one partition each. */
const sharedQueue = (view: ClusterView) => {
  const g = groupOf(view, 'workers');
  return (
    g?.state === 'Stable' &&
    WORKERS.every((id) => g.consumerIds.includes(id)) &&
    allOwn(view, WORKERS, 1)
  );
};

/** A member of workers learns from SyncGroup that it gets nothing (not an eager revocation). */
const idleMemberRebalance = on(
  'consumer.assigned',
  (e) => e.groupId === 'workers' && e.partitions.length === 0 && e.revoked.length === 0,
);

export const queueOrPubsub: Lesson = {
  id: 'queue-or-pubsub',
  number: 7,
  title: t('Queue or publish-subscribe', '队列模式还是发布-订阅'),
  summary: t(
    'Three consumers share one group (a queue), then each moves to a group of its own (publish-subscribe). Then a fourth consumer joins a group that has no partition left for it.',
    '三个消费者先同属一个组（队列模式），再各自搬进自己的组（发布-订阅）。最后第四个消费者加入一个已经没有多余分区的组。',
  ),
  concepts: ['consumer group', 'queue', 'publish-subscribe', 'delivery mode', 'idle consumer'],
  minutes: 6,
  scenario: classroom(707, 'Queue or publish-subscribe', {
    topics: [topic('orders', 3)],
    producers: [
      producer('checkout', 'orders', 3, ['alice', 'bob', 'carol', 'dave', 'erin', 'frank']),
    ],
    groups: [group('workers', 'orders', 3)],
  }),
  steps: [
    {
      id: 'queue',
      play: true,
      focus: [{ kind: 'group', id: 'workers' }],
      narration: t(
        'workers-1, workers-2 and workers-3 share one consumer group, workers. The group divides the {{count}} partitions of orders among them: each consumer owns one, so each record is handled by exactly one consumer. That is a queue: the work is shared.',
        'workers-1、workers-2、workers-3 同属一个消费者组 workers。组把 orders 的 {{count}} 个分区分给它们：每个消费者负责一个分区，所以每条记录只被其中一个消费者处理。这就是队列模式：大家分摊工作。',
      ),
      values: partitionCount,
      done: (ctx) => sharedQueue(ctx.view),
    },
    {
      id: 'pubsub',
      focus: [{ kind: 'topic', name: 'orders' }],
      narration: t(
        'Switch Delivery mode to Publish-subscribe: each consumer moves to a consumer group of its own. Watch the rebalances. Then each consumer is alone in its group, owns all {{count}} partitions and sees every record.',
        '把投递模式（Delivery mode）切换为发布-订阅（Publish-subscribe）：每个消费者搬进自己单独的消费者组。留意这几次重平衡。之后每个消费者独占一个组，拥有全部 {{count}} 个分区，能看到每一条记录。',
      ),
      values: partitionCount,
      showMe: [{ type: 'setDeliveryMode', topic: 'orders', mode: 'pubsub' }],
      done: (ctx) => allOwn(ctx.view, WORKERS, partitionsOf(ctx.view, 'orders').length),
    },
    {
      id: 'pubsub-seen',
      focus: [{ kind: 'topic', name: 'orders' }],
      narration: t(
        'Now {{groups}} groups read orders, each with its own committed offsets. Every record is read {{groups}} times, once per group, yet Kafka copied nothing: one log, several positions in it. Publish-subscribe in Kafka is simply several groups.',
        '现在有 {{groups}} 个消费者组在读 orders，每个组都有自己的已提交 offset。每条记录被读 {{groups}} 次，每组一次，但 Kafka 没有复制任何数据：一份日志，多个消费位置。Kafka 的发布-订阅，说白了就是多个消费者组。',
      ),
      values: ({ view }) => ({
        groups: view.groups.filter((g) => g.topics.includes('orders') && g.consumerIds.length > 0)
          .length,
      }),
    },
    {
      id: 'back-to-queue',
      focus: [{ kind: 'group', id: 'workers' }],
      narration: t(
        'Switch Delivery mode back to Queue: the three consumers join one group again and share the partitions, one each. The groups they leave keep their committed offsets but have no members.',
        '把投递模式切回队列（Queue）：三个消费者重新加入同一个组，再次分摊分区，每人一个。它们离开的那些组还保留着已提交的 offset，只是没有成员了。',
      ),
      showMe: [{ type: 'setDeliveryMode', topic: 'orders', mode: 'queue' }],
      done: (ctx) => sharedQueue(ctx.view),
    },
    {
      id: 'fourth',
      focus: [{ kind: 'group', id: 'workers' }],
      narration: t(
        'Add a fourth consumer to the group workers. The group rebalances, but there are only {{count}} partitions: one consumer must go without.',
        '给组 workers 再加第四个消费者。组会重平衡，但只有 {{count}} 个分区：总有一个消费者分不到。',
      ),
      values: partitionCount,
      showMe: [{ type: 'addConsumer', groupId: 'workers', consumerId: 'workers-4' }],
      ...pauseAt(idleMemberRebalance),
    },
    {
      id: 'idle',
      play: true,
      focus: [{ kind: 'group', id: 'workers' }],
      narration: t(
        '{{idle}} owns no partition and sits idle. Within a group a partition is read by at most one consumer, so consumers beyond the partition count add nothing but a spare: when a member leaves, the idle one takes over its partition.',
        '{{idle}} 没有分到任何分区，只能闲着。在一个组内，一个分区最多只由一个消费者读取，所以消费者数超过分区数就没有用了，顶多算个后备：有成员离开时，闲着的那个会接手它的分区。',
      ),
      values: ({ view }) => ({
        idle:
          view.consumers.find(
            (c) => c.groupId === 'workers' && c.status === 'stable' && c.assignment.length === 0,
          )?.id ?? '–',
      }),
    },
  ],
  quiz: [
    question(
      t(
        'orders has 3 partitions and one group has 4 consumers. How many of them read records?',
        'orders 有 3 个分区，一个组里有 4 个消费者。其中有几个在读记录？',
      ),
      right(
        t('3: one consumer sits idle.', '3 个：有一个消费者闲着。'),
        t(
          'Within a group each partition goes to one consumer; the fourth had nothing left.',
          '组内每个分区只分给一个消费者；第四个已经分不到了。',
        ),
      ),
      wrong(
        t('4: they split the partitions between them.', '4 个：它们把分区拆开来分。'),
        t(
          'A partition is never split between consumers of one group: that is how the group keeps per-partition order.',
          '一个分区绝不会拆给同组的多个消费者：组正是靠这一点保证分区内的顺序。',
        ),
      ),
      wrong(
        t('1: the others wait for it.', '1 个：其他的都在等它。'),
        t(
          'The group shares the partitions among as many members as there are partitions.',
          '组会把分区分给尽可能多的成员，最多和分区数一样多。',
        ),
      ),
    ),
    question(
      t(
        'Two consumer groups read the same topic. How often is each record delivered?',
        '两个消费者组读同一个主题。每条记录会被投递几次？',
      ),
      right(
        t('Once to each group.', '每个组各一次。'),
        t(
          'Each group keeps its own offsets and reads the whole log: publish-subscribe.',
          '每个组有自己的 offset，各自读完整的日志：这就是发布-订阅。',
        ),
      ),
      wrong(
        t('Once in total, to one of the groups.', '总共一次，给其中一个组。'),
        t(
          'Sharing happens only inside a group; different groups do not compete.',
          '只有组内才分摊；不同的组之间互不争抢。',
        ),
      ),
      wrong(
        t('Kafka copies it into one topic per group.', 'Kafka 会为每个组复制一份到单独的主题。'),
        t(
          'There is one log; each group only has its own position in it.',
          '日志只有一份，每个组只是在里面有各自的消费位置。',
        ),
      ),
    ),
    question(
      t(
        'Each order must be handled by exactly one of three workers. How do you set them up?',
        '每个订单必须只由三个 worker 中的一个处理。应该怎样配置？',
      ),
      right(
        t('All three in one consumer group.', '三个 worker 放进同一个消费者组。'),
        t(
          'The group divides the partitions, so each record reaches one of them.',
          '组会瓜分分区，于是每条记录只会到达其中一个。',
        ),
      ),
      wrong(
        t('Each in a consumer group of its own.', '每个 worker 单独一个消费者组。'),
        t(
          'Then each worker would handle every order, as in the publish-subscribe step.',
          '那样每个 worker 都会处理所有订单，就像发布-订阅那一步看到的那样。',
        ),
      ),
    ),
  ],
};
