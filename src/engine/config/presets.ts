// Presets: named sets of config values. `kafka-defaults` changes nothing (Kafka 4.x defaults);
// `classroom` slows the network and shortens timeouts so that flights, elections and rebalances
// happen within seconds and can be watched. Every value here is reported beside Kafka's default.
import type { ConfigValue, PresetName } from '../types';
import type { ConfigKey, ConfigScope, NetworkSettings } from './definitions';

/** Config values per scope, by key (a key the scope does not have is a compile error). */
export type ScopedValues = { [S in ConfigScope]?: Partial<Record<ConfigKey<S>, ConfigValue>> };

export interface Preset {
  name: PresetName;
  network: NetworkSettings;
  values: ScopedValues;
}

export const PRESETS: Record<PresetName, Preset> = {
  'kafka-defaults': {
    name: 'kafka-defaults',
    // A data-centre network: about a millisecond each way.
    network: { latencyMs: 1, jitterMs: 0 },
    values: {},
  },
  classroom: {
    name: 'classroom',
    // Slow enough to follow each message with the eye.
    network: { latencyMs: 300, jitterMs: 60 },
    values: {
      broker: {
        'broker.heartbeat.interval.ms': 1000,
        'broker.session.timeout.ms': 4000,
        // Kafka's default before 2.5 (KIP-537 raised it to 18 s).
        'zookeeper.session.timeout.ms': 6000,
        'controller.quorum.election.timeout.ms': 2000,
        'replica.lag.time.max.ms': 8000,
        'replica.fetch.backoff.ms': 500,
        'replica.socket.timeout.ms': 5000,
        'leader.imbalance.check.interval.seconds': 30,
        'log.retention.check.interval.ms': 5000,
        'group.initial.rebalance.delay.ms': 1000,
        'log.segment.bytes': 1024,
      },
      producer: {
        'linger.ms': 100,
        'request.timeout.ms': 10000,
        'delivery.timeout.ms': 30000,
        'retry.backoff.ms': 500,
        'retry.backoff.max.ms': 2000,
        'metadata.max.age.ms': 30000,
      },
      consumer: {
        'session.timeout.ms': 6000,
        'heartbeat.interval.ms': 1500,
        'max.poll.interval.ms': 20000,
        'auto.commit.interval.ms': 1000,
        'max.poll.records': 50,
        'request.timeout.ms': 5000,
      },
    },
  },
};
