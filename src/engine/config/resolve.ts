// Effective config values: what the user or scenario set, else what the preset sets, else
// Kafka's default. Topic configs fall back to the cluster's broker config of the same meaning.
import type { ConfigEntry, ConfigValue } from '../types';
import { definitionsFor, type ConfigScope } from './definitions';
import type { ConfigSlot, World } from '../sim/world';

type Explicit = ConfigSlot['explicit'];

export function newSlot<S extends ConfigScope>(scope: S): ConfigSlot<S> {
  return { scope, explicit: {}, eff: {}, entries: [] };
}

/** Recompute slot.eff. Call after any change to explicit values or cluster config. */
export function refreshSlot(world: World, slot: ConfigSlot): void {
  const eff: Record<string, ConfigValue> = {};
  const entries = describeSlot(world, slot.scope, slot);
  for (const entry of entries) eff[entry.key] = entry.value;
  slot.eff = eff;
  slot.entries = entries;
}

/** Every config of the scope with its effective value, Kafka's default and where it comes from. */
function describeSlot(world: World, scope: ConfigScope, slot: ConfigSlot): ConfigEntry[] {
  const preset: Partial<Record<string, ConfigValue>> = world.presetValues[scope] ?? {};
  const presetBroker: Partial<Record<string, ConfigValue>> = world.presetValues.broker ?? {};
  return definitionsFor(scope).map((def) => {
    const own = slot.explicit[def.key];
    let value: ConfigValue = def.kafkaDefault;
    let source: ConfigEntry['source'] = 'kafka-default';
    if (own) {
      value = own.value;
      source = own.source;
    } else if (scope === 'broker' && world.clusterConfig[def.key]) {
      value = world.clusterConfig[def.key].value;
      source = clusterSource(world.clusterConfig[def.key].source);
    } else if (def.brokerFallback && world.clusterConfig[def.brokerFallback]) {
      value = world.clusterConfig[def.brokerFallback].value;
      source = clusterSource(world.clusterConfig[def.brokerFallback].source);
    } else if (def.key in preset) {
      value = preset[def.key]!;
      source = 'preset';
    } else if (def.brokerFallback && def.brokerFallback in presetBroker) {
      value = presetBroker[def.brokerFallback]!;
      source = 'preset';
    }
    return {
      key: def.key,
      value,
      kafkaDefault: def.simOnly ? null : def.kafkaDefault,
      source,
      simOnly: !!def.simOnly,
    };
  });
}

/**
 * A cluster-wide value set live (kafka-configs --entity-default) is Kafka's
 * DYNAMIC_DEFAULT_BROKER_CONFIG; one from the scenario's cluster config is its server.properties.
 */
function clusterSource(source: 'scenario' | 'user'): ConfigEntry['source'] {
  return source === 'user' ? 'cluster-default' : source;
}

/** The cluster-wide broker defaults: what a broker with no config of its own has. */
export function clusterDefaultEntries(world: World): ConfigEntry[] {
  return describeSlot(world, 'broker', newSlot('broker'));
}

export function setExplicit(
  explicit: Explicit,
  values: Record<string, ConfigValue> | undefined,
  source: 'scenario' | 'user',
): void {
  for (const [key, value] of Object.entries(values ?? {})) explicit[key] = { value, source };
}
