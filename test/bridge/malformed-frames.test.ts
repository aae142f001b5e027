// Issue 14's fourth acceptance line: bytes no Kafka client would send (random bytes, frames cut
// short, sizes beyond any frame, real requests with bytes altered) get Kafka's answer (an error
// response, or the connection closed), never a crashed engine; meanwhile a KafkaJS client on
// other connections is served as usual. The altered requests are real ones KafkaJS sent in this
// run, changed by a seeded generator (the seed is printed; FUZZ_SEED=... replays one, and
// FUZZ_ROUNDS=... sends more than the 150 of npm test).
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { scenario } from '../engine/helpers';
import { TestRng } from '../sim/rng';
import { BASE_PORT, PacedCluster } from './pacedCluster';

let cluster: PacedCluster | null = null;
afterEach(() => cluster?.stop());

/** A raw connection to broker `brokerId`: resolves once open, with the bridge's connection id. */
function rawConnection(
  c: PacedCluster,
  brokerId: number,
): Promise<{ socket: Socket; ended: () => boolean }> {
  return new Promise((resolve, reject) => {
    let ended = false;
    const socket = c.socketFactory({
      host: '127.0.0.1',
      port: BASE_PORT + brokerId - 1,
      ssl: {},
      onConnect: () => resolve({ socket, ended: () => ended }),
    });
    socket.on('end', () => (ended = true));
    socket.on('error', reject);
  });
}

/** A 4-byte big-endian size followed by `body`. */
function frame(size: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setInt32(0, size);
  out.set(body, 4);
  return out;
}

function randomBytes(rng: TestRng, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => rng.int(0, 255));
}

/** A copy of a real request with some of its bytes changed, cut or extended. */
function altered(rng: TestRng, original: Uint8Array): Uint8Array {
  const bytes = Uint8Array.from(original);
  switch (rng.int(0, 3)) {
    case 0: // flip a few bytes after the size prefix (header and body)
      for (let k = rng.int(1, 4); k > 0; k--)
        bytes[rng.int(4, Math.max(4, bytes.length - 1))] = rng.int(0, 255);
      return bytes;
    case 1: // a body shorter than its size says, then more of something else
      return Uint8Array.from([
        ...frame(bytes.length - 4, bytes.subarray(4, rng.int(4, bytes.length - 1))),
        ...randomBytes(rng, rng.int(0, 20)),
      ]);
    case 2: // a size that lies the other way: the frame ends inside the body
      return frame(rng.int(4, Math.max(4, bytes.length - 5)), bytes.subarray(4));
    default:
      {
        // a field changed to the largest or smallest value
        const at = rng.int(4, Math.max(4, bytes.length - 4));
        bytes.set(rng.chance(0.5) ? [0x7f, 0xff, 0xff, 0xff] : [0x80, 0, 0, 0], at);
      }
      return bytes;
  }
}

describe('malformed input from real connections', () => {
  it('closes or answers each bad connection; the engine runs on and KafkaJS is served', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
    console.log(`malformed-frames seed ${seed}`);
    const rng = new TestRng(seed);
    const c = (cluster = new PacedCluster(
      scenario({ seed: 8, preset: 'kafka-defaults', cluster: { brokers: 3 } }),
    ));
    const kafka = c.kafka('steady');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 2 }] });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'orders', messages: [{ key: 'a', value: 'first' }] });
    await admin.fetchTopicOffsets('orders');
    await admin.fetchOffsets({ groupId: 'g', topics: ['orders'] });
    // Real requests KafkaJS just sent, whole frames only (each write is one frame).
    const real = c.written.filter(
      (w) => w.length >= 8 && new DataView(w.buffer, w.byteOffset).getInt32(0) === w.length - 4,
    );
    expect(real.length).toBeGreaterThan(5);

    const opened: { socket: Socket; ended: () => boolean }[] = [];
    const send = async (bytes: Uint8Array) => {
      const raw = await rawConnection(c, rng.int(1, 3));
      opened.push(raw);
      raw.socket.write(bytes);
    };
    // Sizes Kafka refuses outright (negative, beyond socket.request.max.bytes).
    await send(frame(-1, randomBytes(rng, 8)));
    await send(frame(0x7fffffff, randomBytes(rng, 8)));
    await send(frame(200 * 1024 * 1024, new Uint8Array(0)));
    // Random bytes, altered real requests, and frames cut short (left waiting for the rest).
    let steadySends = 2;
    const rounds = Number(process.env.FUZZ_ROUNDS ?? 150);
    for (let i = 0; i < rounds; i++) {
      const kind = rng.int(0, 2);
      if (kind === 0) await send(randomBytes(rng, rng.int(1, 200)));
      else if (kind === 1) await send(altered(rng, rng.pick(real)));
      else await send(rng.pick(real).subarray(0, rng.int(1, 30)));
      // KafkaJS keeps working in between, on its own connections.
      if (i % 50 === 0) {
        await producer.send({ topic: 'orders', messages: [{ key: `k${i}`, value: `v${i}` }] });
        steadySends++;
      }
    }

    // The refused sizes closed their connections at once.
    await c.waitFor('the refused sizes to close', () => opened.slice(0, 3).every((o) => o.ended()));
    // The engine kept running: simulated time moves and nothing is stuck.
    const before = c.engine.now;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(c.engine.now).toBeGreaterThan(before);
    // And a real client is served as before.
    await producer.send({ topic: 'orders', messages: [{ key: 'z', value: 'last' }] });
    const offsets = await admin.fetchTopicOffsets('orders');
    // Every record KafkaJS sent is there (an altered copy of a real Produce whose batch is
    // intact, say with another timeout, is appended too, as Kafka would).
    const logged = [0, 1].flatMap((p) => c.engine.partitionLog('orders', p, { limit: 10_000 }));
    expect(offsets.reduce((n, o) => n + Number(o.high), 0)).toBe(logged.length);
    const values = new Set(logged.map((r) => r.value));
    expect(values.has('first') && values.has('last')).toBe(true);
    expect(logged.filter((r) => /^v\d+$/.test(r.value)).length).toBeGreaterThanOrEqual(
      steadySends - 2,
    );
    expect((await admin.listTopics()).includes('orders')).toBe(true);
    // Most garbage ends its connection (a header Kafka cannot read closes it).
    expect(opened.filter((o) => o.ended() || !c.isOpen(o.socket)).length).toBeGreaterThan(50);
    await producer.disconnect();
    await admin.disconnect();
  }, 60_000);
});
