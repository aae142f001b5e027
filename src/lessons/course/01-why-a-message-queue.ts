// Lesson 1: why a message queue. Decoupling (a reader crashes, the writer carries on),
// asynchronous work (each reader at its own pace) and peak shaving (a burst becomes lag and
// drains later), told with a sign-up service and three services that react to sign-ups.
import type { Lesson } from '../types';
import {
  configOf,
  consumerOf,
  eventsOf,
  groupLag,
  happened,
  producerOf,
  question,
  right,
  t,
  wrong,
} from './kit';
import { classroom, topic, producer, group } from './scenarios';

const acked = (producerId: string) => (e: { producerId: string }) => e.producerId === producerId;

export const whyAMessageQueue: Lesson = {
  id: 'why-a-message-queue',
  number: 1,
  title: t('Why a message queue', '为什么需要消息队列'),
  summary: t(
    'A sign-up service publishes one event; e-mail, SMS and points services read it at their own pace. Crash one of them and send a burst, and see what the queue in between buys you.',
    '注册服务只发布一条事件，邮件、短信、积分三个服务按各自的节奏读取。让其中一个崩溃、再来一波流量高峰，看看中间这层消息队列带来了什么。',
  ),
  concepts: ['decoupling', 'asynchronous processing', 'peak shaving', 'consumer group', 'lag'],
  minutes: 7,
  scenario: classroom(101, 'Why a message queue', {
    topics: [topic('signups', 3)],
    producers: [producer('register', 'signups', 2, ['ana', 'ben', 'chen', 'dara', 'eli', 'fang'])],
    groups: [
      group('email', 'signups', 1, { 'sim.processing.ms': 50 }),
      group('sms', 'signups', 1, { 'sim.processing.ms': 150 }),
      group('points', 'signups', 1, { 'sim.processing.ms': 100 }),
    ],
  }),
  steps: [
    {
      id: 'publish',
      play: true,
      focus: [
        { kind: 'producer', id: 'register' },
        { kind: 'topic', name: 'signups' },
      ],
      narration: t(
        'A sign-up service, register, writes one event per new user to the topic signups and moves on. It calls no other service and does not know who will read the event. Watch the events flow from register into the three partitions of signups.',
        '注册服务 register 每注册一个新用户，就往主题 signups 写一条事件，然后立刻返回。它不调用任何下游服务，也不知道谁会读这条事件。看事件怎样从 register 流进 signups 的三个分区。',
      ),
      done: (ctx) => happened(ctx, 'record.acked', acked('register')),
    },
    {
      id: 'three-readers',
      focus: [
        { kind: 'group', id: 'email' },
        { kind: 'group', id: 'sms' },
        { kind: 'group', id: 'points' },
      ],
      narration: t(
        'Three services read the same events, each in its own consumer group: email sends a welcome mail, sms a text message, points a sign-up bonus. Each reads at its own pace. A fourth service would just add a group of its own; register would not change.',
        '三个服务读同一批事件，各自在自己的消费者组里：email 发欢迎邮件，sms 发短信，points 送注册积分。它们各按自己的节奏读。以后要加第四个服务，只需再加一个消费者组，register 一行都不用改。',
      ),
      done: (ctx) =>
        ['email', 'sms', 'points'].every((g) =>
          happened(ctx, 'record.consumed', (e) => e.groupId === g),
        ),
    },
    {
      id: 'sms-down',
      focus: [{ kind: 'consumer', id: 'sms-1' }],
      narration: t(
        'Without a queue, register would call the e-mail, SMS and points services one after another: the user waits for all three, and one failure fails the sign-up. Now crash the SMS service: kill consumer sms-1, and keep an eye on register.',
        '如果没有消息队列，register 得依次调用邮件、短信、积分三个服务：用户要等三个都返回，任何一个出错，注册就失败。现在让短信服务崩溃：终止消费者 sms-1，同时留意 register。',
      ),
      showMe: [{ type: 'killConsumer', consumerId: 'sms-1' }],
      done: (ctx) => {
        const crashed = ctx.events.findIndex(
          (e) => e.type === 'consumer.failed' && e.consumerId === 'sms-1',
        );
        if (crashed < 0) return false;
        const later = ctx.events.slice(crashed + 1);
        return later.filter((e) => e.type === 'record.acked').length >= 3;
      },
    },
    {
      id: 'decoupled',
      focus: [
        { kind: 'producer', id: 'register' },
        { kind: 'group', id: 'sms' },
      ],
      narration: t(
        'register did not notice: sign-ups are still acknowledged. The SMS events are not lost either: they wait in signups, {{waiting}} of them (the lag of group sms). Restart sms-1: it carries on from the offsets its group committed and catches up.',
        'register 毫无察觉，注册照常被确认。短信事件也没有丢：它们留在 signups 里等着，共 {{waiting}} 条，这就是 sms 组的积压。重启 sms-1：它从组里已提交的 offset 接着读，很快就能追上。',
      ),
      values: ({ view }) => ({ waiting: groupLag(view, 'sms') }),
      showMe: [{ type: 'restartConsumer', consumerId: 'sms-1' }],
      done: (ctx) =>
        consumerOf(ctx.view, 'sms-1')?.status === 'stable' &&
        happened(ctx, 'record.consumed', (e) => e.consumerId === 'sms-1') &&
        groupLag(ctx.view, 'sms') <= 2,
    },
    {
      id: 'burst',
      focus: [{ kind: 'group', id: 'points' }],
      narration: t(
        'Peak shaving. A campaign brings 20 sign-ups a second: raise the rate of register to 20. points handles about {{pointsRate}} a second, so its lag grows: {{lag}} events waiting. Nothing is refused and nothing is lost; the brokers hold the backlog.',
        '削峰填谷。一场营销活动带来每秒 20 个注册：把 register 的速率调到 20。points 每秒只能处理约 {{pointsRate}} 条，于是它的积压不断增长：已有 {{lag}} 条事件在等待。没有请求被拒绝，也没有数据丢失，积压的事件就存放在 Broker 上。',
      ),
      values: ({ view }) => ({
        pointsRate: Math.round(
          1000 / Number(configOf(consumerOf(view, 'points-1')!.config, 'sim.processing.ms')),
        ),
        lag: groupLag(view, 'points'),
      }),
      showMe: [{ type: 'updateProducer', producerId: 'register', ratePerSec: 20 }],
      done: ({ view }) => groupLag(view, 'points') >= 20,
    },
    {
      id: 'drain',
      focus: [{ kind: 'group', id: 'points' }],
      narration: t(
        'The campaign is over: set the rate of register back to 2. points keeps its own pace and drains the backlog: lag {{lag}}. The queue absorbed the peak; without it, register would have had to slow down to the speed of points, or fail.',
        '活动结束：把 register 的速率调回 2。points 依旧按自己的节奏处理，把积压慢慢消化掉：现在积压 {{lag}} 条。高峰被消息队列吸收了；没有它，register 要么降到 points 的速度，要么直接报错。',
      ),
      values: ({ view }) => ({ lag: groupLag(view, 'points') }),
      showMe: [{ type: 'updateProducer', producerId: 'register', ratePerSec: 2 }],
      done: (ctx) =>
        (producerOf(ctx.view, 'register')?.ratePerSec ?? 0) <= 2 &&
        eventsOf(ctx, 'record.consumed', (e) => e.groupId === 'points').length > 0 &&
        groupLag(ctx.view, 'points') <= 2,
    },
  ],
  quiz: [
    question(
      t(
        'While sms-1 was down, what happened to new sign-ups?',
        'sms-1 宕机期间，新的注册怎么样了？',
      ),
      right(
        t(
          'They were acknowledged as usual; their SMS events waited in the topic.',
          '照常被确认；对应的短信事件留在主题里等着。',
        ),
        t(
          'register only waits for Kafka. The lag of group sms grew, and drained after the restart.',
          'register 只等 Kafka 的确认。sms 组的积压先涨起来，重启后又被消化掉。',
        ),
      ),
      wrong(
        t('Sign-ups failed until the SMS service came back.', '短信服务恢复之前，注册都会失败。'),
        t(
          'That is what happens when register calls the SMS service directly. With a topic in between, register only needs Kafka.',
          '那是 register 直接调用短信服务时才会发生的事。中间隔着一个主题，register 只依赖 Kafka。',
        ),
      ),
      wrong(
        t('Their SMS events were dropped.', '这些短信事件被丢掉了。'),
        t(
          'They stayed in signups; the restarted sms-1 read them from its group’s committed offsets.',
          '它们一直留在 signups 里；sms-1 重启后从组里已提交的 offset 把它们读了出来。',
        ),
      ),
    ),
    question(
      t(
        'During the campaign, where were the events points had not handled yet?',
        '活动期间，points 还没处理的那些事件在哪里？',
      ),
      right(
        t(
          'In the partitions of signups, on the brokers.',
          '在 signups 的各个分区里，存放在 Broker 上。',
        ),
        t(
          'The brokers keep them; lag is the distance between what was written and what the group has committed.',
          'Broker 保存着它们；积压就是已写入的记录与消费者组已提交的 offset 之间的差距。',
        ),
      ),
      wrong(
        t('In the memory of register.', '在 register 的内存里。'),
        t(
          'register had already been told they were written: they were on the brokers.',
          'register 早已收到写入成功的确认：它们已经在 Broker 上了。',
        ),
      ),
      wrong(
        t('Nowhere: points skipped them.', '哪儿也没有：points 把它们跳过了。'),
        t(
          'points read every one of them, only later. A consumer group skips nothing unless its offsets are moved.',
          'points 一条都没少读，只是读得晚。除非有人挪动它的 offset，消费者组不会跳过任何事件。',
        ),
      ),
    ),
    question(
      t(
        'A new gift service must also react to sign-ups. What changes in register?',
        '新的礼品服务也要响应注册事件。register 需要改什么？',
      ),
      right(
        t(
          'Nothing: the gift service reads signups in a consumer group of its own.',
          '什么都不用改：礼品服务用自己的消费者组去读 signups。',
        ),
        t(
          'Readers are added without the writer knowing: that is decoupling.',
          '增加读者时写入方完全不知情：这就是解耦。',
        ),
      ),
      wrong(
        t('register must call the gift service too.', 'register 也得去调用礼品服务。'),
        t(
          'register calls nobody: it writes to the topic, and any number of groups read it.',
          'register 谁也不调用：它只写主题，读的消费者组想加几个就加几个。',
        ),
      ),
      wrong(
        t('register must write each event twice.', 'register 得把每条事件写两遍。'),
        t(
          'One write is enough: every group reads the same log, each at its own position.',
          '写一次就够了：每个消费者组读的是同一份日志，各有各的消费位置。',
        ),
      ),
    ),
  ],
};
