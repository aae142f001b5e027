// The program the code lab opens with: a producer and a consumer in a few lines of KafkaJS, the
// same code that runs against `npm run broker` (brokers at 127.0.0.1:9092..).
export const LAB_EXAMPLE = `const { Kafka } = require('kafkajs');
const kafka = new Kafka({ clientId: 'my-app', brokers: ['127.0.0.1:9092'] });

const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'greetings', numPartitions: 3, replicationFactor: 3 }] });

const producer = kafka.producer();
await producer.connect();
await producer.send({
  topic: 'greetings',
  acks: -1,
  messages: ['alice', 'bob', 'carol'].map((name) => ({ key: name, value: 'hello ' + name })),
});
console.log('sent 3 messages');

const consumer = kafka.consumer({ groupId: 'greeters', maxWaitTimeInMs: 1000 });
await consumer.connect();
await consumer.subscribe({ topic: 'greetings', fromBeginning: true });
let received = 0;
await new Promise((done) =>
  consumer.run({
    eachMessage: async ({ partition, message }) => {
      console.log('partition', partition, 'offset', message.offset, message.value.toString());
      if (++received === 3) done();
    },
  }),
);
await consumer.disconnect();
await producer.disconnect();
await admin.disconnect();
console.log('done');
`;
