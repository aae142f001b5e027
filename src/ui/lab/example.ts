// The program the code lab opens with: a consumer and a producer in a few lines of KafkaJS, the
// same code that runs against `npm run broker` (brokers at 127.0.0.1:9092.., or where the
// broker the page shows was told to listen). It sends one
// greeting a second for twenty seconds, so there is time to watch the cards and flights it makes
// (and to kill a broker under it).
export const labExample = (basePort: number) => `const { Kafka } = require('kafkajs');
const kafka = new Kafka({ clientId: 'my-app', brokers: ['127.0.0.1:${basePort}'] });

const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'greetings', numPartitions: 3, replicationFactor: 3 }] });
await admin.disconnect();

const consumer = kafka.consumer({ groupId: 'greeters', maxWaitTimeInMs: 1000 });
await consumer.connect();
await consumer.subscribe({ topic: 'greetings', fromBeginning: true });
await consumer.run({
  eachMessage: async ({ partition, message }) => {
    console.log('read', message.value.toString(), 'from partition', partition, 'offset', message.offset);
  },
});

const producer = kafka.producer();
await producer.connect();
const names = ['alice', 'bob', 'carol'];
for (let i = 0; i < 20; i++) {
  const name = names[i % names.length];
  await producer.send({ topic: 'greetings', acks: -1, messages: [{ key: name, value: 'hello ' + name }] });
  console.log('sent hello', name);
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
await producer.disconnect();
await consumer.disconnect();
console.log('done');
`;
