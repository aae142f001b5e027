// Real clients' connections in the engine (issue 14, docs/plan-real-clients.md step 1): a
// connection is a node of its own on the simulated network; opening it is a TCP handshake, its
// requests travel to the broker like a built-in client's, and what reaches it waits in the outbox
// for the gateway. Its commands replay like any other, so a session with real clients is exact.
import { describe, expect, it } from 'vitest';
import { restoreEngine, type Engine, type ExternalAnswer, type Scenario } from '../../src/engine';
import { must, ofType, Run, scenario } from './helpers';

const LATENCY_MAX_MS = 360; // classroom: 300 ms +- 60

function cluster(parts: Partial<Scenario> = {}): Scenario {
  return scenario({
    seed: 7,
    cluster: { brokers: 3 },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    ...parts,
  });
}

const connect = (conn: string, brokerId: number) =>
  ({ type: 'externalConnect', conn, brokerId, clientId: 'my-app' }) as const;
const metadata = (conn: string, reqId: number, topics: string[] | null = null) =>
  ({
    type: 'externalRequest',
    conn,
    request: { kind: 'metadata', body: { reqId, topics } },
  }) as const;

/** Advance in small steps, keeping what reached the real client. */
function runCollecting(run: Run, to: number, out: ExternalAnswer[]): void {
  for (let t = run.engine.now + 50; t <= to; t += 50) {
    run.to(t);
    out.push(...run.engine.drainExternal());
  }
}

describe('a real client connection', () => {
  it('opens after a TCP round trip and gets Metadata answered by the broker it talks to', () => {
    const run = new Run(cluster());
    run.to(2_000);
    run.do(connect('c1', 2));
    const out: ExternalAnswer[] = [];
    runCollecting(run, 2_000 + 2 * LATENCY_MAX_MS + 50, out);
    expect(out).toEqual([{ conn: 'c1', kind: 'connected' }]);
    expect(run.all('external.connected')).toMatchObject([
      { conn: 'c1', clientId: 'my-app', brokerId: 2 },
    ]);

    run.do(metadata('c1', 7));
    runCollecting(run, run.engine.now + 2 * LATENCY_MAX_MS + 50, out);
    const answer = out.at(-1)!;
    expect(answer).toMatchObject({
      conn: 'c1',
      kind: 'response',
      responseKind: 'metadata-response',
    });
    const body = (answer as { body: { reqId: number; brokers: number[]; topics: unknown[] } }).body;
    expect(body.reqId).toBe(7);
    expect(body.brokers).toEqual([1, 2, 3]);
    // No topic list: every topic the broker knows (the offsets topic is there only with groups).
    expect(body.topics).toEqual([
      expect.objectContaining({ name: 'orders', error: null, partitions: expect.any(Array) }),
    ]);
    const sent = ofType(run.events, 'net.sent').filter((e) => e.from === 'external:c1');
    expect(sent.map((e) => [e.to, e.kind])).toEqual([['broker:2', 'metadata']]);
  });

  it('asks about an unknown topic: created and LEADER_NOT_AVAILABLE with auto-creation, else UNKNOWN_TOPIC_OR_PARTITION', () => {
    const run = new Run(cluster());
    run.to(1_000);
    run.do(connect('c1', 1));
    const out: ExternalAnswer[] = [];
    runCollecting(run, 2_000, out);
    const ask = (reqId: number, allowAutoTopicCreation: boolean) =>
      run.do({
        type: 'externalRequest',
        conn: 'c1',
        request: { kind: 'metadata', body: { reqId, topics: ['clicks'], allowAutoTopicCreation } },
      });
    const errorOf = (reqId: number) => {
      const a = out.find(
        (x) => x.kind === 'response' && (x.body as { reqId: number }).reqId === reqId,
      ) as { body: { topics: { name: string; error: string | null }[] } };
      return a.body.topics[0].error;
    };
    ask(1, false);
    runCollecting(run, 3_000, out);
    expect(errorOf(1)).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    ask(2, true);
    runCollecting(run, 4_000, out);
    // Kafka's broker answers a topic it is having created this way (kafka-spec 4.3).
    expect(errorOf(2)).toBe('LEADER_NOT_AVAILABLE');
    run.to(6_000); // the creation is told once the controller's records commit
    expect(run.all('topic.created').map((e) => e.topic)).toContain('clicks');
  });

  it('is refused by a host whose broker process is down, and reset when the broker crashes', () => {
    const run = new Run(cluster());
    run.to(1_000);
    run.do({ type: 'killBroker', brokerId: 3 });
    run.do(connect('to-dead', 3));
    run.do(connect('to-live', 1));
    const out: ExternalAnswer[] = [];
    runCollecting(run, 2_000, out);
    expect(out).toEqual(
      expect.arrayContaining([
        { conn: 'to-dead', kind: 'refused' },
        { conn: 'to-live', kind: 'connected' },
      ]),
    );
    run.do({ type: 'killBroker', brokerId: 1 });
    runCollecting(run, 3_000, out);
    expect(out.at(-1)).toEqual({ conn: 'to-live', kind: 'closed', reason: 'broker-reset' });
    expect(run.all('external.closed')).toMatchObject([
      { conn: 'to-live', brokerId: 1, reason: { code: 'broker-reset' } },
    ]);
    const refused = run.engine.dispatch(metadata('to-live', 1));
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONNECTION_NOT_OPEN' } });
  });

  it('closed by the client gets nothing more, not even the answer already on its way', () => {
    const run = new Run(cluster());
    run.to(1_000);
    run.do(connect('c1', 1));
    const out: ExternalAnswer[] = [];
    runCollecting(run, 2_000, out);
    run.do(metadata('c1', 1));
    run.do({ type: 'externalClose', conn: 'c1' });
    runCollecting(run, 4_000, out);
    expect(out).toEqual([{ conn: 'c1', kind: 'connected' }]);
    expect(run.all('external.closed')).toMatchObject([{ reason: { code: 'client-closed' } }]);
  });

  it('refuses commands that name no broker, a taken or malformed connection id', () => {
    const run = new Run(cluster());
    run.to(500);
    const code = (r: ReturnType<Engine['dispatch']>) => (r.ok ? 'ok' : r.error.code);
    expect(code(run.engine.dispatch(connect('c1', 9)))).toBe('UNKNOWN_BROKER');
    expect(code(run.engine.dispatch(connect('no spaces', 1)))).toBe('INVALID_VALUE');
    must(run.engine, connect('c1', 1));
    expect(code(run.engine.dispatch(connect('c1', 2)))).toBe('DUPLICATE_ID');
    // Not open yet: the handshake takes a round trip.
    expect(code(run.engine.dispatch(metadata('c1', 1)))).toBe('CONNECTION_NOT_OPEN');
  });

  it('runs again the same from the same commands, and on from a save, exactly as it ran', () => {
    const session = () => {
      const run = new Run(cluster());
      run.to(1_000);
      run.do(connect('c1', 1));
      run.to(2_000);
      run.do(metadata('c1', 1, ['orders']));
      return run;
    };
    const live = session();
    const liveOut: ExternalAnswer[] = [];
    runCollecting(live, 4_000, liveOut);
    expect(liveOut.map((a) => a.kind)).toEqual(['connected', 'response']);

    const replay = session();
    const replayOut: ExternalAnswer[] = [];
    runCollecting(replay, 4_000, replayOut);
    expect(replayOut).toEqual(liveOut);
    expect(replay.events).toEqual(live.events);

    // Saved between the request and its answer, restored, run on: the same answer.
    const again = session();
    again.to(2_100);
    again.engine.drainExternal(); // what the gateway has already passed on
    const restored = restoreEngine(again.engine.save());
    const restoredOut: ExternalAnswer[] = [];
    for (let t = 2_150; t <= 4_000; t += 50) {
      restored.advanceTo(t);
      restoredOut.push(...restored.drainExternal());
    }
    expect(restoredOut).toEqual(liveOut.filter((a) => a.kind === 'response'));
  });
});
