// Lesson 5: batching and asynchronous send. send() returns at once; records wait in the
// producer's buffer, one batch per partition, until linger.ms passes or batch.size fills; what
// is still in the buffer exists nowhere else.
//
// The last step says what a crash would lose but cannot show it yet: the engine has no command
// that crashes a producer (removeProducer is a clean removal). See the lesson report.
import type { Lesson, StepContext } from '../types';
import { after, configOf, on, producerOf, question, right, t, wrong } from './kit';
import { classroom, topic, producer, LEADERS_1_2_3 } from './scenarios';

const tracker = (ctx: StepContext) => producerOf(ctx.view, 'tracker')!;

const changed = (key: string) =>
  on('config.changed', (e) => e.scope === 'producer' && e.id === 'tracker' && e.key === key);

/** A batch of at least `n` records written to a leader or follower of clicks. */
const bigBatch = (n: number) => on('record.appended', (e) => e.topic === 'clicks' && e.count >= n);

export const batchingAndAsyncSend: Lesson = {
  id: 'batching-and-async-send',
  number: 5,
  title: t('Batching and asynchronous send', '批量发送与异步发送'),
  summary: t(
    'See send() return before anything reaches a broker, make batches wait longer with linger.ms and fill sooner with batch.size, and see what lives only in the producer’s buffer.',
    '看 send() 怎样在数据到达 Broker 之前就返回；用 linger.ms 让批次多等一会儿，用 batch.size 让批次早点装满；再看看哪些数据只存在于生产者的缓冲区里。',
  ),
  concepts: ['send()', 'record accumulator', 'batch', 'linger.ms', 'batch.size', 'callback'],
  minutes: 4,
  scenario: classroom(505, 'Batching and asynchronous send', {
    topics: [topic('clicks', 3, { assignment: LEADERS_1_2_3 })],
    producers: [producer('tracker', 'clicks', 10, ['home', 'cart', 'search'], { acks: '1' })],
  }),
  steps: [
    {
      id: 'async-send',
      play: true,
      focus: [{ kind: 'producer', id: 'tracker' }],
      narration: t(
        'send() does not wait for a broker. The application hands tracker a record and goes on; the producer keeps it in its buffer, gathered into batches per partition, and a sender in the background ships the batches. The answer comes later, in a callback. Right now: buffered {{buffered}}, in flight {{inFlight}}.',
        'send() 不会等 Broker 回应。应用把记录交给 tracker 就去忙别的；生产者先把记录放进自己的缓冲区，按分区攒成批次，再由后台的发送线程把批次发出去。结果稍后通过回调（callback）返回。此刻：缓冲区里有 {{buffered}} 条，在途 {{inFlight}} 条。',
      ),
      values: (ctx) => ({
        buffered: tracker(ctx).stats.buffered,
        inFlight: tracker(ctx).stats.inFlight,
      }),
      done: (ctx) => ctx.events.some(on('record.acked', (e) => e.producerId === 'tracker')),
    },
    {
      id: 'linger',
      focus: [{ kind: 'producer', id: 'tracker' }],
      narration: t(
        'linger.ms is how long a batch waits for more records before it is sent: {{linger}} ms now. Set tracker’s linger.ms to 2000. Batches then collect records for 2 s: fewer, bigger requests, and more records waiting in the buffer (now {{buffered}}). The price is latency.',
        'linger.ms 是批次发送前等待更多记录的时间，现在是 {{linger}} 毫秒。把 tracker 的 linger.ms 改成 2000。批次要攒 2 秒才发：请求更少、更大，缓冲区里等着的记录也更多（现在 {{buffered}} 条）。代价是延迟变高。',
      ),
      values: (ctx) => ({
        linger: configOf(tracker(ctx).config, 'linger.ms'),
        buffered: tracker(ctx).stats.buffered,
      }),
      showMe: [
        { type: 'setConfig', scope: 'producer', id: 'tracker', key: 'linger.ms', value: 2000 },
      ],
      done: (ctx) => after(ctx, changed('linger.ms')).some(bigBatch(6)),
    },
    {
      id: 'batch-size',
      play: true,
      focus: [{ kind: 'producer', id: 'tracker' }],
      narration: t(
        'A batch also leaves as soon as it is full: batch.size, in bytes ({{batchSize}} now). Set tracker’s batch.size to 150. A batch now fills after a few records and goes at once, long before linger.ms is over. Under load, batch.size decides; when traffic is light, linger.ms does.',
        '批次一旦装满也会立刻发出：这由 batch.size（字节）决定，现在是 {{batchSize}}。把 tracker 的 batch.size 改成 150。现在一个批次装几条记录就满了，马上发送，远不用等到 linger.ms。流量大时 batch.size 说了算；流量小时 linger.ms 说了算。',
      ),
      values: (ctx) => ({ batchSize: configOf(tracker(ctx).config, 'batch.size') }),
      showMe: [
        { type: 'setConfig', scope: 'producer', id: 'tracker', key: 'batch.size', value: 150 },
      ],
      done: (ctx) =>
        after(ctx, changed('batch.size')).filter(
          (e) => e.type === 'record.appended' && e.topic === 'clicks' && e.count <= 4,
        ).length >= 6,
    },
    {
      id: 'buffer-only',
      focus: [{ kind: 'producer', id: 'tracker' }],
      narration: t(
        'Until a batch is sent and acknowledged, its records exist only in the producer’s memory: {{buffered}} right now. If the process crashed at this moment they would be lost, although send() had returned. An application that must not lose them counts a record as sent only when its callback reports success (or after flush()).',
        '批次在发出并被确认之前，里面的记录只存在于生产者的内存中：此刻有 {{buffered}} 条。如果进程这时崩溃，它们就丢了，尽管 send() 早已返回。不能丢数据的应用，要等回调报告成功（或调用 flush() 之后），才把记录算作发送成功。',
      ),
      values: (ctx) => ({ buffered: tracker(ctx).stats.buffered }),
    },
  ],
  quiz: [
    question(
      t(
        'With linger.ms=2000 and light traffic, what happens to a record after send()?',
        'linger.ms=2000、流量又很小时，一条记录在 send() 之后会怎样？',
      ),
      right(
        t(
          'It waits in the buffer up to 2 s, then goes in one batch with others.',
          '它在缓冲区里最多等 2 秒，然后和别的记录一起装进一个批次发出。',
        ),
        t(
          'The batch leaves when linger.ms is over or batch.size is full, whichever comes first.',
          '批次在 linger.ms 到期或 batch.size 装满时发出，以先到者为准。',
        ),
      ),
      wrong(
        t('send() blocks for 2 s.', 'send() 会阻塞 2 秒。'),
        t(
          'send() returns at once; it is the batch that waits, inside the producer.',
          'send() 立刻返回；等待的是生产者内部的批次。',
        ),
      ),
      wrong(
        t(
          'It is sent at once; linger.ms only matters when a broker is slow.',
          '立刻发出；只有 Broker 变慢时 linger.ms 才起作用。',
        ),
        t(
          'linger.ms is a deliberate wait for company, whatever the brokers do: the requests grew fewer and bigger.',
          'linger.ms 是有意等待更多记录，与 Broker 快慢无关：你看到请求变得更少、更大了。',
        ),
      ),
    ),
    question(
      t(
        'When does a batch leave before linger.ms is over?',
        '什么情况下批次不等 linger.ms 到期就发出？',
      ),
      right(
        t('When it reaches batch.size bytes.', '装到 batch.size 字节时。'),
        t(
          'A full batch is sent at once: with batch.size=150 batches left every few records.',
          '装满的批次立即发送：batch.size=150 时，每几条记录就发一次。',
        ),
      ),
      wrong(
        t('When the broker asks for it.', 'Broker 来要的时候。'),
        t(
          'Producers push their batches to the leader; brokers never ask producers for data.',
          '生产者主动把批次发给 Leader；Broker 从不向生产者要数据。',
        ),
      ),
    ),
    question(
      t(
        'The producer process dies with records still in its buffer. What happens to them?',
        '生产者进程崩溃了，缓冲区里还有记录。这些记录会怎样？',
      ),
      right(
        t('They are lost: no broker ever had them.', '丢失：没有任何 Broker 收到过它们。'),
        t(
          'Only acknowledged records are on the brokers; the application must treat the others as not sent.',
          '只有被确认的记录才在 Broker 上；其余的，应用必须当作没发出去。',
        ),
      ),
      wrong(
        t('They are written when the producer restarts.', '生产者重启后会把它们写进去。'),
        t(
          'The buffer is memory, not a file: a new process starts empty.',
          '缓冲区在内存里，不是文件：新进程启动时缓冲区是空的。',
        ),
      ),
      wrong(
        t('The leader writes them anyway.', 'Leader 照样会把它们写入。'),
        t(
          'The leader never received them: they were still waiting in the producer.',
          'Leader 根本没收到它们：它们还在生产者那里排队。',
        ),
      ),
    ),
  ],
};
