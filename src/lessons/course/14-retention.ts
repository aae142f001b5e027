// Lesson 14: retention. Records stay whether or not they were read; whole segments are deleted
// by time (retention.ms) or size (retention.bytes); offsets are never reused; a group away for
// longer than retention falls off the log and auto.offset.reset decides where it lands.
import type { Lesson, StepContext } from '../types';
import {
  brokerConfig,
  configOf,
  groupOf,
  on,
  partitionOf,
  question,
  right,
  seconds,
  t,
  wrong,
  pauseAt,
} from './kit';
import { classroom, topic, producer, group } from './scenarios';

const m0 = (ctx: StepContext) => partitionOf(ctx.view, 'metrics-0');
const topicConfig = (ctx: StepContext, key: string) =>
  configOf(ctx.view.topics.find((x) => x.name === 'metrics')!.config, key);
const committed = (ctx: StepContext, groupId: string): number | string =>
  groupOf(ctx.view, groupId)?.offsets[0]?.committed ?? '–';
const leaderSegments = (ctx: StepContext) =>
  m0(ctx).replicaStates.find((r) => r.role === 'leader')?.segments.length ?? 0;

/** metrics-0 is led by broker 1 (the scenario's assignment): what the strip shows is its log. */
const LEADER = 1;
const rolled = on('log.segment-rolled', (e) => e.topic === 'metrics' && e.brokerId === LEADER);
const deletedByTime = on(
  'log.retention-deleted',
  (e) => e.topic === 'metrics' && e.brokerId === LEADER && e.reason.code === 'retention-ms',
);
const deletedBySize = on(
  'log.retention-deleted',
  (e) => e.topic === 'metrics' && e.brokerId === LEADER && e.reason.code === 'retention-bytes',
);
const archiveFellOff = on('offset.reset', (e) => e.groupId === 'archive');

export const retention: Lesson = {
  id: 'retention',
  number: 14,
  title: t('Retention', '数据保留'),
  summary: t(
    'Watch a log roll into segments, keep what was read, and lose its oldest segments to retention by time and by size; and see a group that was away too long fall off the start of the log.',
    '看日志怎样滚动出一个个日志段、读过的数据怎样依然保留、最老的日志段怎样按时间和按大小被删除；再看一个离开太久的消费者组怎样从日志开头“掉下去”。',
  ),
  concepts: ['retention.ms', 'retention.bytes', 'segment', 'log start offset', 'auto.offset.reset'],
  minutes: 5,
  scenario: classroom(1414, 'Retention', {
    topics: [
      topic('metrics', 1, {
        config: { 'retention.ms': 15000, 'segment.ms': 5000, 'segment.bytes': 1024 },
        assignment: [[1, 2, 3]],
      }),
    ],
    producers: [producer('collector', 'metrics', 5, null)],
    groups: [
      group('dashboard', 'metrics', 1),
      group('archive', 'metrics', 1, { 'sim.processing.ms': 500, 'max.poll.records': 10 }),
    ],
    // archive is a nightly job: it works through the first few records, commits, and stops
    // (well before the first segment is old enough to be deleted).
    actions: [{ at: 6000, type: 'closeConsumer', consumerId: 'archive-1' }],
  }),
  steps: [
    {
      id: 'segments',
      play: true,
      focus: [{ kind: 'partition', key: 'metrics-0' }],
      narration: t(
        'A partition’s log is stored as segment files. metrics starts a new segment every {{segMs}} s or {{segBytes}} bytes, whichever comes first (segment.ms and segment.bytes, made small for this lesson). A segment has just been rolled: the log of metrics-0 now has {{segments}}.',
        '分区日志在磁盘上存成一个个日志段（segment）文件。metrics 每 {{segMs}} 秒或每 {{segBytes}} 字节（以先到者为准）新建一个日志段（segment.ms、segment.bytes，本课特意调小了）。刚刚滚动出一个新的日志段：metrics-0 的日志现在有 {{segments}} 个日志段。',
      ),
      values: (ctx) => ({
        segMs: seconds(topicConfig(ctx, 'segment.ms')),
        segBytes: topicConfig(ctx, 'segment.bytes'),
        segments: leaderSegments(ctx),
      }),
      ...pauseAt(rolled),
    },
    {
      id: 'read-not-deleted',
      play: true,
      focus: [
        { kind: 'group', id: 'dashboard' },
        { kind: 'group', id: 'archive' },
      ],
      narration: t(
        'dashboard reads everything as it comes; archive, a nightly job, has stopped at offset {{archived}}. Yet not one record has gone: the log still starts at offset {{start}}. Reading deletes nothing in Kafka. Only retention does, and it does not care who has read what.',
        'dashboard 随写随读；archive 是个夜间任务，已经停在了 offset {{archived}}。可一条记录都没少：日志仍然从 offset {{start}} 开始。在 Kafka 里，读取不会删除任何东西。只有保留策略会删，而且它不管谁读过什么。',
      ),
      values: (ctx) => ({ archived: committed(ctx, 'archive'), start: m0(ctx).logStartOffset }),
    },
    {
      id: 'retention',
      focus: [{ kind: 'partition', key: 'metrics-0' }],
      narration: t(
        'retention.ms is {{retention}} s here: a segment is deleted once its newest record is older than that. Brokers check every {{check}} s. Watch the start of the log: whole segments go, oldest first, and the log start offset moves up to {{start}}.',
        '这里的 retention.ms 是 {{retention}} 秒：一个日志段里最新的记录超过这个时间，整个日志段就会被删除。Broker 每 {{check}} 秒检查一次。盯住日志的开头：删除的是整个日志段，从最老的开始，日志起始 offset（log start offset）随之上移到 {{start}}。',
      ),
      values: (ctx) => ({
        retention: seconds(topicConfig(ctx, 'retention.ms')),
        check: seconds(brokerConfig(ctx.view, 'log.retention.check.interval.ms')),
        start: m0(ctx).logStartOffset,
      }),
      ...pauseAt(deletedByTime),
    },
    {
      id: 'offsets-stay',
      focus: [{ kind: 'partition', key: 'metrics-0' }],
      narration: t(
        'The remaining records keep their offsets: the log now runs from {{start}} to {{last}}, and no offset below {{start}} will ever be used again. Deleted simply means below the log start offset. Since segments go whole, a record can outlive retention.ms by up to a segment’s age.',
        '剩下的记录 offset 不变：日志现在从 {{start}} 到 {{last}}，{{start}} 以下的 offset 永远不会再被使用。所谓“删除”，就是落到了日志起始 offset 之下。因为按整个日志段删除，一条记录最多可能比 retention.ms 多留一个日志段的时长。',
      ),
      values: (ctx) => ({ start: m0(ctx).logStartOffset, last: m0(ctx).logEndOffset - 1 }),
    },
    {
      id: 'falls-off',
      play: true,
      focus: [{ kind: 'group', id: 'archive' }],
      narration: t(
        'Run the nightly job again: restart archive-1. Its committed offset {{archived}} is now below the log start, {{start}}: those records were deleted while it was away. Its fetch fails with OFFSET_OUT_OF_RANGE and auto.offset.reset decides. Here, earliest: it jumps to {{start}} and never reads what lay between.',
        '再跑一次夜间任务：重启 archive-1。它已提交的 offset {{archived}} 现在落到了日志起始 offset {{start}} 之下：它不在的时候，那些记录已被删除。它的拉取会以 OFFSET_OUT_OF_RANGE 失败，由 auto.offset.reset 决定怎么办。这里是 earliest：它跳到 {{start}}，中间那些记录就永远读不到了。',
      ),
      values: (ctx) => ({ archived: committed(ctx, 'archive'), start: m0(ctx).logStartOffset }),
      showMe: [{ type: 'restartConsumer', consumerId: 'archive-1' }],
      ...pauseAt(archiveFellOff),
    },
    {
      id: 'by-size',
      play: true,
      focus: [{ kind: 'topic', name: 'metrics' }],
      narration: t(
        'Retention can also go by size, per partition: retention.bytes. Set the retention.bytes of metrics to 1024. At the next check the brokers delete the oldest segments until about 1 KiB is left, however young those segments are.',
        '保留策略也可以按大小，针对每个分区：retention.bytes。把 metrics 的 retention.bytes 设为 1024。下次检查时，Broker 会从最老的日志段删起，直到只剩约 1 KiB，不管这些日志段有多“年轻”。',
      ),
      showMe: [
        { type: 'setConfig', scope: 'topic', id: 'metrics', key: 'retention.bytes', value: 1024 },
      ],
      ...pauseAt(deletedBySize),
    },
  ],
  quiz: [
    question(
      t(
        'Every group has read a record. When is it deleted?',
        '所有消费者组都读过了一条记录。它什么时候被删除？',
      ),
      right(
        t(
          'When retention removes its segment, by time or by size, read or not.',
          '当保留策略按时间或大小删除它所在的日志段时，不管读没读过。',
        ),
        t(
          'dashboard had read everything and the records stayed until their segment expired.',
          'dashboard 早就读完了，记录却一直留到所在的日志段过期。',
        ),
      ),
      wrong(
        t('Right after the last group commits it.', '最后一个消费者组提交之后立刻删除。'),
        t(
          'Kafka does not track who has read what; commits only store positions.',
          'Kafka 不跟踪谁读过什么；提交只是保存消费位置。',
        ),
      ),
    ),
    question(
      t('How does retention delete records?', '保留策略是怎样删除记录的？'),
      right(
        t(
          'Whole segments at a time, oldest first; the log start offset moves up.',
          '一次删除整个日志段，从最老的开始；日志起始 offset 随之上移。',
        ),
        t(
          'The remaining records keep their offsets; no offset is reused.',
          '剩下的记录 offset 不变，offset 也不会被重用。',
        ),
      ),
      wrong(
        t('Record by record, as each one expires.', '逐条记录删除，哪条过期删哪条。'),
        t(
          'A segment goes only when its newest record is old enough, so older records in it wait.',
          '只有日志段里最新的记录也过期了，整个日志段才会被删除，所以其中更老的记录要等着。',
        ),
      ),
    ),
    question(
      t(
        'Retention deleted the records at a stopped group’s committed offset. What happens when it starts again?',
        '保留策略删掉了一个停着的消费者组已提交 offset 处的记录。它再启动时会怎样？',
      ),
      right(
        t(
          'Its fetch fails with OFFSET_OUT_OF_RANGE and auto.offset.reset picks a new position.',
          '它的拉取以 OFFSET_OUT_OF_RANGE 失败，由 auto.offset.reset 选一个新的消费位置。',
        ),
        t(
          'archive jumped to the log start; the deleted records were never read.',
          'archive 跳到了日志起始 offset；被删掉的那些记录它永远没读到。',
        ),
      ),
      wrong(
        t(
          'Kafka keeps the records until that consumer has read them.',
          'Kafka 会保留这些记录，直到那个消费者读完。',
        ),
        t(
          'Retention waits for no consumer: archive fell off the log.',
          '保留策略不等任何消费者：archive 就从日志上掉下去了。',
        ),
      ),
    ),
  ],
};
