// The scenarios that ship with the app, in teaching order: first how records flow to consumers,
// then what replication does when brokers fail, then retention. Ids are the file names; the app
// translates titles and descriptions by id, so keep them stable.
import type { Scenario } from '../engine';
import { scenarioSchema } from './schema';
import defaultScenario from './examples/default.json';
import queueVsPubsub from './examples/queue-vs-pubsub.json';
import consumerRebalance from './examples/consumer-rebalance.json';
import leaderElection from './examples/leader-election.json';
import acksOneLosesData from './examples/acks-one-loses-data.json';
import minInsyncReplicas from './examples/min-insync-replicas.json';
import uncleanElection from './examples/unclean-election.json';
import retention from './examples/retention.json';
import controllerQuorum from './examples/controller-quorum.json';
import zookeeperMode from './examples/zookeeper-mode.json';
import combinedMode from './examples/combined-mode.json';

export interface BuiltinScenario {
  id: string;
  scenario: Scenario;
}

export const BUILTIN_SCENARIOS: BuiltinScenario[] = [
  builtin('default', defaultScenario),
  builtin('queue-vs-pubsub', queueVsPubsub),
  builtin('consumer-rebalance', consumerRebalance),
  builtin('leader-election', leaderElection),
  builtin('acks-one-loses-data', acksOneLosesData),
  builtin('min-insync-replicas', minInsyncReplicas),
  builtin('unclean-election', uncleanElection),
  builtin('retention', retention),
  builtin('controller-quorum', controllerQuorum),
  builtin('combined-mode', combinedMode),
  builtin('zookeeper-mode', zookeeperMode),
];

/** The app's first-load scene. */
export const DEFAULT_SCENARIO: Scenario = BUILTIN_SCENARIOS[0].scenario;

export function findBuiltinScenario(id: string): Scenario | undefined {
  return BUILTIN_SCENARIOS.find((b) => b.id === id)?.scenario;
}

// JSON imports are typed loosely (`version: number`); checking the shape here makes the type
// honest and names the file if one is ever broken. The full check, with the engine's rules,
// runs in test/scenario.
function builtin(id: string, json: unknown): BuiltinScenario {
  const result = scenarioSchema.safeParse(json);
  if (!result.success) {
    throw new Error(`built-in scenario ${id}.json is invalid: ${result.error.message}`);
  }
  return { id, scenario: result.data };
}
