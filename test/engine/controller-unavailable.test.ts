// An admin command that finds no active controller says why, and what to do (kafka-spec 4.1-4.3):
// the KRaft quorum has lost its majority, ZooKeeper has lost its quorum, or an election is under
// way. The catalogues word each case in both languages, with the live numbers.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n';
import { errorText } from '../../src/i18n/describe';
import type { Command, EngineError } from '../../src/engine';
import { Run, scenario } from './helpers';

const en = createI18n('en').t;
const zh = createI18n('zh-CN').t;
const createTopic: Command = {
  type: 'createTopic',
  name: 'late',
  partitions: 1,
  replicationFactor: 1,
};

function refusal(run: Run): EngineError {
  const result = run.engine.dispatch(createTopic);
  if (result.ok) throw new Error('createTopic was accepted');
  return result.error;
}

describe('no active controller', () => {
  it('with the KRaft quorum lost: says how many controllers are reachable and how many it needs', () => {
    const run = new Run(scenario({ cluster: { brokers: 3 } }));
    run.to(3000);
    run.do({ type: 'killController', controllerId: 1001 });
    run.do({ type: 'killController', controllerId: 1002 });
    run.to(4000);
    const error = refusal(run);
    expect(error).toMatchObject({
      code: 'CONTROLLER_NOT_AVAILABLE',
      params: { context: 'quorumLost', live: 1, voters: 3, needed: 2 },
    });
    expect(errorText(error, en)).toBe(
      'There is no active controller: the controller quorum has lost its majority (1 of 3 controllers reachable, 2 needed). Restart or heal a controller.',
    );
    expect(errorText(error, zh)).toContain('3 个控制器中只有 1 个可达，至少需要 2 个');
  });

  it('during a controller election: says to try again in a moment', () => {
    const run = new Run(scenario({ cluster: { brokers: 3 } }));
    run.to(3000);
    run.do({ type: 'killController', controllerId: 1001 });
    // The others notice after the fetch timeout and need a vote: long enough to try meanwhile.
    run.to(3500);
    const error = refusal(run);
    expect(error.params).toEqual({ context: 'electing' });
    expect(errorText(error, en)).toContain('one is being elected');
    expect(errorText(error, zh)).toContain('正在选举新的控制器');
  });

  it('in ZooKeeper mode with the ensemble lost: names ZooKeeper', () => {
    const run = new Run(scenario({ cluster: { brokers: 3, metadata: { mode: 'zookeeper' } } }));
    run.to(3000);
    run.do({ type: 'killZooKeeper', nodeId: 1 });
    run.do({ type: 'killZooKeeper', nodeId: 2 });
    run.do({ type: 'killBroker', brokerId: 1 });
    run.to(30_000);
    const error = refusal(run);
    expect(error.params).toMatchObject({ context: 'zookeeperLost', live: 1, servers: 3 });
    expect(errorText(error, en)).toContain('ZooKeeper has lost its quorum (1 of 3 servers');
    expect(errorText(error, zh)).toContain('ZooKeeper 集群失去了仲裁多数');
  });
});
