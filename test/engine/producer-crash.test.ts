// crashProducer / restartProducer: the records in the buffer when the process dies are lost and
// counted; the restarted producer is a new client (new producer id) and writes again.
import { describe, expect, it } from 'vitest';
import { Run, scenario } from './helpers';

function producerView(run: Run, id = 'p') {
  return run.engine.view().producers.find((x) => x.id === id)!;
}

function setup() {
  const run = new Run(
    scenario({
      cluster: { brokers: 3 },
      topics: [{ name: 't', partitions: 3, replicationFactor: 3 }],
      producers: [{ id: 'p', topic: 't', ratePerSec: 20, config: { acks: 'all' } }],
    }),
  );
  run.to(5_000);
  return run;
}

describe('crashProducer', () => {
  it('loses exactly what was in the buffer, and says how many', () => {
    const run = setup();
    expect(producerView(run).stats.acked).toBeGreaterThan(0);
    // Cut the producer off so records pile up in its buffer.
    run.do({ type: 'isolateClient', clientId: 'p' }).to(8_000);
    const before = producerView(run);
    expect(before.stats.buffered).toBeGreaterThan(0);

    run.do({ type: 'crashProducer', producerId: 'p' }).to(8_000);
    const crashed = run.all('producer.crashed');
    expect(crashed).toHaveLength(1);
    expect(crashed[0].lostRecords).toBe(before.stats.buffered);
    const after = producerView(run);
    expect(after.crashed).toBe(true);
    expect(after.stats.lostUnsent).toBe(before.stats.buffered);
    expect(after.stats.buffered).toBe(0);
    expect(after.stats.inFlight).toBe(0);

    // A dead process sends nothing, even once its network is back.
    run.do({ type: 'healClient', clientId: 'p' }).to(15_000);
    expect(producerView(run).stats.sent).toBe(after.stats.sent);
  });

  it('restart: a new client with a new producer id, writing again', () => {
    const run = setup();
    const pid = producerView(run).producerIdNumber;
    expect(pid).toBeGreaterThanOrEqual(0);
    run.do({ type: 'crashProducer', producerId: 'p' }).to(6_000);
    const acked = producerView(run).stats.acked;
    run.do({ type: 'restartProducer', producerId: 'p' }).to(12_000);
    const v = producerView(run);
    expect(v.crashed).toBe(false);
    expect(v.stats.acked).toBeGreaterThan(acked);
    expect(v.producerIdNumber).not.toBe(pid);
    expect(run.all('producer.restarted')).toHaveLength(1);
  });

  it('refuses what makes no sense, naming the producer', () => {
    const run = setup();
    expect(run.engine.dispatch({ type: 'restartProducer', producerId: 'p' })).toMatchObject({
      ok: false,
      error: { code: 'PRODUCER_RUNNING', field: 'producerId' },
    });
    run.do({ type: 'crashProducer', producerId: 'p' });
    expect(run.engine.dispatch({ type: 'crashProducer', producerId: 'p' })).toMatchObject({
      ok: false,
      error: { code: 'PRODUCER_CRASHED' },
    });
    expect(
      run.engine.dispatch({ type: 'produce', producerId: 'p', key: null, value: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'PRODUCER_CRASHED' } });
    expect(run.engine.dispatch({ type: 'crashProducer', producerId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_PRODUCER' },
    });
  });
});
