// Lesson 11: durability. What acks=all, 1 and 0 wait for; min.insync.replicas with acks=all: one
// broker down (of 3, min 2) and writes go on, two down and the Leader refuses with
// NOT_ENOUGH_REPLICAS; a broker back and the retries succeed.
import type { ClusterView } from '../../engine';
import type { Lesson, StepContext } from '../types';
import {
  after,
  configOf,
  eventsOf,
  ids,
  on,
  partitionOf,
  producerOf,
  question,
  right,
  seconds,
  t,
  wrong,
  pauseAt,
} from './kit';
import { classroom, topic, producer, LEADERS_1_2_3 } from './scenarios';

const minIsr = (view: ClusterView) =>
  configOf(view.topics.find((x) => x.name === 'payments')!.config, 'min.insync.replicas');

const changedAcks = (value: string) =>
  on(
    'config.changed',
    (e) => e.scope === 'producer' && e.id === 'checkout' && e.key === 'acks' && e.value === value,
  );

/** The broker killed in this step, or else the next one to kill: the highest running non-controller. */
function victim(ctx: StepContext): number {
  const killed = eventsOf(ctx, 'broker.stopped')[0];
  if (killed) return killed.brokerId;
  const candidates = ctx.view.brokers.filter((b) => b.status === 'running' && !b.isController);
  return candidates.length > 0 ? candidates[candidates.length - 1].id : -1;
}

/** The broker restarted in this step, or else the lowest-id broker that is down. */
function comeback(ctx: StepContext): number {
  const restarted = eventsOf(ctx, 'broker.started', (e) => e.restart)[0];
  if (restarted) return restarted.brokerId;
  return ctx.view.brokers.find((b) => b.status !== 'running')?.id ?? -1;
}

const broker3Leaves = on('isr.shrunk', (e) => e.topic === 'payments' && e.brokerId === 3);
const refused = on(
  'record.failed',
  (e) => e.producerId === 'checkout' && e.error === 'NOT_ENOUGH_REPLICAS',
);
const fireAndForget = on('record.acked', (e) => e.producerId === 'checkout' && e.offset === -1);

export const durability: Lesson = {
  id: 'durability',
  number: 11,
  title: t('Durability', '持久性'),
  summary: t(
    'Compare what acks=all, 1 and 0 wait for; then take brokers away one by one and see min.insync.replicas keep writes going, then refuse them rather than risk them.',
    '对比 acks=all、1、0 各自等的是什么；再逐个拿掉 Broker，看 min.insync.replicas 怎样先让写入继续，再宁可拒绝也不冒险。',
  ),
  concepts: ['acks', 'min.insync.replicas', 'NOT_ENOUGH_REPLICAS', 'ISR', 'retries'],
  minutes: 8,
  scenario: classroom(1111, 'Durability', {
    topics: [
      topic('payments', 3, { config: { 'min.insync.replicas': 2 }, assignment: LEADERS_1_2_3 }),
    ],
    producers: [producer('checkout', 'payments', 4, ['alice', 'bob', 'carol', 'dave'])],
  }),
  steps: [
    {
      id: 'acks-all',
      play: true,
      focus: [{ kind: 'producer', id: 'checkout' }],
      narration: t(
        'checkout writes payments with acks=all: the Leader answers only once every replica in the ISR has the record, that is, once the HW has passed it. Watch a produce request wait at the Leader while the Followers fetch.',
        'checkout 用 acks=all 写 payments：只有 ISR 中的每个副本都有了这条记录，也就是 HW 越过它之后，Leader 才会回应。看一个生产请求怎样在 Leader 那里等待 Follower 拉取。',
      ),
      done: (ctx) => ctx.events.some(on('record.acked', (e) => e.producerId === 'checkout')),
    },
    {
      id: 'acks-1',
      focus: [{ kind: 'producer', id: 'checkout' }],
      narration: t(
        'Set checkout’s acks to 1. Now the Leader answers as soon as the record is in its own log, without waiting for the Followers: quicker, but at that moment the record may exist on one broker only.',
        '把 checkout 的 acks 改成 1。现在记录一进入 Leader 自己的日志，Leader 就立即回应，不等 Follower：更快，但在那一刻，这条记录可能只存在于一个 Broker 上。',
      ),
      showMe: [{ type: 'setConfig', scope: 'producer', id: 'checkout', key: 'acks', value: '1' }],
      done: (ctx) =>
        after(ctx, changedAcks('1')).some((e) => e.type === 'record.acked' && e.offset >= 0),
    },
    {
      id: 'acks-0',
      focus: [{ kind: 'producer', id: 'checkout' }],
      narration: t(
        'Set acks to 0. The producer does not wait at all: no answer comes back, and it never learns the offset of its records (shown as -1). If a request is lost on the way, nobody notices.',
        '把 acks 改成 0。生产者完全不等：没有任何回应，它也永远不知道记录的 offset（显示为 -1）。请求要是在路上丢了，谁都不会发现。',
      ),
      showMe: [{ type: 'setConfig', scope: 'producer', id: 'checkout', key: 'acks', value: '0' }],
      ...pauseAt(fireAndForget),
    },
    {
      id: 'acks-all-again',
      play: true,
      focus: [{ kind: 'topic', name: 'payments' }],
      narration: t(
        'For the next steps, set acks back to all. With acks=all, the topic’s min.insync.replicas ({{minIsr}} here) says how many in-sync replicas a write needs at the least.',
        '为了接下来的实验，把 acks 改回 all。在 acks=all 下，主题的 min.insync.replicas（这里是 {{minIsr}}）规定了一次写入至少需要 ISR 中有多少个副本。',
      ),
      values: (ctx) => ({ minIsr: minIsr(ctx.view) }),
      showMe: [{ type: 'setConfig', scope: 'producer', id: 'checkout', key: 'acks', value: 'all' }],
      done: (ctx) =>
        after(ctx, changedAcks('all')).some((e) => e.type === 'record.acked' && e.offset >= 0),
    },
    {
      id: 'one-down',
      focus: [{ kind: 'broker', id: 3 }],
      narration: t(
        'Kill Broker {{victim}}. Once the controller has fenced it, the ISR of every partition of payments shrinks by one.',
        '终止 Broker {{victim}}。控制器屏蔽它之后，payments 每个分区的 ISR 都会少一个副本。',
      ),
      values: (ctx) => ({ victim: victim(ctx) }),
      showMe: [{ type: 'killBroker', brokerId: 3 }],
      ...pauseAt(broker3Leaves),
    },
    {
      id: 'still-writing',
      play: true,
      focus: [{ kind: 'producer', id: 'checkout' }],
      narration: t(
        'Writes go on: the ISR of payments-0 is [{{isr}}], still no fewer than {{minIsr}}. With {{rf}} replicas and a minimum of {{minIsr}}, one broker can be lost without stopping writes or losing acknowledged data.',
        '写入照常进行：payments-0 的 ISR 是 [{{isr}}]，仍不少于 {{minIsr}} 个。有 {{rf}} 个副本、ISR 最少 {{minIsr}} 个时，坏掉一个 Broker 既不会中断写入，也不会丢失已确认的数据。',
      ),
      values: (ctx) => {
        const p = partitionOf(ctx.view, 'payments-0');
        return { isr: ids(p.isr), minIsr: minIsr(ctx.view), rf: p.replicas.length };
      },
      done: (ctx) => ctx.events.some(on('record.acked', (e) => e.producerId === 'checkout')),
    },
    {
      id: 'two-down',
      focus: [{ kind: 'broker', id: 2 }],
      narration: t(
        'Kill Broker {{victim}} as well. Only one in-sync replica is left, fewer than min.insync.replicas: the Leader refuses acks=all writes with NOT_ENOUGH_REPLICAS, before writing anything. What is stored stays safe; new data has to wait.',
        '再终止 Broker {{victim}}。ISR 中只剩一个副本，少于 min.insync.replicas：Leader 在写入之前就以 NOT_ENOUGH_REPLICAS 拒绝 acks=all 的请求。已存的数据依然安全；新数据只能等着。',
      ),
      values: (ctx) => ({ victim: victim(ctx) }),
      showMe: [{ type: 'killBroker', brokerId: 2 }],
      ...pauseAt(refused),
    },
    {
      id: 'recover',
      play: true,
      focus: [{ kind: 'broker', id: 2 }],
      narration: t(
        'The producer keeps retrying, for up to delivery.timeout.ms ({{delivery}} s here). Restart Broker {{back}}: it catches up, rejoins the ISR, and the retried writes succeed.',
        '生产者会一直重试，最长 delivery.timeout.ms（这里是 {{delivery}} 秒）。重启 Broker {{back}}：它追上进度、重新加入 ISR，重试的写入随之成功。',
      ),
      values: (ctx) => ({
        delivery: seconds(
          configOf(producerOf(ctx.view, 'checkout')!.config, 'delivery.timeout.ms'),
        ),
        back: comeback(ctx),
      }),
      showMe: [{ type: 'restartBroker', brokerId: 2 }],
      done: (ctx) =>
        after(
          ctx,
          on('isr.expanded', (e) => e.topic === 'payments' && e.brokerId === 2),
        ).some((e) => e.type === 'record.acked' && e.producerId === 'checkout'),
    },
  ],
  quiz: [
    question(
      t(
        'acks=all, 3 replicas, min.insync.replicas=2, and two brokers down. What happens to writes?',
        'acks=all、3 个副本、min.insync.replicas=2，两个 Broker 宕机。写入会怎样？',
      ),
      right(
        t(
          'The Leader refuses them with NOT_ENOUGH_REPLICAS; the producer retries.',
          'Leader 以 NOT_ENOUGH_REPLICAS 拒绝；生产者不断重试。',
        ),
        t(
          'One in-sync replica is fewer than 2, so nothing is written that could be lost with it.',
          'ISR 中只剩一个副本，少于 2，所以不会写入任何可能随它一起丢失的数据。',
        ),
      ),
      wrong(
        t('The last broker accepts them alone.', '最后那个 Broker 独自接下这些写入。'),
        t(
          'That is what min.insync.replicas prevents: an acknowledged write with a single copy.',
          'min.insync.replicas 防的正是这个：只有一份副本的写入被确认。',
        ),
      ),
    ),
    question(
      t('What does acks=1 wait for?', 'acks=1 等的是什么？'),
      right(
        t('The Leader having the record in its own log.', 'Leader 把记录写进自己的日志。'),
        t(
          'It does not wait for the Followers, so an acknowledged record may exist on one broker only.',
          '它不等 Follower，所以被确认的记录可能只存在于一个 Broker 上。',
        ),
      ),
      wrong(
        t('Every replica having the record.', '所有副本都拿到这条记录。'),
        t(
          'Waiting for the in-sync replicas is acks=all; acks=1 answers right after the Leader’s append.',
          '等 ISR 中所有副本的是 acks=all；acks=1 在 Leader 追加后立即回应。',
        ),
      ),
      wrong(
        t('Nothing at all.', '什么也不等。'),
        t(
          'That is acks=0: no answer, and the offset shows as -1.',
          '那是 acks=0：没有回应，offset 显示为 -1。',
        ),
      ),
    ),
    question(
      t(
        'With 3 replicas and min.insync.replicas=2, how many brokers can fail while acks=all writes go on?',
        '3 个副本、min.insync.replicas=2 时，最多坏几个 Broker，acks=all 的写入还能继续？',
      ),
      right(
        t('One.', '一个。'),
        t(
          'Two in-sync replicas remain, which meets the minimum; a second failure stops writes.',
          'ISR 中还剩两个副本，满足最低要求；再坏一个，写入就停了。',
        ),
      ),
      wrong(
        t('Two.', '两个。'),
        t(
          'With two down, one in-sync replica is left: fewer than 2, so writes are refused.',
          '坏两个时 ISR 中只剩一个副本，少于 2，写入会被拒绝。',
        ),
      ),
    ),
  ],
};
