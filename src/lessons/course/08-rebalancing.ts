// Lesson 8: rebalancing. A consumer joins (eager range: everyone revokes), leaves cleanly
// (LeaveGroup: at once), crashes (after session.timeout.ms), and the same with a cooperative
// assignor (two rebalances, only the moved partition stops).
//
// The last step (too slow: max.poll.interval.ms) is narration only: the engine does not make a
// consumer leave when its poll loop stalls yet. See the lesson report.
import type { Lesson, StepContext } from '../types';
import {
  configOf,
  groupOf,
  on,
  partitionsOf,
  question,
  right,
  seconds,
  t,
  wrong,
  pauseAt,
} from './kit';
import { classroom, topic, producer, group } from './scenarios';

const billing = (ctx: StepContext) => groupOf(ctx.view, 'billing')!;
const groupSeconds = (ctx: StepContext, key: string) => seconds(configOf(billing(ctx).config, key));

const threeMembers = on(
  'group.rebalance-completed',
  (e) => e.groupId === 'billing' && Object.keys(e.assignment).length === 3,
);
/** The rebalance after billing-3 left is over: two members again. */
const twoMembersAgain = on(
  'group.rebalance-completed',
  (e) => e.groupId === 'billing' && Object.keys(e.assignment).length === 2,
);
/** The coordinator gave up on billing-2 and billing-1 has taken over every partition. */
const billing1TakesAll = on(
  'consumer.assigned',
  (e) => e.consumerId === 'billing-1' && e.partitions.length === 3,
);
const cooperativeRound = on(
  'group.rebalance-completed',
  (e) => e.groupId === 'billing' && e.protocol === 'cooperative-sticky',
);
const billing2GetsAPartition = on(
  'group.rebalance-completed',
  (e) =>
    e.groupId === 'billing' &&
    e.protocol === 'cooperative-sticky' &&
    (e.assignment['billing-2']?.length ?? 0) > 0,
);

export const rebalancing: Lesson = {
  id: 'rebalancing',
  number: 8,
  title: t('Rebalancing', '重平衡'),
  summary: t(
    'Consumers join, leave cleanly and crash, and each time the group hands its partitions out again. Compare the eager range assignor with the cooperative one.',
    '消费者加入、正常离开、崩溃，每一次消费者组都要重新分配分区。对比急切式的 range 分区分配策略和协作式的策略。',
  ),
  concepts: [
    'rebalance',
    'group coordinator',
    'generation',
    'session.timeout.ms',
    'LeaveGroup',
    'eager',
    'cooperative',
    'max.poll.interval.ms',
  ],
  minutes: 8,
  scenario: classroom(808, 'Rebalancing', {
    topics: [topic('orders', 3)],
    producers: [
      producer('checkout', 'orders', 3, ['alice', 'bob', 'carol', 'dave', 'erin', 'frank']),
    ],
    groups: [group('billing', 'orders', 2, { 'partition.assignment.strategy': 'range' })],
  }),
  steps: [
    {
      id: 'stable',
      play: true,
      focus: [{ kind: 'group', id: 'billing' }],
      narration: t(
        'The group billing has two consumers. Its coordinator, Broker {{coord}}, keeps the member list; the group leader, consumer {{leader}}, computed the assignment with the range assignor: billing-1 and billing-2 split the {{count}} partitions. This is generation {{gen}}.',
        '消费者组 billing 有两个消费者。它的协调者 Broker {{coord}} 维护成员名单；组的 Leader 是消费者 {{leader}}，它按 range 分区分配策略算出了分配方案：billing-1 和 billing-2 瓜分 {{count}} 个分区。当前是第 {{gen}} 代（generation）。',
      ),
      values: (ctx) => ({
        coord: billing(ctx).coordinator ?? '–',
        leader: billing(ctx).leaderConsumerId ?? '–',
        count: partitionsOf(ctx.view, 'orders').length,
        gen: billing(ctx).generation,
      }),
      done: (ctx) => billing(ctx).state === 'Stable' && billing(ctx).generation >= 1,
    },
    {
      id: 'join',
      focus: [{ kind: 'group', id: 'billing' }],
      narration: t(
        'Add a consumer, billing-3, to billing. The coordinator starts a rebalance: every member must join again, the leader computes a new assignment, and the generation goes up. Range is an eager protocol: watch every member first give up all its partitions.',
        '给 billing 添加一个消费者 billing-3。协调者发起重平衡：所有成员都要重新加入，组 Leader 重新计算分配方案，组进入新的一代。range 属于急切式（eager）协议：注意看，每个成员会先交出自己全部的分区。',
      ),
      showMe: [{ type: 'addConsumer', groupId: 'billing', consumerId: 'billing-3' }],
      ...pauseAt(threeMembers),
    },
    {
      id: 'eager',
      play: true,
      focus: [{ kind: 'group', id: 'billing' }],
      narration: t(
        'Generation {{gen}}: three consumers, one partition each. While it was being agreed, nobody read: an eager protocol revokes every partition, even those that end with the same owner. In a busy group, every join and every leave costs this stop-the-world pause.',
        '第 {{gen}} 代：三个消费者，每人一个分区。在达成新方案之前，谁都没在读：急切式协议会收回所有分区，哪怕最后还分给原来的主人。在繁忙的消费者组里，每次有成员加入或离开，都要付出这种“全体暂停”（stop-the-world）的代价。',
      ),
      values: (ctx) => ({ gen: billing(ctx).generation }),
    },
    {
      id: 'leave',
      focus: [{ kind: 'consumer', id: 'billing-3' }],
      narration: t(
        'Close billing-3 cleanly. On close a consumer sends LeaveGroup, so the coordinator starts the rebalance at once, and within a second or two its partition has a new owner.',
        '正常关闭 billing-3。消费者关闭时会发送 LeaveGroup，协调者立刻发起重平衡，一两秒之内它的分区就有了新主人。',
      ),
      showMe: [{ type: 'closeConsumer', consumerId: 'billing-3' }],
      ...pauseAt(twoMembersAgain),
    },
    {
      id: 'crash',
      play: true,
      focus: [{ kind: 'consumer', id: 'billing-2' }],
      narration: t(
        'Now kill billing-2: a crash sends nothing. The coordinator notices only when its heartbeats have been missing for session.timeout.ms ({{session}} s here; 45 s by default). Until then the partitions of billing-2 are read by no one: count the seconds until billing-1 takes them over.',
        '现在终止 billing-2：进程崩溃时什么也来不及发。协调者要等它的心跳中断满 session.timeout.ms（这里是 {{session}} 秒，默认 45 秒）才会察觉。在此之前，billing-2 的分区没有任何人读：数数看，过了几秒 billing-1 才接手。',
      ),
      values: (ctx) => ({ session: groupSeconds(ctx, 'session.timeout.ms') }),
      showMe: [{ type: 'killConsumer', consumerId: 'billing-2' }],
      done: (ctx) =>
        ctx.events.some(on('group.rebalance-started', (e) => e.groupId === 'billing')) &&
        ctx.events.some(billing1TakesAll),
      pauseOn: billing1TakesAll,
    },
    {
      id: 'cooperative',
      play: true,
      focus: [{ kind: 'group', id: 'billing' }],
      narration: t(
        'Switch billing to a cooperative assignor: set its partition.assignment.strategy to cooperative-sticky. The members rejoin once to agree on the new protocol (in production this takes a rolling upgrade).',
        '把 billing 换成协作式（cooperative）的分区分配策略：将它的 partition.assignment.strategy 改成 cooperative-sticky。成员们会重新加入一次，就新协议达成一致（生产环境中要通过滚动升级来完成）。',
      ),
      showMe: [
        {
          type: 'setConfig',
          scope: 'group',
          id: 'billing',
          key: 'partition.assignment.strategy',
          value: 'cooperative-sticky',
        },
      ],
      done: (ctx) => ctx.events.some(cooperativeRound),
    },
    {
      id: 'cooperative-join',
      focus: [{ kind: 'group', id: 'billing' }],
      narration: t(
        'Restart billing-2. This time there are two rebalances. In the first, billing-1 keeps reading the partitions it keeps and gives up only the one that moves; in the second, billing-2 receives it. No global pause: only the moving partition stopped.',
        '重启 billing-2。这次会有两轮重平衡。第一轮里，billing-1 继续读它保留的分区，只交出要移交的那一个；第二轮里，billing-2 接手这个分区。没有全体暂停：停下来的只有被移交的那个分区。',
      ),
      showMe: [{ type: 'restartConsumer', consumerId: 'billing-2' }],
      ...pauseAt(billing2GetsAPartition),
    },
    {
      id: 'too-slow',
      focus: [{ kind: 'group', id: 'billing' }],
      narration: t(
        'One more way out of a group: being too slow. If the application does not call poll() again within max.poll.interval.ms ({{maxPoll}} s here), the consumer leaves the group by itself and its partitions are reassigned, although its heartbeats went on. Keep the work per poll small (max.poll.records) or raise the limit.',
        '还有一种离开组的方式：处理太慢。如果应用在 max.poll.interval.ms（这里是 {{maxPoll}} 秒）内没有再次调用 poll()，消费者会主动离开组，它的分区被重新分配，尽管心跳一直正常。要么减少每次 poll 的工作量（max.poll.records），要么调大这个上限。',
      ),
      values: (ctx) => ({ maxPoll: groupSeconds(ctx, 'max.poll.interval.ms') }),
    },
  ],
  quiz: [
    question(
      t(
        'A consumer crashes. When does its group rebalance?',
        '一个消费者崩溃了。它所在的组什么时候重平衡？',
      ),
      right(
        t(
          'When its heartbeats have been missing for session.timeout.ms.',
          '等它的心跳中断满 session.timeout.ms 之后。',
        ),
        t(
          'A crashed process cannot say goodbye; the coordinator waits for the session to expire.',
          '崩溃的进程来不及告别；协调者只能等会话超时。',
        ),
      ),
      wrong(
        t('At once.', '立刻。'),
        t(
          'That was the clean close: LeaveGroup tells the coordinator at once. A crash sends nothing.',
          '立刻重平衡的是正常关闭：LeaveGroup 会马上通知协调者。崩溃则什么也不会发。',
        ),
      ),
      wrong(
        t('Never: its partitions wait for it to come back.', '永远不会：它的分区会一直等它回来。'),
        t(
          'After the session timeout the coordinator removes it and hands its partitions to the others.',
          '会话超时后，协调者会移除它，把它的分区分给其他成员。',
        ),
      ),
    ),
    question(
      t(
        'In a cooperative rebalance, which partitions stop being read?',
        '在协作式重平衡中，哪些分区会暂停读取？',
      ),
      right(
        t('Only those that move to another consumer.', '只有要移交给其他消费者的分区。'),
        t(
          'Members keep what they keep; a moving partition is released first, then assigned in a second round.',
          '成员保留的分区照常读；要移交的分区先被释放，再在第二轮分配出去。',
        ),
      ),
      wrong(
        t('All of them, until the rebalance is over.', '全部分区，直到重平衡结束。'),
        t(
          'That is the eager protocol (range): everything is revoked before the members rejoin.',
          '那是急切式协议（range）的做法：成员重新加入之前先收回所有分区。',
        ),
      ),
    ),
    question(
      t('What does the generation of a group count?', '消费者组的代（generation）数的是什么？'),
      right(
        t(
          'Its completed rebalances: each new assignment is a new generation.',
          '完成的重平衡次数：每产生一个新的分配方案，就是新的一代。',
        ),
        t(
          'Members send it with heartbeats and commits, so a member from an older generation is refused.',
          '成员在心跳和提交中都带着它，所以旧一代的成员会被拒绝。',
        ),
      ),
      wrong(
        t('The number of consumers in the group.', '组里消费者的数量。'),
        t(
          'It only ever goes up, one per rebalance, whether members join or leave.',
          '它只增不减，每次重平衡加一，不管是成员加入还是离开。',
        ),
      ),
    ),
  ],
};
