// `npm run broker`'s listeners with real TCP: unmodified KafkaJS (its own sockets, no
// socketFactory) bootstraps from the first port, is sent to each broker's own port, creates a
// topic, produces and consumes in a group; killing a broker in the engine resets its port's
// connections as a crash would, and the clients carry on.
import { Kafka, logLevel } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { BrokerHost } from '../../src/gateway/brokerHost';
import { scenario } from '../engine/helpers';

let gateway: BrokerHost | null = null;
afterEach(async () => {
  await gateway?.stop();
  gateway = null;
});

/** A gateway on free ports (a base picked per test process, moved on if taken). */
async function startGateway(): Promise<BrokerHost> {
  const world = scenario({
    seed: 4,
    preset: 'kafka-defaults',
    cluster: {
      brokers: 3,
      config: {
        'group.initial.rebalance.delay.ms': 300,
        'broker.heartbeat.interval.ms': 300,
        'broker.session.timeout.ms': 1500,
      },
    },
  });
  for (let attempt = 0; attempt < 20; attempt++) {
    const basePort = 20000 + ((process.pid * 7 + attempt * 97) % 20000);
    const g = new BrokerHost({ host: '127.0.0.1', basePort });
    try {
      if (!(await g.start(world)).ok) throw new Error('the scenario did not load');
      return g;
    } catch {
      await g.stop();
    }
  }
  throw new Error('no free ports');
}

describe('the TCP gateway (npm run broker)', () => {
  it('serves KafkaJS over real sockets, and a killed broker resets its connections', async () => {
    const g = (gateway = await startGateway());
    const kafka = new Kafka({
      clientId: 'tcp-lab',
      brokers: [`127.0.0.1:${g.tcp.portOf(1)}`],
      logLevel: logLevel.NOTHING,
      retry: { retries: 20, initialRetryTime: 100, maxRetryTime: 1000 },
    });
    const admin = kafka.admin();
    await admin.connect();
    expect((await admin.describeCluster()).brokers.map((b) => b.port).sort()).toEqual(
      [1, 2, 3].map((id) => g.tcp.portOf(id)),
    );
    await admin.createTopics({
      topics: [{ topic: 'orders', numPartitions: 3, replicationFactor: 3 }],
    });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    // The consumer's own retries (KafkaJS's default is 5 from 300 ms: about 3 s, less than an
    // election takes here); past them it restarts as a new member and waits for the old one's
    // session to end, as it would against a real cluster.
    const consumer = kafka.consumer({
      groupId: 'tcp-group',
      maxWaitTimeInMs: 500,
      sessionTimeout: 6000,
      retry: { retries: 20, initialRetryTime: 100, maxRetryTime: 1000 },
    });
    await consumer.connect();
    await consumer.subscribe({ topic: 'orders', fromBeginning: true });
    const received: string[] = [];
    await consumer.run({
      eachMessage: async ({ message }) => void received.push(message.value!.toString()),
    });

    // One key per send: one partition, so a send is acknowledged whole or fails (KafkaJS 2.2.4
    // can leave out a partition whose leader moved mid-send: see kafkajs-broker-failure.test).
    const send = (from: number) =>
      producer.send({
        topic: 'orders',
        acks: -1,
        messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${from}`, value: `${from + i}` })),
      });
    await send(0);
    // Broker 2 crashes: its port's connections are reset; KafkaJS finds the new leaders.
    expect(g.dispatch({ type: 'killBroker', brokerId: 2 }).ok).toBe(true);
    await send(10);
    await send(20);
    const until = Date.now() + 20_000;
    while (received.length < 30 && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(new Set(received)).toEqual(new Set(Array.from({ length: 30 }, (_, i) => String(i))));
    expect(g.view().brokers.find((b) => b.id === 2)?.status).not.toBe('running');
    await consumer.disconnect();
    await producer.disconnect();
    await admin.disconnect();
  }, 60_000);
});
