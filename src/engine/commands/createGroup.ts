// A consumer group's record, created by a scenario, by the user (addGroup) or, as Kafka creates
// groups, by a real client's first JoinGroup or OffsetCommit at the coordinator.
import { newSlot, refreshSlot, setExplicit } from '../config/resolve';
import type { Sim } from '../sim/sim';
import type { ConfigMap } from '../types';
import type { GroupRecord } from '../sim/world';

export function createGroup(
  sim: Sim,
  id: string,
  topics: string[],
  config: ConfigMap,
  source: 'scenario' | 'user',
): GroupRecord {
  const slot = newSlot('consumer');
  setExplicit(slot.explicit, config, source);
  refreshSlot(sim.world, slot);
  const group: GroupRecord = {
    id,
    topics: [...topics],
    state: 'Empty',
    generation: 0,
    protocol: null,
    leaderMemberId: null,
    members: {},
    pending: {},
    committed: {},
    config: slot,
    joinToken: 0,
    syncToken: 0,
    initialDelayUntil: 0,
    initialDelayMs: 0,
    initialRemainingMs: 0,
    newMemberAdded: false,
    coordinator: null,
    coordinatorInc: 0,
    coordinatorEpoch: -1,
    consumerIds: [],
  };
  sim.world.groups[id] = group;
  sim.emit({ type: 'group.added', groupId: id, topics: [...topics], t: sim.now });
  return group;
}
