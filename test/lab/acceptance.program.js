// Issue 14's first acceptance line as a code lab program: the same text runs in Node (test/lab/
// acceptance.test.ts) and in the browser's code lab (test/e2e/code-lab.spec.ts). It prints
// "PASS ..." as each part holds and throws on the first that does not.
/* eslint-disable @typescript-eslint/no-require-imports -- the lab offers require('kafkajs') */
const { Kafka } = require('kafkajs');
const kafka = new Kafka({ clientId: 'billing-app', brokers: ['127.0.0.1:9092'] });
const check = (ok, what) => {
  if (!ok) throw new Error('FAIL ' + what);
  console.log('PASS ' + what);
};
const waitFor = async (what, done) => {
  for (let i = 0; i < 600 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  check(done(), what);
};

const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3, replicationFactor: 3 }] });

const received = [];
const assigned = new Map();
const consumers = [];
const consume = async (name, into) => {
  const consumer = kafka.consumer({
    groupId: 'billing',
    heartbeatInterval: 500,
    maxWaitTimeInMs: 500,
  });
  consumer.on(consumer.events.GROUP_JOIN, (e) =>
    assigned.set(name, e.payload.memberAssignment.orders ?? []),
  );
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders', fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) =>
      void into.push({
        name,
        partition,
        offset: Number(message.offset),
        key: message.key.toString(),
        value: message.value.toString(),
      }),
  });
  consumers.push(consumer);
};
await consume('first', received);
await consume('second', received);
await waitFor(
  'both consumers share the partitions',
  () =>
    assigned.size === 2 &&
    [...assigned.values()].every((p) => p.length > 0) &&
    [...assigned.values()].flat().length === 3,
);

const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await producer.connect();
for (let i = 0; i < 1000; i += 50) {
  await producer.send({
    topic: 'orders',
    acks: -1,
    messages: Array.from({ length: 50 }, (_, k) => ({
      key: 'customer-' + ((i + k) % 41),
      value: String(i + k),
    })),
  });
}
await waitFor('1,000 messages received', () => received.length >= 1000);
check(
  received.length === 1000 && new Set(received.map((r) => r.value)).size === 1000,
  'each message exactly once',
);
const partitionOf = new Map();
let ordered = true;
const last = new Map();
for (const r of received) {
  if ((partitionOf.get(r.key) ?? r.partition) !== r.partition) ordered = false;
  partitionOf.set(r.key, r.partition);
  if (Number(r.value) < (last.get(r.key) ?? -1)) ordered = false;
  last.set(r.key, Number(r.value));
}
check(ordered, 'each key on one partition, in order');
check(new Set(received.map((r) => r.name)).size === 2, 'both consumers took part');

for (const c of consumers.splice(0)) await c.disconnect();
const committed = await admin.fetchOffsets({ groupId: 'billing', topics: ['orders'] });
const ends = await admin.fetchTopicOffsets('orders');
const highOf = new Map(ends.map((o) => [o.partition, o.high]));
check(
  committed[0].partitions.every((p) => p.offset === highOf.get(p.partition)),
  'committed offsets are the log ends',
);

const afterRestart = [];
await consume('restarted', afterRestart);
await producer.send({
  topic: 'orders',
  acks: -1,
  messages: Array.from({ length: 10 }, (_, i) => ({ key: 'late-' + i, value: 'late ' + i })),
});
await waitFor('the restarted consumer gets the 10 new messages', () => afterRestart.length >= 10);
await new Promise((r) => setTimeout(r, 300));
check(
  afterRestart.length === 10 && afterRestart.every((r) => r.value.startsWith('late')),
  'committed offsets survive a restart',
);

for (const c of consumers) await c.disconnect();
await producer.disconnect();
await admin.disconnect();
console.log('PASS all');
