// Lesson 2: Kafka and a traditional message queue. A teaching model of a classic push queue runs
// beside the Kafka topic on the same traffic (models/pushQueue.ts): push vs pull, delete on
// acknowledge vs a retained log, a late second reader, and replay by resetting offsets.
import { createPushQueueModel, queueReceiver, type PushQueueState } from '../models/pushQueue';
import type { Lesson, StepContext } from '../types';
import { happened, on, partitionOf, pauseAt, question, right, t, wrong } from './kit';
import { classroom, topic, producer, group } from './scenarios';

const QUEUE = 'classic-queue';

const queue = (ctx: StepContext): PushQueueState => {
  const s = ctx.models?.[QUEUE];
  if (!s) throw new Error('lesson 2: the classic queue model is not running');
  return s as PushQueueState;
};

const received = (ctx: StepContext, groupId: string) =>
  queueReceiver(queue(ctx), groupId)?.received ?? 0;

/** A group's first read in the step: from the start of the log (earliest). */
const consumedAtStart = (groupId: string) =>
  on('record.consumed', (e) => e.groupId === groupId && e.topic === 'signups');

export const kafkaAndATraditionalQueue: Lesson = {
  id: 'kafka-and-a-traditional-queue',
  number: 2,
  title: t('Kafka and a traditional message queue', 'Kafka 与传统消息队列'),
  summary: t(
    'The same sign-ups go to a Kafka topic and to a teaching model of a classic push queue. See push against pull, deleting on acknowledge against a kept log, a late reader, and replay.',
    '同一批注册事件，一边写进 Kafka 主题，一边送进一个传统推送式队列的教学模型。对比推与拉、确认即删除与日志保留、迟到的读者，以及重放。',
  ),
  concepts: ['push vs pull', 'retention', 'consumer group', 'offset', 'replay'],
  minutes: 6,
  scenario: classroom(202, 'Kafka and a traditional message queue', {
    topics: [topic('signups', 1)],
    producers: [producer('register', 'signups', 1, ['ana', 'ben', 'chen', 'dara'])],
    groups: [group('email', 'signups', 1)],
  }),
  models: [createPushQueueModel({ id: QUEUE, topic: 'signups' })],
  steps: [
    {
      id: 'two-designs',
      play: true,
      focus: [
        { kind: 'topic', name: 'signups' },
        { kind: 'model', id: QUEUE },
      ],
      narration: t(
        'Left, Kafka: register writes sign-ups to the topic signups, read by the group email. Right, a teaching model of a classic message queue (JMS style, not Kafka), fed with the very same records as soon as Kafka acknowledges them. Same traffic, two designs.',
        '左边是 Kafka：register 把注册事件写进主题 signups，由消费者组 email 读取。右边是一个传统消息队列（JMS 风格）的教学模型，它不是 Kafka：Kafka 每确认一条记录，同一条消息也会放进这个队列。同样的流量，两种设计。',
      ),
      done: (ctx) =>
        queue(ctx).deleted > 0 && happened(ctx, 'record.consumed', (e) => e.groupId === 'email'),
    },
    {
      id: 'push-vs-pull',
      focus: [
        { kind: 'consumer', id: 'email-1' },
        { kind: 'model', id: QUEUE },
      ],
      narration: t(
        'Watch how messages reach the readers. The queue pushes: the moment a message arrives, it sends it to a receiver. Kafka’s consumer pulls: email-1 keeps asking the Leader of signups-0 for the records after its position, and takes what is there, at its own pace.',
        '看消息是怎样到达读者的。队列是推（push）：消息一到，就主动发给某个接收者。Kafka 的消费者是拉（pull）：email-1 不断向 signups-0 的 Leader 请求自己消费位置之后的记录，有多少取多少，按自己的节奏来。',
      ),
    },
    {
      id: 'delete-on-ack',
      focus: [
        { kind: 'partition', key: 'signups-0' },
        { kind: 'model', id: QUEUE },
      ],
      narration: t(
        'The queue deletes a message as soon as its receiver acknowledges it: {{deleted}} deleted so far, {{waiting}} waiting. Kafka deletes nothing when email reads: the log of signups-0 still holds offsets {{start}} to {{last}}, read or not. Only retention removes records (lesson 14).',
        '接收者一确认，队列就把消息删掉：目前已删除 {{deleted}} 条，还有 {{waiting}} 条在排队。email 读完，Kafka 什么也不删：signups-0 的日志里仍然保存着 offset {{start}} 到 {{last}} 的记录，不管读没读过。只有保留策略（第 14 课）才会删除记录。',
      ),
      values: (ctx) => {
        const p = partitionOf(ctx.view, 'signups-0');
        return {
          deleted: queue(ctx).deleted,
          waiting: queue(ctx).ready.length,
          start: p.logStartOffset,
          last: p.logEndOffset - 1,
        };
      },
    },
    {
      id: 'second-app',
      focus: [
        { kind: 'topic', name: 'signups' },
        { kind: 'model', id: QUEUE },
      ],
      narration: t(
        'A new application, audit, needs every sign-up, old ones included. Add a consumer group audit that reads signups from the earliest offset. On the queue side, audit connects as a second receiver of the same queue.',
        '新应用 audit 需要所有注册事件，包括以前的。添加一个消费者组 audit，让它从最早的 offset 开始读 signups。在队列那边，audit 作为同一个队列的第二个接收者连上来。',
      ),
      showMe: [
        {
          type: 'addGroup',
          id: 'audit',
          topics: ['signups'],
          consumers: 1,
          config: { 'auto.offset.reset': 'earliest' },
        },
      ],
      ...pauseAt(consumedAtStart('audit')),
    },
    {
      id: 'late-reader',
      play: true,
      focus: [
        { kind: 'group', id: 'audit' },
        { kind: 'model', id: QUEUE },
      ],
      narration: t(
        'audit read signups from offset {{start}}, records email read long ago: the log keeps them. On the queue, audit arrived after {{gone}} messages had been deleted; it will never see them. From now on the two receivers take turns, each new message to one of them only ({{auditGot}} to audit so far), so email no longer sees every sign-up.',
        'audit 从 offset {{start}} 开始读 signups，读到的正是 email 早就读过的记录：日志把它们留着。而在队列那边，audit 连上来时已有 {{gone}} 条消息被删除，它永远看不到了。从现在起两个接收者轮流收消息，每条新消息只给其中一个（目前 audit 收到 {{auditGot}} 条），于是 email 不再能收到全部注册事件。',
      ),
      values: (ctx) => ({
        start: partitionOf(ctx.view, 'signups-0').logStartOffset,
        gone: queueReceiver(queue(ctx), 'audit')?.deletedBeforeJoin ?? 0,
        auditGot: received(ctx, 'audit'),
      }),
      done: (ctx) => received(ctx, 'audit') > 0,
    },
    {
      id: 'replay-stop',
      focus: [{ kind: 'consumer', id: 'email-1' }],
      narration: t(
        'Replay. A bug sent wrong welcome mails, so email must read everything again. First stop the application: close consumer email-1. The offsets of a group can only be moved while it has no running members.',
        '重放（replay）。一个 bug 让欢迎邮件发错了，email 得把所有事件重新读一遍。先停掉这个应用：关闭消费者 email-1。只有在消费者组里没有运行中的成员时，才能移动它的 offset。',
      ),
      showMe: [{ type: 'closeConsumer', consumerId: 'email-1' }],
      done: (ctx) => happened(ctx, 'consumer.left', (e) => e.consumerId === 'email-1'),
    },
    {
      id: 'replay',
      focus: [
        { kind: 'group', id: 'email' },
        { kind: 'model', id: QUEUE },
      ],
      narration: t(
        'Now reset the offsets of group email to the earliest and restart email-1. It reads signups again from offset {{start}}. The queue has nothing to give back: it deleted every message once acknowledged, and while email was away, audit took all the new ones.',
        '现在把消费者组 email 的 offset 重置到最早，再重启 email-1。它又从 offset {{start}} 开始重新读 signups。队列却什么也还不回来：消息一经确认就删除了，而 email 离开的这段时间，新消息全都给了 audit。',
      ),
      values: (ctx) => ({ start: partitionOf(ctx.view, 'signups-0').logStartOffset }),
      showMe: [
        { type: 'resetOffsets', groupId: 'email', topic: 'signups', to: 'earliest' },
        { type: 'restartConsumer', consumerId: 'email-1' },
      ],
      ...pauseAt(consumedAtStart('email')),
    },
  ],
  quiz: [
    question(
      t('audit arrived late. What did it get?', 'audit 来晚了。它拿到了什么？'),
      right(
        t(
          'From Kafka, every sign-up from the earliest offset; from the queue, only its share of what arrived after it connected.',
          '从 Kafka 拿到了从最早的 offset 起的全部注册事件；从队列只拿到它连上之后到达的消息中的一部分。',
        ),
        t(
          'The log keeps records whoever read them; the queue had deleted the old messages and splits new ones between its receivers.',
          '日志里的记录不管谁读过都还在；队列早把旧消息删了，新消息又在接收者之间分摊。',
        ),
      ),
      wrong(
        t('The same from both.', '两边拿到的一样。'),
        t(
          'The queue had deleted every acknowledged message before audit connected; Kafka still had them.',
          'audit 连上之前，队列已经删掉了所有确认过的消息；Kafka 里它们还在。',
        ),
      ),
      wrong(
        t(
          'Nothing old from either: late readers miss the past.',
          '两边都拿不到旧数据：来晚了就错过了。',
        ),
        t(
          'audit read Kafka from the start: a new group can begin at the earliest offset and read the whole log.',
          'audit 从头读了 Kafka：新的消费者组可以从最早的 offset 开始，把整个日志读一遍。',
        ),
      ),
    ),
    question(
      t('How does a Kafka consumer get records?', 'Kafka 消费者是怎样拿到记录的？'),
      right(
        t(
          'It pulls: it asks the Leader for the records after its position.',
          '拉取：它向 Leader 请求自己消费位置之后的记录。',
        ),
        t(
          'So each consumer reads at its own pace, and the broker needs no state about what each one has read.',
          '所以每个消费者都按自己的节奏读，Broker 也不必记住每个消费者读到了哪里。',
        ),
      ),
      wrong(
        t(
          'The broker pushes each record to it as soon as it is written.',
          'Broker 一写入就把记录推给它。',
        ),
        t(
          'That is the classic queue on the right. Kafka’s broker answers fetch requests; it never sends unasked.',
          '那是右边的传统队列。Kafka 的 Broker 只回应拉取请求，从不主动推送。',
        ),
      ),
      wrong(
        t('The producer sends records straight to the consumers.', '生产者把记录直接发给消费者。'),
        t(
          'Producers and consumers never talk to each other: both talk only to brokers.',
          '生产者和消费者彼此从不通信，它们都只和 Broker 打交道。',
        ),
      ),
    ),
    question(
      t(
        'email has read and committed a record. What does Kafka do with it?',
        'email 已经读完并提交了一条记录。Kafka 会怎样处理这条记录？',
      ),
      right(
        t(
          'Nothing: it stays in the log until retention removes it.',
          '什么也不做：它留在日志里，直到保留策略把它删除。',
        ),
        t(
          'That is why audit could read it later and email could read it again.',
          '正因如此，audit 之后还能读到它，email 也能重读一遍。',
        ),
      ),
      wrong(
        t('It deletes it.', '把它删掉。'),
        t(
          'Deleting on acknowledge is what the classic queue does. A commit only stores the group’s position.',
          '确认即删除是传统队列的做法。提交只是记下这个消费者组的消费位置。',
        ),
      ),
      wrong(
        t('It hands it on to the next group.', '把它转交给下一个消费者组。'),
        t(
          'Nothing is handed on: every group reads the same log at its own position.',
          '没有什么转交：每个消费者组都在同一份日志上，按各自的消费位置读。',
        ),
      ),
    ),
  ],
};
