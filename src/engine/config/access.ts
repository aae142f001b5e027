// Typed reads of effective config values: `cfg.int(broker.config, 'replica.lag.time.max.ms')`
// accepts only the whole-number keys of the slot's scope, so a misspelt or misplaced key is a
// compile error instead of a silent NaN. Values were checked against their definition when set.
import type { ConfigSlot } from '../sim/world';
import type { BoolKey, ConfigScope, EnumKey, EnumValue, IntKey } from './definitions';

export function int<S extends ConfigScope>(slot: ConfigSlot<S>, key: IntKey<S>): number {
  return slot.eff[key] as number;
}

export function bool<S extends ConfigScope>(slot: ConfigSlot<S>, key: BoolKey<S>): boolean {
  return slot.eff[key] === true;
}

export function choice<S extends ConfigScope, K extends EnumKey<S>>(
  slot: ConfigSlot<S>,
  key: K,
): EnumValue<K> {
  return slot.eff[key] as EnumValue<K>;
}
