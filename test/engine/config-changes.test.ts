// Live config changes (setConfig): each definition says what a change sets off (LiveChange),
// and the engine reads configs through typed keys, so a misspelt key does not compile.
import { describe, expect, it } from 'vitest';
import { CONFIG_DEFINITIONS } from '../../src/engine';
import * as cfg from '../../src/engine/config/access';
import { newSlot, refreshSlot } from '../../src/engine/config/resolve';
import { emptyWorld } from '../../src/engine/sim/create';
import { partitionOf, Run, scenario } from './helpers';

describe('what a live change sets off', () => {
  it('is declared by every definition; only these keys set anything off', () => {
    const special = CONFIG_DEFINITIONS.filter((d) => d.onChange !== 'none').map(
      (d) => `${d.scope}:${d.key}:${d.onChange}`,
    );
    expect(special.sort()).toEqual([
      'broker:unclean.leader.election.enable:elect-offline',
      'consumer:partition.assignment.strategy:rejoin',
      'producer:enable.idempotence:revalidate',
      'topic:unclean.leader.election.enable:elect-offline',
    ]);
  });

  it('rejoin: a new assignor for the group rebalances it with that assignor', () => {
    const run = new Run(
      scenario({
        cluster: { brokers: 3 },
        topics: [{ name: 't', partitions: 4, replicationFactor: 1 }],
        groups: [{ id: 'g', topics: ['t'], consumers: 2 }],
      }),
    );
    run.to(15_000);
    const before = run.all('group.rebalance-completed').length;
    run.do({
      type: 'setConfig',
      scope: 'group',
      id: 'g',
      key: 'partition.assignment.strategy',
      value: 'roundrobin',
    });
    const events = run.to(30_000);
    const started = events.filter((e) => e.type === 'group.rebalance-started');
    expect(started.length).toBeGreaterThan(0);
    const completed = run.all('group.rebalance-completed').slice(before);
    expect(completed.at(-1)).toMatchObject({ groupId: 'g', protocol: 'roundrobin' });
  });

  it('nothing: another consumer setting changes no membership', () => {
    const run = new Run(
      scenario({
        cluster: { brokers: 3 },
        topics: [{ name: 't', partitions: 4, replicationFactor: 1 }],
        groups: [{ id: 'g', topics: ['t'], consumers: 2 }],
      }),
    );
    run.to(15_000);
    run.do({ type: 'setConfig', scope: 'group', id: 'g', key: 'max.poll.records', value: 7 });
    const events = run.to(30_000);
    expect(events.filter((e) => e.type === 'group.rebalance-started')).toEqual([]);
  });

  it('elect-offline: turning unclean election on gives an offline partition a leader', () => {
    const run = new Run(
      scenario({
        seed: 4,
        cluster: { brokers: 3 },
        topics: [{ name: 't', partitions: 1, replicationFactor: 2 }],
      }),
    );
    run.to(3000);
    const { leader, replicas } = partitionOf(run.engine, 't', 0);
    const follower = replicas.find((id) => id !== leader)!;
    run.do({ type: 'stopBroker', brokerId: follower }).to(9000);
    run.do({ type: 'killBroker', brokerId: leader }).to(20_000);
    run.do({ type: 'restartBroker', brokerId: follower }).to(26_000);
    expect(partitionOf(run.engine, 't', 0)).toMatchObject({ offline: true });
    run.do({
      type: 'setConfig',
      scope: 'topic',
      id: 't',
      key: 'unclean.leader.election.enable',
      value: true,
    });
    const elected = run.to(27_000).filter((e) => e.type === 'partition.leader-elected');
    expect(elected).toMatchObject([{ topic: 't', leader: follower, unclean: true }]);
  });
});

describe('typed config reads', () => {
  it('read the effective value of a known key of the slot scope', () => {
    const world = emptyWorld({ version: 1, seed: 1, preset: 'classroom', cluster: { brokers: 1 } });
    const broker = newSlot('broker');
    refreshSlot(world, broker);
    expect(cfg.int(broker, 'replica.lag.time.max.ms')).toBe(8000);
    expect(cfg.bool(broker, 'auto.leader.rebalance.enable')).toBe(true);
    const producer = newSlot('producer');
    refreshSlot(world, producer);
    expect(cfg.choice(producer, 'acks')).toBe('all');
    // @ts-expect-error: a misspelt key does not compile
    cfg.int(broker, 'replica.lag.time.max.msec');
    // @ts-expect-error: a key of another scope does not compile
    cfg.int(broker, 'linger.ms');
    // @ts-expect-error: a boolean key is not read as a number
    cfg.int(broker, 'auto.leader.rebalance.enable');
  });
});
